import { isUtf8, transcode } from 'node:buffer';
import { createHash } from 'node:crypto';
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

/**
 * Canonical name for a user-supplied encoding label (gbk and gb2312 are read as their superset gb18030).
 * Plain `utf-16` means "by its byte-order mark", little-endian when there is none, as Windows writes it.
 */
export function encodingName(label: string, bytes?: Uint8Array): Encoding | null {
  const l = label.toLowerCase().replace(/_/g, '-');
  if (l === 'utf8' || l === 'utf-8') return 'utf-8';
  if (l === 'utf16' || l === 'utf-16') return bytes?.[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-16le';
  if (l === 'utf16le' || l === 'utf-16le') return 'utf-16le';
  if (l === 'utf16be' || l === 'utf-16be') return 'utf-16be';
  if (['gb18030', 'gbk', 'gb2312', 'cp936'].includes(l)) return 'gb18030';
  return null;
}

/** Share of U+FFFD among the non-ASCII characters of a decoded text. */
function replacementShare(text: string): number {
  let wide = 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    wide++;
    if (c === 0xfffd) bad++;
  }
  return wide === 0 ? 0 : bad / wide;
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

/** Share of characters that plausibly belong to a Chinese report: CJK, their punctuation, printable ASCII, line breaks. */
function textShare(text: string): number {
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13 || (c >= 0x3000 && c <= 0x303f) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x206f)) good++;
  }
  return text.length === 0 ? 0 : good / text.length;
}

/** UTF-16 without a BOM has NUL bytes (high halves of ASCII, low halves of U+4E00…); tell it from binary by decoding a sample. */
function bomlessUtf16(bytes: Uint8Array): Encoding | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192) & ~1);
  if (!sample.includes(0)) return null;
  const le = textShare(new TextDecoder('utf-16le').decode(sample));
  const be = textShare(new TextDecoder('utf-16be').decode(sample));
  if (Math.max(le, be) < 0.95) return null;
  return le >= be ? 'utf-16le' : 'utf-16be';
}

/**
 * BOM first; then UTF-16 without BOM, binary data, valid UTF-8; then nearly valid UTF-8 (a damaged file keeps its few
 * U+FFFD, whereas GB18030 text read as UTF-8 is mostly U+FFFD); otherwise GB18030, the superset of GBK and GB2312.
 */
export function detectEncoding(bytes: Uint8Array): { encoding: Encoding; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return { encoding: utf16, bom: 0 };
  if (looksBinary(bytes)) throw new InputError('binary file, not text (found control or NUL bytes)');
  if (isUtf8(bytes)) return { encoding: 'utf-8', bom: 0 };
  const asUtf8 = new TextDecoder('utf-8').decode(bytes.subarray(0, 1 << 20));
  return { encoding: replacementShare(asUtf8) < 0.05 ? 'utf-8' : 'gb18030', bom: 0 };
}

/**
 * Valid UTF-8 through ICU's transcoder to UTF-16: several times faster than TextDecoder on CJK text (V8's UTF-8
 * decoder is byte-at-a-time). Null when the fast path does not apply: invalid bytes (U+FFFD placement is left to
 * TextDecoder) or a leading BOM (TextDecoder drops one, the transcoder keeps it).
 */
function fastUtf8(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return null;
  if (!isUtf8(bytes)) return null;
  try {
    return transcode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'utf8', 'ucs2').toString('ucs2');
  } catch {
    return null; // a Node built without ICU
  }
}

function decode(bytes: Uint8Array, encoding: Encoding): string {
  if (encoding === 'utf-8') {
    const fast = fastUtf8(bytes);
    if (fast !== null) return fast;
  }
  // Node's TextDecoder (full ICU) reads UTF-16 in both byte orders and GB18030, a superset of GBK and GB2312.
  return new TextDecoder(encoding).decode(bytes);
}

function notBlank(text: string): string {
  if (/^[\s\u3000\ufeff]*$/u.test(text)) throw new InputError('no text in file (only white space)');
  return text;
}

/** bytes → text. The BOM is not part of the text, so offsets start at the first character. */
export const read: Stage = (doc, ctx): Doc => {
  const bytes = doc.bytes;
  if (bytes.length === 0) throw new InputError('empty file');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // Text handed over already decoded (the API's `{text}` input) is kept as it is, a leading U+FEFF included.
  if (doc.text) return { ...doc, text: notBlank(doc.text), sha256, encoding: 'utf-8', lineStarts: lineStarts(doc.text) };
  const forced = ctx.encoding ? encodingName(ctx.encoding, bytes) : null;
  if (ctx.encoding && !forced) throw new InputError(`unknown encoding "${ctx.encoding}", expected utf-8, utf-16le, utf-16be or gb18030`);
  const detected = forced ? { encoding: forced, bom: 0 } : detectEncoding(bytes);
  let text = decode(bytes.subarray(detected.bom), detected.encoding);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!forced && detected.encoding === 'gb18030' && replacementShare(text) > 0.3) throw new InputError(`cannot decode as UTF-8, UTF-16 or GB18030 (most characters invalid); try --encoding`);
  notBlank(text);
  return { ...doc, text, sha256, encoding: detected.encoding, lineStarts: lineStarts(text) };
};
