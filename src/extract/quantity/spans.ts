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
 * union, built once per document: a linear `some` per mention would make a long report quadratic. An object of one
 * class, not a closure per document: a call site that had met one document's closure was thrown out of optimised
 * code by the next one's ('wrong call target').
 */
export class Coverage {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(ranges: readonly Range[]) {
    const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
    const { starts, ends } = this;
    for (const r of sorted) {
      if (ends.length && r.start <= ends[ends.length - 1]!) ends[ends.length - 1] = Math.max(ends[ends.length - 1]!, r.end);
      else { starts.push(r.start); ends.push(r.end); }
    }
  }

  has(pos: number): boolean {
    const i = lastAtOrBefore(this.starts, pos);
    return i >= 0 && pos < this.ends[i]!;
  }
}

/** `Coverage.has` as a function, for callers that take one (segment's table cells). */
export function coverage(ranges: readonly Range[]): (pos: number) => boolean {
  const c = new Coverage(ranges);
  return (pos) => c.has(pos);
}

/**
 * The index of the first range (in array order) holding a position, or -1. Ranges that are sorted and do not
 * overlap (the usual case for tasks) are searched by bisection; any other list falls back to a linear search,
 * which gives the same answer. One class for both (see Coverage).
 */
export class Locator {
  /** The ranges' starts when they are in order and do not overlap, else null. */
  private readonly starts: number[] | null;

  constructor(private readonly ranges: readonly Range[]) {
    let ordered = true;
    for (let i = 1; i < ranges.length && ordered; i++) {
      const prev = ranges[i - 1]!;
      ordered = prev.end >= prev.start && ranges[i]!.start >= prev.end;
    }
    // Pushed one by one: `map` makes a holey array once V8 has optimised the call, and `lastAtOrBefore`, given
    // arrays of two kinds, was thrown out of optimised code.
    const starts: number[] = [];
    if (ordered) for (const r of ranges) starts.push(r.start);
    this.starts = ordered ? starts : null;
  }

  at(pos: number): number {
    const ranges = this.ranges;
    if (this.starts === null) return ranges.findIndex((r) => pos >= r.start && pos < r.end);
    const i = lastAtOrBefore(this.starts, pos);
    return i >= 0 && pos < ranges[i]!.end ? i : -1;
  }
}
