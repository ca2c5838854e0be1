import { describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import { badSpans, rules } from './helpers.js';

// A PDF copy whose converter left a run of spaces where the font changes, before each
// figure (生产总值达  3.87万亿元、增长  5.5%). Those runs are neither paragraph breaks (as in a page flattened to one
// line) nor the gaps between the columns of an aligned table.
const PDF = [
  '关  于  某  某  市  2025年  国  民  经  济  和  社  会  发  展  计  划',
  '执  行  情  况  与  2026年  计  划  草  案  的  报  告',
  '一、2025年国民经济和社会发展计划执行情况',
  '（一）经济综合实力显著增强。2025年全市地区生产总值达  3.87万亿元、增长  5.5%，“十四五”年均增速达  5.5%。',
  '规模以上工业增加值增长  6.3%，固定资产投资下降  2.1%，社会消费品零售总额达  10259.93亿元、增长  2.3%。',
  '进出口总额达  4.55万亿元、增长  1.4%，规模连续两年位居全国城市首位。',
  '二、2026年国民经济和社会发展计划',
  '地区生产总值增长  5%左右，一般公共预算收入增长  3%。',
].join('\n') + '\n';

describe('PDF copies with runs of spaces before figures', () => {
  const r = extract({ text: PDF }, { rules });

  it('reads a figure after a run of spaces in its clause, with its indicator and its growth word', () => {
    expect(r.quantities.map((x) => [x.core.text, x.indicator, x.measure, x.direction, x.kind, x.year, x.period])).toEqual([
      ['3.87万亿元', '地区生产总值', 'level', null, 'actual', 2025, null],
      ['5.5%', '地区生产总值', 'growth', 'up', 'actual', 2025, null],
      ['5.5%', '“十四五”年均增速', 'growth', 'up', 'actual', null, [2021, 2025]],
      ['6.3%', '规模以上工业增加值', 'growth', 'up', 'actual', 2025, null],
      ['2.1%', '固定资产投资', 'growth', 'down', 'actual', 2025, null],
      ['10259.93亿元', '社会消费品零售总额', 'level', null, 'actual', 2025, null],
      ['2.3%', '社会消费品零售总额', 'growth', 'up', 'actual', 2025, null],
      ['4.55万亿元', '进出口总额', 'level', null, 'actual', 2025, null],
      ['1.4%', '进出口总额', 'growth', 'up', 'actual', 2025, null],
      ['5%', '地区生产总值', 'growth', 'up', 'target', 2026, null],
      ['3%', '一般公共预算收入', 'growth', 'up', 'target', 2026, null],
    ]);
  });

  it('makes no table of the prose lines, and keeps every span', () => {
    expect(r.tables).toEqual([]);
    expect(badSpans(r, PDF)).toEqual([]);
  });

  it('reads hard-wrapped lines of prose split by one run of spaces each, one ending on a bare figure, as prose, not as a table of two columns', () => {
    const text = '一、2025年工作回顾\n全年新开工重大项目，新增  2个国家级产业集群。发布产业园区\n运营标准，新增高标准厂房面积超  400万平方米。制造业转型加\n快推进，新增“灯塔工厂”1家、卓越级智能工厂  1\n家，新认定专精特新企业  300家。\n';
    const p = extract({ text }, { rules });
    expect(p.tables).toEqual([]);
    // (卓越级智能工厂  1 / 家 is a figure cut by the wrap: read whole only where the lines are told hard-wrapped, of
    // one width, which these few short lines are not.)
    expect(p.quantities.map((x) => x.core.text)).toEqual(['2个', '400万平方米', '1家', '300家']);
  });

  it('still breaks a flattened line at a run of spaces before a year or a marker, and reads an aligned table', () => {
    const flat = '某县2025年政府工作报告\n一、2024年工作回顾  2024年，全县生产总值增长5%。  二、2025年工作安排  （一）稳增长  1.全县生产总值增长6%。\n';
    const f = extract({ text: flat }, { rules });
    expect(f.sections.map((s) => [s.depth, s.title, s.role])).toEqual([[1, '2024年工作回顾', 'review'], [1, '2025年工作安排', 'plan'], [2, '稳增长', 'plan']]);
    expect(f.quantities.map((x) => [x.core.text, x.kind, x.year])).toEqual([['5%', 'actual', 2024], ['6%', 'target', 2025]]);
    const table = '主要指标\n指标  2024年  增长\n地区生产总值  1200  6.5\n一般公共预算收入  85  3.2\n固定资产投资  640  4.1\n';
    expect(extract({ text: table }, { rules }).tables).toHaveLength(1);
  });
});
