import type { Doc } from './document.js';
import type { Span } from './schema.js';

/** Offsets at which lines start; CRLF, lone CR and lone LF each end one line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  // Without a CR, every line ends at a LF: found by indexOf rather than a test of each character.
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * Binary search: how many leading indices of [0, length) satisfy `before`, for a `before` that holds on a prefix
 * and fails after it (e.g. `i => starts[i] <= pos` over sorted starts). The last index satisfying it is one less.
 */
export function countBefore(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The 1-based line holding `offset`, by binary search over the line index. */
export function lineOf(starts: readonly number[], offset: number): number {
  return Math.max(1, countBefore(starts.length, (i) => starts[i]! <= offset));
}

export function spanOf(doc: Pick<Doc, 'lineStarts'>, start: number, end: number): Span {
  const line = lineOf(doc.lineStarts, start);
  return { start, end, line, column: start - doc.lineStarts[line - 1]! + 1 };
}

/**
 * `spanOf` for ranges asked about mostly in text order (the figures of a document, one after another): the line last
 * found, then the one after it, are tried before a bisection of the line index. Each span is the one `spanOf` gives.
 */
export class LineCursor {
  /** The 0-based index of the line last found. */
  private i = 0;

  constructor(private readonly starts: readonly number[]) {}

  /** `lineOf(starts, offset)`. */
  line(offset: number): number {
    const i = this.i;
    if (this.holds(i, offset)) return i + 1;
    if (i + 1 < this.starts.length && this.holds(i + 1, offset)) return (this.i = i + 1) + 1;
    const line = lineOf(this.starts, offset);
    this.i = line - 1;
    return line;
  }

  /** `spanOf(doc, start, end)`. */
  span(start: number, end: number): Span {
    const line = this.line(start);
    return { start, end, line, column: start - this.starts[line - 1]! + 1 };
  }

  /** Whether `offset` lies on the line of index `i` (the last line runs to the end of the text). */
  private holds(i: number, offset: number): boolean {
    return this.starts[i]! <= offset && (i + 1 === this.starts.length || offset < this.starts[i + 1]!);
  }
}

/** `{text, span}` for a range of the document. */
export function textSpan(doc: Pick<Doc, 'lineStarts' | 'text'>, start: number, end: number): { text: string; span: Span } {
  return { text: doc.text.slice(start, end), span: spanOf(doc, start, end) };
}

/**
 * Exactly what `/\s/` matches (ECMAScript's WhiteSpace and LineTerminator: tab to carriage return, space, U+00A0,
 * U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF), by comparisons: no one-character string is
 * built and no regex run for each character (a test compares it with `/\s/` over every UTF-16 unit).
 */
export function isSpaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0x1680) return code === 0xa0;
  if (code >= 0x2000) return code <= 0x200a || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
  return code === 0x1680;
}

/** Narrow [start, end) so it starts and ends on non-space characters of `view`. Runs on every line and unit. */
export function trimRange(view: string, start: number, end: number): { start: number; end: number } {
  while (start < end && isSpaceCode(view.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(view.charCodeAt(end - 1))) end--;
  return { start, end };
}
