/**
 * Searches for one character inside a stretch of text only. `indexOf`/`lastIndexOf` without an end run to the
 * end (or the start) of the whole view when the character is absent, and called once per block or figure they made
 * a document with no 。 quadratic in its length.
 */

/** The first index of `ch` in [from, end), or -1. */
export function indexWithin(text: string, ch: string, from: number, end: number): number {
  const code = ch.charCodeAt(0);
  const stop = Math.min(end, text.length);
  for (let i = Math.max(0, from); i < stop; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** The last index of `ch` in [start, end), or -1. */
export function lastIndexWithin(text: string, ch: string, start: number, end: number): number {
  const code = ch.charCodeAt(0);
  for (let i = Math.min(end, text.length) - 1; i >= Math.max(0, start); i--) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** Whether a UTF-16 unit is an ASCII digit (the view has full-width digits as ASCII). */
export const isDigitCode = (code: number): boolean => code >= 0x30 && code <= 0x39;

/** The index of the first ASCII digit in [from, to), or -1. */
export function digitWithin(text: string, from: number, to: number): number {
  const stop = Math.min(to, text.length);
  for (let i = Math.max(0, from); i < stop; i++) if (isDigitCode(text.charCodeAt(i))) return i;
  return -1;
}
