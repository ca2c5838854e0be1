import { normaliseText } from '../stages/normalise.js';

/**
 * Text compared across gold and output: full-width ASCII folded to ASCII (（一） = (一), ， = ,) and white space
 * dropped (名 词 解 释 = 名词解释), since annotators and reports write both forms and neither changes the meaning.
 */
export function fold(text: string): string {
  return normaliseText(text).replace(/\s+/g, '');
}

export function sameFolded(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return a == null && b == null;
  return fold(a) === fold(b);
}

/** Two lists of names equal item by item after folding (order matters: the first named unit leads). */
export function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => fold(x) === fold(b[i]!));
}
