/** Matching counts: true positives, false positives (extracted, not in gold), false negatives (gold, not extracted). */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Agreement on one field among matched items: `ok` of `n`. */
export interface Tally {
  ok: number;
  n: number;
}

export const counts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
export const tally = (): Tally => ({ ok: 0, n: 0 });

export function addCounts(into: Counts, from: Counts): void {
  into.tp += from.tp;
  into.fp += from.fp;
  into.fn += from.fn;
}

export function addTally(into: Tally, from: Tally): void {
  into.ok += from.ok;
  into.n += from.n;
}

export function record(t: Tally, ok: boolean): void {
  t.ok += ok ? 1 : 0;
  t.n += 1;
}

/** `null` where the denominator is 0: "nothing to measure" is not the same as a perfect or a failing score. */
export const precision = (c: Counts): number | null => (c.tp + c.fp ? c.tp / (c.tp + c.fp) : null);
export const recall = (c: Counts): number | null => (c.tp + c.fn ? c.tp / (c.tp + c.fn) : null);
/** F1 as 2tp / (2tp + fp + fn): 0 (not n/a) when gold is empty but something was extracted where it says nothing is. */
export const f1 = (c: Counts): number | null => (c.tp + c.fp + c.fn ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : null);
export const accuracy = (t: Tally): number | null => (t.n ? t.ok / t.n : null);

/** Numbers equal up to float noise (gold writes 2.30, extraction may compute 2.3000000000000003). */
export function sameNumber(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a == null || b == null) return a == null && b == null;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
