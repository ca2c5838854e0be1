import { describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import { rules } from './helpers.js';

const tasksOf = (text: string) => extract({ text }, { rules }).tasks.map((t) => [t.marker, t.title, t.lead, t.responsible]);

describe('record-shaped, unnumbered and lead-only tasks', () => {
  it('a numbered project followed by labelled field lines is one task, its units from the unit field', () => {
    const text = [
      '某县2024年重点项目推进情况通报', '一、重点项目', '（一）县城污水处理厂扩建项目', '1.项目内容：新建污水管网12公里。',
      '2.责任单位：县住建局、县水务局', '3.事项进展：已完成管网铺设8公里。', '（二）城南农贸市场改造项目', '1.项目内容：改造市场摊位200个。',
      '2.责任单位：县商务局', '3.事项进展：已完成招标。',
    ].join('\n');
    const result = extract({ text }, { rules });
    expect(result.meta.docType).toBe('progress-report');
    expect(result.tasks.map((t) => [t.marker, t.title, t.responsible])).toEqual([
      ['（一）', '县城污水处理厂扩建项目', ['县住建局', '县水务局']], ['（二）', '城南农贸市场改造项目', ['县商务局']],
    ]);
    expect(result.sections.map((s) => s.heading)).toEqual(['一、重点项目', '（一）县城污水处理厂扩建项目', '（二）城南农贸市场改造项目']);
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year, q.task])).toEqual([
      ['12公里', 'target', 2024, 't1'], ['8公里', 'actual', 2024, 't1'], ['200个', 'target', 2024, 't2'],
    ]);
  });

  it('a project of a report\'s annex with a field for this year\'s plan (4.今年计划：…) is one task; the field is no heading or task', () => {
    const text = [
      '某县2022年十大工程进展情况说明', '一、城区雨污分流改造', '1.项目内容：改造雨污分流管网60公里。', '2.责任单位：住建局、自然资源和规划局',
      '3.事项进展：管网改造提升完成40公里。', '4.今年计划：完成剩余管网改造20公里。', '二、农村饮水提升工程', '1.项目内容：新建水厂2座。', '2.责任单位：水利局',
      '3.事项进展：已完成选址。', '4.今年计划：建成水厂1座。',
    ].join('\n');
    const result = extract({ text }, { rules });
    expect(result.tasks.map((t) => [t.marker, t.title, t.responsible])).toEqual([
      ['一、', '城区雨污分流改造', ['住建局', '自然资源和规划局']], ['二、', '农村饮水提升工程', ['水利局']],
    ]);
    expect(result.sections.map((s) => s.heading)).toEqual(['一、城区雨污分流改造', '二、农村饮水提升工程']);
    // In a report's annex on last year's projects (its review), the work its progress says was done (完成40公里) is done;
    // what the project holds and plans stays its target.
    const report = ['2022年某县政府工作报告', '各位代表：', '现在，我代表县人民政府，向大会报告工作，请予审议。', '一、2021年工作回顾', '全县生产总值增长6%。',
      '二、2022年工作安排', '力争生产总值增长6.5%。', '附件', '某县2021年十大工程进展情况说明', ...text.split('\n').slice(1)].join('\n');
    expect(extract({ text: report }, { rules }).quantities.filter((q) => q.task !== null).map((q) => [q.core.text, q.kind, q.year])).toEqual([
      ['60公里', 'target', 2021], ['40公里', 'actual', 2021], ['20公里', 'target', 2021], ['2座', 'target', 2021], ['1座', 'target', 2021],
    ]);
  });

  it('a project whose division of work is written as clauses (责任分工：A负责开展…，B组织实施，C配合) takes each clause\'s units with its verb\'s roles', () => {
    const text = [
      '某区城乡建设三年行动实施方案', '三、主要内容及职责分工', '（一）打造城市完整社区', '实施项目：东门社区、城东社区。',
      '实施内容：完善社区服务设施，改善人居环境。',
      '责任分工：区规划局负责开展社区规划编制工作，东部片区管理局组织实施，区国资公司作为业主单位，城关镇人民政府全力配合，区住建局业务检查指导并协助区规划局做好规划编制工作。',
      '（二）增加城市停车场', '实施内容：新建公共停车泊位500个。', '责任分工：区交通局负责组织实施，区直各部门各司其职，协同配合。',
    ].join('\n');
    const tasks = extract({ text }, { rules }).tasks.map((t) => [t.marker, t.title, t.responsible, t.cooperating]);
    expect(tasks).toEqual([
      ['（一）', '打造城市完整社区', ['区规划局', '东部片区管理局'], ['城关镇人民政府', '区住建局']],
      ['（二）', '增加城市停车场', ['区交通局'], []],
    ]);
  });

  it('an unnumbered measure ending with its units is a task with no marker; lead-only units are responsible too', () => {
    const text = [
      '某县2024年重点工作任务分工方案', '一、主要任务',
      '加快推进老旧小区改造，年内完成改造小区15个。（责任单位：县住建局、各乡镇人民政府）',
      '持续开展农村人居环境整治。（牵头部门：县农业农村局、县生态环境分局）',
    ].join('\n');
    expect(tasksOf(text)).toEqual([
      [null, '加快推进老旧小区改造，年内完成改造小区15个', [], ['县住建局', '各乡镇人民政府']],
      [null, '持续开展农村人居环境整治', ['县农业农村局', '县生态环境分局'], ['县农业农村局', '县生态环境分局']],
    ]);
  });

  it('reads a unit label broken across two lines', () => {
    const text = '某县2024年重点工作任务分工方案\n一、主要任务\n深入推进“放管服”改革，压缩审批时限30%。（责任\n单位：县政务服务局）\n';
    expect(tasksOf(text)).toEqual([[null, '深入推进“放管服”改革，压缩审批时限30%', [], ['县政务服务局']]]);
  });

  it('a section lead named in its heading stays lead only', () => {
    const text = '某区2024年工作任务\n（一）扩大有效投资（牵头单位：区发改局）\n1.推进项目建设。完成投资50亿元。（责任单位：区住建局）\n';
    expect(tasksOf(text)).toEqual([['1.', '推进项目建设', ['区发改局'], ['区住建局']]]);
  });
});
