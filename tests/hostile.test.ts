import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import { emit } from '../src/emit/index.js';
import { badSpans, rules } from './helpers.js';

/** A figure-dense run with no punctuation, as fuzzed or badly scraped copies have: every figure shares one "clause". */
const figureRun = (n: number) => '新建学校12所投资3.5亿元增长7%'.repeat(n);
const jsonBytes = (text: string) => emit(extract({ text }, { rules }), 'json').length;

describe('hostile input: bounded output', () => {
  it("bounds a quantity's text to its clause, at most a few hundred characters with the core inside", () => {
    const text = `一、总体目标\n${figureRun(400)}\n`;
    const result = extract({ text }, { rules });
    expect(result.quantities.length).toBe(1200);
    for (const q of result.quantities) {
      expect(q.text.length).toBeLessThanOrEqual(2 * 120 + q.core.text.length);
      expect(q.core.span.start).toBeGreaterThanOrEqual(q.span.start);
      expect(q.core.span.end).toBeLessThanOrEqual(q.span.end);
    }
    expect(badSpans(result, text)).toEqual([]);
  });

  it('gives output linear in the length of a line of figures (it was quadratic: 84 KB gave 339 MB of JSON)', () => {
    const one = jsonBytes(`一、总体目标\n${figureRun(200)}\n`);
    const four = jsonBytes(`一、总体目标\n${figureRun(800)}\n`);
    expect(four / one).toBeLessThan(4.4);
  });

  it('keeps a real clause whole: the bound only cuts clauses far longer than any a report writes', () => {
    const text = '一、主要目标\n全市地区生产总值增长6%左右，一般公共预算收入增长5%。\n';
    const q = extract({ text }, { rules }).quantities;
    expect(q.map((x) => x.text)).toEqual(['全市地区生产总值增长6%左右', '一般公共预算收入增长5%']);
  });
});

describe('hostile input: numbers too large for a double', () => {
  it('normalises 1000000000000000000000万元 to a finite value (it was NaN and a 14-line zod error)', () => {
    const [q] = extract({ text: '一、目标\n投资1000000000000000000000万元。\n' }, { rules }).quantities;
    expect(q).toMatchObject({ value: 1e21, unit: '万元', normalized: { value: 1e25, unit: '元' } });
  });

  it('refuses a figure no double can hold as a quantity, with an info message naming it', () => {
    const text = `一、目标\n投资1${'0'.repeat(300)}万亿元，新建学校3所。\n`;
    const result = extract({ text }, { rules });
    expect(result.quantities.map((q) => q.core.text)).toEqual(['3所']);
    const [m] = result.messages.filter((x) => x.code === 'quantity.too-large');
    expect(m).toMatchObject({ severity: 'info' });
    expect(m!.message).toMatch(/^1000.*too large/);
    expect(m!.span!.start).toBe(text.indexOf('1000'));
    expect(JSON.parse(emit(result, 'json')).quantities[0].normalized.value).toBe(3);
  });
});

describe('hostile input: HTML space entities', () => {
  it('leaves no & of &nbsp; in unit names (民航&nbsp;局 is 民航局)', () => {
    const text = '<p>一、重点任务</p>\n<p>1.推进机场建设。（责任单位：民航&nbsp;局、市发展改革委）</p>\n';
    const result = extract({ text }, { rules });
    expect(result.tasks[0]!.responsible).toEqual(['民航局', '市发展改革委']);
    expect(result.organizations.map((o) => o.name)).not.toContain('民航&局');
  });
});

/** Pieces that stress size and time: long runs of figures, huge numbers, long space runs, many short lines. */
const hostilePiece = fc.oneof(
  fc.integer({ min: 1, max: 60 }).map(figureRun),
  fc.integer({ min: 20, max: 400 }).map((n) => `投资1${'0'.repeat(n)}万亿元`),
  fc.integer({ min: 100, max: 3000 }).map((n) => ' '.repeat(n)),
  fc.integer({ min: 10, max: 300 }).map((n) => '推进改革\n'.repeat(n)),
  fc.integer({ min: 10, max: 300 }).map((n) => '12万\n3亿\n'.repeat(n)),
  fc.constantFrom('一、', '（一）', '1.', '。', '，', '\n', '\r\n', '\t', '&nbsp;', '<p>', '责任单位：市财政局', '增长', '以上', '\n|\n', '\n1\n', '\n2\n', '\n序号\n\n', '\n\n'),
);

describe('property: hostile shapes', () => {
  it('give schema-valid output whose spans slice exactly, with quantity texts bounded and output linear in size', () => {
    fc.assert(
      fc.property(fc.array(hostilePiece, { minLength: 1, maxLength: 12 }), (pieces) => {
        const text = `一、目标\n${pieces.join('')}`;
        const result = extract({ text }, { rules });
        expect(badSpans(result, text)).toEqual([]);
        for (const q of result.quantities) {
          expect(q.text.length).toBeLessThanOrEqual(2 * 120 + q.core.text.length);
          expect(Number.isFinite(q.normalized.value ?? 0)).toBe(true);
        }
        // Each quantity costs at most a few KB of JSON and there is at most one per two characters.
        expect(emit(result, 'json').length).toBeLessThan(4000 * (text.length / 2 + 10));
      }),
      { numRuns: 40, seed: 20261206 },
    );
  });
});

describe('hostile input: one-line failures', () => {
  it('gives any failure as one line: an input problem as it is, schema and engine errors folded', async () => {
    const { failureReason } = await import('../src/failure.js');
    const { InputError } = await import('../src/stages/read.js');
    const { z } = await import('zod');
    expect(failureReason(new InputError('no such file'))).toBe('no such file');
    const zod = z.object({ a: z.number(), b: z.number() }).safeParse({ a: Number.NaN, b: 'x' }).error!;
    expect(failureReason(zod)).toMatch(/^output does not validate: a: .+ \(and 1 more\)$/);
    expect(failureReason(new Error('first\n  second\nthird'))).toBe('internal error: first second third');
  });
});

describe('hostile input: a run of millions of spaces', () => {
  it('is read without exhausting the regex stack (a repeated group over the run overflowed it)', () => {
    const text = `一、总体目标\n新建学校12所${' '.repeat(12_000_000)}投资3亿元。\n`;
    const result = extract({ text }, { rules });
    expect(result.quantities.map((q) => q.core.text)).toEqual(['12所', '3亿元']);
  });
});
