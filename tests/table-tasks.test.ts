import { describe, expect, it } from 'vitest';
import { assemble } from '../src/assemble.js';
import { bestCost, docOf, spansHold } from './helpers.js';

type Result = ReturnType<typeof assemble>;

const roles = (r: Result) => r.tasks.map((t) => [t.marker, t.title, t.lead, t.responsible, t.cooperating]);

const exact = spansHold;

const notice = [
  '关于印发2029年县政府重点工作任务分工方案的通知',
  '各镇人民政府，县政府各部门：',
  '为抓好县第九届人民代表大会第二次会议确定的各项目标任务的落实，现将工作任务分解如下，请各责任单位认真抓好落实，按时报送进展情况。',
  '县人民政府办公室',
  '2029年1月20日',
  '附件',
  '2029年县政府重点工作任务分工方案',
];

describe('a task-breakdown table written one cell per line, with a header (序号 / 目标任务 / 牵头单位 / 责任单位 / 责任人)', () => {
  const text = [
    ...notice,
    '序号', '目标任务', '牵头单位', '责任单位', '责任人',
    '一、经济发展主要指标（牵头领导：钱一、孙二）',
    '1', '全县生产总值增长6.5%。', '县发改局', '县统计局、各镇', '周三',
    '2', '一般公共预算收入增长5%以上。', '县财政局', '县税务局', '吴四',
    '二、民生实事（牵头领导：郑五）',
    '3', '新增城镇就业2000人。加强就业服务。', '县人社局', '', '王六',
    '4', '改造农村公路120公里。', '县交通运输局', '各镇', '冯七',
  ].join('\n');
  const result = assemble(docOf(text));

  it('reads each row as a task: the serial is the marker, the task cell up to 。 the title, the unit columns by their header words', () => {
    expect(roles(result)).toEqual([
      ['1', '全县生产总值增长6.5%', ['县发改局'], ['县统计局', '各镇'], []],
      ['2', '一般公共预算收入增长5%以上', ['县财政局'], ['县税务局'], []],
      // Only a lead written (its 责任单位 cell blank): the lead is responsible too.
      ['3', '新增城镇就业2000人', ['县人社局'], ['县人社局'], []],
      ['4', '改造农村公路120公里', ['县交通运输局'], ['各镇'], []],
    ]);
    // Persons (责任人, 牵头领导) are no units.
    expect(result.organizations.map((o) => o.name).sort()).toEqual(['县交通运输局', '县人社局', '县发改局', '县税务局', '县统计局', '县财政局', '各镇'].sort());
    exact(text, result);
  });

  it('makes the group rows headings (without the leaders named after them), the header cells none; tasks sit under their group', () => {
    const headings = result.sections.map((s) => [s.heading, s.depth]);
    expect(headings.filter(([h]) => String(h).startsWith('一、') || String(h).startsWith('二、'))).toEqual([['一、经济发展主要指标', 2], ['二、民生实事', 2]]);
    for (const cell of ['序号', '目标任务', '牵头单位', '责任单位', '责任人', '县统计局、各镇']) expect(result.sections.map((s) => s.heading)).not.toContain(cell);
    const section = (id: string | null) => result.sections.find((s) => s.id === id)?.heading;
    expect(result.tasks.map((t) => section(t.section))).toEqual(['一、经济发展主要指标', '一、经济发展主要指标', '二、民生实事', '二、民生实事']);
  });

  it('keeps the figures of the task cells as targets of the year, linked to their tasks', () => {
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year, result.tasks.find((t) => t.id === q.task)?.marker])).toEqual([
      ['6.5%', 'target', 2029, '1'], ['5%', 'target', 2029, '2'], ['2000人', 'target', 2029, '3'], ['120公里', 'target', 2029, '4'],
    ]);
  });

  it('reads 配合单位 as cooperating', () => {
    const t = ['序号', '工作任务', '牵头单位', '配合单位', '1', '建成智慧停车平台。', '县住建局', '县公安局、县城管局', '2', '新建公办幼儿园3所。', '县教育局', '县财政局', ''].join('\n');
    const r = assemble(docOf(t));
    expect(roles(r)).toEqual([
      ['1', '建成智慧停车平台', ['县住建局'], ['县住建局'], ['县公安局', '县城管局']],
      ['2', '新建公办幼儿园3所', ['县教育局'], ['县教育局'], ['县财政局']],
    ]);
    exact(t, r);
  });
});

