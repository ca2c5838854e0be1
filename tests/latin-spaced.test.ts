import { describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import type { Result } from '../src/schema.js';
import { badSpans, docOf, rules } from './helpers.js';

// A copy spaced between Chinese and Latin letters or digits, as typesetting guides ask and PDF converters write
// (关于青川市 2025 年预算, 完成 156.8 亿元, 建成 5G 基站), reads like the same text written tight: the same headings,
// title, date and type, the same figures with the same fields, and every span still slicing the source as written.
// The texts are made up for these tests.

const isHanzi = (ch: string) => /[\u3400-\u9fff]/u.test(ch);
const isLatin = (ch: string) => /[0-9A-Za-z]/.test(ch);

/** The text with one space between each hanzi and an ASCII letter or digit next to it, either way round. */
function latinSpace(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const a = text[i - 1] ?? '';
    const b = text[i]!;
    if ((isHanzi(a) && isLatin(b)) || (isLatin(a) && isHanzi(b))) out += ' ';
    out += b;
  }
  return out;
}

/**
 * The spaced text and its tight form, each line broken at the same places: the spaced line at `columns` display
 * columns (CJK two, the rest one), spaces counted, as a converter breaks a page's lines; headings stay whole.
 */
function wrapBoth(text: string, columns: number): { spaced: string; plain: string } {
  const spaced: string[] = [];
  const plain: string[] = [];
  for (const line of text.split('\n')) {
    if (line.length < 30) {
      spaced.push(latinSpace(line));
      plain.push(line);
      continue;
    }
    let s = '';
    let p = '';
    let w = 0;
    const chars = [...line];
    chars.forEach((ch, i) => {
      const size = ch.charCodeAt(0) > 0xff ? 2 : 1;
      const gap = (isHanzi(chars[i - 1] ?? '') && isLatin(ch)) || (isLatin(chars[i - 1] ?? '') && isHanzi(ch)) ? 1 : 0;
      if (w > 0 && w + gap + size > columns) {
        spaced.push(s);
        plain.push(p);
        [s, p, w] = ['', '', 0];
      }
      if (gap && w > 0) {
        s += ' ';
        w += 1;
      }
      s += ch;
      p += ch;
      w += size;
    });
    spaced.push(s);
    plain.push(p);
  }
  return { spaced: spaced.join('\n'), plain: plain.join('\n') };
}

const BUDGET_REPORT = [
  '关于青川市2025年全市和市级预算执行情况与2026年全市和市级预算草案的报告（书面）',
  '——2026年1月21日在青川市第十届人民代表大会第五次会议上',
  '青川市财政局',
  '各位代表：',
  '受市人民政府委托，现将青川市2025年全市和市级预算执行情况与2026年全市和市级预算草案提请大会审议，并请市政协委员和其他列席人员提出意见。',
  '一、2025年全市和市级预算执行情况',
  '（一）全市预算执行情况',
  '2025年全市一般公共预算收入完成90.9亿元，同比增长0.4%，完成全年预期目标。其中税收收入54.1亿元，非税收入36.8亿元。全市一般公共预算支出234.9亿元，同比增长2.9%，其中教育支出44.2亿元，科学技术支出8.1亿元。',
  '全年建成5G基站1200个，新增城镇就业2.1万人，城镇调查失业率控制在5.5%以内。分领域看，文化旅游体育与传媒支出8.3亿元，全年新建学校3所、医院2所、公园5个、广场4个、驿站6个、书屋7家、球场8片、泳池9个、绿道3条、停车场5个、充电站6座，社会保障和就业支出32.5亿元，卫生健康支出25.1亿元，节能环保支出6.2亿元，城乡社区支出16.6亿元，农林水支出24.7亿元，交通运输支出7.3亿元，各项重点支出得到有力保障，财政运行总体平稳，收支矛盾有所缓解，预算管理制度改革持续深化。',
  '二、2026年全市和市级预算草案',
  '2026年全市一般公共预算收入预期目标91.4亿元，增长0.5%。加上上级补助和调入资金后，预算财力约为235.6亿元，一般公共预算支出安排235.6亿元。',
  '到2027年，全市新建学校20所，一般公共预算支出中民生支出占比不低于80%。',
].join('\n');

