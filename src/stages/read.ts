import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import type { Doc, Stage } from '../document.js';
import { lineStarts } from '../span.js';

/** Input that cannot be decoded as text; the CLI reports it against the file and goes on. */
export class InputError extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export function isEncoding(name: string): name is Encoding {
  return (ENCODINGS as readonly string[]).includes(name);
}

/** Canonical name for a user-supplied encoding label (gbk and gb2312 are read as their superset gb18030). */
export function encodingName(label: string): Encoding | null {
  const l = label.toLowerCase().replace(/_/g, '-');
  if (l === 'utf8' || l === 'utf-8') return 'utf-8';
  if (l === 'utf16le' || l === 'utf-16le' || l === 'utf-16') return 'utf-16le';
  if (l === 'utf16be' || l === 'utf-16be') return 'utf-16be';
  if (['gb18030', 'gbk', 'gb2312', 'cp936'].includes(l)) return 'gb18030';
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Control bytes other than tab, LF, CR, FF and ESC are a sign of binary data, not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return n > 0 && control / n > 0.01;
}

export function detectEncoding(bytes: Uint8Array): { encoding: Encoding; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  if (looksBinary(bytes)) throw new InputError('binary file, not text (found control or NUL bytes)');
  return { encoding: isValidUtf8(bytes) ? 'utf-8' : 'gb18030', bom: 0 };
}

function decode(bytes: Uint8Array, encoding: Encoding): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  if (encoding === 'utf-16be') return iconv.decode(Buffer.from(bytes), 'utf-16be');
  if (encoding === 'utf-16le') return new TextDecoder('utf-16le').decode(bytes);
  return iconv.decode(Buffer.from(bytes), 'gb18030');
}

/** bytes → text. The BOM is not part of the text, so offsets start at the first character. */
export const read: Stage = (doc, ctx): Doc => {
  const bytes = doc.bytes;
  if (bytes.length === 0) throw new InputError('empty file');
  const forced = ctx.encoding ? encodingName(ctx.encoding) : null;
  if (ctx.encoding && !forced) throw new InputError(`unknown encoding "${ctx.encoding}", expected utf-8, utf-16le, utf-16be or gb18030`);
  const detected = forced ? { encoding: forced, bom: 0 } : detectEncoding(bytes);
  let text = decode(bytes.subarray(detected.bom), detected.encoding);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (/^[\s\u3000]*$/u.test(text)) throw new InputError('no text in file (only white space)');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { ...doc, text, sha256, encoding: detected.encoding, lineStarts: lineStarts(text) };
};