describe('a deadline column (完成时限) in a headed table', () => {
  it('gives a row\'s figures the deadline\'s year unless the task cell names a nearer one; a row with no dated deadline keeps the report\'s', () => {
    const text = [
      '2029年县政府重点工作任务分工方案', '序号', '工作任务', '责任单位', '完成时限',
      '1', '新建污水管网30公里。', '县住建局', '2030年6月底前',
      '2', '2029年完成造林1万亩，到2031年森林覆盖率达到45%。', '县林业局', '2031年底前',
      '3', '新增城镇就业2000人。', '县人社局', '长期坚持',
    ].join('\n');
    const r = assemble(docOf(text));
    expect(roles(r)).toEqual([
      ['1', '新建污水管网30公里', [], ['县住建局'], []],
      ['2', '2029年完成造林1万亩，到2031年森林覆盖率达到45%', [], ['县林业局'], []],
      ['3', '新增城镇就业2000人', [], ['县人社局'], []],
    ]);
    expect(r.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['30公里', 'target', 2030], ['1万亩', 'target', 2029], ['45%', 'target', 2031], ['2000人', 'target', 2029]]);
    exact(text, r);
  });
});

describe('a task-breakdown table written one cell per line with a blank line after each cell', () => {
  // As pages converted one block a cell give it: 序号 / blank / 目  标  任  务 / blank / …; three blank lines hold an empty cell.
  const text = [
    ...notice, '',
    '序号', '目  标  任  务', '牵头单位', '责任单位', '责任人',
    '一、经济发展主要指标（牵头领导：钱一）',
    '1', '全县生产总值增长6.5%。', '县发改局', '县统计局、各镇', '周三',
    '2', '一般公共预算收入增长5%以上。', '县财政局', '', '吴四',
    '3', '新增城镇就业2000人。', '县人社局', '各镇', '王六',
  ].join('\n\n') + '\n\n以上任务请各单位于每季度末报送进展。';
  const result = assemble(docOf(text));

  it('reads the rows as tasks, an empty 责任单位 cell leaving the lead responsible too', () => {
    expect(roles(result)).toEqual([
      ['1', '全县生产总值增长6.5%', ['县发改局'], ['县统计局', '各镇'], []],
      ['2', '一般公共预算收入增长5%以上', ['县财政局'], ['县财政局'], []],
      ['3', '新增城镇就业2000人', ['县人社局'], ['各镇'], []],
    ]);
    expect(result.tables[0]!.rows.map((r) => r.cells.map((c) => c.column))).toEqual([[0], [0, 1, 2, 3, 4], [0, 1, 2, 4], [0, 1, 2, 3, 4]]);
    expect(result.sections.map((s) => s.heading)).toContain('一、经济发展主要指标');
    expect(result.sections.map((s) => s.heading)).not.toContain('县统计局、各镇');
    // The note after the table is not in its last row.
    expect(text.slice(result.tables[0]!.span.end)).toBe('\n\n以上任务请各单位于每季度末报送进展。');
    exact(text, result);
  });

  it('ends the last row at the header\'s width: a part heading and prose after the table stay out of it', () => {
    const t = ['序号', '指标', '单位', '目标', '1', '地区生产总值增速', '%', '6左右', '2', '研发投入强度', '%', '≥3.5', '三、主要任务', '全面推进高质量发展，加快建设现代化产业体系。'].join('\n\n');
    const r = assemble(docOf(t));
    expect(r.tables[0]!.rows.map((row) => row.cells.map((c) => c.text))).toEqual([['1', '地区生产总值增速', '%', '6左右'], ['2', '研发投入强度', '%', '≥3.5']]);
    expect(r.sections.map((s) => s.heading)).toEqual(['三、主要任务']);
  });
});

