import { describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import type { Result } from '../src/schema.js';
import { FILLER } from '../src/util/breaks.js';
import { LetterSpacing } from '../src/util/spacing.js';
import { badSpans, docOf, rules } from './helpers.js';

// A PDF converter's letter-spaced copy (关  于  2025年  预  算) reads like the same text written plainly: the same
// headings, title, date and type, the same figures with the same fields, no tables, and every span still slicing
// the source as written (spaces included). The texts are made up for these tests.

/** What a converter spaces: CJK characters and punctuation, full-width forms, dashes and quotes. */
const isWide = (ch: string) => ch.charCodeAt(0) >= 0x2e80 || (ch.charCodeAt(0) >= 0x2010 && ch.charCodeAt(0) <= 0x206f);

/**
 * A plain text letter-spaced as a PDF converter writes it: a gap after every wide character (two spaces, one or three
 * now and then), runs of digits and Latin letters kept whole (2025年  预  算, 421.9亿  元), each line broken at `width`
 * display columns, the gap at a break dropped, but for the delivery line (——2026年1月20日在…会议上), which a report
 * prints on a line of its own. Returns the letter-spaced text and the plain text broken at the same
 * places: the same text without the spacing.
 */
function letterSpace(text: string, width = Infinity): { spaced: string; plain: string } {
  const spaced: string[] = [];
  const plain: string[] = [];
  let k = 0;
  for (const line of text.split('\n')) {
    const chars = [...line];
    const room = line.startsWith('——') ? Infinity : width;
    let s = '';
    let p = '';
    let w = 0;
    chars.forEach((ch, i) => {
      const last = i === chars.length - 1;
      const gap = isWide(ch) && !last ? (k++ % 13 === 5 ? ' ' : k % 17 === 3 ? '   ' : '  ') : '';
      const cols = (isWide(ch) ? 2 : 1) + gap.length;
      if (w > 0 && w + cols > room) {
        spaced.push(s.trimEnd());
        plain.push(p);
        [s, p, w] = ['', '', 0];
      }
      s += ch + gap;
      p += ch;
      w += cols;
    });
    spaced.push(s.trimEnd());
    plain.push(p);
  }
  return { spaced: spaced.join('\n'), plain: plain.join('\n') };
}

const WORK_REPORT = [
  '政府工作报告',
  '——2026年1月20日在青川市第十届人民代表大会第五次会议上',
  '各位代表：',
  '现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。',
  '一、2025年工作回顾',
  '过去一年，全市地区生产总值完成2856.3亿元，同比增长5.6%；一般公共预算收入完成186.2亿元，同比下降2.1%；城镇居民人均可支配收入达到45230元，增长4.8%。',
  '（一）产业转型步伐加快。新增规模以上工业企业126家，高新技术产业增加值增长12.5%，数字经济核心产业增加值占地区生产总值比重达到9.2%。',
  '（二）民生福祉持续改善。城镇新增就业5.2万人，城镇调查失业率控制在5.3%以内，新建改建学校18所，完成棚户区改造3200套。',
  '二、2026年主要目标和重点工作',
  '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，一般公共预算收入增长3%，城镇新增就业5万人以上，居民消费价格涨幅3%左右。',
  '（一）扩大有效投资',
  '1.加快重大项目建设。实施重点项目300个以上，完成投资1200亿元，新开工亿元以上项目150个。',
  '2.用好专项债券资金。争取地方政府专项债券资金80亿元，重点支持交通、水利和城市更新项目。',
  '（二）保障和改善民生',
  '新增城镇就业5万人，新建幼儿园10所，改造老旧小区120个，基本养老保险参保率稳定在95%以上。',
].join('\n');

const BUDGET_REPORT = [
  '关于青川市2025年预算执行情况和2026年预算草案的报告',
  '——2026年1月21日在青川市第十届人民代表大会第五次会议上',
  '青川市财政局',
  '各位代表：',
  '受市人民政府委托，现将青川市2025年预算执行情况和2026年预算草案提请大会审议，并请市政协委员和其他列席人员提出意见。',
  '一、2025年预算执行情况',
  '（一）一般公共预算',
  '全市一般公共预算收入完成156.8亿元，为预算的101.2%，同比增长3.6%。其中，税收收入完成108.5亿元，同比下降1.8%。全市一般公共预算支出完成312.4亿元，同比增长2.9%。',
  '（二）政府性基金预算',
  '全市政府性基金预算收入完成88.6亿元，同比下降12.3%；政府性基金预算支出完成120.7亿元，同比下降8.5%。',
  '二、2026年预算草案',
  '（一）一般公共预算',
  '2026年全市一般公共预算收入预计安排162.5亿元，比上年增长3.6%；一般公共预算支出安排318亿元，增长1.8%。',
  '（二）政府性基金预算',
  '全市政府性基金预算收入预计安排90亿元，增长1.6%；政府性基金预算支出安排118亿元。',
  '名词解释',
  '1.一般公共预算：指政府凭借国家政治权力，以社会公共事务管理者身份取得税收收入，用于保障和改善民生、推动经济社会发展的收支预算。',
  '2.政府性基金预算：指政府通过向社会征收基金、收费以及出让土地等方式取得收入，专项用于特定公共事业发展的收支预算。',
].join('\n');

const squeeze = (s: string | null) => (s ?? '').replace(/\s+/g, '');
const sections = (r: Result) => r.sections.map((s) => `${s.depth} ${squeeze(s.heading)}`);
const figures = (r: Result) => r.quantities.map((q) => ({
  core: squeeze(q.core.text), value: q.value, unit: q.unit, measure: q.measure, direction: q.direction, kind: q.kind, year: q.year,
  comparator: q.comparator, period: q.period, indicator: q.indicator, section: q.section,
}));
const meta = (r: Result) => ({ title: r.meta.title, docType: r.meta.docType, date: r.meta.date, year: r.meta.year });

/** The letter-spaced copy and its plain form, extracted; the copy's spans checked against its source. */
function both(text: string, width?: number) {
  const { spaced, plain } = letterSpace(text, width);
  const a = extract({ text: spaced }, { rules });
  const b = extract({ text: plain }, { rules });
  return { spaced, plain, a, b };
}

describe('a letter-spaced work report', () => {
  for (const width of [Infinity, 64]) {
    const { spaced, plain, a, b } = both(WORK_REPORT, width);
    const label = width === Infinity ? 'a paragraph a line' : `wrapped at ${width} columns`;

    it(`is told from its plain form (${label})`, () => {
      expect(spaced).toMatch(/各 {1,3}位 {1,3}代 {1,3}表 {1,3}：/);
      expect(docOf(spaced).spacing).not.toBeNull();
      expect(docOf(plain).spacing).toBeNull();
      if (width !== Infinity) expect(spaced.split('\n').length).toBeGreaterThan(WORK_REPORT.split('\n').length + 10);
    });

    it(`has the plain form's headings, title, date and type (${label})`, () => {
      expect(sections(a)).toEqual([
        '1 一、2025年工作回顾',
        '2 （一）产业转型步伐加快',
        '2 （二）民生福祉持续改善',
        '1 二、2026年主要目标和重点工作',
        '2 （一）扩大有效投资',
        '3 1.加快重大项目建设',
        '3 2.用好专项债券资金',
        '2 （二）保障和改善民生',
      ]);
      expect(sections(a)).toEqual(sections(b));
      expect(a.sections.map((s) => [s.role, s.year])).toEqual(b.sections.map((s) => [s.role, s.year]));
      expect(meta(a)).toEqual(meta(b));
      expect(meta(a)).toEqual({ title: '2026年青川市政府工作报告', docType: 'work-report', date: '2026-01-20', year: 2026 });
    });

    it(`has the plain form's figures, every field read the same (${label})`, () => {
      expect(a.quantities.length).toBeGreaterThanOrEqual(25);
      expect(figures(a)).toEqual(figures(b));
      const growth = a.quantities.find((q) => squeeze(q.core.text) === '2.1%')!;
      expect([growth.measure, growth.direction, growth.kind, growth.year]).toEqual(['growth', 'down', 'actual', 2025]);
      const target = a.quantities.find((q) => squeeze(q.core.text) === '5%' && q.comparator === '~')!;
      expect([target.kind, target.year]).toEqual(['target', 2026]);
    });

    it(`finds no tables, and every span slices the source as written (${label})`, () => {
      expect(a.tables).toEqual([]);
      expect(badSpans(a, spaced)).toEqual([]);
      // Texts keep the spacing as written; the core of a figure holds its number and unit with the gap between them.
      expect(a.quantities.some((q) => /亿 {1,3}元/.test(q.core.text))).toBe(true);
      // A wrapped paragraph is read whole: a figure's clause runs over a line break.
      if (width !== Infinity) expect(a.quantities.some((q) => q.text.includes('\n'))).toBe(true);
    });
  }
});

describe('a letter-spaced budget report', () => {
  for (const width of [Infinity, 72]) {
    const { spaced, a, b } = both(BUDGET_REPORT, width);
    const label = width === Infinity ? 'a paragraph a line' : `wrapped at ${width} columns`;

    it(`has the plain form's headings, title, date and type (${label})`, () => {
      expect(sections(a)).toEqual([
        '1 一、2025年预算执行情况',
        '2 （一）一般公共预算',
        '2 （二）政府性基金预算',
        '1 二、2026年预算草案',
        '2 （一）一般公共预算',
        '2 （二）政府性基金预算',
        '1 名词解释',
      ]);
      expect(sections(a)).toEqual(sections(b));
      expect(meta(a)).toEqual(meta(b));
      expect(meta(a)).toEqual({ title: '关于青川市2025年预算执行情况和2026年预算草案的报告', docType: 'budget-report', date: '2026-01-21', year: 2026 });
    });

    it(`has the plain form's figures and glossary (${label})`, () => {
      expect(a.quantities.length).toBeGreaterThanOrEqual(18);
      expect(figures(a)).toEqual(figures(b));
      const plan = a.quantities.find((q) => squeeze(q.core.text) === '162.5亿元')!;
      expect([plan.kind, plan.year, plan.measure]).toEqual(['target', 2026, 'level']);
      const fall = a.quantities.find((q) => squeeze(q.core.text) === '12.3%')!;
      expect([fall.measure, fall.direction, fall.kind, fall.year]).toEqual(['growth', 'down', 'actual', 2025]);
      expect(a.glossary.map((g) => [g.term, squeeze(g.definition)])).toEqual(b.glossary.map((g) => [g.term, squeeze(g.definition)]));
      expect(a.glossary.map((g) => g.term)).toEqual(['一般公共预算', '政府性基金预算']);
    });

    it(`finds no tables, and every span slices the source as written (${label})`, () => {
      expect(a.tables).toEqual([]);
      expect(badSpans(a, spaced)).toEqual([]);
      if (width !== Infinity) expect(a.quantities.some((q) => q.text.includes('\n'))).toBe(true);
    });
  }
});

const TASK_NOTICE = [
  '青川市人民政府办公室关于印发2026年重点工作任务分工方案的通知',
  '各县（市、区）人民政府，市政府各部门：',
  '现将《2026年重点工作任务分工方案》印发给你们，请认真抓好落实。',
  '一、扩大有效投资',
  '1.实施重点项目300个以上，完成投资1200亿元。（牵头单位：市发展改革委；责任单位：各县〔市、区〕人民政府）',
  '2.争取地方政府专项债券资金80亿元。（牵头单位：市财政局；责任单位：市发展改革委）',
  '二、保障和改善民生',
  '3.城镇新增就业5万人以上。（牵头单位：市人力资源社会保障局）',
  '4.新建幼儿园10所。（牵头单位：市教育局；责任单位：市住房城乡建设局、市自然资源局）',
].join('\n');

describe('a letter-spaced task notice', () => {
  const { spaced, a, b } = both(TASK_NOTICE);
  const tasks = (r: Result) => r.tasks.map((t) => [t.marker, squeeze(t.title), t.lead, t.responsible, t.cooperating, t.quantities.length]);

  it("has the plain form's tasks, units and organizations", () => {
    expect(tasks(a)).toEqual(tasks(b));
    expect(tasks(a)).toHaveLength(4);
    expect(a.tasks[3]!.responsible).toEqual(['市住房城乡建设局', '市自然资源局']);
    expect(a.organizations.map((o) => o.name)).toEqual(b.organizations.map((o) => o.name));
    expect(meta(a)).toEqual(meta(b));
    expect(a.meta.docType).toBe('task-notice');
    expect(badSpans(a, spaced)).toEqual([]);
  });
});

describe('a text that is not letter-spaced', () => {
  const text = [
    '政 府 工 作 报 告',
    '——2026年1月20日在青川市第十届人民代表大会第五次会议上',
    '各位代表：',
    '一、2025年工作回顾',
    '过去一年，全市地区生产总值完成2856.3亿元，同比增长5.6%；一般公共预算收入完成186.2亿元，同比下降2.1%。',
    '表1  主要经济指标',
    '指标名称    2024年    2025年    增长',
    '地区生产总值    2705.1    2856.3    5.6',
    '一般公共预算收入    190.2    186.2    -2.1',
    '城镇居民人均收入    43158    45230    4.8',
    '二、2026年主要目标',
    '地区生产总值增长5%左右，一般公共预算收入增长3%，城镇新增就业5万人以上。',
  ].join('\n');

  it('keeps its spaced title and its aligned table as written: no fillers, the table found', () => {
    const doc = docOf(text);
    expect(doc.spacing).toBeNull();
    expect(doc.view.includes(FILLER)).toBe(false);
    const r = extract({ text }, { rules });
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]!.rows).toHaveLength(3);
    expect(sections(r)).toEqual(['1 一、2025年工作回顾', '1 二、2026年主要目标']);
  });

  it('is not taken for one with a title spaced like a letter-spaced copy, or with cells of two characters apart', () => {
    expect(docOf(text.replace('政 府 工 作 报 告', '政  府  工  作  报  告')).spacing).toBeNull();
    const cells = ['地区  人口  面积  产值', '北京  上海  广州  深圳', '东城  西城  朝阳  海淀', '天河  越秀  海珠  番禺'].join('\n').repeat(8);
    expect(docOf(cells).spacing).toBeNull();
  });
});

