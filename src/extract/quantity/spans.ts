import type { Range } from '../../document.js';
/** The last index in sorted `starts` whose value is <= pos, or -1 (a bisection, no callback per step). */
export function lastAtOrBefore(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Whether a position lies in any of some ranges (tables, tasks, glossary entries), by binary search over their
 * union, built once per document: a linear `some` per mention would make a long report quadratic.
 */
export function coverage(ranges: readonly Range[]): (pos: number) => boolean {
  // No list, not even an empty one, is given a function of its own: a call site that met two was thrown out of
  // optimised code.
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const r of sorted) {
    if (ends.length && r.start <= ends[ends.length - 1]!) ends[ends.length - 1] = Math.max(ends[ends.length - 1]!, r.end);
    else { starts.push(r.start); ends.push(r.end); }
  }
  return (pos) => {
    const i = lastAtOrBefore(starts, pos);
    return i >= 0 && pos < ends[i]!;
  };
}

/**
 * The index of the first range (in array order) holding a position, or -1. Ranges that are sorted and do not
 * overlap (the usual case for tasks) are searched by bisection; any other list falls back to a linear search,
 * which gives the same answer.
 */
export function locator(ranges: readonly Range[]): (pos: number) => number {
  let ordered = true;
  for (let i = 1; i < ranges.length && ordered; i++) {
    const prev = ranges[i - 1]!;
    ordered = prev.end >= prev.start && ranges[i]!.start >= prev.end;
  }
  if (!ordered) return (pos) => ranges.findIndex((r) => pos >= r.start && pos < r.end);
  // Pushed one by one: `map` makes a holey array once V8 has optimised the call, and `lastAtOrBefore`, given
  // arrays of two kinds, was thrown out of optimised code.
  const starts: number[] = [];
  for (const r of ranges) starts.push(r.start);
  return (pos) => {
    const i = lastAtOrBefore(starts, pos);
    return i >= 0 && pos < ranges[i]!.end ? i : -1;
  };
}