describe('a task table flattened with a bar line between its cells and no header', () => {
  // serial | group (first row of a group only) | task | units (one a line) | person | deadline | phone
  const text = [
    '某市农业农村系统重点工作任务清单',
    '1', '|', '一、稳定粮食生产', '|', '粮食产量120万吨以上。', '|', '市农技推广中心', '|', '陈一', '|', '2031年底前', '|', '6661001', '|',
    '2', '|', '新建高标准农田5万亩。', '|', '农田建设科', '|', '林二', '|', '2031年10月底', '|', '6661002', '|',
    '3', '|', '二、发展乡村产业', '|', '农产品加工业产值增长8%。', '|', '产业发展科', '市农业服务中心', '|', '黄三', '何四', '|', '2032年6月底前', '|', '6661003', '6661004', '|',
    '4', '|', '培育市级龙头企业10家。', '|', '产业发展科', '|', '|', '长期坚持', '|', '6661005',
    '各责任单位要按时报送进展情况。',
  ].join('\n');
  const result = assemble(docOf(text));

  it('reads each row as a task: the unit cell, told by the unit grammar, holds the responsible units', () => {
    expect(roles(result)).toEqual([
      ['1', '粮食产量120万吨以上', [], ['市农技推广中心'], []],
      ['2', '新建高标准农田5万亩', [], ['农田建设科'], []],
      ['3', '农产品加工业产值增长8%', [], ['产业发展科', '市农业服务中心'], []],
      ['4', '培育市级龙头企业10家', [], ['产业发展科'], []],
    ]);
    expect(result.organizations.map((o) => o.name).sort()).toEqual(['产业发展科', '农田建设科', '市农业服务中心', '市农技推广中心'].sort());
    exact(text, result);
  });

  it('gives the figures of a row the year of its deadline cell; the phone numbers are no quantities', () => {
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year, result.tasks.find((t) => t.id === q.task)?.marker])).toEqual([
      ['120万吨', 'target', 2031, '1'], ['5万亩', 'target', 2031, '2'], ['8%', 'target', 2032, '3'], ['10家', 'target', null, '4'],
    ]);
  });

  it('makes the group cells headings, and neither the bars nor the other cells', () => {
    expect(result.sections.map((s) => [s.heading, s.depth])).toEqual([['一、稳定粮食生产', 1], ['二、发展乡村产业', 1]]);
    const section = (id: string | null) => result.sections.find((s) => s.id === id)?.heading;
    expect(result.tasks.map((t) => section(t.section))).toEqual(['一、稳定粮食生产', '一、稳定粮食生产', '二、发展乡村产业', '二、发展乡村产业']);
    const table = result.tables[0]!;
    expect([table.rule, table.rows.length]).toEqual(['table.bar-cells', 4]);
    // The text after the table is not in it.
    expect(text.slice(table.span.end)).toBe('\n各责任单位要按时报送进展情况。');
  });

  it('keeps the unit column when one of its cells names a unit no suffix tells (a typo stays as written)', () => {
    const t = [
      '1', '|', '建成乡村振兴示范村5个。', '|', '市农业农村局', '|', '王一', '|',
      '2', '|', '完成农村改厕3000户。', '|', '市农业农村', '|', '李二', '|',
      '3', '|', '新建农村公路80公里。', '|', '市交通运输局', '|', '赵三',
    ].join('\n');
    expect(roles(assemble(docOf(t)))).toEqual([
      ['1', '建成乡村振兴示范村5个', [], ['市农业农村局'], []],
      ['2', '完成农村改厕3000户', [], ['市农业农村'], []],
      ['3', '新建农村公路80公里', [], ['市交通运输局'], []],
    ]);
  });

  it('takes a header written the same way above the first row (序号 / | / 重点任务 / | / 牵头单位 / | / 配合单位 …): roles by its words', () => {
    const t = [
      '某市2031年重点任务责任清单',
      '序号', '|', '重点任务', '|', '牵头单位', '|', '配合单位', '|', '完成时限', '|',
      '1', '|', '粮食产量120万吨以上。', '|', '市农业农村局', '|', '市统计局', '|', '2032年底前', '|',
      '2', '|', '新增城镇就业2万人。', '|', '市人社局', '|', '各区县', '|', '2031年12月底',
    ].join('\n');
    const r = assemble(docOf(t));
    expect(r.tables[0]!.columns.map((c) => c.path.join(''))).toEqual(['序号', '重点任务', '牵头单位', '配合单位', '完成时限']);
    expect(roles(r)).toEqual([
      ['1', '粮食产量120万吨以上', ['市农业农村局'], ['市农业农村局'], ['市统计局']],
      ['2', '新增城镇就业2万人', ['市人社局'], ['市人社局'], ['各区县']],
    ]);
    expect(r.sections).toEqual([]);
    expect(r.quantities.map((q) => [q.core.text, q.year])).toEqual([['120万吨', 2032], ['2万人', 2031]]);
    exact(t, r);
  });

  it('reads a group cell repeated in every row of its group as one heading, not as the task', () => {
    const t = [
      '1', '|', '一、主要预期目标', '|', '城镇新增就业1.5万人。', '|', '市人社局', '|', '2031年底前', '|',
      '2', '|', '一、主要预期目标', '|', '居民人均可支配收入增长6%。', '|', '市统计局', '|', '2031年底前',
    ].join('\n');
    const r = assemble(docOf(t));
    expect(roles(r)).toEqual([
      ['1', '城镇新增就业1.5万人', [], ['市人社局'], []],
      ['2', '居民人均可支配收入增长6%', [], ['市统计局'], []],
    ]);
    expect(r.sections.map((s) => s.heading)).toEqual(['一、主要预期目标']);
    expect(r.quantities.map((q) => q.year)).toEqual([2031, 2031]);
    exact(t, r);
  });
});

