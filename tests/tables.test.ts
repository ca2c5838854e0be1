import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble } from '../src/assemble.js';
import { parseCell } from '../src/extract/table/cells.js';
import { splitGroups } from '../src/extract/table/header.js';
import { docOf, rules, SEEDS } from './helpers.js';

const tablesOf = (text: string) => assemble(docOf(text)).tables;
const paths = (text: string) => tablesOf(text)[0]!.columns.map((c) => c.path.join('/'));
const cellsOf = (text: string, row: number) => tablesOf(text)[0]!.rows[row]!.cells.map((c) => [c.text, c.value, c.comparator, c.unit, c.measure]);

describe('tables: cell values', () => {
  it('keeps the comparator out of the number and reads non-figures as null', () => {
    const t = rules.tables;
    expect(parseCell('7以上', t)).toEqual({ value: 7, comparator: '>=', unit: null });
    expect(parseCell('4.8以内', t)).toEqual({ value: 4.8, comparator: '<=', unit: null });
    expect(parseCell('约5', t)).toEqual({ value: 5, comparator: '~', unit: null });
    expect(parseCell('3.02%', t)).toEqual({ value: 3.02, comparator: null, unit: '%' });
    expect(parseCell('1,234.5', t).value).toBe(1234.5);
    expect(parseCell('-1.5', t).value).toBe(-1.5);
    // Five-year totals in brackets (注：[ ]内为五年累计数).
    expect(parseCell('[13.5]', t).value).toBe(13.5);
    expect(parseCell('〔4.4〕', t).value).toBe(4.4);
    for (const text of ['——', '正增长', '与经济增长基本同步', '2025年']) expect(parseCell(text, t).value).toBeNull();
  });

  it('splits sub-headers among their groups: no repeats in a group, 绝对值 opens one', () => {
    const isLevel = (s: string) => s === '绝对值';
    expect(splitGroups(['增长率', '绝对值', '增长率', '增长率'], 3, isLevel)).toEqual({ sizes: [1, 2, 1], guessed: false });
    expect(splitGroups(['计划', '完成', '计划', '完成'], 2, isLevel)).toEqual({ sizes: [2, 2], guessed: false });
    expect(splitGroups(['a', 'b', 'c'], 2, isLevel).guessed).toBe(true);
  });
});

