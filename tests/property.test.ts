import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import { newDoc } from '../src/document.js';
import { PIPELINE } from '../src/pipeline.js';
import { Result } from '../src/schema.js';
import { lineOf } from '../src/span.js';
import { InputError } from '../src/stages/read.js';
import { badSpans, rules, SEEDS, spannedItems } from './helpers.js';

/** Pieces reports are made of, weighted towards what breaks parsers: markers, numbers, units, odd spaces, line ends. */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('发展', '经济', '增长', '亿元', '万人次', '个百分点', '以上', '左右', '约', '完成', '力争', '责任单位：区发改局、区财政局', '牵头单位:', '名词解释', '附表', '年', '月', '日', '第', '是', '负责', '工作回顾', '重点工作安排', '“', '”', '《', '》', '〔2022〕', '号') },
  { weight: 4, arbitrary: fc.constantFrom('一、', '（一）', '(二)', '1.', '１．', '(3)', '①', '[1]', '第一部分', '——', '一是', '〔1〕') },
  { weight: 5, arbitrary: fc.stringMatching(/^[0-9０-９]{1,6}([.．][0-9]{1,2})?$/) },
  { weight: 4, arbitrary: fc.constantFrom('%', '％', '。', '，', '；', '：', ':', '、', '|', '-', '～', '?', '????', '\ufffd', '&nbsp;', '<p>', '&amp;') },
  { weight: 4, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\r\r\n', '\\r\\n', ' ', '  ', '\u00a0', '\u2002', '\u2003\u2003', '\u3000', '\t', '\u200b', '\ufeff') },
  { weight: 3, arbitrary: fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)), maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('分享到：', '责任编辑：张三', '【字体：大 中 小】', '当前位置：首页', '免责声明：', '正文：', '本帖最后由 a 于 2022-1-1 编辑', 'ICP备123号') },
);
const report = fc.array(piece, { maxLength: 120 }).map((pieces) => pieces.join(''));

/** Every span's line and column agree with its offset, counted the slow way. */
function badLines(result: Result, text: string): string[] {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  const wrong = (s: { start: number; line: number; column: number }) => {
    const line = lineOf(starts, s.start);
    return s.line !== line || s.column !== s.start - starts[line - 1]! + 1;
  };
  const labelled = spannedItems(result).filter(([, item]) => wrong(item.span as never)).map(([label]) => label);
  result.organizations.forEach((o, i) => o.mentions.forEach((m, j) => { if (wrong(m) || m.end > text.length || m.start >= m.end) labelled.push(`organizations[${i}].mentions[${j}]`); }));
  return labelled;
}

describe('property: any text', () => {
  it('never crashes, gives schema-valid output whose spans slice exactly, and takes no number from damaged text', () => {
    fc.assert(
      fc.property(report, (text) => {
        let result: Result;
        try {
          result = extract({ text }, { rules });
        } catch (error) {
          // Only text with nothing but spaces is refused.
          expect(error).toBeInstanceOf(InputError);
          expect(text.replace(/[\s\u3000\ufeff]/gu, '')).toBe('');
          return;
        }
        expect(Result.safeParse(result).success).toBe(true);
        // Text given as a string is taken as it is (a leading U+FEFF included): offsets count in the caller's string.
        const source = text;
        expect(badSpans(result, source)).toEqual([]);
        expect(badLines(result, source)).toEqual([]);
        // Damaged characters and footnote markers glued to words ([1], ①) never become part of a number.
        for (const q of result.quantities) expect(q.core.text).not.toMatch(/[\ufffd?？[\]①-⑳〔〕]/);
        for (const r of result.removed) expect(r.span.end).toBeGreaterThan(r.span.start);
      }),
      { numRuns: 300 },
    );
  });
});

/** Run the stages one by one on `text`, returning the time each took (best of `rounds`). */
function stageTimes(text: string, rounds = 3): number[] {
  const bytes = new TextEncoder().encode(text);
  const best = PIPELINE.map(() => Infinity);
  for (let r = 0; r < rounds; r++) {
    let doc = newDoc(bytes, null);
    PIPELINE.forEach((stage, k) => {
      const t = performance.now();
      doc = stage(doc, { rules });
      best[k] = Math.min(best[k]!, performance.now() - t);
    });
  }
  return best;
}

describe('property: cost grows linearly with size', () => {
  const seed = readFileSync(join(SEEDS, '001_00f01ebf3f7ca338.txt'), 'utf8');
  // Generous: an 8× larger input may take up to 24× longer (a quadratic stage would take about 64×); tiny times pass.
  const layouts: [string, string][] = [
    ['in lines', seed],
    ['flattened onto one line', seed.replace(/\r?\n/g, '\u3000\u3000')],
    // Many blocks and no figure at all: a scan block by block that read on to the end of the text was quadratic.
    ['short lines with no figure', '推进改革，优化服务\n'.repeat(500)],
  ];
  for (const [layout, chunk] of layouts) {
    it(`${layout}: 8× the text takes well under 64× the time`, () => {
      stageTimes(chunk, 1);
      const one = stageTimes(chunk);
      const eight = stageTimes(chunk.repeat(8));
      const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const detail = PIPELINE.map((s, k) => `${s.name}: ${one[k]!.toFixed(1)} → ${eight[k]!.toFixed(1)} ms`).join('; ');
      expect(total(eight) < 24 * total(one) || total(eight) < 150, detail).toBe(true);
    });
  }
});
