import { isUtf8, transcode } from 'node:buffer';
import * as crypto from 'node:crypto';
import { withFields, type Doc, type Stage } from '../document.js';
import { lineStarts } from '../span.js';

/** Input that cannot be decoded as text; the CLI reports it against the file and goes on. */
export class InputError extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5', 'shift_jis'] as const;
export type Encoding = (typeof ENCODINGS)[number];

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
  if (['big5', 'big5-hkscs', 'cp950'].includes(l)) return 'big5';
  if (['shift-jis', 'sjis', 'cp932', 'windows-31j', 'ms932'].includes(l)) return 'shift_jis';
  return null;
}

/** The names `--encoding` accepts, for messages. */
export const ENCODING_NAMES = 'utf-8, utf-16le, utf-16be, gb18030 (gbk and gb2312 read as gb18030), big5, shift_jis';

/**
 * How much of a text in a legacy double-byte encoding looks like ordinary writing: the share of its double-byte
 * characters that fall in the encoding's common area (GB2312's symbols and level-1 hanzi for GB18030; Big5's frequent
 * hanzi and symbols; Shift-JIS kana, symbols and level-1 kanji). Each legacy encoding decodes the others' bytes into
 * valid but rare characters, so the right one stands out by this share: over 0.99 for every report of the corpus
 * in GB18030, about 0.7 for traditional Chinese in GBK, below 0.5 for Big5 read as GB18030, and at most 0.4 for
 * random bytes 0x80-0xFF in all three. Half-width katakana and bytes that cannot start a character count against.
 */
function commonShare(bytes: Uint8Array, encoding: 'gb18030' | 'big5' | 'shift_jis'): number {
  const n = Math.min(bytes.length, 1 << 16);
  let good = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const a = bytes[i]!;
    if (a < 0x80) continue;
    const b = i + 1 < n ? bytes[i + 1]! : 0;
    total++;
    if (encoding === 'gb18030') {
      if (a === 0x80 || a === 0xff) continue;
      if (b >= 0x30 && b <= 0x39) { good++; i += 3; continue; } // a four-byte sequence
      if (b >= 0xa1 && b <= 0xfe && ((a >= 0xa1 && a <= 0xa9) || (a >= 0xb0 && a <= 0xd7))) good++;
      i++;
    } else if (encoding === 'big5') {
      if (a === 0x80 || a === 0xff) continue;
      const code = (a << 8) | b;
      if (((b >= 0x40 && b <= 0x7e) || (b >= 0xa1 && b <= 0xfe)) && ((code >= 0xa140 && code <= 0xa3bf) || (code >= 0xa440 && code <= 0xc67e))) good++;
      i++;
    } else {
      if ((a >= 0xa1 && a <= 0xdf) || a === 0x80 || a === 0xa0 || a >= 0xfd) continue; // half-width kana, invalid
      const code = (a << 8) | b;
      if (((b >= 0x40 && b <= 0x7e) || (b >= 0x80 && b <= 0xfc)) && ((a >= 0x81 && a <= 0x84) || (code >= 0x889f && code <= 0x9872))) good++;
      i++;
    }
  }
  return total === 0 ? 1 : good / total;
}

/** Below this share of common characters (see commonShare) Big5 or Shift-JIS is not trusted… */
const COMMON = 0.85;
/** …nor GB18030 below this one (lower: traditional Chinese in GBK lies outside GB2312 yet is GB18030). */
const COMMON_GB = 0.6;

/** GB18030 (the usual case), Big5 or Shift-JIS for bytes that are not UTF-8; an InputError when unsure. */
function legacyEncoding(bytes: Uint8Array): Encoding {
  const gb = commonShare(bytes, 'gb18030');
  const big5 = commonShare(bytes, 'big5');
  const sjis = commonShare(bytes, 'shift_jis');
  const best = Math.max(gb, big5, sjis);
  const scores = `GB18030 ${gb.toFixed(2)}, Big5 ${big5.toFixed(2)}, Shift-JIS ${sjis.toFixed(2)}`;
  // GB18030 wins ties: it is what a Chinese report not in UTF-8 almost always is.
  if (gb >= COMMON_GB && gb >= best - 0.02) return 'gb18030';
  if (best < COMMON) throw new InputError(`not text in a known encoding (too few common characters as ${scores}); if it is text, name its encoding with --encoding`);
  const other = big5 >= sjis ? 'big5' : 'shift_jis';
  if (best - Math.max(gb, Math.min(big5, sjis)) >= 0.1) return other;
  throw new InputError(`unsure of the encoding (${scores}); name it with --encoding`);
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
  if (n === 0) return false;
  const control = controlBytes(bytes, n);
  return control < 0 || control / n > 0.01;
}

/** Bits 0-31: the control bytes looksBinary counts (all but tab, LF, FF, CR and ESC). */
const CONTROL = ~((1 << 9) | (1 << 10) | (1 << 12) | (1 << 13) | (1 << 27));

/**
 * How many of the first `n` bytes are control bytes, or -1 at a NUL. The loop is a function of its own, with one
 * test per byte: V8 compiles it on-stack while its first call runs, and code after the loop, never run by then, would
 * have no type feedback and throw that compilation away on every later call.
 */
