import { describe, expect, it } from 'vitest';
import { assemble } from '../src/assemble.js';
import { bestCost, docOf, rules, spansHold } from './helpers.js';

type Result = ReturnType<typeof assemble>;

const roles = (r: Result) => r.tasks.map((t) => [t.marker, t.title, t.lead, t.responsible, t.cooperating]);
const rowsOf = (r: Result) => r.tables[0]!.rows.map((row) => row.cells.map((c) => `${c.column}:${c.text}${c.merged ? '(merged)' : ''}`));

const exact = spansHold;

const opening = [
  '某区人民政府办公室关于印发《某区城市更新行动方案（2029-2031年）》的通知',
  '各街道办事处、区政府各委办局：',
  '现将《某区城市更新行动方案（2029-2031年）》印发给你们，请认真贯彻落实。',
  '附件',
  '某区城市更新行动重点任务清单（2029-2031年）',
];

// A group column (任务类型) before 序号, group rows (行动一：…), a category written once above its rows (旧区改造), and a
// unit cell merged over rows 3-4, written once after row 3.
const cells = [
  '任务类型', '序号', '工作任务', '推进单位',
  '行动一：再造发展新极行动',
  '1', '推进北部片区规划研究', '区规划资源局、区建设管理委、区发展改革委',
  '2', '推进滨河地区规划研究', '区规划资源局、区商务委',
  '行动二：重塑美丽新居行动',
  '旧区改造',
  '3', '全面完成零星旧里房屋改造', '区房管局、各相关街道',
  '4', '改建或新建9座左右口袋公园',
  '公共空间优化',
  '5', '完成公共空间优化项目，建成滨河绿道12公里。', '区绿化市容局',
];
const expected = [
  ['1', '推进北部片区规划研究', [], ['区规划资源局', '区建设管理委', '区发展改革委'], []],
  ['2', '推进滨河地区规划研究', [], ['区规划资源局', '区商务委'], []],
  ['3', '全面完成零星旧里房屋改造', [], ['区房管局', '各相关街道'], []],
  // No unit cell of its own: the one merged over its block, written after row 3.
  ['4', '改建或新建9座左右口袋公园', [], ['区房管局', '各相关街道'], []],
  ['5', '完成公共空间优化项目，建成滨河绿道12公里', [], ['区绿化市容局'], []],
];

describe('a task list one cell per line with merged cells written once (任务类型 / 序号 / 工作任务 / 推进单位)', () => {
  const text = [...opening, '', ...cells].join('\n\n') + '\n\n抄送：区委办公室。';
  const result = assemble(docOf(text));

  it('reads a task per serial row: the serial is the marker, the task cell the title, the 推进单位 cell the responsible units', () => {
    expect(roles(result)).toEqual(expected);
    exact(text, result);
  });

  it('gives a row with no unit cell the unit cell of its merged block, marked merged in the table', () => {
    const table = result.tables[0]!;
    expect([table.rule, table.columns.map((c) => c.path.join(''))]).toEqual(['table.merged-cells', ['任务类型', '序号', '工作任务', '推进单位']]);
    expect(rowsOf(result)).toEqual([
      ['0:行动一：再造发展新极行动'],
      ['1:1', '2:推进北部片区规划研究', '3:区规划资源局、区建设管理委、区发展改革委'],
      ['1:2', '2:推进滨河地区规划研究', '3:区规划资源局、区商务委'],
      ['0:行动二：重塑美丽新居行动'],
      ['0:旧区改造'],
      ['1:3', '2:全面完成零星旧里房屋改造', '3:区房管局、各相关街道'],
      ['1:4', '2:改建或新建9座左右口袋公园', '3:区房管局、各相关街道(merged)'],
      ['0:公共空间优化'],
      ['1:5', '2:完成公共空间优化项目，建成滨河绿道12公里。', '3:区绿化市容局'],
    ]);
    // The text after the table is not in it.
    expect(text.slice(table.span.end)).toBe('\n\n抄送：区委办公室。');
  });

  it('makes no task, heading or unit of the header, group rows and group cells', () => {
    expect(result.sections.map((s) => s.heading)).toEqual(['附件']);
    expect(result.organizations.map((o) => o.name).sort()).toEqual(['区发展改革委', '区商务委', '区建设管理委', '区房管局', '区绿化市容局', '区规划资源局', '各相关街道'].sort());
  });

  it('attaches the figures of a task cell to its task', () => {
    const task = (id: string | null) => result.tasks.find((t) => t.id === id)?.marker;
    expect(result.quantities.map((q) => [q.core.text, q.comparator, task(q.task)])).toEqual([['9座', '~', '4'], ['12公里', null, '5']]);
  });
});

