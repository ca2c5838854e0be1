import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Doc } from '../src/document.js';
import { quantities } from '../src/extract/quantities.js';
import type { Quantity } from '../src/schema.js';
import { docOf, rules } from './helpers.js';

/** The one quantity of a sentence (the test fails on none or several). */
function only(text: string): Quantity {
  const doc: Doc = docOf(text);
  const found = quantities(doc, { rules }).quantities;
  expect(found.map((q) => q.core.text), text).toHaveLength(1);
  return found[0]!;
}

const ORDINARY = { digits: '零一二三四五六七八九', places: ['', '十', '百', '千'], bigs: ['', '万', '亿'] };
const CAPITAL = { digits: '零壹贰叁肆伍陆柒捌玖', places: ['', '拾', '佰', '仟'], bigs: ['', '萬', '億'] };

/** 0 < g < 10000 as a section of a Chinese numeral (with 零 for skipped places inside it). */
function section(g: number, set: typeof ORDINARY): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const d = Math.floor(g / 10 ** place) % 10;
    if (d === 0) { zero = out.length > 0; continue; }
    out += (zero ? set.digits[0] : '') + set.digits[d] + set.places[place];
    zero = false;
  }
  return out;
}

/** n (1 ≤ n < 10^12) written in Chinese numerals as people write them: 十五 (not 一十五), 一万零五, 三亿零五百万. */
function chinese(n: number, set = ORDINARY): string {
  const groups = [n % 1e4, Math.floor(n / 1e4) % 1e4, Math.floor(n / 1e8)];
  let out = '';
  let gap = false;
  for (let i = 2; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) { gap = out.length > 0; continue; }
    if (out && (gap || g < 1000)) out += set.digits[0];
    out += section(g, set) + set.bigs[i];
    gap = false;
  }
  return out.replace(new RegExp(`^${set.digits[1]}${set.places[1]}`), set.places[1]!);
}

const withSeparators = (n: number) => n.toLocaleString('en-US');
const RUNS = { numRuns: 150 };

describe('every number the grammar writes parses back to its value', () => {
  it('Arabic digits, with thousands separators and decimals', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 999_999_999 }), fc.integer({ min: 0, max: 99 }), (n, cents) => {
      const q = only(`安排资金${withSeparators(n)}元。`);
      expect([q.value, q.unit, q.normalized.value]).toEqual([n, '元', n]);
      const d = Number(`${n}.${String(cents).padStart(2, '0')}`);
      expect(only(`实现收入${d}亿元。`)).toMatchObject({ value: d, unit: '亿元' });
    }), RUNS);
  });

  it('Chinese numerals (with 两 for a leading two)', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 999_999_999_999 }), fc.boolean(), (n, liang) => {
      let written = chinese(n);
      if (liang) written = written.replace(/^二(?=[千百万亿])/, '两');
      expect(only(`安排资金${written}元。`).normalized.value, written).toBe(n);
    }), RUNS);
  });

  it('capital numerals', () => {
    fc.assert(fc.property(fc.integer({ min: 11, max: 99_999_999 }), (n) => {
      const written = chinese(n, CAPITAL);
      expect(only(`合计${written}元整。`).normalized.value, written).toBe(n);
    }), RUNS);
  });

  it('mixed 万/千 and 亿/万 compounds', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9999 }), (a, b, c) => {
      expect(only(`收入${a}万${b}千元。`).normalized.value).toBe(a * 1e4 + b * 1e3);
      const q = only(`投资${a}亿${c}万元。`);
      expect([q.value, q.unit, q.normalized.value]).toEqual([a * 1e4 + c, '万元', a * 1e8 + c * 1e4]);
    }), RUNS);
  });

  it('多 and 余 before a magnitude or a unit: more than the number', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 9999 }), fc.constantFrom('多', '余'), fc.constantFrom('万', '亿', ''), (n, more, magnitude) => {
      const q = only(`惠及${n}${more}${magnitude}人。`);
      expect([q.value, q.comparator, q.unit]).toEqual([n, '>', `${magnitude}人`]);
      expect(q.normalized.value).toBe(n * (magnitude === '万' ? 1e4 : magnitude === '亿' ? 1e8 : 1));
    }), RUNS);
  });

  it('ranges sharing one magnitude and unit, in digits or in Chinese', () => {
    const pair = fc.tuple(fc.integer({ min: 2, max: 9998 }), fc.integer({ min: 1, max: 9997 })).map(([a, d]) => [a, Math.min(9999, a + d)] as const).filter(([a, b]) => a < b);
    fc.assert(fc.property(pair, fc.constantFrom('至', '到', '-', '—'), fc.constantFrom('万', '亿'), fc.boolean(), ([lo, hi], join, magnitude, cn) => {
      const [a, b] = cn ? [chinese(lo), chinese(hi)] : [String(lo), String(hi)];
      const q = only(`投资${a}${join}${b}${magnitude}元。`);
      expect([q.value, q.range, q.unit], `${a}${join}${b}`).toEqual([null, [lo, hi], `${magnitude}元`]);
    }), RUNS);
  });

  it('digits split by spaces', () => {
    fc.assert(fc.property(fc.integer({ min: 10, max: 99_999 }), (n) => {
      const spaced = String(n).split('').join(' ');
      expect(only(`增长${spaced} %。`).value, spaced).toBe(n);
      expect(only(`收入${spaced} 亿元。`).normalized.value, spaced).toBe(n * 1e8);
    }), RUNS);
    fc.assert(fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 99 }), fc.constantFrom(' . ', '. ', ' .', '.'), (whole, frac, point) => {
      const digits = `${String(whole).split('').join(' ')}${point}${String(frac).split('').join(' ')}`;
      if (!digits.includes(' ')) return;
      expect(only(`增加值完成${digits} 亿元。`).value, digits).toBe(Number(`${whole}.${frac}`));
    }), RUNS);
  });
});
