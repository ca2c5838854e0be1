import { describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import { rules } from './helpers.js';

const metaOf = (text: string) => extract({ text }, { rules }).meta;

describe('document type and level from weighted evidence', () => {
  it('names the new types by their title words', () => {
    expect(metaOf('关于某市2023年预算执行情况和2024年预算草案的报告\n各位代表：\n').docType).toBe('budget-report');
    expect(metaOf('某县水利局2024年部门预算说明\n一、部门职责\n').docType).toBe('budget-report');
    expect(metaOf('某省国民经济和社会发展第十五个五年规划纲要\n第一章 发展环境\n').docType).toBe('plan-outline');
    expect(metaOf('某市“十四五”生态环境保护规划\n一、规划背景\n').docType).toBe('plan-outline');
    expect(metaOf('关于某县2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n各位代表：\n').docType).toBe('plan-report');
    // An audit's report on a year's budget reports on that year: its findings are of it, not of the year before.
    const audit = extract({ text: '关于某市2024年度本级预算执行和其他财政收支的审计工作报告\n一、本级预算执行审计情况\n审计发现，3个部门违规发放补贴120万元。\n' }, { rules });
    expect([audit.meta.docType, audit.meta.year]).toEqual(['progress-report', 2024]);
    expect(audit.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['3个', 'actual', 2024], ['120万元', 'actual', 2024]]);
  });

  it('reads a State Council report on one field as a progress report, national, its reviewed figures actuals', () => {
    const text = [
      '国务院关于数字乡村发展情况的报告', '——2024年6月25日在第十四届全国人民代表大会常务委员会第十次会议上',
      '委员长、各位副委员长、秘书长、各位委员：', '一、发展成效', '农村宽带用户达到1.9亿户，电商销售额增长12%。',
      '二、下一步工作', '力争农村网络零售额增长10%。',
    ].join('\n');
    const result = extract({ text }, { rules });
    expect(result.meta).toMatchObject({ docType: 'progress-report', level: 'national', region: { province: null, city: null, district: null } });
    expect(result.quantities.map((q) => [q.core.text, q.kind])).toEqual([['1.9亿户', 'actual'], ['12%', 'actual'], ['10%', 'target']]);
  });

  it('reads a work report from its thanks (我代表…人民政府，向…致以…感谢) when no title is left: its review before the plan heading is actual', () => {
    const text = [
      '全区完成固定资产投资300亿元，同比增长12%，撤销了20个乡镇。',
      '全区农民人均纯收入达到2000元，比上年增加了150元，已建成农村公路800公里。',
      '全区城镇新增就业5万人，完成了年度计划，荣获全国文明城市称号。',
      '我代表自治区人民政府，向辛勤工作在各条战线上的广大干部群众，向关心和支持政府工作的各界人士，致以崇高的敬意和衷心的感谢！',
      '二、关于明年的奋斗目标', '明年全区生产总值增长9%。',
    ].join('\n');
    const result = extract({ text }, { rules });
    expect(result.meta.docType).toBe('work-report');
    expect(result.quantities.map((q) => [q.core.text, q.kind])).toEqual([['300亿元', 'actual'], ['12%', 'actual'], ['20个', 'actual'], ['2000元', 'actual'], ['150元', 'actual'], ['800公里', 'actual'], ['5万人', 'actual'], ['9%', 'target']]);
    // Without the thanks nothing says what the text is, and its figures are not read as achieved.
    expect(metaOf(text.replace(/我代表[^\n]*\n/u, '')).docType).toBe('other');
  });

  it('reads a report on how a year\'s programme went (…民生实事项目实施情况的报告, no 关于) as a progress report of that year', () => {
    const text = '2021年某乡人民政府民生实事项目实施情况的报告\n一、基本情况\n2021年度确定的民生实事项目有3个，共投入资金约537万元。\n'
      + '二、项目完成情况\n（一）道路提升项目\n道路提升项目总投资278万元，道路全长600米。\n';
    const result = extract({ text }, { rules });
    expect(result.meta).toMatchObject({ docType: 'progress-report', year: 2021 });
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['3个', 'actual', 2021], ['537万元', 'actual', 2021], ['278万元', 'actual', 2021], ['600米', 'actual', 2021]]);
  });

  it('a session headline outweighs a collector header naming the report: news of the session', () => {
    const text = '标题：某县2023年政府工作报告\n发文单位：某县人民政府\n正文：\n某县第十八届人民代表大会第三次会议隆重开幕\n1月12日上午，会议开幕。\n';
    expect(metaOf(text).docType).toBe('news');
  });

  it('gives the level of the government the document is about', () => {
    expect(metaOf('2024年上海市政府工作报告\n').level).toBe('province');
    expect(metaOf('2024年昆明市政府工作报告\n').level).toBe('city');
    expect(metaOf('2024年昆明市盘龙区政府工作报告\n').level).toBe('county');
  });

  it('weighs a salutation: 各位代表 alone says work report; the standing committee\'s says progress report', () => {
    expect(metaOf('各位代表：\n过去一年，全市生产总值增长5%。\n').docType).toBe('work-report');
    expect(metaOf('主任、各位副主任、秘书长、各位委员：\n我受市人民政府委托，报告全市生态环境保护工作情况。\n').docType).toBe('progress-report');
    expect(metaOf('关于某县2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n各位代表：\n').docType).toBe('plan-report');
    // An excerpt with no title: a paragraph addressing the delegates (各位代表，…) says the same.
    expect(metaOf('过去五年，全州生产总值增长7%。\n各位代表，由于疫情严重冲击，全州旅游受到巨大影响。\n').docType).toBe('work-report');
    expect(metaOf('过去五年，全州生产总值增长7%。\n各位代表提出的建议全部办结。\n').docType).toBe('other');
  });
  it('reads a title line wrapped in book-title marks without them (type, region and level follow)', () => {
    const plan = metaOf('《上海市某某区国民经济和社会发展第十五个五年规划纲要》\n“十五五”时期是全区发展的关键时期。\n第一章 发展基础\n');
    expect(plan).toMatchObject({
      title: '上海市某某区国民经济和社会发展第十五个五年规划纲要', docType: 'plan-outline', level: 'county',
      region: { province: '上海市', district: '某某区' },
    });
    const report = metaOf('《某某县人民政府工作报告》\n各位代表：\n一、2025年工作回顾\n');
    expect(report).toMatchObject({ title: '某某县人民政府工作报告', docType: 'work-report', level: 'county' });
    expect(metaOf('《某市国民经济和社会发展第十五个五年规划纲要》（草案）\n第一章 发展环境\n')).toMatchObject({ title: '某市国民经济和社会发展第十五个五年规划纲要（草案）', docType: 'plan-outline' });
    // Marks that quote only part of the line stay.
    expect(metaOf('关于《某市河道管理条例》实施情况的报告\n各位委员：\n').title).toBe('关于《某市河道管理条例》实施情况的报告');
  });
});