describe('the same list with no blank lines', () => {
  it('reads the same tasks; a task cell written over two lines is one cell', () => {
    const text = [...opening, ...cells].join('\n');
    const r = assemble(docOf(text));
    expect(roles(r)).toEqual(expected);
    expect(r.tables[0]!.rule).toBe('table.merged-cells');
    exact(text, r);
    const wrapped = [
      '序号', '重点任务', '责任单位',
      '1', '推进北部片区规划研究，', '年内完成控制性详细规划调整。', '区规划资源局',
      '2', '推进滨河地区规划研究。',
      '3', '完成老旧小区改造20个。', '区房管局、各街道',
    ].join('\n');
    const w = assemble(docOf(wrapped));
    expect(roles(w)).toEqual([
      ['1', '推进北部片区规划研究，年内完成控制性详细规划调整', [], ['区规划资源局'], []],
      ['2', '推进滨河地区规划研究', [], ['区规划资源局'], []],
      ['3', '完成老旧小区改造20个', [], ['区房管局', '各街道'], []],
    ]);
    exact(wrapped, w);
  });
});

describe('a list that writes a merged unit cell after the last row of its block', () => {
  // Rows 1-2 share the unit cell written after row 2; a group row ends a block.
  const text = [
    '某县乡村振兴行动重点任务清单',
    '序号', '主要任务', '牵头单位',
    '行动一：产业提升行动',
    '1', '新建高标准农田2万亩', '2', '建设现代农业产业园1个', '县农业农村局',
    '3', '培育市级以上龙头企业5家', '县工信局',
    '行动二：乡村建设行动',
    '4', '改造农村公路50公里', '5', '新建农村供水工程3处', '6', '完成农村户厕改造1500户', '县交通运输局、县水利局、县卫健局',
  ].join('\n\n');
  const result = assemble(docOf(text));

  it('gives the rows before it that cell: a 牵头单位 column alone names the lead units, responsible too', () => {
    const lead = ['县农业农村局'];
    const three = ['县交通运输局', '县水利局', '县卫健局'];
    expect(roles(result)).toEqual([
      ['1', '新建高标准农田2万亩', lead, lead, []],
      ['2', '建设现代农业产业园1个', lead, lead, []],
      ['3', '培育市级以上龙头企业5家', ['县工信局'], ['县工信局'], []],
      ['4', '改造农村公路50公里', three, three, []],
      ['5', '新建农村供水工程3处', three, three, []],
      ['6', '完成农村户厕改造1500户', three, three, []],
    ]);
    expect(result.quantities.map((q) => [q.core.text, result.tasks.find((t) => t.id === q.task)?.marker])).toEqual([
      ['2万亩', '1'], ['1个', '2'], ['5家', '3'], ['50公里', '4'], ['3处', '5'], ['1500户', '6'],
    ]);
    exact(text, result);
  });
});

