import { describe, expect, it } from 'vitest';
import { Coverage, Locator, coverage } from '../src/extract/quantity/spans.js';

const r = (start: number, end: number) => ({ start, end });

describe('span lookups answer as a linear search would', () => {
  const lists = [
    [],
    [r(0, 5), r(5, 9), r(12, 20)],
    [r(3, 3), r(3, 8), r(10, 11)],
    [r(10, 20), r(0, 5), r(4, 12)], // unsorted and overlapping
    [r(0, 10), r(2, 4), r(8, 15)], // nested
  ];
  for (const ranges of lists) {
    it(JSON.stringify(ranges), () => {
      const inside = new Coverage(ranges);
      const asFunction = coverage(ranges);
      const at = new Locator(ranges);
      // Forward, backward and back and forth: the lookups remember where they last answered.
      const forward = Array.from({ length: 24 }, (_, i) => i - 1);
      for (const pos of [...forward, ...[...forward].reverse(), 7, 3, 15, 0, 21, 4, 12, 11, -1, 9]) {
        expect(inside.has(pos)).toBe(ranges.some((x) => pos >= x.start && pos < x.end));
        expect(asFunction(pos)).toBe(inside.has(pos));
        expect(at.at(pos)).toBe(ranges.findIndex((x) => pos >= x.start && pos < x.end));
      }
    });
  }
});
