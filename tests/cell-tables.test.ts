import { describe, expect, it } from 'vitest';
import { assemble } from '../src/assemble.js';
import { docOf, spannedItems } from './helpers.js';

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

  it('reads a header cell written over two lines (2025年 / 完成值), numbered rows under group names with no marker, figures in words', () => {
    const text = [
      '第二章 发展目标', '专栏1 “十五五”时期主要指标', '', '类别', '', '指标', '', '单位', '', '2025年', '', '完成值', '', '2030年', '', '目标值', '', '属性', '',
      '经济发展', '', '1. 全员劳动生产率', '', '万元/人', '', '28', '', '36', '', '预期性', '',
      '2. 地区生产总值年均增长', '', '%', '', '“十四五”年均增长4.0', '', '“十五五”年均增长5.0左右', '', '预期性', '',
      '绿色低碳', '', '3. 森林覆盖率', '', '%', '', '42.3', '', '42.5以上', '', '约束性', '',
      '第三章 建设现代化产业体系', '', '加快发展先进制造业。',
    ].join('\n');
    const result = assemble(docOf(text));
    expect(result.sections.map((s) => s.heading)).toEqual(['第二章 发展目标', '第三章 建设现代化产业体系']);
    const table = result.tables[0]!;
    expect(table.columns.map((c) => c.year)).toEqual([null, null, null, 2025, 2030, null]);
    expect(table.rows.map((r) => r.label)).toEqual(['经济发展', '1. 全员劳动生产率', '2. 地区生产总值年均增长', '绿色低碳', '3. 森林覆盖率']);
    const cells = (label: string) => table.rows.find((r) => r.label === label)!.cells.filter((c) => c.value !== null).map((c) => [c.value, c.comparator]);
    expect(cells('1. 全员劳动生产率')).toEqual([[28, null], [36, null]]);
    expect(cells('3. 森林覆盖率')).toEqual([[42.3, null], [42.5, '>=']]);
    for (const t of result.tables) for (const r of t.rows) for (const c of r.cells) expect(text.slice(c.span.start, c.span.end)).toBe(c.text);
  });

  it('reads a group column written before the serial one (分类 / 序号 / …), its cell once before its group\'s rows, blank lines between cells', () => {
    const cells = ['2023年某区政府工作报告重点工作责任分解', '分类', '序号', '事项', '责任单位', '牵头单位',
      '发展目标', '1', '地区生产总值增长6.5%以上。', '区发改局、区经商局', '区发改局', '2', '区本级固定资产投资增长25%。', '区发改局', '区发改局',
      '民生实事', '3', '新建城市书房5家。', '区文广旅体局', '区文广旅体局'];
    const text = `${cells.join('\n\n')}\n`;
    const result = assemble(docOf(text));
    const table = result.tables[0]!;
    expect(table.columns.map((c) => c.path.join(''))).toEqual(['分类', '序号', '事项', '责任单位', '牵头单位']);
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['发展目标'], ['1', '地区生产总值增长6.5%以上。', '区发改局、区经商局', '区发改局'], ['2', '区本级固定资产投资增长25%。', '区发改局', '区发改局'],
      ['民生实事'], ['3', '新建城市书房5家。', '区文广旅体局', '区文广旅体局'],
    ]);
    expect(result.tasks.map((t) => [t.title, t.lead, t.responsible])).toEqual([
      ['地区生产总值增长6.5%以上', ['区发改局'], ['区发改局', '区经商局']],
      ['区本级固定资产投资增长25%', ['区发改局'], ['区发改局']],
      ['新建城市书房5家', ['区文广旅体局'], ['区文广旅体局']],
    ]);
    expect(result.sections).toEqual([]);
  });

  it('leaves a serial table (序号 above the header words) to the serial layout', () => {
    const text = '序号\n考核项目\n分值\n评分标准\n1\n组织领导\n10\n按时部署的得10分\n2\n宣传工作\n5\n开展宣传的得5分\n';
    expect(assemble(docOf(text)).tables.map((t) => t.rule)).toEqual(['table.cell-per-line']);
  });
});