describe('a special plan whose years stand under its title', () => {
  const text = [
    '某某行业发展规划', '（2016-2020年）',
    '“十三五”时期，面对复杂形势，行业需要抓住机遇，加快转型升级，特制定本规划。',
    '一、回顾与总结', '“十二五”期间，行业积极应对形势变化，全面完成各项工作任务。',
    '（一）取得的主要成绩', '1.安全水平不断提高。累计完成120条生产线的升级改造，现有标准总量228项。',
    '二、面临的形势', '与2013年峰值相比，2015年产品产量减少70万吨，下降16%。预计“十三五”期间，市场需求总体稳定。',
    '三、发展目标', '到2020年，行业生产总值年均增长5%，前十家企业产量占比达到60%以上。',
  ].join('\n');
  const r = extract({ text }, { rules });
  const when = (core: string) => { const q = r.quantities.find((x) => x.core.text === core)!; return [q.kind, q.year, q.period]; };

  it('takes the years into its title (meta.yaml titleSpan) and is a five-year plan of them', () => {
    expect(r.meta.title).toBe('某某行业发展规划（2016-2020年）');
    expect(r.meta.docType).toBe('plan-outline');
  });

  it('reviews the five years before them: work done over the span, a stock at its end; a later figure of a sentence about a past year is actual', () => {
    expect(when('120条')).toEqual(['actual', null, [2011, 2015]]);
    expect(when('228项')).toEqual(['actual', 2015, null]);
    expect(when('70万吨')).toEqual(['actual', 2015, null]);
    expect(when('16%')[0]).toBe('actual');
    expect(when('60%')).toEqual(['target', 2020, null]);
  });
});

describe('progress reports titled with their labels', () => {
  it('reads …推进情况“展示台”“曝光台” as a progress report: work done so far is actual, the plan amount a target', () => {
    const text = '1—7月全区重大项目推进情况“展示台”“曝光台”\n2021-08-30 来源：某某日报\n1—7月，全区重大项目加速推进。\n1．地级市重大项目开工率前二名：甲市开工率100%，乙市开工率95%。\n2．地级市重大项目投资完成率：甲市计划投资232亿元，完成63.5%。\n';
    const result = extract({ text }, { rules });
    expect(result.meta.docType).toBe('progress-report');
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['100%', 'actual', 2021], ['95%', 'actual', 2021], ['232亿元', 'target', 2021], ['63.5%', 'actual', 2021]]);
  });
});

describe('news of the year so far', () => {
  it('reads a page titled 前5月… as of its own year: its figures are of the year it was posted in, not the one before', () => {
    const text = '前5月某市CPI同比上涨5.7% 食品类涨幅居首\n发布时间：2011-06-21\n记者从某市统计局获悉，前5月，某市居民消费价格同比累计上涨5.7%，其中食品类价格上涨13.4%。\n';
    const result = extract({ text }, { rules });
    expect(result.meta.docType).toBe('news');
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['5.7%', 'actual', 2011], ['5.7%', 'actual', 2011], ['13.4%', 'actual', 2011]]);
  });
});

describe('budget reports: budgeted amounts in the execution part', () => {
  it('reads what the budget set (年初预算合计, 支出预算调整为) as targets and what was done (收入完成) as actuals', () => {
    const text = '关于某市2025年预算执行情况和2026年预算草案的报告\n各位代表：\n受市人民政府委托，现将2025年预算执行情况报告如下。\n一、2025年预算执行情况\n全市政府性基金预算收入年初预算合计278.1亿元，调整后收入预算为222.8亿元；收入完成225.7亿元，同比下降16.3%。支出预算调整为559.6亿元。\n';
    const found = extract({ text }, { rules }).quantities;
    expect(found.map((q) => [q.core.text, q.kind, q.year])).toEqual([
      ['278.1亿元', 'target', 2025], ['222.8亿元', 'target', 2025], ['225.7亿元', 'actual', 2025], ['16.3%', 'actual', 2025], ['559.6亿元', 'target', 2025],
    ]);
  });
});

describe('budget reports: a budget line carried over from last year', () => {
  it('dates 上年结转收入 by the budget it is a line of, not by the year before', () => {
    const text = '关于某县2025年预算执行情况和2026年预算草案的报告\n各位代表：\n二、2026年预算草案\n2026年一般公共预算收入安排20亿元，上年结转收入1.2亿元。\n';
    expect(extract({ text }, { rules }).quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['20亿元', 'target', 2026], ['1.2亿元', 'target', 2026]]);
  });
});
