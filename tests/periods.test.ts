import { describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import { rules } from './helpers.js';

/** core, kind, year, period of every figure of a whole extraction (meta from the text itself). */
function when(text: string): [string, string, number | null, [number, number] | null][] {
  return extract({ text }, { rules }).quantities.map((q) => [q.core.text, q.kind, q.year, q.period]);
}

const REPORT = (year: number, body: string) =>
  `${year}年某县政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告政府工作，请予审议。\n${body}`;

describe('years and periods', () => {
  it('carries the year a sentence names into the next one when it opens with 其中 (a part of what it reported)', () => {
    expect(when('报告显示，在2020年，全省一般公共预算收入为12921.97亿元，增长2.1%。其中税收收入为9881.21亿元，同比减少1.8%。')).toEqual([
      ['12921.97亿元', 'actual', 2020, null], ['2.1%', 'actual', 2020, null], ['9881.21亿元', 'actual', 2020, null], ['1.8%', 'actual', 2020, null],
    ]);
    // Another sentence after a full stop does not take it.
    expect(when('报告显示，在2020年，全省一般公共预算收入为12921.97亿元。税收收入为9881.21亿元。').map((q) => q[2])).toEqual([2020, null]);
  });

  it('reads an average after a length its sentence names (五年跨越…，年均增速达到8%) as over that length, with no span around', () => {
    const text = REPORT(2026, '一、2025年工作回顾\n预计2025年，全县地区生产总值完成87.4亿元，五年跨越3个十亿级台阶，年均增速达到8%。\n');
    expect(when(text)).toEqual([['87.4亿元', 'actual', 2025, null], ['8%', 'actual', null, [2021, 2025]]]);
  });

  it('in a five-year review: X of 由X增长到Y is the year before the span, Y its end, an average the span', () => {
    const text = REPORT(2021, '一、“十三五”时期和2020年工作回顾\n“十三五”时期，是我县变化最大的五年。全县生产总值由40亿元增长到62亿元，年均增长9%；财政收入由“十二五”末的3亿元增加到5亿元。\n');
    expect(when(text)).toEqual([
      ['40亿元', 'actual', 2015, null], ['62亿元', 'actual', 2020, null], ['9%', 'actual', null, [2016, 2020]],
      ['3亿元', 'actual', 2015, null], ['5亿元', 'actual', 2020, null],
    ]);
  });

  it('work done over a reviewed span (新改建道路12条, 打掉犯罪团伙8个) and a fall over it (下降幅度分别为…) are its; a level reached is of its end', () => {
    const text = REPORT(2021, '一、“十三五”时期工作回顾\n——这五年，是我县城乡面貌变化最大的五年。新改建道路12条、17.2公里，人均公园绿地面积达11.42平方米。打掉各类犯罪团伙8个，破获案件63起。PM2.5、PM10平均浓度下降幅度分别为45.3%、38.8%。\n');
    expect(when(text)).toEqual([
      ['12条', 'actual', null, [2016, 2020]], ['17.2公里', 'actual', null, [2016, 2020]], ['11.42平方米', 'actual', 2020, null],
      ['8个', 'actual', null, [2016, 2020]], ['63起', 'actual', null, [2016, 2020]],
      ['45.3%', 'actual', null, [2016, 2020]], ['38.8%', 'actual', null, [2016, 2020]],
    ]);
  });

  it('a year a sentence names holds over the semicolons of its list for figures with nothing else to go by', () => {
    const text = '某乡概况\n全乡耕地面积4208公顷。2020年度全乡蔬菜播种面积96公顷，产量3106吨；水果种植面积25.3公顷，产量158吨。\n';
    expect(when(text).map(([core, , year]) => [core, year])).toEqual([['4208公顷', null], ['96公顷', 2020], ['3106吨', 2020], ['25.3公顷', 2020], ['158吨', 2020]]);
  });

  it('a count of things done or honoured in a reviewed span, its verb after it (19项…获奖, 28人当选), is over the span; so is a rise named 提升', () => {
    const text = REPORT(2026, '一、“十四五”时期工作回顾\n五年来，19项科技成果获国家科学技术奖，28人当选“中国好人”，15个公共文化场馆建成开放，再生水利用量提升49.3%，博物馆达到52个。\n');
    expect(when(text)).toEqual([
      ['19项', 'actual', null, [2021, 2025]], ['28人', 'actual', null, [2021, 2025]], ['15个', 'actual', null, [2021, 2025]],
      ['49.3%', 'actual', null, [2021, 2025]], ['52个', 'actual', 2025, null],
    ]);
  });

  it('people who became or left something in a reviewed span (成为城镇居民, 实现脱贫) are counted over it; a stock all of which reached a state is of its end', () => {
    const text = REPORT(2018, '一、过去五年工作回顾\n五年来，8000多万农业转移人口成为城镇居民，5575万农村贫困人口实现脱贫，112个脱贫村全部成为经济强村。\n');
    expect(when(text)).toEqual([['8000多万', 'actual', null, [2013, 2017]], ['5575万', 'actual', null, [2013, 2017]], ['112个', 'actual', 2017, null]]);
  });

  it('a total listed with 、 after a total over the span is over it too; a level reached after it is of the span\'s end', () => {
    const text = REPORT(2021, '一、过去五年工作回顾\n五年来，全县累计建成高标准农田27万亩、高效节水灌溉3.5万亩、城镇化率达到60%。\n');
    expect(when(text)).toEqual([['27万亩', 'actual', null, [2016, 2020]], ['3.5万亩', 'actual', null, [2016, 2020]], ['60%', 'actual', 2020, null]]);
  });

  it('an amount or count in a later clause of a sentence whose first figure is a total over the span is one too; a rate is not', () => {
    const text = REPORT(2021, '一、过去五年工作回顾\n五年来，全县累计新增城镇就业2万人，安排下岗失业人员再就业1.1万人；解决了1.6万农村贫困人口的饮水问题，城镇化率提高到55%。\n');
    expect(when(text)).toEqual([['2万人', 'actual', null, [2016, 2020]], ['1.1万人', 'actual', null, [2016, 2020]], ['1.6万', 'actual', null, [2016, 2020]], ['55%', 'actual', 2020, null]]);
  });

  it('the end of a five-year plan as a base (比“十二五”末) runs a change from its last year; a change after a base\'s level runs from it', () => {
    const text = REPORT(2026, '一、“十四五”时期工作回顾\n五年来，全县支出比“十三五”时期增加385亿元，生产总值较“十三五”末的932亿元增加437亿元，工业增加值比“十三五”末增长52.4%，原煤产量比2015年的12.98亿吨增长5%。\n');
    const found = extract({ text }, { rules }).quantities;
    expect(found.map((q) => [q.core.text, q.measure, q.year, q.period])).toEqual([
      ['385亿元', 'growth', null, [2021, 2025]], ['932亿元', 'level', 2020, null], ['437亿元', 'growth', null, [2020, 2025]],
      ['52.4%', 'growth', null, [2020, 2025]], ['12.98亿吨', 'level', 2015, null], ['5%', 'growth', null, [2015, 2025]],
    ]);
  });

  it('五年 before any work and its figure (五年生态补水33亿立方米) is the span; 比"十五"末 in ASCII quotes is a base', () => {
    const text = REPORT(2011, '一、“十一五”时期工作回顾\n全县经济发展。五年生态补水33亿立方米。全县生产总值达到500亿元，比"十五"末增长74%。\n');
    expect(extract({ text }, { rules }).quantities.map((q) => [q.core.text, q.year, q.period, q.indicator])).toEqual([
      ['33亿立方米', null, [2006, 2010], '生态补水'], ['500亿元', 2010, null, '全县生产总值'], ['74%', null, [2005, 2010], '全县生产总值'],
    ]);
  });

  it('work planned over a named span (“十四五”期间，计划启动改造30万平方米) is a total over it; a level reached is of its end', () => {
    const text = REPORT(2021, '二、“十四五”时期的主要目标任务\n“十四五”期间，计划启动旧住房改造30万平方米，修缮历史建筑4处，城镇化率达到70%。\n');
    expect(when(text)).toEqual([['30万平方米', 'target', null, [2021, 2025]], ['4处', 'target', null, [2021, 2025]], ['70%', 'target', 2025, null]]);
  });

  it('a page posted after the year it reports on (2025年…, posted 2026) reports actuals of that year; its 去年 is that year', () => {
    const text = '2025年某市常住人口发展情况\n2026-05-22 19:37:19\n2025年末全市常住人口874.4万人，城镇化率84.02%。去年全年人口出生率为7.78‰。\n';
    expect(when(text)).toEqual([['874.4万人', 'actual', 2025, null], ['84.02%', 'actual', 2025, null], ['7.78‰', 'actual', 2025, null]]);
    // A figure with nothing to go by in such a page is an actual too.
    expect(when(`${text}其中，城镇常住人口734.7万人，乡村常住人口139.7万人。\n`).slice(-2)).toEqual([['734.7万人', 'actual', 2025, null], ['139.7万人', 'actual', 2025, null]]);
  });

  it('in a report on its year so far, 两年平均 runs back from that year; 高于去年 compares, it dates nothing', () => {
    const text = '2021年1—7月全市经济运行情况\n2021-08-20 来源：某某日报\n1—7月，全市固定资产投资增长5.9%，两年平均增长3.2%，增速高于去年同期3.8个百分点。\n';
    expect(when(text)).toEqual([['5.9%', 'actual', 2021, null], ['3.2%', 'actual', null, [2020, 2021]], ['3.8个百分点', 'actual', 2021, null]]);
  });

  it('a standing policy or task notice (no year in its title) dates no undated target by the year it was issued in', () => {
    const body = '各区人民政府，市政府各委、办、局：\n现将《实施方案》印发给你们，请认真贯彻执行。\n2024年5月6日\n一、主要任务\n（一）推进23个城镇雨水排水系统建设。（责任单位：市水务局）\n（二）到2030年，建成海绵城市面积达到80%。（责任单位：市住建委）\n';
    expect(when(`某市人民政府办公厅关于印发《本市海绵城市建设实施意见》的通知\n${body}`).map(([core, , year]) => [core, year])).toEqual([['23个', null], ['80%', 2030]]);
    // A notice of one year's tasks names its year: its targets are of it.
    expect(when(`某市人民政府办公厅关于印发《2024年海绵城市建设工作任务》的通知\n${body}`).map(([core, , year]) => [core, year])).toEqual([['23个', 2024], ['80%', 2030]]);
  });

  it('a span a paragraph opens after the salutation and the year\'s topic (各位代表！2025年是“十四五”收官之年。五年来，…) holds for the paragraphs after it', () => {
    const text = REPORT(2026, '一、2025年和“十四五”时期工作回顾\n各位代表！2025年是“十四五”收官之年。五年来，我们砥砺奋进。\n——经济实力实现新跃升。全县累计完成投资3.7亿元，城镇化率达到60%。\n');
    expect(when(text)).toEqual([['3.7亿元', 'actual', null, [2021, 2025]], ['60%', 'actual', 2025, null]]);
  });

  it('an average under a deadline the sentence opens with (到2030年，…年均增长5%左右) runs from the plan year to it', () => {
    const text = REPORT(2026, '二、2026年工作安排\n到2030年，全县生产总值年均增长5%左右，城镇化率达到70%。\n');
    expect(when(text)).toEqual([['5%', 'target', null, [2026, 2030]], ['70%', 'target', 2030, null]]);
  });

  it('a change over N years (5年增长18.7%, 3年增长58.6%) is over the last N years; the N years stay out of the name', () => {
    const text = REPORT(2026, '一、“十四五”时期工作回顾\n全县研发投入5年增长18.7%，高新技术企业数量3年增长58.6%。\n');
    expect(extract({ text }, { rules }).quantities.map((q) => [q.core.text, q.period, q.indicator])).toEqual([['18.7%', [2021, 2025], '研发投入'], ['58.6%', [2023, 2025], '高新技术企业数量']]);
  });

  it('a base fronted as a clause (2005年与2000年相比，…) runs the changes after it from the base year', () => {
    const text = REPORT(2006, '一、“十五”时期工作回顾\n2005年与2000年相比，全县生产总值增长60%，财政收入增长1.2倍。\n');
    expect(when(text)).toEqual([['60%', 'actual', null, [2000, 2005]], ['1.2倍', 'actual', null, [2000, 2005]]]);
  });

  it('an average in a part whose heading names a span beside its year (2025年和“十四五”时期工作回顾) is over that span', () => {
    const text = REPORT(2026, '一、2025年和“十四五”时期工作回顾\n2025年，全县生产总值增长5.4%。\n（一）产业发展\n规上工业增加值年均增长7%，全年新增企业500家。\n二、2026年工作安排\n全县生产总值增长5%。\n');
    expect(when(text)).toEqual([['5.4%', 'actual', 2025, null], ['7%', 'actual', null, [2021, 2025]], ['500家', 'actual', 2025, null], ['5%', 'target', 2026, null]]);
  });

  it('a change against a base year named in a sentence is the base of its later changes (比2002年增长60.98%，利润增长2.23倍)', () => {
    const text = REPORT(2007, '一、过去五年工作回顾\n全县规模以上工业增加值比2002年增长60.98%，实现利润增长2.23倍，税收增长1.05倍。\n');
    expect(when(text).map(([core, , year, period]) => [core, year, period])).toEqual([['60.98%', null, [2002, 2006]], ['2.23倍', null, [2002, 2006]], ['1.05倍', null, [2002, 2006]]]);
  });

  it('the start of 从X增加到Y with a bound before X (从不到70万亿元) is of the year before the span', () => {
    const text = REPORT(2021, '一、过去五年工作回顾\n过去五年，全县生产总值从不到70亿元增加到超过100亿元。\n');
    expect(when(text)).toEqual([['70亿元', 'actual', 2015, null], ['100亿元', 'actual', 2020, null]]);
  });

  it('a part heading naming both a review and a plan (“十三五”时期发展成就和“十四五”时期主要目标任务) leaves its paragraphs to their own evidence', () => {
    const text = REPORT(2021, '一、2020年工作回顾\n全县生产总值增长3%。\n二、“十三五”时期发展成就和“十四五”时期主要目标任务\n“十三五”时期，全县生产总值年均增长6%。\n“十四五”时期主要目标是：全县生产总值年均增长7%左右。\n三、2021年工作安排\n全县生产总值增长8%。\n');
    expect(when(text)).toEqual([['3%', 'actual', 2020, null], ['6%', 'actual', null, [2016, 2020]], ['7%', 'target', null, [2021, 2025]], ['8%', 'target', 2021, null]]);
  });

  it('an untitled national report whose plan part is titled by its year alone (三、2011年的工作) is of that year', () => {
    const text = '各位代表：\n现在，我代表国务院，向大会作政府工作报告，请予审议。\n一、“十一五”时期国民经济和社会发展的回顾\n五年来，国内生产总值年均增长11.2%。\n二、“十二五”时期的主要目标和任务\n国内生产总值年均增长7%。\n三、2011年的工作\n国内生产总值增长8%左右。\n';
    const result = extract({ text }, { rules });
    expect(result.meta.year).toBe(2011);
    expect(when(text)).toEqual([['11.2%', 'actual', null, [2006, 2010]], ['7%', 'target', null, [2011, 2015]], ['8%', 'target', 2011, null]]);
  });

  it('a plan part\'s paragraph opening on a span ended before the plan year reviews it (“十四五”时期，… in a 2026 report\'s part on the 十五五 outline)', () => {
    const text = REPORT(2026, '一、2025年工作回顾\n全县生产总值增长5%。\n二、关于《某县国民经济和社会发展第十五个五年规划纲要（草案）》的说明\n县政府制定了《纲要（草案）》，提请本次大会审查。\n“十四五”时期，全县生产总值从40亿元增加到55亿元，单位生产总值能耗累计下降14%。\n“十五五”时期，全县生产总值年均增长5.5%左右。\n三、2026年主要任务\n全县生产总值增长6%。\n');
    expect(when(text)).toEqual([
      ['5%', 'actual', 2025, null], ['40亿元', 'actual', 2020, null], ['55亿元', 'actual', 2025, null], ['14%', 'actual', null, [2021, 2025]],
      ['5.5%', 'target', null, [2026, 2030]], ['6%', 'target', 2026, null],
    ]);
  });

  it('the plans before 十一五 are spans in quotes (“六五”计划期间 1981–1985), and 在过去的五年中 opens the five years before the report', () => {
    const text = '1986年政府工作报告\n各位代表：\n一、“六五”计划期间的回顾\n在过去的五年中，工农业总产值平均每年增长百分之十一。\n“六五”计划期间，国民收入平均每年增长百分之九点七，钢产量增加了一倍。\n三、1986年的工作\n物价上涨幅度控制在百分之八至九。\n';
    expect(when(text)).toEqual([
      ['百分之十一', 'actual', null, [1981, 1985]], ['百分之九点七', 'actual', null, [1981, 1985]], ['一倍', 'actual', null, [1981, 1985]],
      ['百分之八至九', 'target', 1986, null],
    ]);
  });

  it('the targets a review part\'s paragraph sets out (…提出今年的主要预期目标是：…) are of the plan year', () => {
    const text = REPORT(2024, '一、2023年工作回顾\n全县生产总值增长5.2%。规划提出今年全县经济社会发展的主要预期目标是：全县生产总值增长5%左右，城镇调查失业率控制在5%以内。\n');
    expect(when(text)).toEqual([['5.2%', 'actual', 2023, null], ['5%', 'target', 2024, null], ['5%', 'target', 2024, null]]);
  });

  it('a part heading naming a five-year plan that starts with the report\'s year is the plan, whatever its noun (战略任务)', () => {
    const text = REPORT(2011, '一、“十一五”时期工作回顾\n全县生产总值年均增长12%。\n二、“十二五”时期经济社会发展的战略任务\n全县生产总值年均增长10%。\n三、2011年工作\n全县生产总值增长11%。\n');
    expect(when(text)).toEqual([['12%', 'actual', null, [2006, 2010]], ['10%', 'target', null, [2011, 2015]], ['11%', 'target', 2011, null]]);
  });

  it('去年 named in a sentence holds for its later figures; a plan\'s completion rate and 目前 tell results, not targets', () => {
    const text = '某市今年安排重大项目\n2022-04-12 来源：某某新闻\n从2021年完成情况来看，某市去年本级政府投资项目计划共安排588个，计划安排投资500亿元；2021年完成投资596.3亿元，计划完成率119.3%。目前制造业所占的比重依然在35%以上。\n';
    expect(when(text).map(([core, kind, year]) => [core, kind, year])).toEqual([
      ['588个', 'target', 2021], ['500亿元', 'target', 2021], ['596.3亿元', 'actual', 2021], ['119.3%', 'actual', 2021], ['35%', 'actual', 2021],
    ]);
  });

  it('an average over the span with a bound between the growth word and the figure (年均增长超10%) is a growth', () => {
    const text = REPORT(2021, '一、过去五年工作回顾\n五年来，全县地区生产总值年均增长超10%，财政收入增长逾12%。\n');
    const found = extract({ text }, { rules }).quantities;
    expect(found.map((q) => [q.core.text, q.measure, q.direction, q.comparator, q.period])).toEqual([
      ['10%', 'growth', 'up', '>', [2016, 2020]], ['12%', 'growth', 'up', '>', [2016, 2020]],
    ]);
  });

  it('a rate the words after it name a growth (5.5%左右的增长目标, 6%左右的年均增长率) is one; an average over the span takes it', () => {
    const text = REPORT(2022, '二、2022年工作安排\n今年提出5.5%左右的增长目标。“十四五”时期保持6%左右的年均增长率，实现3%的降幅。过去两年平均增长5.1%。\n');
    const found = extract({ text }, { rules }).quantities;
    expect(found.map((q) => [q.core.text, q.measure, q.direction, q.year, q.period, q.indicator, q.rules.measure])).toEqual([
      ['5.5%', 'growth', 'up', 2022, null, null, 'growth.after'],
      ['6%', 'growth', 'up', null, [2021, 2025], null, 'growth.after'],
      // Not an average: of the span's end, as a level reached is.
      ['3%', 'growth', 'down', 2025, null, null, 'growth.after'],
      ['5.1%', 'growth', 'up', null, [2020, 2021], null, 'growth.up'],
    ]);
  });

  it('unnumbered part titles naming a five-year plan\'s aims or a year\'s proposed work open a plan; a glossary marked * or 附： is one', () => {
    const body = (title: string) => REPORT(2026, `一、2025年工作回顾\n全县生产总值增长5%。\n${title}\n全县生产总值年均增长6%。\n`);
    expect(when(body('“十五五”时期的主要目标任务'))).toEqual([['5%', 'actual', 2025, null], ['6%', 'target', null, [2026, 2030]]]);
    expect(when(body('2026年重点工作安排建议').replace('年均', ''))).toEqual([['5%', 'actual', 2025, null], ['6%', 'target', 2026, null]]);
    const glossary = extract({ text: REPORT(2021, '一、2020年工作回顾\n全县新增就业3000人。\n附：短语说明\n1.六稳：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。\n') }, { rules });
    expect(glossary.glossary.map((g) => g.term)).toEqual(['六稳']);
  });

  it('an average right after the years it is over (2021—2024年年均增长) takes them, not the five-year span around it', () => {
    const text = REPORT(2025, '一、“十四五”时期工作回顾\n“十四五”以来，全县经济持续向好。2021—2024年年均增长率达到5.5%，地区生产总值年均增长6%。\n');
    expect(when(text).map(([core, , , period]) => [core, period])).toEqual([['5.5%', [2021, 2024]], ['6%', [2021, 2025]]]);
  });

  it('an average over the last years (两年平均增长, 两年平均增速高于全国) is over the year under review and those before it', () => {
    const text = REPORT(2024, '一、2023年工作回顾\n全年地区生产总值增长4.6%，两年平均增长4.8%，两年平均增速高于全国0.3个百分点。\n');
    expect(when(text)).toEqual([['4.6%', 'actual', 2023, null], ['4.8%', 'actual', null, [2022, 2023]], ['0.3个百分点', 'actual', null, [2022, 2023]]]);
  });

  it('an average over N years in a target (今后五年…财政收入五年平均增长9%) is over the next N years; the N stays out of the indicator', () => {
    const text = REPORT(2004, '一、过去五年工作回顾\n五年来，全县城乡居民收入分别比五年前增长62.4%和45%。\n二、今后五年的目标任务\n今后五年，全县财政收入五年平均增长9%。\n');
    const found = extract({ text }, { rules }).quantities;
    expect(found.map((q) => [q.core.text, q.kind, q.period, q.indicator])).toEqual([
      ['62.4%', 'actual', [1999, 2003], '城镇居民收入'], ['45%', 'actual', [1999, 2003], '农村居民收入'], ['9%', 'target', [2004, 2008], '财政收入'],
    ]);
  });

  it('a sentence opening with the end of a five-year span (到“十二五”末，A…，B…) gives its year to every figure of it', () => {
    const text = REPORT(2011, '二、“十二五”时期的主要目标\n到“十二五”末，全县生产总值突破600亿元，财政收入突破50亿元，城镇居民人均可支配收入达到3万元。\n');
    expect(when(text)).toEqual([['600亿元', 'target', 2015, null], ['50亿元', 'target', 2015, null], ['3万元', 'target', 2015, null]]);
  });

  it('an outline of a plan before 十一五 (第十个五年计划纲要) is for its span; a price base year (按2000年价格计算) is no figure\'s year', () => {
    const text = '中华人民共和国国民经济和社会发展第十个五年计划纲要\n第二章 主要目标\n经济增长速度预期为年均7%左右，到2005年按2000年价格计算的国内生产总值达到12.5万亿元左右，森林覆盖率提高到18.2%。\n';
    const result = extract({ text }, { rules });
    expect(result.meta).toMatchObject({ docType: 'plan-outline', year: 2001 });
    expect(when(text)).toEqual([['7%', 'target', null, [2001, 2005]], ['12.5万亿元', 'target', 2005, null], ['18.2%', 'target', 2005, null]]);
  });

  it('of a year named and a relative one before a figure, the nearer decides (2011年突破万亿大关，去年实现11937.82亿元)', () => {
    const text = REPORT(2013, '一、过去五年和2012年工作回顾\n全省地区生产总值2011年历史性地突破万亿大关，去年实现11937.82亿元。\n');
    expect(when(text)).toEqual([['11937.82亿元', 'actual', 2012, null]]);
  });

  it('reads a year written in numerals (一九九八年, 二〇〇〇年, 二00一年) as the year, never a vision\'s horizon (二〇三五年远景目标)', () => {
    const text = REPORT(1999, '一、一九九八年工作回顾\n一九九八年，全区粮食产量达到300万吨。\n二、二〇三五年远景目标和主要任务\n到二00一年，全区粮食产量达到350万吨。\n全区生产总值增长8%。\n');
    const found = extract({ text }, { rules });
    expect(found.meta.year).toBe(1999);
    expect(when(text)).toEqual([['300万吨', 'actual', 1998, null], ['350万吨', 'target', 2001, null], ['8%', 'target', 1999, null]]);
    expect(found.quantities[0]!.core.text).toBe('300万吨');
    expect(found.sections.map((s) => s.heading)).toEqual(['一、一九九八年工作回顾', '二、二〇三五年远景目标和主要任务']);
  });

  it('a deadline named inside a sentence (提出到2020年A达到2.54%，B16%以上，C60%) holds for its later figures, not for the next sentence', () => {
    const text = REPORT(2016, '二、2016年工作安排\n（三）坚持创新驱动。提出到2020年研发经费占生产总值比重达到2.54%，战略性新兴产业增加值占比达到16%以上，科技对经济增长的贡献率达到60%。全年新建研发平台10个。\n');
    expect(when(text)).toEqual([['2.54%', 'target', 2020, null], ['16%', 'target', 2020, null], ['60%', 'target', 2020, null], ['10个', 'target', 2016, null]]);
  });

  it('a span read after a clause that only says what it follows (根据…，“十一五”时期…：) holds for the list after it', () => {
    const text = '第三章 主要目标\n根据全面建设小康社会的总体要求，“十一五”时期要努力实现以下经济社会发展的主要目标：\n——国内生产总值年均增长7.5%。\n——城镇化率提高到47%。\n';
    expect(when(text)).toEqual([['7.5%', 'target', null, [2006, 2010]], ['47%', 'target', 2010, null]]);
  });

  it('a change against the year before, named (2024年…比2023年增加725万吨), is of the year alone, as 比上年 is', () => {
    const text = '国家统计局关于2024年夏粮产量数据的公告\n2024年全国夏粮产量14989万吨，比2023年增加725万吨，增长3.5%。2024年比2020年增长10%。\n';
    expect(when(text).map(([core, , year, period]) => [core, year, period])).toEqual([
      ['14989万吨', 2024, null], ['725万吨', 2024, null], ['3.5%', 2024, null], ['10%', null, [2020, 2024]],
    ]);
  });

  it('years listed before 分别 go one to each figure of the list (2024年、2025年分别发行1万亿元、1.3万亿元)', () => {
    expect(when('2024年、2025年分别发行1万亿元、1.3万亿元超长期特别国债。\n').map(([core, , year]) => [core, year])).toEqual([['1万亿元', 2024], ['1.3万亿元', 2025]]);
  });

  it('a paragraph whose topic is its year (2021年是…的一年，…) gives it to each of its figures', () => {
    const text = '2021年是极不平凡的一年，全市生产总值增长11%，一般公共预算收入增长11%，城镇新增就业3.2万人。\n';
    expect(when(text).map(([core, , year]) => [core, year])).toEqual([['11%', 2021], ['11%', 2021], ['3.2万人', 2021]]);
  });

  it('a figure written right after a named baseline year (比1995年的12.98亿吨) is of that year', () => {
    const text = REPORT(1996, '二、主要目标\n到2000年，原煤达到14亿吨，比1995年的12.98亿吨增加1亿吨。\n');
    // The change from it runs from that year to the deadline (a change between two named years takes both).
    expect(when(text).map(([core, , year, period]) => [core, year, period])).toEqual([['14亿吨', 2000, null], ['12.98亿吨', 1995, null], ['1亿吨', null, [1995, 2000]]]);
  });

  it('an outline named by its quoted plan (“九五”计划) is a plan outline of 1996-2000', () => {
    const text = '中华人民共和国国民经济和社会发展“九五”计划和2010年远景目标纲要\n三、主要目标\n国内生产总值年均增长8%左右。\n';
    expect(extract({ text }, { rules }).meta).toMatchObject({ docType: 'plan-outline', year: 1996 });
    expect(when(text)).toEqual([['8%', 'target', null, [1996, 2000]]]);
  });

  it('a figure written right after its baseline (较上年28899万元增长9.9%) is of the year before', () => {
    const text = REPORT(2024, '一、2023年工作回顾\n全县一般公共预算收入31780万元，较上年28899万元增长9.9%。\n');
    expect(when(text)).toEqual([['31780万元', 'actual', 2023, null], ['28899万元', 'actual', 2022, null], ['9.9%', 'actual', 2023, null]]);
  });

  it('a paragraph that opens with a year alone (2020年，…) gives it to each of its figures, not only the first', () => {
    const text = '某市大气污染防治工作方案\n一、主要目标\n2020年，市区PM2.5年均浓度保持在30微克/立方米以下，空气质量优良天数比率保持在95%以上；新建监测站点12个。\n';
    expect(when(text).map(([core, , year]) => [core, year])).toEqual([['30微克/立方米', 2020], ['95%', 2020], ['12个', 2020]]);
    expect(extract({ text }, { rules }).quantities.map((q) => q.rules.year)).toEqual(['year.explicit', 'year.opening-year', 'year.opening-year']);
  });

  it('a year named in a sentence holds for its later figures, not for the end of a change from it or after listed years', () => {
    const text = REPORT(2025, '一、2024年工作回顾\n2022年全市旅游收入突破100亿元，比上年增长23%。'
      + '一般公共预算收入由2020年的9.5亿元增加到14.4亿元。2021年、2022年分别完成改造3万套、4万套，累计完成7万套。\n');
    expect(when(text)).toEqual([
      ['100亿元', 'actual', 2022, null], ['23%', 'actual', 2022, null],
      ['9.5亿元', 'actual', 2020, null], ['14.4亿元', 'actual', 2024, null],
      ['3万套', 'actual', 2021, null], ['4万套', 'actual', 2022, null], ['7万套', 'actual', 2024, null],
    ]);
    // (The total over the listed years takes the report's review year, as it did before: not the last year listed.)
    expect(extract({ text }, { rules }).quantities[1]!.rules.year).toBe('year.sentence-year');
    // A price base (按2005年可比价格(下同)计算) is no figure's year either.
    expect(when(REPORT(2008, '一、2007年计划执行情况\n全县地区生产总值按2005年可比价格(下同)计算，比上年增长10.0%。\n'))).toEqual([['10.0%', 'actual', 2007, null]]);
    // Nor is the year of a goal the sentence works toward (围绕2025年实现碳达峰的目标，…).
    expect(when(REPORT(2016, '一、2015年工作回顾\n全年生产总值增长8%。\n二、2016年工作安排\n围绕2025年实现碳排放达峰的目标，煤炭消费比重降至60%以下。\n'))[1]).toEqual(['60%', 'target', 2016, null]);
    // A year in a document's edition (《目录》(2019年本)) is no figure's year.
    expect(when('某市大气污染防治方案\n一、主要任务\n执行《产业结构调整指导目录》(2019年本)，淘汰50家企业落后产能。\n')[0]![2]).toBeNull();
  });

  it('the start of a five-year plan (开局“十四五”，…) opens no span: the year\'s targets after it are of the year', () => {
    const text = REPORT(2021, '一、2020年工作回顾\n全年生产总值增长4%。\n二、2021年工作重点\n开局“十四五”，开启新征程。今年的主要预期目标是：生产总值增长11%以上，固定资产投资增长13%左右。\n');
    expect(when(text).slice(1)).toEqual([['11%', 'target', 2021, null], ['13%', 'target', 2021, null]]);
  });

  it('五年 of a total with no span around it is the five years before the report for work done, the five after for a target', () => {
    const text = REPORT(2006, '一、2005年工作回顾\n五年新增城镇就业266万人，五年共取得各类科技成果4780项，城镇居民人均可支配收入达到9524元。\n'
      + '二、2006年工作安排\n五年内新建学校300所。\n');
    expect(when(text)).toEqual([
      ['266万人', 'actual', null, [2001, 2005]], ['4780项', 'actual', null, [2001, 2005]], ['9524元', 'actual', 2005, null],
      ['300所', 'target', null, [2006, 2010]],
    ]);
  });

  it('a news item\'s account of the report opening with a year (张三在报告中说，2018年全区…) gives that year\'s figures as actuals', () => {
    const text = '某区第六届人民代表大会第四次会议开幕\n2月19日，某区第六届人民代表大会第四次会议隆重开幕，代区长张三作政府工作报告。\n'
      + '张三在报告中说，2018年全区经济社会发展取得显著成效。地区生产总值达到379.95亿元、增长9.3%；固定资产投资207.11亿元。\n';
    expect(when(text)).toEqual([['379.95亿元', 'actual', 2018, null], ['9.3%', 'actual', 2018, null], ['207.11亿元', 'actual', 2018, null]]);
    expect(extract({ text }, { rules }).meta.year).toBe(2019);
    // 刚刚过去的2008年，… is the year reviewed; a year the account looks ahead to (2009年可能是…最为困难的一年) is not.
    const ahead = '某省十一届人大二次会议开幕\n省长王五作政府工作报告。王五在报告中说，刚刚过去的2008年，省政府较好地完成了各项任务，全省生产总值增长12%。\n'
      + '王五在报告中指出，2009年可能是新世纪以来经济发展最为困难的一年。\n';
    expect(extract({ text: ahead }, { rules }).meta.year).toBe(2009);
    expect(when(ahead)).toEqual([['12%', 'actual', 2008, null]]);
  });

  it('a cue word inside a quoted name (“两个确保”) commits to nothing: the work done after it stays an actual', () => {
    const text = '某省2006年政府工作报告\n（七）高度关注和解决民生问题，城乡居民生活水平得到新提高。城乡居民收入快速增长，去年城镇居民人均可支配收入达到9524元。'
      + '社会保障覆盖面拓宽，“两个确保”全面落实，五年发放养老金425亿元。\n';
    expect(when(text)).toEqual([['9524元', 'actual', 2005, null], ['425亿元', 'actual', null, [2001, 2005]]]);
  });

  it('reads the quoted plans before 十一五 (“九五”末, “十五”期间) as their years, and no discount (八五折) as one', () => {
    const text = REPORT(2006, '一、过去五年工作回顾\n城镇化率由“九五”末的42%提高到去年的47%。“十五”期间累计完成投资800亿元。\n');
    expect(when(text)).toEqual([['42%', 'actual', 2000, null], ['47%', 'actual', 2005, null], ['800亿元', 'actual', null, [2001, 2005]]]);
    expect(when(REPORT(2006, '二、2006年工作安排\n商品打八五折，销售额增长10%。\n'))).toEqual([['10%', 'target', 2006, null]]);
  });

  it('过去五年 in a report of year N is N-5 to N-1: totals take the span, levels reached its end', () => {
    const text = REPORT(2023, '一、过去五年工作回顾\n过去五年，我们累计新建学校12所，改造农村公路300公里，森林覆盖率达到45%。\n');
    expect(when(text)).toEqual([
      ['12所', 'actual', null, [2018, 2022]], ['300公里', 'actual', null, [2018, 2022]], ['45%', 'actual', 2022, null],
    ]);
  });

  it('in a span, work done (攻克, 建立, 落地…: quantities.yaml spanFigures.actions) is a total; a level reached is the end', () => {
    const text = REPORT(2021, '一、“十三五”发展成就\n五年来，全市攻克关键核心技术3项，建立院士工作站12个，落地招商项目37个，研发经费投入强度提高到2%。\n');
    expect(when(text)).toEqual([
      ['3项', 'actual', null, [2016, 2020]], ['12个', 'actual', null, [2016, 2020]], ['37个', 'actual', null, [2016, 2020]], ['2%', 'actual', 2020, null],
    ]);
  });

  it('work done after an enumeration comma is a total too; a change against the span before (较“十二五”) is of the span after it', () => {
    const text = REPORT(2021, '一、“十三五”发展成就\n五年来，完成城中村改造274万平方米、腾出发展空间1.2万亩，交通投资较“十二五”增长62.4%。\n');
    expect(when(text)).toEqual([
      ['274万平方米', 'actual', null, [2016, 2020]], ['1.2万亩', 'actual', null, [2016, 2020]], ['62.4%', 'actual', null, [2016, 2020]],
    ]);
  });

  it('a year a base is of (在2016年排污总量的基础上) is the start of the change after it, not its year', () => {
    const text = '某区近岸海域污染防治实施方案\n一、主要目标\n到2020年，全区化学需氧量在2016年排污总量的基础上削减8%。\n';
    const q = extract({ text }, { rules }).quantities[0]!;
    expect([q.core.text, q.measure, q.direction, q.year, q.period, q.rules.year]).toEqual(['8%', 'growth', 'down', null, [2016, 2020], 'year.base']);
  });

  it('a flow named right before a figure over a span (上划中央收入116.18亿元, 合计支出661.54亿元) is the sum of its years; a level reached (收入达到…) its last', () => {
    const text = REPORT(2021, '一、“十三五”时期财政发展回顾\n“十三五”期间，全区上划中央收入116.18亿元；政府性基金合计支出199.81亿元；一般公共预算收入达到38亿元。\n');
    expect(when(text)).toEqual([['116.18亿元', 'actual', null, [2016, 2020]], ['199.81亿元', 'actual', null, [2016, 2020]], ['38亿元', 'actual', 2020, null]]);
  });

  it('an average in a part whose heading names a span (一、“十一五”时期…取得重大成就) is over that span, though its sentence names the span\'s last year', () => {
    const text = REPORT(2011, '一、“十一五”时期经济社会发展取得重大成就\n2010年是“十一五”规划的最后一年。预计2010年，全省生产总值达到2万亿元、年均增长11.7%。\n二、“十二五”时期主要目标\n生产总值年均增长8.5%。\n');
    expect(when(text)).toEqual([['2万亿元', 'actual', 2010, null], ['11.7%', 'actual', null, [2006, 2010]], ['8.5%', 'target', null, [2011, 2015]]]);
  });

  it('a multiple of the span before (是“十二五”的3.67倍) is of the span reviewed, not of the one it is compared with', () => {
    const text = REPORT(2021, '一、“十三五”时期财政发展回顾\n“十三五”期间，全区一般公共预算总收入310.86亿元，是“十二五”的3.67倍；政府基金预算收入183.19亿元，比上一个五年增长60.99%。\n');
    expect(when(text).slice(0, 2)).toEqual([['310.86亿元', 'actual', null, [2016, 2020]], ['3.67倍', 'actual', 2020, null]]);
  });

  it('in a span, a change (下降27.5%), a level held (稳定在) and a total however reached (新增…超过) take the span', () => {
    const text = REPORT(2023, '一、过去五年工作回顾\n过去五年，全县PM2.5平均浓度下降27.5%，粮食产量连年稳定在50万吨以上，城镇新增就业超过6万人，森林覆盖率达到45%。\n');
    expect(when(text)).toEqual([
      ['27.5%', 'actual', null, [2018, 2022]], ['50万吨', 'actual', null, [2018, 2022]], ['6万人', 'actual', null, [2018, 2022]], ['45%', 'actual', 2022, null],
    ]);
  });

  it('a five-year span compared with (高于“十三五”时期实际) is no span the figures after it stand in', () => {
    const text = '某市国民经济和社会发展第十四个五年规划纲要\n第一章 主要目标\n研发经费投入年均增长7%以上、力争投入强度高于“十三五”时期实际，常住人口城镇化率提高到65%，单位生产总值能耗和二氧化碳排放分别降低13.5%、18%。\n';
    expect(when(text)).toEqual([
      ['7%', 'target', null, [2021, 2025]], ['65%', 'target', 2025, null], ['13.5%', 'target', null, [2021, 2025]], ['18%', 'target', null, [2021, 2025]],
    ]);
  });

  it('a gap against another area right after a rate (年均增长6.7%，高于全省0.2个百分点) is of the rate\'s span or year', () => {
    const text = REPORT(2021, '一、“十三五”发展成就\n五年来，全市生产总值年均增长6.7%，高于全省0.2个百分点。2020年，全市生产总值增长3.1%，高于全省0.5个百分点。\n');
    expect(when(text)).toEqual([
      ['6.7%', 'actual', null, [2016, 2020]], ['0.2个百分点', 'actual', null, [2016, 2020]], ['3.1%', 'actual', 2020, null], ['0.5个百分点', 'actual', 2020, null],
    ]);
  });

  it('a list member naming no year of its own takes the first member\'s year or span', () => {
    const text = REPORT(2021, '一、“十三五”发展成就\n五年来，城镇和农村居民收入分别从32875元、15000元提高到48532元、23637元，年均增长8.1%、9.5%。\n');
    expect(when(text)).toEqual([
      ['32875元', 'actual', 2015, null], ['15000元', 'actual', 2015, null], ['48532元', 'actual', 2020, null], ['23637元', 'actual', 2020, null],
      ['8.1%', 'actual', null, [2016, 2020]], ['9.5%', 'actual', null, [2016, 2020]],
    ]);
  });

  it('a deadline a sentence opens with, after a modal or markup (**力争到2020年，), holds over the semicolons of its list', () => {
    const text = REPORT(2018, '二、今后五年的目标\n**一是全面建成小康社会。**力争到2020年，全省生产总值达到2.6万亿元左右；高新技术产业增加值比重达到35%以上，服务业比重达到45%；科技进步贡献率达到60%。\n');
    expect(when(text).map(([core, kind, year]) => [core, kind, year])).toEqual([['2.6万亿元', 'target', 2020], ['35%', 'target', 2020], ['45%', 'target', 2020], ['60%', 'target', 2020]]);
  });

  it('N years from a year on (2012年起5年内, 从2023年起用三年时间) is a span: totals take it, a level reached its end', () => {
    expect(when('某市人才工程实施意见\n1.目标。2012年起5年内，引进高层次人才2000名，全市人才总量达到320万名。\n')).toEqual([
      ['2000名', 'target', null, [2012, 2016]], ['320万名', 'target', 2016, null],
    ]);
  });

  it('a deadline within the span in force (“十三五”时期…，确保到2020年，…) does not end it', () => {
    const text = REPORT(2016, '三、今后五年的目标\n“十三五”时期发展的主要目标是：地区生产总值年均增长7%，确保到2020年，地区生产总值比2010年翻一番。公共财政预算收入年均增长6%，5个贫困县全部摘帽。\n');
    expect(when(text)).toEqual([['7%', 'target', null, [2016, 2020]], ['6%', 'target', null, [2016, 2020]], ['5个', 'target', 2020, null]]);
  });

  it('an outline naming no year is for its span; a year before it named in a plan chapter\'s clause is a past level', () => {
    const text = '国民经济和社会发展第十二个五年规划纲要\n第一章 发展环境\n2010年国内生产总值达到39.8万亿元。\n第二章 主要目标\n今后五年，国内生产总值年均增长7%，比2010年增长40%，到2015年城镇化率达到51.5%。\n';
    const result = extract({ text }, { rules });
    expect(result.meta).toMatchObject({ docType: 'plan-outline', year: 2011 });
    expect(when(text)).toEqual([
      ['39.8万亿元', 'actual', 2010, null], ['7%', 'target', null, [2011, 2015]], ['40%', 'target', null, [2010, 2015]], ['51.5%', 'target', 2015, null],
    ]);
  });

  it('a change between two named years takes both; 比上年 takes the year only', () => {
    const text = REPORT(2021, '一、2020年工作回顾\n全县单位生产总值能耗2020年比2015年下降18%。全年粮食产量比上年增长2%。\n');
    expect(when(text)).toEqual([['18%', 'actual', null, [2015, 2020]], ['2%', 'actual', 2020, null]]);
  });

  it('a named span or a range of years gives the period of an average or a total, in a plan too', () => {
    const text = REPORT(2021, '二、“十四五”时期主要目标\n“十四五”期间地区生产总值年均增长7%，2021—2025年累计新增城镇就业5万人，到2025年城镇化率达到60%。\n');
    expect(when(text)).toEqual([['7%', 'target', null, [2021, 2025]], ['5万人', 'target', null, [2021, 2025]], ['60%', 'target', 2025, null]]);
  });

  it('a span inside a name or in another clause (近5年来首次…) sets no period', () => {
    const text = REPORT(2024, '一、2023年工作回顾\n签订《支持“十四五”发展合作协议》，新增贷款20亿元。近5年来首次消除重度污染天气，重点建设用地安全利用率达100%。\n');
    expect(when(text)).toEqual([['20亿元', 'actual', 2023, null], ['100%', 'actual', 2023, null]]);
  });

  it('a flattened report with no title, no headings and no date takes its year from the years its clauses open with', () => {
    const text = '各位代表：现在，我代表县人民政府向大会报告工作。2 018 年，全县生产总值完成80亿元，增长6%。新的一年，力争生产总值增长7%。';
    const result = extract({ text }, { rules });
    expect(result.meta.year).toBe(2019);
    expect(result.quantities.map((q) => [q.core.text, q.year])).toEqual([['80亿元', 2018], ['6%', 2018], ['7%', 2019]]);
  });

  it('a span stated as the subject of a sentence (这是…的五年。) is the scope of the review after it', () => {
    const text = REPORT(2021, '一、2020年工作回顾\n各位代表，2020年是“十三五”收官之年。回眸过去，这是综合实力显著提升的五年。全市生产总值从1.2万亿元增加到1.6万亿元，能耗累计下降15%。\n');
    expect(when(text)).toEqual([['1.2万亿元', 'actual', 2015, null], ['1.6万亿元', 'actual', 2020, null], ['15%', 'actual', null, [2016, 2020]]]);
  });

  it('a year named as the one a span closes (刚刚过去的一年，是“十四五”收官之年) dates its figures alone; 这五年，… opens the span', () => {
    const text = REPORT(2026, '一、2025年工作回顾\n刚刚过去的一年，是“十四五”收官之年。我们坚持稳中求进，地区生产总值增长5.1%，城镇新增就业4.1万人。\n这五年，新建学校120所，城镇化率达到70%。\n');
    expect(when(text)).toEqual([['5.1%', 'actual', 2025, null], ['4.1万人', 'actual', 2025, null], ['120所', 'actual', null, [2021, 2025]], ['70%', 'actual', 2025, null]]);
  });

  it('a five-year plan outline: its goals stand in its span, its review part (发展基础) in the span before', () => {
    const text = '某省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n第一章 发展基础\n全省生产总值年均增长7%，森林覆盖率达到60%。\n'
      + '第二章 主要目标\n地区生产总值年均增长6%左右，城镇化率达到65%，累计新增城镇就业50万人。\n';
    expect(extract({ text }, { rules }).meta.docType).toBe('plan-outline');
    expect(when(text)).toEqual([
      ['7%', 'actual', null, [2016, 2020]], ['60%', 'actual', 2020, null],
      ['6%', 'target', null, [2021, 2025]], ['65%', 'target', 2025, null], ['50万人', 'target', null, [2021, 2025]],
    ]);
  });

  it('a span named in the figure’s own clause: a level reached takes its end, a change or a rate held over it the span', () => {
    const text = REPORT(2021, '二、“十四五”时期主要目标\n今后五年，城镇化率提高到62%，粮食产量稳定在50万吨。2021—2025年单位生产总值能耗下降13.5%。\n');
    // 稳定在: a level held over the span, every year of it (as a fronted span's change is the span's).
    expect(when(text)).toEqual([['62%', 'target', 2025, null], ['50万吨', 'target', null, [2021, 2025]], ['13.5%', 'target', null, [2021, 2025]]]);
  });

  it('unnumbered five-year part titles (“十三五”时期工作回顾, “十四五”时期总体部署和奋斗目标) open a review and a plan', () => {
    const text = '某省2021年政府工作报告\n\n“十三五”时期工作回顾\n\n全省经济持续健康发展，地区生产总值达到9000亿元。\n\n'
      + '“十四五”时期总体部署和奋斗目标\n\n到2025年，全省地区生产总值力争突破1.2万亿元，城镇化率达到60%。\n\n2021年工作任务\n\n今年地区生产总值增长7%左右。\n';
    const doc = extract({ text }, { rules });
    expect(doc.sections.map((s) => [s.title, s.role])).toEqual([
      ['“十三五”时期工作回顾', 'review'], ['“十四五”时期总体部署和奋斗目标', 'plan'], ['2021年工作任务', 'plan'],
    ]);
    expect(when(text)).toEqual([['9000亿元', 'actual', 2020, null], ['1.2万亿元', 'target', 2025, null], ['60%', 'target', 2025, null], ['7%', 'target', 2021, null]]);
  });

  it('年平均增长 and 平均年增速 are averages over the span, as 年均 is, and stay out of the indicator', () => {
    const text = REPORT(2016, '一、“十二五”时期工作回顾\n2011—2015年全县一般公共预算收入年平均增长12%，规模以上工业增加值平均年增速达9.5%。\n');
    const doc = extract({ text }, { rules });
    expect(doc.quantities.map((q) => [q.core.text, q.indicator, q.measure, q.period])).toEqual([
      ['12%', '一般公共预算收入', 'growth', [2011, 2015]], ['9.5%', '规模以上工业增加值', 'growth', [2011, 2015]],
    ]);
  });

  it('a review titled by its span (“十三五”时期工作回顾) gives its span to totals and averages, the span\'s end to levels reached', () => {
    const text = '某省2021年政府工作报告\n\n“十三五”时期工作回顾\n\n全省经济持续健康发展，地区生产总值年均增长5.5%，五年接待游客13.2亿人次，'
      + '高新技术企业从28家增加到35家。\n\n2021年工作任务\n\n今年地区生产总值增长6%左右。\n';
    expect(when(text)).toEqual([
      ['5.5%', 'actual', null, [2016, 2020]], ['13.2亿人次', 'actual', null, [2016, 2020]], ['28家', 'actual', 2015, null], ['35家', 'actual', 2020, null],
      ['6%', 'target', 2021, null],
    ]);
    // 五年 is the span, no part of what is counted; 五年计划 stays a word.
    expect(extract({ text }, { rules }).quantities[1]!.indicator).toBe('游客');
    expect(extract({ text: '贯穿三个五年计划。\n' }, { rules }).quantities.map((q) => q.indicator)).toEqual(['五年计划']);
  });

  it('the goals a review reports as met (较好完成主要预期目标。预计，…) leave its estimates actual; the goals a paragraph sets (主要预期目标是：…) are targets', () => {
    const text = REPORT(2024, '一、2023年工作回顾\n过去一年，我们较好完成主要预期目标。预计，全市地区生产总值增长6.8%左右，一般公共预算收入增长5.5%。\n二、2024年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n');
    expect(when(text)).toEqual([['6.8%', 'actual', 2023, null], ['5.5%', 'actual', 2023, null], ['6%', 'target', 2024, null]]);
  });

  it('a chart\'s caption naming a span (图1 2021-2025年地区生产总值及增速) dates none of the paragraphs after it', () => {
    const text = '某某市2025年国民经济和社会发展统计公报\n一、综合\n全年实现地区生产总值1162.95亿元，比上年增长9.3%。\n图1\n2021-2025年地区生产总值及增速\n分区县看，甲区实现地区生产总值664.08亿元，比上年增长7.6%。\n';
    expect(when(text)).toEqual([['1162.95亿元', 'actual', 2025, null], ['9.3%', 'actual', 2025, null], ['664.08亿元', 'actual', 2025, null], ['7.6%', 'actual', 2025, null]]);
  });

  it('a paragraph citing the plan outline (《纲要（草案）》明确了…) in a part named for its span and its year stands in the span', () => {
    const text = REPORT(2026, '一、2025年工作回顾\n全县生产总值增长5.1%。\n二、“十五五”时期目标任务和2026年工作安排\n《纲要（草案）》明确了经济社会发展主要指标：地区生产总值年均增长5%左右，非化石能源占能源消费总量比重21%。\n全县经济社会发展的主要预期目标是：地区生产总值增长4.5%左右。\n');
    expect(when(text)).toEqual([['5.1%', 'actual', 2025, null], ['5%', 'target', null, [2026, 2030]], ['21%', 'target', 2030, null], ['4.5%', 'target', 2026, null]]);
  });

  it('a figure after a deadline beyond the year under review (到2025年，…) in a review part is a target; one by the year reviewed (到2022年底) is not', () => {
    const text = REPORT(2023, '一、2022年工作回顾\n全市新建学校12所，到2022年底，累计建成5G基站3000个。到2025年，农林牧渔业总产值达1000亿元以上。\n');
    expect(when(text)).toEqual([['12所', 'actual', 2022, null], ['3000个', 'actual', 2022, null], ['1000亿元', 'target', 2025, null]]);
  });
});