describe('tables: layouts', () => {
  it('reads the seed 附表 with its two-line compact header, merged cells and rate rows', () => {
    const source = readFileSync(join(SEEDS, '001_00f01ebf3f7ca338.txt'), 'utf8');
    const [table] = assemble(docOf(source)).tables;
    expect(table!.label).toBe('附表1');
    expect(table!.title).toBe('官渡区2022年经济社会发展主要预期目标');
    expect(table!.text.startsWith('附表1\n')).toBe(true);
    expect(table!.span.end).toBe(source.trimEnd().length);
    expect(table!.columns.map((c) => c.path.join('/'))).toEqual(['序号', '指标名称', '单位', '2021年计划/增长率(%)', '2021年完成/绝对值', '2021年完成/增长率(%)', '2022年计划/增长率(%)']);
    expect(table!.columns.slice(3).map((c) => [c.year, c.role, c.measure])).toEqual([[2021, 'plan', 'growth'], [2021, 'actual', 'level'], [2021, 'actual', 'growth'], [2022, 'plan', 'growth']]);
    const row = (i: number) => Object.fromEntries(table!.rows[i]!.cells.map((c) => [c.column, c]));
    expect([row(0)[6]!.text, row(0)[6]!.value, row(0)[6]!.comparator]).toEqual(['7以上', 7, '>=']);
    expect([row(0)[4]!.value, row(0)[4]!.unit]).toEqual([1441.37, '亿元']);
    expect([row(2)[3]!.text, row(2)[3]!.value]).toEqual(['正增长', null]);
    // Row 6 lost its two cells merged with row 5: 26319 is the 2021 absolute value, not the 2021 plan.
    expect([row(5)[4]!.value, row(5)[5]!.value, row(5)[3]!.merged, row(5)[3]!.text]).toEqual([26319, 9.3, true, '与经济增长基本同步']);
    // 城镇登记失业率 (unit %) under 增长率 headers is the rate itself.
    expect([row(6)[6]!.value, row(6)[6]!.comparator, row(6)[6]!.measure, row(6)[6]!.unit]).toEqual([4.8, '<=', 'level', '%']);
  });

  it('reads aligned headers whose spanned cells were kept empty', () => {
    const text = '正文段落。\n指标 | 单位 | 2022年 | | 2023年 |\n | | 完成 | 增长(%) | 目标 | 增长(%)\n地区生产总值 | 亿元 | 1200 | 5.1 | 1300 | 6左右\n税收收入 | 亿元 | 80 | 3 | 85 | 4\n';
    expect(paths(text)).toEqual(['指标', '单位', '2022年/完成', '2022年/增长(%)', '2023年/目标', '2023年/增长(%)']);
    expect(cellsOf(text, 0).slice(2)).toEqual([['1200', 1200, null, '亿元', 'level'], ['5.1', 5.1, null, '%', 'growth'], ['1300', 1300, null, '亿元', 'level'], ['6左右', 6, '~', '%', 'growth']]);
    expect(tablesOf(text)[0]!.title).toBeNull();
  });

  it('reads markdown pipes, skipping the rule line', () => {
    const text = '表2 主要指标\n| 指标 | 2023年 |\n| --- | --- |\n| 粮食产量(万吨) | 52.1 |\n| 造林面积(万亩) | 3 |\n';
    const [t] = tablesOf(text);
    expect([t!.label, t!.title, t!.rows.length]).toEqual(['表2', '主要指标', 2]);
    expect(t!.rows.map((r) => r.label)).toEqual(['粮食产量(万吨)', '造林面积(万亩)']);
    expect(t!.columns[1]!.year).toBe(2023);
  });

  it('reads tab- and space-aligned runs of three or more lines, with a unit line', () => {
    const tabbed = '主要经济指标\n单位:亿元\n指标\t2022年\t2023年\n生产总值\t100.5\t108\n财政收入\t9\t9.6\n';
    const [t] = tablesOf(tabbed);
    expect([t!.rule, t!.title, t!.unit, t!.rows[0]!.cells[1]!.unit]).toEqual(['table.tab', '主要经济指标', '亿元', '亿元']);
    const spaced = '指标    目标    完成\n产值    100    104\n投资    50    55\n';
    expect(tablesOf(spaced)[0]!.rule).toBe('table.spaces');
  });

  it('gives a bare 增长 column the year and role of the column before it (a one-line header of a printed table)', () => {
    const text = '主要指标\n  序号      指标名称          2023年完成     增长      2024年目标     增长\n'
      + '   1      地区生产总值          512.3        5.6         —         6左右\n   2      一般公共预算收入       38.6        4.1        40.1        4\n'
      + '   3      固定资产投资            —          8.2         —         8以上\n';
    const [t] = tablesOf(text);
    expect(t!.columns.map((c) => [c.year, c.role, c.measure])).toEqual([
      [null, null, null], [null, null, null], [2023, 'actual', null], [2023, 'actual', 'growth'], [2024, 'plan', null], [2024, 'plan', 'growth'],
    ]);
    expect(t!.rows[0]!.cells.at(-1)).toMatchObject({ text: '6左右', value: 6, comparator: '~' });
  });

  it('reads one cell per line when a 序号 header is followed by numbered rows', () => {
    const text = '序号\n指标\n单位\n目标\n1\n地区生产总值\n亿元\n1300\n2\n税收收入\n亿元\n90以上\n';
    const [t] = tablesOf(text);
    expect([t!.rule, t!.rows.length, t!.rows[1]!.label]).toEqual(['table.cell-per-line', 2, '税收收入']);
    expect(t!.rows[1]!.cells.map((c) => c.value)).toEqual([2, null, null, 90]);
  });

  it('finds no table in prose, forum furniture or short runs', () => {
    const prose = '今年以来，全区上下坚持稳中求进，经济运行总体平稳，发展质量稳步提升。  社会大局保持稳定。\n'.repeat(3);
    expect(tablesOf(prose)).toEqual([]);
    expect(tablesOf('查看: 916|回复: 0\n发表于 2023-3-7 | 显示全部楼层\n')).toEqual([]);
    expect(tablesOf('a | b | c\n正文。\n')).toEqual([]);
  });

  it('reads figures written in text cells as quantities, but never the numeric cells, and 完成时限 is no actual column', () => {
    const text = '民生实事任务分解表\n序号|任务内容|目标要求|牵头单位|完成时限\n'
      + '1|增加养老服务供给|新增养老床位300张，建成社区养老服务站12个|区民政局|2024年10月\n'
      + '2|改造老旧小区|完成老旧小区改造46个|区住房城乡建设局|2024年11月\n';
    const result = assemble(docOf(text));
    expect(result.tables[0]!.columns.map((c) => c.role)).toEqual([null, null, 'plan', null, null]);
    expect(result.quantities.map((q) => [q.core.text, q.indicator, q.text])).toEqual([
      ['300张', '养老床位', '新增养老床位300张'], ['12个', '社区养老服务站', '建成社区养老服务站12个'], ['46个', '老旧小区改造', '完成老旧小区改造46个'],
    ]);
    // The 序号 cells (1, 2) are numbers of the table, not quantities.
    const numeric = '指标 | 目标 | 完成\n产值(亿元) | 100 | 104\n投资(亿元) | 50 | 55\n';
    expect(assemble(docOf(numeric)).quantities).toEqual([]);
  });

  it('keeps a sentence above the table out of its span', () => {
    const text = '主要指标如下。\n指标 | 目标 | 完成\n产值 | 100 | 104\n';
    const [t] = tablesOf(text);
    expect(t!.text).toBe('指标 | 目标 | 完成\n产值 | 100 | 104');
  });
});

describe('tables: which lines each layout reads', () => {
  it('knows the text each built-in separator needs, and still finds a pipe table and a spaced table side by side', () => {
    const { needs } = rules.tables.compiled.separators;
    expect(rules.tables.layouts.map((l) => needs.get(l))).toEqual([{ one: '|' }, { one: '\t' }, { one: ' ' }]);
    const text = ['| 指标 | 2024年 | 2025年 |', '| 地区生产总值 | 1200 | 1300 |', '| 财政收入 | 80 | 86 |', '', '全年经济运行总体平稳，主要指标好于预期。', '',
      '指标      2024年     2025年', '粮食产量    56.2      57.0', '工业增加值    410      438', '固定资产投资    620      650'].join('\n');
    expect(assemble(docOf(text)).tables.map((t) => t.rows.length)).toEqual([2, 3]);
  });
});