describe('several unit columns, a deadline column, numbered group rows', () => {
  // 牵头单位 and 配合单位 written in each row; 完成时限 merged over rows 1-2 and over rows 3-4, written after the first.
  const text = [
    '2029年某区营商环境重点任务清单',
    '序号', '工作任务', '牵头单位', '配合单位', '完成时限',
    '一、提升政务服务',
    '1', '新增“一件事”主题服务10项。', '区政务服务局', '区大数据中心', '2030年6月底前',
    '2', '新增高频事项“全程网办”20项。', '区司法局', '区大数据中心',
    '二、优化要素保障',
    '3', '新增标准厂房5万平方米。', '区商务委', '区规划资源局', '2029年底前',
    '4', '新设产业基金2亿元。', '区财政局', '区国资委',
  ].join('\n');
  const result = assemble(docOf(text));

  it('reads the roles by header, and a row lacking its deadline takes the one of its block', () => {
    expect(roles(result)).toEqual([
      ['1', '新增“一件事”主题服务10项', ['区政务服务局'], ['区政务服务局'], ['区大数据中心']],
      ['2', '新增高频事项“全程网办”20项', ['区司法局'], ['区司法局'], ['区大数据中心']],
      ['3', '新增标准厂房5万平方米', ['区商务委'], ['区商务委'], ['区规划资源局']],
      ['4', '新设产业基金2亿元', ['区财政局'], ['区财政局'], ['区国资委']],
    ]);
    // A figure takes the year of its row's deadline, merged or not.
    expect(result.quantities.map((q) => [q.core.text, q.year])).toEqual([['10项', 2030], ['20项', 2030], ['5万平方米', 2029], ['2亿元', 2029]]);
    exact(text, result);
  });

  it('makes the numbered group rows headings of the tasks under them', () => {
    expect(result.sections.map((s) => s.heading)).toEqual(['一、提升政务服务', '二、优化要素保障']);
    const section = (id: string | null) => result.sections.find((s) => s.id === id)?.heading;
    expect(result.tasks.map((t) => section(t.section))).toEqual(['一、提升政务服务', '一、提升政务服务', '二、优化要素保障', '二、优化要素保障']);
  });

  it('fills the unit columns from the left when a row writes fewer unit cells than there are unit columns', () => {
    const t = [
      '序号', '工作任务', '牵头单位', '配合单位',
      '1', '建成智慧停车平台', '区建设管理委', '区公安分局',
      '2', '新建公办幼儿园3所', '区教育局',
    ].join('\n');
    // Row 2's one unit cell is its 牵头单位; its 配合单位 is the one merged from row 1.
    expect(roles(assemble(docOf(t)))).toEqual([
      ['1', '建成智慧停车平台', ['区建设管理委'], ['区建设管理委'], ['区公安分局']],
      ['2', '新建公办幼儿园3所', ['区教育局'], ['区教育局'], ['区公安分局']],
    ]);
  });
});

describe('a merged cell told from a missing one', () => {
  it('takes a cell only from its own block on the side the table writes them: a row with none there has no units', () => {
    // Block 1 writes its cell after its first row; in block 2 row 3 has nothing above it (before the group row).
    const text = [
      '序号', '工作任务', '责任单位',
      '行动一：绿色低碳行动',
      '1', '建成分布式光伏项目8个', '区发展改革委', '2', '新增新能源公交车30辆',
      '行动二：城市安全行动',
      '3', '完成排查整治燃气隐患', '4', '改造老旧燃气管道15公里', '区建设管理委', '5', '新建消防站2座',
    ].join('\n');
    const r = assemble(docOf(text));
    expect(roles(r)).toEqual([
      ['1', '建成分布式光伏项目8个', [], ['区发展改革委'], []],
      ['2', '新增新能源公交车30辆', [], ['区发展改革委'], []],
      ['4', '改造老旧燃气管道15公里', [], ['区建设管理委'], []],
      ['5', '新建消防站2座', [], ['区建设管理委'], []],
    ]);
    // Row 3 stays a row of the table, with no unit cell.
    expect(rowsOf(r)[4]).toEqual(['0:3', '1:完成排查整治燃气隐患']);
    exact(text, r);
  });

  it('keeps a cell written empty (a blank line inside a compact row) empty', () => {
    const text = [
      '序号', '工作任务', '牵头单位', '配合单位', '责任人',
      '1', '建成智慧停车平台', '区建设管理委', '区公安分局', '张一',
      '2', '新建公办幼儿园3所', '', '区财政局', '李二',
      '3', '新增养老床位200张', '区民政局', '王三',
    ].join('\n');
    const r = assemble(docOf(text));
    expect(r.tables[0]!.rule).toBe('table.merged-cells');
    expect(roles(r)).toEqual([
      ['1', '建成智慧停车平台', ['区建设管理委'], ['区建设管理委'], ['区公安分局']],
      ['2', '新建公办幼儿园3所', [], [], ['区财政局']],
      ['3', '新增养老床位200张', ['区民政局'], ['区民政局'], ['区财政局']],
    ]);
    exact(text, r);
  });
});