const squeeze = (s: string | null) => (s ?? '').replace(/\s+/g, '');
const sections = (r: Result) => r.sections.map((s) => `${s.depth} ${squeeze(s.heading)} ${s.role} ${s.year}`);
const figures = (r: Result) => r.quantities.map((q) => ({
  core: squeeze(q.core.text), value: q.value, unit: q.unit, measure: q.measure, direction: q.direction, kind: q.kind, year: q.year,
  comparator: q.comparator, period: q.period, indicator: q.indicator, section: q.section,
}));
const meta = (r: Result) => ({ title: squeeze(r.meta.title), docType: r.meta.docType, date: r.meta.date, year: r.meta.year });

describe('a budget report spaced between Chinese and Latin', () => {
  const spaced = latinSpace(BUDGET_REPORT);
  const a = extract({ text: spaced }, { rules });
  const b = extract({ text: BUDGET_REPORT }, { rules });

  it('is told from its tight form', () => {
    expect(spaced).toContain('关于青川市 2025 年全市');
    expect(spaced).toContain('完成 90.9 亿元');
    expect(docOf(spaced).spacing).not.toBeNull();
    expect(docOf(BUDGET_REPORT).spacing).toBeNull();
  });

  it("has the tight form's title, date, type and headings", () => {
    expect(meta(a)).toEqual(meta(b));
    expect(meta(a)).toEqual({ title: '关于青川市2025年全市和市级预算执行情况与2026年全市和市级预算草案的报告', docType: 'budget-report', date: '2026-01-21', year: 2026 });
    expect(sections(a)).toEqual(sections(b));
    expect(sections(a)).toContain('1 二、2026年全市和市级预算草案 plan 2026');
  });

  it("has the tight form's figures, years, comparators and indicators, the spacing no part of a name", () => {
    expect(figures(a)).toEqual(figures(b));
    const by = (core: string) => figures(a).find((q) => q.core === core)!;
    expect(by('90.9亿元')).toMatchObject({ kind: 'actual', year: 2025, indicator: '一般公共预算收入' });
    expect(by('1200个')).toMatchObject({ indicator: '5G基站' });
    expect(by('91.4亿元')).toMatchObject({ kind: 'target', year: 2026 });
    expect(figures(a).filter((q) => q.core === '235.6亿元').map((q) => q.comparator)).toEqual(['~', null]);
    expect(by('20所')).toMatchObject({ kind: 'target', year: 2027 });
    expect(by('80%')).toMatchObject({ comparator: '>=', year: 2027 });
  });

  it('keeps every span on the source as written, spaces included', () => {
    expect(badSpans(a, spaced)).toEqual([]);
    const q = a.quantities.find((x) => squeeze(x.core.text) === '90.9亿元')!;
    expect(q.core.text).toBe('90.9 亿元');
    expect(spaced.slice(q.span.start, q.span.end)).toBe(q.text);
  });

  it('reads a hard-wrapped copy, its lines as wide as the converter set them with the spaces, like its tight form', () => {
    const w = wrapBoth(BUDGET_REPORT, 44);
    expect(w.spaced.split('\n').length).toBeGreaterThan(BUDGET_REPORT.split('\n').length + 8);
    const c = extract({ text: w.spaced }, { rules });
    // Read across its line breaks, as the one-line copy is: the same figures with the same fields.
    expect(figures(c)).toEqual(figures(b));
    expect(figures(c).find((q) => q.core === '0.4%')).toMatchObject({ measure: 'growth', direction: 'up', indicator: '一般公共预算收入' });
    expect(badSpans(c, w.spaced)).toEqual([]);
  });
});

describe('texts that are not spaced between Chinese and Latin', () => {
  it('a tight text with a spaced line or two keeps its spaces in the view', () => {
    const text = `${BUDGET_REPORT}\n建成 5G 基站 12 个。`;
    expect(docOf(text).spacing).toBeNull();
  });

  it('a table whose columns stand two spaces apart stays a table', () => {
    const text = `${latinSpace(BUDGET_REPORT)}\n主要指标\n指标  2025年  增长\n地区生产总值  1200  6.5\n一般公共预算收入  85  3.2\n固定资产投资  640  4.1\n`;
    const r = extract({ text }, { rules });
    expect(docOf(text).spacing).not.toBeNull();
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]!.rows).toHaveLength(3);
  });
});