describe('one cell per line with a serial column, cells written over several lines', () => {
  const intro = '为进一步压实河道保洁责任，巩固河道治理成果，推动全区河道环境持续改善，结合我区实际，制定本考评办法，请各街道认真对照执行，确保各项工作落到实处。';
  const exact = (text: string, result: ReturnType<typeof assemble>) => {
    for (const [where, item] of spannedItems(result)) expect([where, text.slice(item.span.start, item.span.end)]).toEqual([where, item.text]);
    for (const t of result.tables) for (const r of t.rows) for (const c of r.cells) expect(text.slice(c.span.start, c.span.end)).toBe(c.text);
  };

  it('reads a total row, group rows whose marker stands alone and standards over several lines (序号 / 考核项目 / … / 负责考核部门)', () => {
    const text = [
      '某区2028年度河道保洁工作街道考评办法', intro,
      '序号', '考核项目', '各项分值', '考核指标', '负责考核部门', '总分', '100',
      '一、', '落实责任，夯实工作基础', '30',
      '1', '健全工作机构', '6', '进一步明确街道、社区两级保洁责任人、', '巡查频次和经费保障。', '保洁人员变动时及时更新名单并在公示牌上公布。', '区水务局',
      '2', '开展日常巡查', '5', '落实巡查记录制度，对发现的问题建立台账，', '限期整改，每发现1处问题未整改扣0.5分。', '区河长办',
      '二、', '加强宣传，营造良好氛围', '10',
      '3', '组织宣传活动', '10', '每年开展宣传活动不少于2次，少1次扣5分。', '区委宣传部、区水务局',
    ].join('\n');
    const result = assemble(docOf(text));
    // Neither the header words, nor the group titles, nor the item titles are headings.
    expect(result.sections).toEqual([]);
    expect(result.meta.issuer).toBeNull();
    const table = result.tables[0]!;
    expect([table.rule, table.columns.map((c) => c.path.join(''))]).toEqual(['table.cell-per-line', ['序号', '考核项目', '各项分值', '考核指标', '负责考核部门']]);
    expect(table.rows.map((r) => r.cells.map((c) => c.column))).toEqual([[1, 2], [0, 1, 2], [0, 1, 2, 3, 4], [0, 1, 2, 3, 4], [0, 1, 2], [0, 1, 2, 3, 4]]);
    // The standard is one cell over its three lines, a new sentence included.
    expect(table.rows[2]!.cells[3]!.text).toBe('进一步明确街道、社区两级保洁责任人、\n巡查频次和经费保障。\n保洁人员变动时及时更新名单并在公示牌上公布。');
    expect(result.tasks.map((t) => [t.marker, t.title, t.responsible])).toEqual([
      ['1', '健全工作机构', ['区水务局']],
      ['2', '开展日常巡查', ['区河长办']],
      ['3', '组织宣传活动', ['区委宣传部', '区水务局']],
    ]);
    const scores = result.quantities.filter((q) => q.core.text.endsWith('分'));
    expect(scores.map((q) => [q.core.text, q.kind, q.year])).toEqual([['0.5分', 'other', 2028], ['5分', 'other', 2028]]);
    exact(text, result);
  });

  it('reads 考核内容 / 分值 / 评分标准 / 责任单位, a standard line ending in 。 followed by more of the standard', () => {
    const text = [
      '某镇2027年度村级环境整治考核细则', intro,
      '序号', '考核内容', '分值', '评分标准', '责任单位',
      '一、', '人居环境', '20',
      '1', '垃圾分类', '12', '分类设施配备齐全。', '分类准确率达到90%的得12分，', '每低1个百分点扣1分。', '镇环卫所',
      '2', '厕所改造', '8', '完成年度改厕任务的得8分。', '镇农业服务中心、镇财政所',
      '正文之后的说明：本细则由镇党政办负责解释。',
    ].join('\n');
    const result = assemble(docOf(text));
    expect(result.sections).toEqual([]);
    const table = result.tables[0]!;
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['一、', '人居环境', '20'],
      ['1', '垃圾分类', '12', '分类设施配备齐全。\n分类准确率达到90%的得12分，\n每低1个百分点扣1分。', '镇环卫所'],
      ['2', '厕所改造', '8', '完成年度改厕任务的得8分。', '镇农业服务中心、镇财政所'],
    ]);
    // The unit cell closes the last row: the note after the table is not in it.
    expect(text.slice(table.span.end)).toBe('\n正文之后的说明：本细则由镇党政办负责解释。');
    expect(result.tasks.map((t) => [t.marker, t.title, t.responsible])).toEqual([
      ['1', '垃圾分类', ['镇环卫所']],
      ['2', '厕所改造', ['镇农业服务中心', '镇财政所']],
    ]);
    expect(new Set(result.quantities.filter((q) => q.core.text.endsWith('分')).map((q) => [q.kind, q.year].join()))).toEqual(new Set(['other,2027']));
    exact(text, result);
  });

  it('goes on past a group row whose own cells are filled, over more lines than the header has cells (三、 / 水岸联动… / 15 / a standard over two lines / a unit)', () => {
    const text = [
      '某县2028年度湖长制工作考核细则', intro,
      '序号', '考核内容', '分值', '评分标准', '责任单位',
      '一、', '健全组织体系', '10',
      '1', '建立湖长体系', '5', '落实属地管理责任，建立湖长体系。', '县河长办',
      '二、', '水岸联动，推进“管治保”措施', '15', '落实属地管理责任，建立湖长体系，向社会公布', '湖长名单，规范湖长制公示牌设置。', '县河长办',
      '2', '强化城镇生活污水治理', '3', '提升污水处理率，实现无害化处理处置。', '县城建局',
      '3', '推动畜禽养殖污染控制', '7', '畜禽粪污综合利用率达到80%的得7分。', '县农业农村局',
    ].join('\n');
    const result = assemble(docOf(text));
    expect(result.tables[0]!.rows.map((r) => r.cells[0]!.text)).toEqual(['一、', '1', '二、', '2', '3']);
    // The group row that names its own unit is a task of its own.
    expect(result.tasks.map((t) => [t.marker, t.title, t.responsible])).toEqual([
      ['1', '建立湖长体系', ['县河长办']],
      ['二、', '水岸联动，推进“管治保”措施', ['县河长办']],
      ['2', '强化城镇生活污水治理', ['县城建局']],
      ['3', '推动畜禽养殖污染控制', ['县农业农村局']],
    ]);
    exact(text, result);
  });

  it('does not end a row at a score that equals the next serial number; with no unit column the last cell takes the extra lines', () => {
    const text = [
      '序号', '工作事项', '分值', '评分说明',
      '1', '完善巡查台账', '2', '台账齐全、记录完整的，', '得2分。',
      '2', '及时上报问题', '3', '发现问题当日上报，', '逾期1天扣1分。',
      '3', '配合联合执法', '1', '参与执法行动的得1分。',
    ].join('\n');
    const table = assemble(docOf(text)).tables[0]!;
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['1', '完善巡查台账', '2', '台账齐全、记录完整的，\n得2分。'],
      ['2', '及时上报问题', '3', '发现问题当日上报，\n逾期1天扣1分。'],
      ['3', '配合联合执法', '1', '参与执法行动的得1分。'],
    ]);
  });

  it('keeps rows as wide as the header when each next serial number follows them (blank lines are empty cells)', () => {
    const text = '序号\n指标\n单位\n目标\n1\n地区生产总值\n亿元\n1300\n2\n税收收入\n\n90以上\n3\n社会消费品零售总额\n亿元\n560\n';
    const table = assemble(docOf(text)).tables[0]!;
    expect(table.rows.map((r) => r.cells.map((c) => c.column))).toEqual([[0, 1, 2, 3], [0, 1, 3], [0, 1, 2, 3]]);
  });
});

describe('numbered cells of a table read down two columns', () => {
  it('takes no item of one style that repeats the number of the one before it (一、…收入 / 一、…支出 / 二、… / 二、…) for a heading', () => {
    const text = ['收入支出决算总表', '单位：万元', '', '收入', '项目', '一、一般公共预算财政拨款收入', '', '决算数', '2,940.05', '',
      '支出', '项目', '一、一般公共服务支出', '', '二、政府性基金预算财政拨款收入', '', '二、外交支出', '', '三、上级补助收入', '', '三、国防支出', '',
      '第三部分 情况说明', '一、收入支出决算总体情况说明', '2024年度收入总计2940.05万元。', '二、收入决算情况说明', '2024年度财政拨款收入2940.05万元。'].join('\n');
    const result = assemble(docOf(text));
    expect(result.sections.map((s) => s.heading)).toEqual(['第三部分 情况说明', '一、收入支出决算总体情况说明', '二、收入决算情况说明']);
  });
});
