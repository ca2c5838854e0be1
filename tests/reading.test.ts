import { describe, expect, it } from 'vitest';
import { extract, run } from '../src/api.js';
import { loadRules } from '../src/rules/load.js';
import { ReadingView } from '../src/util/reading.js';
import { hardWrap } from './helpers.js';

// The reading view: each block as a reader sees it (line breaks of hard-wrapped text and fillers out), with offsets
// kept in the view, and so in the source.

const FILLER = '\ufeff';

describe('ReadingView', () => {
  // Two blocks: a hard-wrapped paragraph (its line break with the indent after it) and a plain one.
  const text = '全年地区生产总值增\n  长5.2%，粮食产量\n稳定。\n\n完成投资8亿元。';
  const first = { start: 0, end: text.indexOf('\n\n') };
  const second = { start: text.indexOf('完成'), end: text.length };
  const read = new ReadingView(text, text, [second, first]);

  it('reads a wrapped block without its breaks, and a plain block as the view itself', () => {
    expect(read.slice(first.start, first.end)).toBe('全年地区生产总值增长5.2%，粮食产量稳定。');
    expect(read.slice(second.start, second.end)).toBe('完成投资8亿元。');
    expect(read.slice(text.indexOf('粮食'), first.end)).toBe('粮食产量稳定。');
  });

  it('tells which ranges hold a break', () => {
    expect(read.hasBreak(first.start, first.end)).toBe(true);
    expect(read.hasBreak(0, text.indexOf('增'))).toBe(false);
    expect(read.hasBreak(text.indexOf('长'), text.indexOf('粮'))).toBe(false);
    expect(read.hasBreak(second.start, second.end)).toBe(false);
  });

  it('maps a range of the read text back to the view, across the break', () => {
    const start = text.indexOf('生产');
    const r = read.range(start, first.end);
    const word = r.text.indexOf('增长');
    const back = r.back({ start: word, end: word + 2 });
    // 增\n  长: the range runs from 增 to past 长, break included, so the source slice is the word as written.
    expect(text.slice(start + back.start, start + back.end)).toBe('增\n  长');
    expect(r.of(text.indexOf('长') - start)).toBe(word + 1);
    // A view offset inside the break lands on the next kept character.
    expect(r.of(text.indexOf('增') + 1 - start)).toBe(word + 1);
  });

  it('gives the source text as written without breaks or fillers', () => {
    const source = '推进**重点**项目\n建设12个。';
    const view = source.replace(/\*/g, FILLER);
    const r = new ReadingView(source, view, [{ start: 0, end: source.length }]);
    expect(r.written(0, source.indexOf('12'))).toBe('推进重点项目建设');
    expect(r.slice(0, source.indexOf('12'))).toBe('推进重点项目建设');
  });

  it('reads a range outside every block (or across two) on its own', () => {
    expect(read.slice(first.end - 3, second.start + 2)).toBe('稳定。完成');
    expect(read.hasBreak(first.end - 3, second.start + 2)).toBe(true);
  });

  it('answers a range the same whatever was asked before it (the block found last is tried first)', () => {
    // Blocks that touch, a wrapped one among them: empty ranges at a shared edge, ranges across two, in any order.
    const t = '甲乙\n丙丁戊己庚\n辛壬癸子丑';
    const blocks = [{ start: 0, end: 4 }, { start: 4, end: 9 }, { start: 9, end: t.length }];
    const asked = new ReadingView(t, t, blocks);
    const answer = (r: ReadingView, s: number, e: number) => {
      const range = r.range(s, e);
      const of = Array.from({ length: e - s + 1 }, (_, j) => range.of(j));
      return [r.inBlock(s, e), r.hasBreak(s, e), r.slice(s, e), r.written(s, e), range.text, of];
    };
    const ranges: [number, number][] = [];
    for (let s = 0; s <= t.length; s++) for (let e = s; e <= t.length; e++) ranges.push([s, e]);
    for (const [s, e] of [...ranges, ...ranges.reverse()]) expect(answer(asked, s, e)).toEqual(answer(new ReadingView(t, t, blocks), s, e));
  });
});


describe('the pipeline reads through the reading view', () => {
  const rules = loadRules();
  // Two plan paragraphs printed 40 columns wide: the figure 1.2万人 is broken after its decimal point (1.\n2万人).
  const paragraph = '全市地区生产总值增长6%左右，一般公共预算收入增长5%，规模以上工业增加值增长7%，固定资产投资增长8%以上，城镇新增就业1.2万人以上，城镇调查失业率控制在5.5%以内，居民消费价格涨幅3%左右，粮食产量稳定在100万吨以上。';
  const second = '全年新建改建农村公路300公里，新增城市绿地面积120公顷，改造老旧小区85个，新建幼儿园12所，新增养老床位1500张，建成充电桩2000个以上，完成造林绿化面积3万亩，城市生活垃圾无害化处理率保持在100%。';
  const text = ['一、2024年主要预期目标', hardWrap(paragraph, 40), hardWrap(second, 40), ''].join('\n');

  it('builds one reading per block in segment: a wrapped paragraph reads whole', () => {
    expect(text).toContain('1.\n2万人');
    const doc = run({ text }, { rules });
    const para = doc.blocks.find((b) => b.kind === 'paragraph')!;
    expect(doc.reading.hasBreak(para.start, para.end)).toBe(true);
    // The view folds full-width punctuation (，→,); the source as read is the paragraph as it was written.
    expect(doc.reading.written(para.start, para.end)).toBe(paragraph);
    expect(doc.reading.slice(para.start, para.end)).toBe(paragraph.replace(/，/g, ','));
  });

  it('reads a figure and its comparator broken over two lines whole, the span as written', () => {
    const result = extract({ text }, { rules });
    const jobs = result.quantities.find((q) => q.unit === '万人')!;
    expect(jobs.value).toBe(1.2);
    expect(jobs.core.text).toBe('1.\n2万人');
    expect(jobs.comparator).toBe('>=');
    expect(jobs.indicator).toBe('城镇新增就业');
    expect(text.slice(jobs.span.start, jobs.span.end)).toBe(jobs.text);
  });
});

describe('names are taken as read, markup out', () => {
  const rules = loadRules();

  it("a markdown title's emphasis is not part of meta.title", () => {
    const text = '# 某市**2024年**政府工作报告\n\n——2024年1月10日在某市第十六届人民代表大会第三次会议上\n\n一、2023年工作回顾\n\n全市地区生产总值增长5%。\n';
    expect(extract({ text }, { rules }).meta.title).toBe('某市2024年政府工作报告');
  });

  it('a unit list broken over two lines of a wrapped paragraph is read whole', () => {
    const task = '1.推进老旧小区改造。全年改造老旧小区85个，惠及居民1.2万户，同步完善养老托育等配套设施建设。（牵头单位：市住房城乡建设局；责任单位：各区人民政府）';
    const other = '2.扩大有效投资。实施重点项目300个以上，完成投资1200亿元，新开工亿元以上项目150个，争取专项债券资金80亿元。（市发展改革委负责）';
    const text = ['某市2024年重点工作任务分工方案', hardWrap(task, 40), hardWrap(other, 40), ''].join('\n');
    // Printed 40 columns wide, the lead unit is broken in two: 市住房城乡建\n设局.
    expect(text).toContain('市住房城乡建\n设局');
    const result = extract({ text }, { rules });
    const first = result.tasks.find((t) => t.marker?.startsWith('1'))!;
    expect(first.lead).toEqual(['市住房城乡建设局']);
    expect(first.responsible).toEqual(['各区人民政府']);
  });
});