describe('texts that are no such task list', () => {
  it('leaves a numbered list of figures alone', () => {
    const text = ['2029年主要预期目标', '序号', '指标', '2029年目标', '1', '地区生产总值增长', '6%', '2', '城镇新增就业', '2万人', '3', '研发投入强度', '3%'].join('\n');
    const r = assemble(docOf(text));
    expect(r.tables.map((t) => t.rule)).not.toContain('table.merged-cells');
    expect(r.tasks).toEqual([]);
    exact(text, r);
  });

  it('leaves an indicator table with a group column and unit column (单位 is a unit of measure) alone', () => {
    const text = [
      '主要指标表', '类别', '序号', '指标名称', '单位', '属性', '2031年目标值',
      '宜居城区', '1', '旧住房成套改造', '万平方米', '预期性', '25',
      '2', '老旧小区整治改造面积', '万平方米', '预期性', '300',
      '绿色低碳', '3', '新建绿道长度', '公里', '预期性', '40',
    ].join('\n\n');
    const r = assemble(docOf(text));
    expect(r.tables.map((t) => t.rule)).not.toContain('table.merged-cells');
    expect(r.tasks).toEqual([]);
    exact(text, r);
  });

  it('leaves a numbered list without a task header, and prose that names units, as they were', () => {
    const text = [
      '序号', '项目', '1', '北部片区改造', '区房管局', '2', '滨河绿道建设', '3', '口袋公园建设', '区绿化市容局',
      '请各单位按职责分工抓好落实。',
    ].join('\n');
    const r = assemble(docOf(text));
    expect(r.tables.map((t) => t.rule)).not.toContain('table.merged-cells');
    exact(text, r);
  });

  it('leaves a complete table to the one-cell-per-line layout, read as it was, and reads it where no layout does', () => {
    const text = ['序号', '工作任务', '责任单位', '1', '推进规划研究', '区规划资源局', '2', '完成片区改造', '区房管局'].join('\n');
    const tasks = [
      ['1', '推进规划研究', [], ['区规划资源局'], []],
      ['2', '完成片区改造', [], ['区房管局'], []],
    ];
    const r = assemble(docOf(text));
    expect(r.tables.map((t) => t.rule)).toEqual(['table.cell-per-line']);
    expect(roles(r)).toEqual(tasks);
    // With no cellPerLine layout (rules of one's own), the merged-cell layout reads it after the others.
    const tables = Object.defineProperty({ ...rules.tables, cellPerLine: undefined }, 'compiled', { value: rules.tables.compiled });
    const own = { ...rules, tables } as typeof rules;
    const o = assemble(docOf(text, { rules: own }));
    expect(o.tables.map((t) => t.rule)).toEqual(['table.merged-cells']);
    expect(roles(o)).toEqual(tasks);
  });
});

describe('merged-cell lists: cost linear in size', () => {
  const cost = bestCost;
  it.each([
    ['headers opening nothing', (n: number) => '任务类型\n序号\n工作任务\n推进单位\n1\n推进规划研究\n'.repeat(n)],
    ['one long list, a unit cell every third row', (n: number) => '序号\n\n工作任务\n\n推进单位\n\n' + Array.from({ length: n }, (_, k) => `${k + 1}\n\n完成第${k}项改造\n\n${k % 3 ? '' : '区房管局\n\n'}`).join('')],
  ])('%s', (_name, make) => {
    const one = cost(make(1000));
    const ten = cost(make(10000));
    // Lenient: a quadratic cost gives 100.
    expect(ten / Math.max(one, 1)).toBeLessThan(30);
  });
});
