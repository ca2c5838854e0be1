import { describe, expect, it } from 'vitest';
import { assemble } from '../src/assemble.js';
import { docOf } from './helpers.js';

describe('one cell per line with no serial column', () => {
  it('reads an assessment table: rows are tasks, the cells are no headings, the scores are kind other', () => {
    const text = [
      '某镇2027年度村级综合考核细则', '考核内容', '分值', '评分标准', '责任单位',
      '一、产业发展（30分）',
      '1.村集体经济收入增长', '12', '完成年度目标得12分，每低1个百分点扣1分。', '镇经发办',
      '2.农业产业化项目落地', '8', '落地1个项目得4分，最高得8分。', '镇农业服务中心、镇财政所',
      '二、基层治理（20分）',
      '3.矛盾纠纷化解', '10', '化解率达到95%的得10分。', '镇综治中心',
    ].join('\n');
    const result = assemble(docOf(text));
    expect(result.sections).toEqual([]);
    // A unit cell is no issuer line.
    expect(result.meta.issuer).toBeNull();
    const table = result.tables[0]!;
    expect([table.rule, table.columns.map((c) => c.path.join('')), table.rows.map((r) => r.cells.length)]).toEqual([
      'table.cell-per-line.headed', ['考核内容', '分值', '评分标准', '责任单位'], [1, 4, 4, 1, 4],
    ]);
    expect(result.tasks.map((t) => [t.marker, t.title, t.responsible])).toEqual([
      ['1.', '村集体经济收入增长', ['镇经发办']],
      ['2.', '农业产业化项目落地', ['镇农业服务中心', '镇财政所']],
      ['3.', '矛盾纠纷化解', ['镇综治中心']],
    ]);
    const scores = result.quantities.filter((q) => q.core.text.endsWith('分'));
    expect(scores.length).toBeGreaterThan(4);
    expect(new Set(scores.map((q) => q.kind))).toEqual(new Set(['other']));
    // Scores of a 2027 assessment table are the 2027 ones (only a glossary's background figures have no year).
    expect(new Set(scores.map((q) => q.year))).toEqual(new Set([2027]));
    for (const q of result.quantities) expect(text.slice(q.span.start, q.span.end)).toBe(q.text);
  });

  it('right-aligns item rows under a group cell written once (考核项目 / 各项分值 / 考核指标 / 负责考核部门)', () => {
    const text = [
      '某区2027年度部门绩效考核指标', '考核项目', '各项分值', '考核指标', '负责考核部门',
      '一、重点任务（50分）', '50',
      '1.按期完成重点项目年度投资，完成的得5分。', '区发改局',
      '2.招商引资到位资金达到目标值的得4分。', '区投资促进局',
    ].join('\n');
    const result = assemble(docOf(text));
    expect(result.sections).toEqual([]);
    expect(result.tables[0]!.rows.map((r) => r.cells.map((c) => c.column))).toEqual([[0, 1], [2, 3], [2, 3]]);
    expect(result.tasks.map((t) => [t.marker, t.title, t.responsible])).toEqual([
      ['1.', '按期完成重点项目年度投资，完成的得5分', ['区发改局']],
      ['2.', '招商引资到位资金达到目标值的得4分', ['区投资促进局']],
    ]);
  });

  it('reads a plan outline\'s main indicators: the year columns give the years, ≥ and 左右 the comparators', () => {
    const text = [
      '第二章 主要目标', '专栏 主要指标', '指标', '单位', '2030年', '2035年', '属性',
      '经济发展', '全市生产总值年均增长', '%', '5.8', '5左右', '预期性',
      '研发经费投入强度', '%', '2.1', '≥2.8', '预期性',
      '绿色生态', '森林覆盖率', '%', '42.5', '43以上', '约束性',
      '第三章 建设现代化产业体系',
    ].join('\n');
    const result = assemble(docOf(text));
    expect(result.sections.map((s) => s.heading)).toEqual(['第二章 主要目标', '第三章 建设现代化产业体系']);
    const table = result.tables[0]!;
    expect(table.columns.map((c) => [c.kind, c.year])).toEqual([['label', null], ['unit', null], ['data', 2030], ['data', 2035], ['data', null]]);
    const cells = (label: string) => table.rows.find((r) => r.label === label)!.cells.filter((c) => c.value !== null).map((c) => [c.value, c.comparator, c.unit]);
    expect(cells('全市生产总值年均增长')).toEqual([[5.8, null, '%'], [5, '~', '%']]);
    expect(cells('研发经费投入强度')).toEqual([[2.1, null, '%'], [2.8, '>=', '%']]);
    expect(cells('森林覆盖率')).toEqual([[42.5, null, '%'], [43, '>=', '%']]);
    expect(table.rows.map((r) => r.label)).toEqual(['经济发展', '全市生产总值年均增长', '研发经费投入强度', '绿色生态', '森林覆盖率']);
  });

  it('reads a group column written once per group (类别 | 指标 | 单位 | years | 属性): the name is the row label', () => {
    const text = [
      '某县“十五五”规划主要指标', '类别', '指标', '单位', '2030年', '2035年', '属性',
      '创新驱动', '研发经费投入增长', '%', '8', '10左右', '预期性',
      '每万人高价值发明专利拥有量', '件', '3.2', '≥5', '预期性',
      '生态环境', '地表水优良水体比例', '%', '92', '≥95', '约束性',
      '正文从这里开始，全县上下要坚定信心。',
    ].join('\n');
    const table = assemble(docOf(text)).tables[0]!;
    expect(table.rows.map((r) => [r.label, r.cells.filter((c) => c.value !== null).map((c) => [c.value, c.comparator, c.unit])])).toEqual([
      ['研发经费投入增长', [[8, null, '%'], [10, '~', '%']]],
      ['每万人高价值发明专利拥有量', [[3.2, null, '件'], [5, '>=', '件']]],
      ['地表水优良水体比例', [[92, null, '%'], [95, '>=', '%']]],
    ]);
  });

  it('leaves a serial table (序号 above the header words) to the serial layout', () => {
    const text = '序号\n考核项目\n分值\n评分标准\n1\n组织领导\n10\n按时部署的得10分\n2\n宣传工作\n5\n开展宣传的得5分\n';
    expect(assemble(docOf(text)).tables.map((t) => t.rule)).toEqual(['table.cell-per-line']);
  });
});
