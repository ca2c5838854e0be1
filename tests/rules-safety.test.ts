// Issue 14 point 2, as a property: a user pattern is either refused (by the static screen or by recheck) or runs in
// bounded time on the near-misses that make backtracking patterns explode. Bounded to a few seconds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backtrackingRisk } from '../src/rules/pattern.js';
import { patternRisk } from '../src/rules/safety.js';

/** Pieces of the shapes that hide catastrophic backtracking: nested, overlapping, bounded repeats. */
const atom = fc.constantFrom('\\d', 'a', '[a-z]', '[^a]', '[\\u4e01-\\u4e02]', ',', '(?:\\d,?)', '[0-9万]');
const quant = fc.constantFrom('+', '*', '?', '{1,3}', '{1,20}', '{1,99}', '{2}', '');
const inner = fc.tuple(atom, quant, fc.option(fc.tuple(atom, quant), { nil: undefined })).map(([a, q, b]) => `${a}${q}${b ? b[0] + b[1] : ''}`);
const pattern = fc.tuple(inner, fc.constantFrom('+', '*', '{1,50}', '{2,10}'), fc.constantFrom('x', '!', '$', '元')).map(([body, q, end]) => `^(${body})${q}${end}`);

/** Strings that make a backtracking pattern try every split: runs of what it matches, then a character it does not. */
const NEAR_MISSES = ['1', 'a', '丁', '1,', 'b'].flatMap((unit) => [`${unit.repeat(Math.ceil(32 / unit.length))}#`, `${unit.repeat(Math.ceil(32 / unit.length))}`]);

describe('user rule patterns: refused, or fast on near-misses', () => {
  it('holds for generated nestings of repeats', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(pattern, (source) => {
        if (backtrackingRisk(source) || patternRisk(source)) {
          refused++;
          return true;
        }
        accepted++;
        const re = new RegExp(source, 'u');
        for (const text of NEAR_MISSES) {
          const started = performance.now();
          re.test(text);
          const ms = performance.now() - started;
          if (ms > 250) throw new Error(`${source} accepted but took ${ms.toFixed(0)} ms on ${JSON.stringify(text)}`);
        }
        return true;
      }),
      { numRuns: 16, seed: 14 },
    );
    // Both sides of the property are exercised by the fixed seed.
    expect([accepted > 0, refused > 0]).toEqual([true, true]);
  }, 60_000);

  it('names the shape and an attack when it refuses', () => {
    expect(patternRisk('^(\\d{1,3},?)+x')).toMatch(/^takes exponential time on a near-miss; e\.g\. \d+ characters such as "/);
    expect(patternRisk('^\\d+x')).toBeNull();
  });
});