describe('documents with no such table', () => {
  it('leaves plain prose as it was: no tables, the same tasks and figures', () => {
    const text = [
      '2029年县政府工作报告',
      '一、2028年工作回顾',
      '全县生产总值增长6%，一般公共预算收入完成12亿元。',
      '二、2029年主要目标任务',
      '1.全县生产总值增长6.5%左右。（责任单位：县发改局）',
      '2.城镇新增就业2000人以上。（责任单位：县人社局、各镇）',
    ].join('\n');
    const r = assemble(docOf(text));
    expect(r.tables).toEqual([]);
    expect(roles(r)).toEqual([
      ['1.', '全县生产总值增长6.5%左右', [], ['县发改局'], []],
      ['2.', '城镇新增就业2000人以上', [], ['县人社局', '各镇'], []],
    ]);
    expect(r.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['6%', 'actual', 2028], ['12亿元', 'actual', 2028], ['6.5%', 'target', 2029], ['2000人', 'target', 2029]]);
    exact(text, r);
  });

  it('does not read a lone bar, or a list numbered 1 / | / …, as a table without a unit cell', () => {
    const text = ['开展三项行动', '1', '|', '清理河道垃圾。', '|', '每月一次', '2', '|', '整治违规排污。', '|', '每季一次'].join('\n');
    const r = assemble(docOf(text));
    expect(r.tasks).toEqual([]);
    exact(text, r);
  });
});

describe('cell tables: cost linear in size on hostile shapes', () => {
  const cost = bestCost;
  it.each([
    ['lone bars and serial numbers', (n: number) => '1\n|\n2\n|\n'.repeat(n)],
    ['bar rows with a unit cell', (n: number) => Array.from({ length: n }, (_, k) => `${k + 1}\n|\n任务${k}。\n|\n市农业局\n|`).join('\n')],
    ['spaced headers opening nothing', (n: number) => '序号\n\n指标\n\n单位\n\n1\n\n'.repeat(n)],
  ])('%s', (_name, make) => {
    const one = cost(make(1000));
    const ten = cost(make(10000));
    // Lenient: a quadratic cost gives 100.
    expect(ten / Math.max(one, 1)).toBeLessThan(30);
  });
});

describe('a task-breakdown table broken over pages, its header written again at the break', () => {
  // One cell per line with a blank line after each, as a page copied to text gives it; the second page opens with
  // the header again (序号 / 目标任务 / 牵头单位 / 责任单位), as printed tables do.
  const header = ['序号', '目标任务', '牵头单位', '责任单位'];
  const text = [
    ...notice, '',
    ...header,
    '1', '全县生产总值增长6.5%。', '县发改局', '县统计局、各镇',
    '2', '一般公共预算收入增长5%以上。', '县财政局', '县税务局',
    ...header,
    '3', '新增城镇就业2000人。', '县人社局', '各镇',
    '4', '改造农村公路120公里。', '县交通运输局', '各镇',
  ].join('\n\n') + '\n\n以上任务请各单位于每季度末报送进展。';
  const result = assemble(docOf(text));

  it('reads the rows after the repeated header as rows of the same table, and their tasks', () => {
    expect(result.tables).toHaveLength(1);
    expect(result.tables[0]!.rows.map((r) => r.cells[0]!.text)).toEqual(['1', '2', '3', '4']);
    expect(roles(result)).toEqual([
      ['1', '全县生产总值增长6.5%', ['县发改局'], ['县统计局', '各镇'], []],
      ['2', '一般公共预算收入增长5%以上', ['县财政局'], ['县税务局'], []],
      ['3', '新增城镇就业2000人', ['县人社局'], ['各镇'], []],
      ['4', '改造农村公路120公里', ['县交通运输局'], ['各镇'], []],
    ]);
    exact(text, result);
  });
});
