import { describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import { tenseCounts } from '../src/extract/roles.js';
import { rules } from './helpers.js';

const REPORT = (year: number, body: string) =>
  `${year}年某市政府工作报告\n各位代表：\n现在，我代表市人民政府，向大会报告政府工作，请予审议。\n${body}`;

const kinds = (text: string) => extract({ text }, { rules }).quantities.map((q) => [q.core.text, q.kind, q.year]);

describe('document roles as one sequence', () => {
  it('gives each section its role with the rule behind it and the year it is about', () => {
    const result = extract({ text: REPORT(2025, '一、2024年工作回顾\n全年生产总值增长5%。\n二、2025年重点工作\n生产总值增长6%左右。\n') }, { rules });
    expect(result.sections.map((s) => [s.heading, s.role, s.roleRule, s.year])).toEqual([
      ['一、2024年工作回顾', 'review', 'section.review', 2024], ['二、2025年重点工作', 'plan', 'section.plan', 2025],
    ]);
  });

  it('a child heading of the review that reads like a plan (重点工作取得突破) does not turn the rest of the review into plans', () => {
    const text = REPORT(2025, [
      '一、2024年工作回顾', '（一）经济运行稳中有进。全年生产总值增长5%。', '（二）重点工作取得突破。关停落后企业30家。',
      '（三）民生事业全面进步。新增就业3000人。', '二、2025年工作安排', '力争生产总值增长6%。',
    ].join('\n'));
    expect(kinds(text)).toEqual([['5%', 'actual', 2024], ['30家', 'actual', 2024], ['3000人', 'actual', 2024], ['6%', 'target', 2025]]);
  });

  it('a paragraph opener (新的一年, 2025年是…) and modal words move a plan part that has no heading of its own', () => {
    const text = REPORT(2025, [
      '一、2024年工作回顾', '全年生产总值增长5%，新增就业3000人。', '新的一年，我们将力争生产总值增长6%，确保新增就业3500人。',
      '要计划新建学校3所，力争完成改造老旧小区20个。', '二、加强政府自身建设', '全年将压减会议10%。',
    ].join('\n'));
    expect(kinds(text)).toEqual([
      ['5%', 'actual', 2024], ['3000人', 'actual', 2024], ['6%', 'target', 2025], ['3500人', 'target', 2025],
      ['3所', 'target', 2025], ['20个', 'target', 2025], ['10%', 'target', 2025],
    ]);
  });

  it('a paragraph opening 各位代表！在过去的一年中 before the first plan heading is the review, not the plan', () => {
    const text = '2004年某自治区政府工作报告\n各位代表！在过去的一年中，全区生产总值增长12%，建成县乡公路1170公里。\n二、关于2004年的奋斗目标和总体要求\n主要预期目标是：国内生产总值增长10%。\n';
    expect(kinds(text)).toEqual([['12%', 'actual', 2003], ['1170公里', 'actual', 2003], ['10%', 'target', 2004]]);
  });

  it('a standalone title line between paragraphs (扎实做好2025年各项工作) opens the plan part; 切实加强政府自身建设 goes on with it', () => {
    const text = REPORT(2025, [
      '一、2024年工作回顾', '（一）经济运行稳中有进。全年生产总值增长5%，新增就业3000人。', '（二）民生事业全面进步。新建学校4所。',
      '扎实做好2025年各项工作', '（一）扩大有效需求。生产总值增长6%左右。', '（二）增进民生福祉。新建学校5所。',
      '切实加强政府自身建设', '一般性支出压减5%。',
    ].join('\n'));
    const result = extract({ text }, { rules });
    expect(result.sections.map((s) => [s.heading, s.depth, s.role])).toEqual([
      ['一、2024年工作回顾', 1, 'review'], ['（一）经济运行稳中有进', 2, 'review'], ['（二）民生事业全面进步', 2, 'review'],
      ['扎实做好2025年各项工作', 1, 'plan'], ['（一）扩大有效需求', 2, 'plan'], ['（二）增进民生福祉', 2, 'plan'],
      ['切实加强政府自身建设', 1, 'plan'],
    ]);
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([
      ['5%', 'actual', 2024], ['3000人', 'actual', 2024], ['4所', 'actual', 2024],
      ['6%', 'target', 2025], ['5所', 'target', 2025], ['5%', 'target', 2025],
    ]);
  });

  it('a cue in the figure’s own clause still overrides its part: 力争 in a review, 已完成 in a plan', () => {
    const text = REPORT(2025, [
      '一、2024年工作回顾', '全年旅游收入达到80亿元，力争突破100亿元。', '二、2025年工作安排', '推进重点项目建设，其中一期已完成投资3亿元。',
    ].join('\n'));
    expect(kinds(text).map(([core, kind]) => [core, kind])).toEqual([['80亿元', 'actual'], ['100亿元', 'target'], ['3亿元', 'actual']]);
  });

  it('a flattened report with run-in part titles (…审议。2024年工作回顾过去一年，…) gets its parts as headings', () => {
    const text = '各位代表：现在，我代表市人民政府向大会报告工作，请予审议。2024年工作回顾过去一年，全市生产总值增长5%，新增就业3000人。'
      + '2025年重点工作安排今年，力争生产总值增长6%左右。2025年，全市经济社会发展的主要预期目标是：城镇新增就业3500人。';
    const result = extract({ text }, { rules });
    expect(result.sections.map((s) => [s.heading, s.role])).toEqual([['2024年工作回顾', 'review'], ['2025年重点工作安排', 'plan']]);
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([
      ['5%', 'actual', 2024], ['3000人', 'actual', 2024], ['6%', 'target', 2025], ['3500人', 'target', 2025],
    ]);
  });
  it('a paragraph opening with a year as the subject of a phrase (2024年是实现“十四五”规划目标任务的关键一年。) opens no part: the review goes on', () => {
    const text = REPORT(2025, ['2024年工作回顾', '2024年是实现“十四五”规划目标任务的关键一年。一年来，全县生产总值增长5%，新增就业3000人。', '2025年工作安排', '力争生产总值增长6%左右。'].join('\n'));
    const result = extract({ text }, { rules });
    expect(result.sections.map((s) => [s.heading, s.role])).toEqual([['2024年工作回顾', 'review'], ['2025年工作安排', 'plan']]);
    expect(kinds(text)).toEqual([['5%', 'actual', 2024], ['3000人', 'actual', 2024], ['6%', 'target', 2025]]);
  });

  it('今年政府工作的总体要求和主要目标 standing alone opens the plan part', () => {
    const text = REPORT(2025, '一、2024年工作回顾\n全年生产总值增长5%。\n今年政府工作的总体要求和主要目标\n生产总值增长6%左右。\n');
    expect(kinds(text)).toEqual([['5%', 'actual', 2024], ['6%', 'target', 2025]]);
    expect(extract({ text }, { rules }).sections.map((s) => [s.heading, s.depth, s.role])).toEqual([
      ['一、2024年工作回顾', 1, 'review'], ['今年政府工作的总体要求和主要目标', 1, 'plan'],
    ]);
  });

  it('a plan part titled by when its work is (新一年工作安排, 今年的主要工作, 下半年工作安排) holds targets, even in a report\'s copy with no year in it', () => {
    for (const title of ['二、新一年工作安排', '二、今年的主要工作', '二、下半年工作安排', '二、今后一个时期的工作', '二、工作安排', '二、今年预算安排']) {
      const text = `某县政府工作报告\n一、过去一年工作回顾\n全县生产总值增长5.5%，达到320亿元。\n${title}\n全县生产总值增长6%左右，新建学校5所。\n`;
      expect(extract({ text }, { rules }).quantities.map((q) => [q.core.text, q.kind]), title).toEqual([['5.5%', 'actual'], ['320亿元', 'actual'], ['6%', 'target'], ['5所', 'target']]);
    }
  });

  it('the shortcomings that close a review (我们也清醒地认识到…主要表现在：…) are its actuals, not the plan\'s targets', () => {
    const text = REPORT(2023, [
      '一年来，我们更加注重政府自身建设，办理人大代表建议294件。',
      '我们也清醒地认识到，全县发展还有很多瓶颈制约。主要表现在：企业仅占市场主体总量的21.6%，城镇化率仅46.83%，需要下大力气解决。',
      '二、2023年主要工作', '全县地区生产总值增长6%左右。',
    ].join('\n'));
    expect(kinds(text)).toEqual([['294件', 'actual', 2022], ['21.6%', 'actual', 2022], ['46.83%', 'actual', 2022], ['6%', 'target', 2023]]);
  });

  it('a digest\'s plan part: a line naming the plan year in any part (**二、2025年工作安排** under 2024年成绩单), 2025年，这样干！, 今年重点抓好七个方面工作', () => {
    const review = '过去一年，全县地区生产总值增长5.5%，达到320亿元，一般公共预算收入完成20亿元，经济运行稳中向好，民生保障有力有效，社会大局和谐稳定。';
    const plan = '全县地区生产总值增长6%左右，新建学校5所，城镇新增就业5000人，居民消费价格涨幅控制在3%左右，确保完成年度目标任务。';
    for (const title of ['**二、2025年工作安排**', '2025年，这样干！', '今年重点抓好七个方面工作']) {
      const text = `某县2025年政府工作报告要点\n\n2024年成绩单\n${review}\n\n${title}\n${plan}\n`;
      expect(kinds(text), title).toEqual([
        ['5.5%', 'actual', 2024], ['320亿元', 'actual', 2024], ['20亿元', 'actual', 2024],
        ['6%', 'target', 2025], ['5所', 'target', 2025], ['5000人', 'target', 2025], ['3%', 'target', 2025],
      ]);
    }
  });

  it('a budget report\'s heading naming the year before its own (一、2024年财政工作情况) is its review; 重点工作开展情况 too', () => {
    const text = '某区关于2024年预算执行情况和2025年预算草案的报告\n各位代表：\n一、2024年财政工作情况\n（一）主要政策落实及重点工作开展情况\n'
      + '1.加强助企纾困。\n兑现税费支持政策17.3亿元，其中留抵退税13.8亿元。\n二、2025年预算草案\n全区一般公共预算收入安排30亿元，增长5%。\n';
    expect(kinds(text)).toEqual([['17.3亿元', 'actual', 2024], ['13.8亿元', 'actual', 2024], ['30亿元', 'target', 2025], ['5%', 'target', 2025]]);
    const roles = extract({ text }, { rules }).sections.map((s) => [s.title, s.role]);
    expect(roles).toEqual([['2024年财政工作情况', 'review'], ['主要政策落实及重点工作开展情况', 'review'], ['加强助企纾困', 'review'], ['2025年预算草案', 'plan']]);
  });

  it('a count of the plan\'s own indicators after the verb that sets them out (提出22项主要指标) is other, of no year; a count of indicators met is a result', () => {
    const text = REPORT(2026, [
      '一、“十四五”时期工作回顾', '全市9项主要经济指标增速高于全省。',
      '二、“十五五”时期主要目标', '《纲要（草案）》从经济发展、民生福祉等3个方面细化提出18项主要指标，其中地区生产总值年均增长5%左右。',
      '一是围绕创新驱动，提出4项指标。',
    ].join('\n'));
    expect(kinds(text).filter(([t]) => String(t).endsWith('项'))).toEqual([['9项', 'actual', 2025], ['18项', 'other', null], ['4项', 'other', null]]);
  });
  it('a page of facts that opens on its year so far (2022年上半年，…) is of that year, whatever its title; a reporter\'s byline is no title', () => {
    const text = '---\ndate: 2022-08-03\n---\n南方财经全媒体 见习记者张三 深圳报道\n2022年上半年，某区实现地区生产总值700亿元，同比增长6.3%。规模以上工业增加值增长8.1%，固定资产投资增长12%。\n';
    const result = extract({ text }, { rules });
    expect(result.meta.title).toBeNull();
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['700亿元', 'actual', 2022], ['6.3%', 'actual', 2022], ['8.1%', 'actual', 2022], ['12%', 'actual', 2022]]);
  });
  it('a part titled by its targets (（二）细化目标, 一、工作目标) is a plan, its year-by-year lines (2017年：…) targets', () => {
    const text = '某县脱贫攻坚基本情况\n（一）基本情况\n全县有贫困人口1.24万户。\n（二）细化目标\n2017年：实施通组公路硬化265公里。\n2018年：计划搬迁1495户。\n';
    expect(kinds(text).map(([t, k]) => [t, k])).toEqual([['1.24万户', 'other'], ['265公里', 'target'], ['1495户', 'target']]);
    expect(extract({ text }, { rules }).sections.map((s) => [s.heading, s.role])).toEqual([['（一）基本情况', null], ['（二）细化目标', 'plan']]);
  });
  it('an annex is read by the title line under its label (附件2 / 某市2021年十大工程进展情况说明: the review of 2021), not as the plan part before it', () => {
    const text = REPORT(2022, ['一、2021年工作回顾', '全市生产总值增长6%。', '二、2022年工作安排', '力争生产总值增长6.5%。', '三、全面加强政府自身建设', '压减一般性支出5%。',
      '附件2', '某市2021年十大工程进展情况说明', '一、城区雨污分流改造', '雨污分流管网改造提升完成60公里。'].join('\n'));
    const result = extract({ text }, { rules });
    expect(result.sections.slice(3).map((s) => [s.heading, s.role, s.year])).toEqual([['附件2', 'review', 2021], ['一、城区雨污分流改造', 'review', 2021]]);
    expect(kinds(text).at(-1)).toEqual(['60公里', 'actual', 2021]);
  });
  it('in a review, a figure that is the task set (年度固投总任务52.77亿元, 搬迁任务为5086户, （2022年任务120亩）) is a target; tasks done or beaten are results', () => {
    const text = REPORT(2023, ['一、2022年工作回顾', '全年完成固投54.04亿元，年度固投总任务52.77亿元。处置闲置土地310亩（2022年任务120亩）。',
      '省下达我县搬迁任务为5086户。完成改革试点任务128项，超年度任务6.5亿元。'].join('\n'));
    expect(kinds(text).map(([t, k]) => [t, k])).toEqual([['54.04亿元', 'actual'], ['52.77亿元', 'target'], ['310亩', 'actual'], ['120亩', 'target'],
      ['5086户', 'target'], ['128项', 'actual'], ['6.5亿元', 'actual']]);
  });
  it('in a review, the plan or budget a share is taken of (完成年计划710亿元的89.4%) is a target named by the subject; the share done is an actual', () => {
    const text = REPORT(2023, ['一、2022年工作回顾', '全市地区生产总值635亿元，完成年计划710亿元的89.4%，增长2%。',
      '一般公共预算收入累计完成24627万元，完成年初预算数60999万元的40.4%。固定资产投资完成年计划的77.9%。'].join('\n'));
    const result = extract({ text }, { rules });
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year, q.indicator])).toEqual([
      ['635亿元', 'actual', 2022, '地区生产总值'], ['710亿元', 'target', 2022, '年计划'], ['89.4%', 'actual', 2022, '地区生产总值'], ['2%', 'actual', 2022, '地区生产总值'],
      ['24627万元', 'actual', 2022, '一般公共预算收入'], ['60999万元', 'target', 2022, '年初预算数'], ['40.4%', 'actual', 2022, '一般公共预算收入'],
      // (With no plan amount written, the share is named with what it is a share of.)
      ['77.9%', 'actual', 2022, '固定资产投资完成年计划'],
    ]);
    expect(result.quantities[1]!.rules.kind).toBe('kind.plan-base');
  });
  it('in a plan part, a level stated at a past date that opens its sentence (截至2024年9月30日，…共有…) is an actual of that year; a date ahead is a deadline', () => {
    const text = '某区民政局2025年部门预算\n一、2025年部门预算编制说明\n2025年部门预算安排购置车辆2辆。\n'
      + '截至2024年9月30日，本部门共有车辆5辆，其中：执法用车3辆、其他用车2辆。\n截至2025年底，新建养老服务站12个。\n';
    expect(kinds(text)).toEqual([
      ['2辆', 'target', 2025], ['5辆', 'actual', 2024], ['3辆', 'actual', 2024], ['2辆', 'actual', 2024], ['12个', 'target', 2025],
    ]);
  });
  it('a table whose data columns are all outcomes (2024年完成) is review evidence even inside the plan part', () => {
    const text = REPORT(2025, [
      '二、2025年重点工作', '生产总值增长6%左右。', '附表 2024年主要指标完成情况', '| 指标 | 单位 | 2024年完成 |',
      '| 地区生产总值 | 亿元 | 120 |', '| 新建学校，改造校舍3万平方米 | 所 | 5 |', '三、加强政府自身建设', '一般性支出压减5%。',
    ].join('\n'));
    expect(kinds(text)).toEqual([['6%', 'target', 2025], ['3万平方米', 'actual', 2024], ['5%', 'target', 2025]]);
  });
});

describe('roles: tense words counted in one scan', () => {
  const c = rules.quantities.compiled;
  const byRegex = (text: string) => {
    const n = { plan: 0, review: 0, none: 0 };
    for (const m of text.matchAll(c.tense)) n[c.tenseRole.get(m[0])!]++;
    return { plan: n.plan, review: n.review };
  };
  it('counts as the tense alternation does: left to right, the first word listed at a place, no overlaps', () => {
    for (const text of [
      '全年力争新增城镇就业1万人，确保完成年度目标任务。',
      '去年完成了地区生产总值增长了6%，比上年提高，已建成5G基站800个。',
      '努力实现将要拟计划预期，同比获评荣获首次获批了。',
      '坚持稳中求进工作总基调。',
      '主要指标完成较好，重要领域改革要素保障需要加强，将近完成了。',
      '',
    ]) {
      expect(tenseCounts(text, 0, text.length, rules.quantities.compiled.roleWords)).toEqual(byRegex(text));
    }
    const text = '前文。今年要完成了';
    expect(tenseCounts(text, 3, text.length - 1, rules.quantities.compiled.roleWords)).toEqual(byRegex(text.slice(3, -1)));
  });
});