function controlBytes(bytes: Uint8Array, n: number): number {
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 32) {
      if (b === 0) return -1;
      control += (CONTROL >>> b) & 1;
    }
  }
  return control;
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
export function detectEncoding(bytes: Uint8Array): { encoding: Encoding; bom: number; valid?: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return { encoding: utf16, bom: 0 };
  if (looksBinary(bytes)) throw new InputError('binary file, not text (found control or NUL bytes)');
  if (isUtf8(bytes)) return { encoding: 'utf-8', bom: 0, valid: true };
  const asUtf8 = new TextDecoder('utf-8').decode(bytes.subarray(0, 1 << 20));
  return { encoding: replacementShare(asUtf8) < 0.05 ? 'utf-8' : legacyEncoding(bytes), bom: 0 };
}

/**
 * Valid UTF-8 through ICU's transcoder to UTF-16: several times faster than TextDecoder on CJK text (V8's UTF-8
 * decoder is byte-at-a-time). Null when the fast path does not apply: invalid bytes (U+FFFD placement is left to
 * TextDecoder) or a leading BOM (TextDecoder drops one, the transcoder keeps it).
 */
function fastUtf8(bytes: Uint8Array, valid: boolean): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return null;
  if (!valid) return null;
  try {
    return transcode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'utf8', 'ucs2').toString('ucs2');
  } catch {
    return null; // a Node built without ICU
  }
}

/** `valid`: the bytes are known to be valid UTF-8 (detection tested them), so they need not be tested again. */
function decode(bytes: Uint8Array, encoding: Encoding, valid: boolean): string {
  if (encoding === 'utf-8') {
    const fast = fastUtf8(bytes, valid);
    if (fast !== null) return fast;
  }
  // Node's TextDecoder (full ICU) reads UTF-16 in both byte orders, GB18030 (a superset of GBK and GB2312), Big5
  // and Shift-JIS.
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * How many U+FFFD decoding put in that were not in the bytes (an encoded U+FFFD is kept as text): none when the bytes
 * are valid UTF-8 read as UTF-8, so the text is not searched then.
 */
function replacements(text: string, bytes: Uint8Array, encoding: Encoding, valid: boolean): number {
  if (valid && encoding === 'utf-8') return 0;
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  if (n === 0) return 0;
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return 0;
  } catch {
    return n;
  }
}

/**
 * The bytes' SHA-256 in hex. Node 20.12 and later hash in one call (crypto.hash), without the Hash object createHash
 * builds and throws away for every file; older ones take that way.
 */
const sha256Of: (bytes: Uint8Array) => string = typeof crypto.hash === 'function'
  ? (bytes) => crypto.hash('sha256', bytes, 'hex')
  : (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

function notBlank(text: string): string {
  if (/^[\s\u3000\ufeff]*$/u.test(text)) throw new InputError('no text in file (only white space)');
  return text;
}

/** bytes → text. The BOM is not part of the text, so offsets start at the first character. */
export const read: Stage = (doc, ctx): Doc => {
  const bytes = doc.bytes;
  if (bytes.length === 0) throw new InputError('empty file');
  const sha256 = sha256Of(bytes);
  // Text handed over already decoded (the API's `{text}` input) is kept as it is, a leading U+FEFF included.
  if (doc.text) return withFields(doc, { text: notBlank(doc.text), sha256, encoding: 'utf-8', lineStarts: lineStarts(doc.text) });
  const forced = ctx.encoding ? encodingName(ctx.encoding, bytes) : null;
  if (ctx.encoding && !forced) throw new InputError(`unknown encoding "${ctx.encoding}", expected one of: ${ENCODING_NAMES}`);
  const detected = forced ? { encoding: forced, bom: 0 } : detectEncoding(bytes);
  const body = bytes.subarray(detected.bom);
  // Detection found the whole file valid UTF-8 with no BOM (so `body` is `bytes`); a forced encoding is tested as decoded.
  const valid = 'valid' in detected && detected.valid === true;
  let text = decode(body, detected.encoding, valid || (detected.encoding === 'utf-8' && isUtf8(body)));
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!forced && detected.encoding === 'gb18030' && replacementShare(text) > 0.3) throw new InputError(`cannot decode as UTF-8, UTF-16 or GB18030 (most characters invalid); try --encoding`);
  notBlank(text);
  const messages = [...doc.messages];
  // Bytes the encoding cannot decode are never passed over in silence: a forced encoding that does not fit the file
  // fails it (unless --force), and a damaged UTF-8 file says how many characters were replaced.
  const bad = replacements(text, body, detected.encoding, valid);
  if (bad > 0) {
    const what = `${bad} invalid byte sequence${bad === 1 ? '' : 's'} for ${detected.encoding} replaced by U+FFFD`;
    if (forced && !ctx.force) throw new InputError(`--encoding ${ctx.encoding} does not fit this file (${what}); leave --encoding out to detect it, or add --force to keep the damaged text`);
    messages.push({ severity: 'warning', code: 'read.invalid-bytes', message: forced ? `${what} (kept with --force)` : what, range: null });
  }
  return withFields(doc, { text, sha256, encoding: detected.encoding, lineStarts: lineStarts(text), messages });
};