describe('the view of a letter-spaced copy', () => {
  const { spaced } = letterSpace(BUDGET_REPORT);
  const extra = ['（  1）  全  市  收  支  情  况  。  GDP  2.5', '项  目      预  算  数      完  成  数'];
  const text = `${spaced}\n${extra.join('\n')}`;
  const doc = docOf(text);
  const lineOf = (start: string) => {
    const at = text.indexOf(start);
    return doc.view.slice(at, text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at));
  };

  it('reads the runs between characters as fillers, the same length as the source', () => {
    expect(doc.view).toHaveLength(text.length);
    expect(lineOf('（  1）').replaceAll(FILLER, '')).toBe('(1)全市收支情况。GDP  2.5');
    expect(lineOf('项  目').replaceAll(FILLER, '')).toBe('项目      预算数      完成数');
    expect(doc.view.replaceAll(FILLER, '')).toContain('全市一般公共预算收入完成156.8亿元,为预算的101.2%,同比增长3.6%。');
    expect(doc.spacing!.read(doc.view)).toBe(doc.view.replaceAll(FILLER, ''));
  });
});

describe('the letter-spacing offset map', () => {
  // 关  于  2025年 : the gaps at 1–2 and 4–5 dropped.
  const view = `关${FILLER}${FILLER}于${FILLER}${FILLER}2025年`;
  const s = new LetterSpacing([{ start: 1, end: 3 }, { start: 4, end: 6 }], view.length);

  it('reads a text without the dropped ranges and maps offsets both ways', () => {
    expect(s.read(view)).toBe('关于2025年');
    expect(s.readLength).toBe(7);
    expect([0, 1, 2, 3, 4, 6, 11].map((i) => s.toRead(i))).toEqual([0, 1, 1, 1, 2, 2, 7]);
    expect([0, 1, 2, 6, 7].map((c) => s.toView(c))).toEqual([0, 3, 6, 10, 11]);
    // A range of the reading is one of the view from its first to past its last character: no filler at either end.
    expect(s.rangeToView({ start: 0, end: 2 })).toEqual({ start: 0, end: 4 });
    expect(s.rangeToView({ start: 1, end: 1 })).toEqual({ start: 3, end: 3 });
    expect(s.rangeToRead({ start: 0, end: 4 })).toEqual({ start: 0, end: 2 });
  });

  it('carries a change of the reading over to the view, the dropped ranges kept', () => {
    expect(s.expand(`${FILLER}${FILLER}2025年`, view)).toBe(`${FILLER}${FILLER}${FILLER}${FILLER}${FILLER}${FILLER}2025年`);
    expect(() => s.expand('关于', view)).toThrow();
  });
});
