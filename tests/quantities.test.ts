import { describe, expect, it } from 'vitest';
import type { Doc } from '../src/document.js';
import { quantities } from '../src/extract/quantities.js';
import { extract } from '../src/api.js';
import { roles } from '../src/extract/roles.js';
import type { Quantity } from '../src/schema.js';
import { docOf, rules } from './helpers.js';

/** core and indicator of every figure of a whole extraction (meta from the text itself); with the measure. */
const named = (text: string) => extract({ text }).quantities.map((q) => [q.core.text, q.indicator]);
const namedWithMeasure = (text: string) => extract({ text }).quantities.map((q) => [q.core.text, q.indicator, q.measure]);

/** Quantities of a short text, the report's year and type set as the meta extractor would. */
function qs(text: string, meta: Partial<Doc['meta']> = {}): Quantity[] {
  const doc = docOf(text);
  return quantities(roles({ ...doc, meta: { ...doc.meta, ...meta } }, { rules }), { rules }).quantities;
}
const cores = (text: string) => qs(text).map((q) => q.core.text);
const indicators = (text: string) => qs(text).map((q) => q.indicator);
const one = (text: string, meta: Partial<Doc['meta']> = {}) => {
  const found = qs(text, meta);
  expect(found, text).toHaveLength(1);
  return found[0]!;
};

describe('numbers and units', () => {
  it.each([
    ['实现地区生产总值1441.37亿元。', '1441.37亿元', 1441.37, '亿元', 144137000000, '元', 'currency'],
    ['接待游客12.94万人次。', '12.94万人次', 12.94, '万人次', 129400, '人次', 'people'],
    ['增长７％。', '７％', 7, '%', 7, '%', 'percent'],
    ['降低百分之七。', '百分之七', 7, '%', 7, '%', 'percent'],
    ['安排资金一千二百万元。', '一千二百万元', 1200, '万元', 12000000, '元', 'currency'],
    ['惠及两万户。', '两万户', 2, '万户', 20000, '户', 'households'],
    ['提高15.2个百分点。', '15.2个百分点', 15.2, '个百分点', 15.2, '百分点', 'percentage-points'],
    ['电力总装机达到1.1亿千瓦。', '1.1亿千瓦', 1.1, '亿千瓦', 110000000, '千瓦', 'power'],
    ['建设720兆瓦储能电站。', '720兆瓦', 720, '兆瓦', 720, '兆瓦', 'power'],
    ['新增耕地3千克。', '3千克', 3, '千克', 3, '千克', 'mass'],
    ['利用外资5000万美元。', '5000万美元', 5000, '万美元', 50000000, '美元', 'currency'],
    ['粮食产量1.3万亿斤。', '1.3万亿斤', 1.3, '万亿斤', 1300000000000, '斤', 'mass'],
    ['收入3万4000元。', '3万4000元', 34000, '元', 34000, '元', 'currency'],
    ['市场主体45,643户。', '45,643户', 45643, '户', 45643, '户', 'households'],
    ['空气质量优良天数302天。', '302天', 302, '天', 302, '天', 'time'],
    // Days against a baseline year: the days, never the year (2015年 is no amount of years).
    ['优良天数较2015年增加64天。', '64天', 64, '天', 64, '天', 'time'],
    ['企业开办时间压缩至2个工作日。', '2个工作日', 2, '个工作日', 2, '个工作日', 'time'],
    ['企业登记压减至4个工作小时以内。', '4个工作小时', 4, '个工作小时', 4, '个工作小时', 'time'],
    ['开展不少于32学时的创业培训。', '32学时', 32, '学时', 32, '学时', 'time'],
    ['报告全文约1.6万字。', '1.6万字', 1.6, '万字', 16000, '字', 'count'],
    ['人均预期寿命达到79.5岁。', '79.5岁', 79.5, '岁', 79.5, '岁', 'age'],
    ['发放救助资金一亿二千万元。', '一亿二千万元', 12000, '万元', 120000000, '元', 'currency'],
    ['投入三亿零五百万元。', '三亿零五百万元', 30500, '万元', 305000000, '元', 'currency'],
  ])('%s', (text, core, value, unit, normal, normalUnit, dimension) => {
    const q = one(text);
    expect(q.core.text).toBe(core);
    expect([q.value, q.unit]).toEqual([value, unit]);
    expect(q.normalized).toMatchObject({ value: normal, unit: normalUnit, dimension, currency: dimension === 'currency' ? (normalUnit === '元' ? 'CNY' : 'USD') : null });
  });

  it('reads approximations into the comparator and keeps 余/多 in the core', () => {
    expect([one('建成10余个公园。').core.text, one('建成10余个公园。').comparator]).toEqual(['10余个', '>']);
    expect(one('惠及1万余户。')).toMatchObject({ value: 1, unit: '万户', comparator: '>' });
    expect(one('接待游客逾千万人次。')).toMatchObject({ value: 1000, unit: '万人次', comparator: '>' });
    expect(one('投入近700万元。')).toMatchObject({ value: 700, comparator: '~' });
  });

  it('reads 约 closing another word (签约, 节约) as no comparator, nor cuts it from the indicator; 不得小于 is a floor and 不大于 a ceiling', () => {
    expect(one('全年新签约项目12个。')).toMatchObject({ value: 12, comparator: null });
    expect(one('全年项目签约12个。')).toMatchObject({ comparator: null, indicator: '项目签约' });
    expect(one('全年节约标准煤3万吨。')).toMatchObject({ comparator: null });
    expect(one('常住人口约120万人。')).toMatchObject({ comparator: '~' });
    expect(one('消防车道宽度不得小于4.5米。')).toMatchObject({ value: 4.5, comparator: '>=' });
    expect(one('坡度不大于8%。')).toMatchObject({ value: 8, comparator: '<=' });
  });

  it('reads a mark passed (跨越…大关) as more than it, and a sudden rise or fall (暴增, 锐减) as growth', () => {
    expect(one('全市经济总量跨越8000亿元大关。')).toMatchObject({ value: 8000, comparator: '>', indicator: '经济总量' });
    expect(one('新能源汽车出口同比暴增3.5倍。')).toMatchObject({ measure: 'growth', direction: 'up' });
    expect(one('煤炭进口同比锐减12%。')).toMatchObject({ measure: 'growth', direction: 'down' });
    expect(one('人口自然增长率2.7‰。')).toMatchObject({ measure: 'level', direction: null });
  });

  it('reads ranges with value null', () => {
    expect(one('开展1-2个试点。')).toMatchObject({ value: null, range: [1, 2], unit: '个' });
    expect(one('建设一至二个基地。')).toMatchObject({ value: null, range: [1, 2], unit: '个' });
    const q = one('安排3000—5000万元资金。');
    expect(q).toMatchObject({ range: [3000, 5000], unit: '万元' });
    expect(q.core.text).toBe('3000—5000万元');
  });
});

describe('what is not a quantity', () => {
  it('reads no amount in 十字路口 (字 counts only after Arabic digits), nor in an age that names a group (60岁以上老人)', () => {
    expect(qs('改造十字路口。')).toEqual([]);
    expect(qs('为60岁以上老人发放补贴。')).toEqual([]);
    expect(qs('建议使用1920×1080分辨率浏览，步行30分钟可达。')).toEqual([]);
    expect(qs('对连续两个季度排名靠后的单位约谈，该县连续3次获评先进。')).toEqual([]);
  });

  it.each([
    '2022年全区经济平稳。', '1月14日召开会议。', '综合实力位列第43位。', '第二批试点启动。', '推进5G网络建设。',
    '地铁2号线开通。', '配合完成COP15会议服务。', '引进世界500强企业。', '构建“1+3+4”楼宇经济生态圈。',
    '编制“十四五”规划。', '建设一批项目。', '千方百计稳就业。', '连续10年保持增长。', '用5年左右的时间完成改造。',
    '居民消费价格指数103左右。', '建设三大片区。', '打造10大产业基地。', '水质稳定达到Ⅱ类。', '坚决维护两个确立。',
    '依据昆政办〔2022〕23号文件。', '新签约亿元以上项目。', '打造千亿元级产业集群。', '汽车零部件企业。', '召开二次会议。',
  ])('%s', (text) => expect(cores(text)).toEqual([]));

  it('counts the buildings beside a quoted category name, not the name', () => {
    expect(cores('确保保有税收“千万元楼”35栋、“亿元楼”17栋。')).toEqual(['35栋', '17栋']);
  });

  it('keeps a long quotation of targets', () => {
    expect(cores('按照“第一年完成70%,第二年完成90%”的任务目标推进。')).toEqual(['70%', '90%']);
  });

  it('lends the subject before a base the share is of, in traditional characters too (完成年初預算…的96.57%)', () => {
    expect(named('全縣地方一般公共預算收入62964萬元,完成年初預算65200萬元的96.57%。')).toEqual([
      ['62964萬元', '地方一般公共預算收入'], ['65200萬元', '年初預算'], ['96.57%', '地方一般公共預算收入'],
    ]);
  });

  it('reads a list joined by 和 with spaces around its figures (39159 元和 20598 元) as one list, a year spaced from 年 as a year', () => {
    expect(namedWithMeasure('城镇、农村常住居民人均可支配收入分别达到 39159 元和 20598 元,分别增长 8%和 8.5%。')).toEqual([
      ['39159 元', '城镇常住居民人均可支配收入', 'level'], ['20598 元', '农村常住居民人均可支配收入', 'level'],
      ['8%', '城镇常住居民人均可支配收入', 'growth'], ['8.5%', '农村常住居民人均可支配收入', 'growth'],
    ]);
    expect(namedWithMeasure('2016 年全县接待游客465万人次。')).toEqual([['465万人次', '游客', 'level']]);
  });

  it('names two counts side by side by what the second counts (96户177人建档立卡贫困人口, 11批次13支医疗队)', () => {
    expect(named('全区96户177人建档立卡贫困人口全部脱贫。')).toEqual([['96户', '建档立卡贫困人口'], ['177人', '建档立卡贫困人口']]);
    expect(named('先后派出11批次13支医疗队。')).toEqual([['11批次', '医疗队'], ['13支', '医疗队']]);
    // Counts apart (新建学校3所，新增学位2000个) keep their own names.
    expect(named('新建学校3所，新增学位2000个。')).toEqual([['3所', '学校'], ['2000个', '学位']]);
  });

  it('hands the rates after 同比分别 to the figures named before them, one by one', () => {
    expect(named('全镇实现地区生产总值60.3亿元，一般公共预算收入2亿元，同比分别-6.2%、-19.3%。')).toEqual([
      ['60.3亿元', '地区生产总值'], ['2亿元', '一般公共预算收入'], ['-6.2%', '地区生产总值'], ['-19.3%', '一般公共预算收入'],
    ]);
  });

  it('lends a rate named by 增幅 or 降幅 alone the name of the change before it', () => {
    expect(named('全县税收收入5亿元，同比增加0.3亿元，增幅6.4%。')).toEqual([['5亿元', '税收收入'], ['0.3亿元', '税收收入'], ['6.4%', '税收收入']]);
    expect(named('一般公共预算收入6.3亿元，同比减少952万元，降幅1.49%。')).toEqual([['6.3亿元', '一般公共预算收入'], ['952万元', '一般公共预算收入'], ['1.49%', '一般公共预算收入']]);
  });

  it('names a figure after a count by what follows the verb the counted things do (19家企业发放社会保险补贴497.1万元)', () => {
    expect(named('19家企业发放社会保险补贴497.1万元。')).toEqual([['19家', '企业'], ['497.1万元', '社会保险补贴']]);
    expect(named('5个乡镇新建农村公路120公里。')).toEqual([['5个', '乡镇'], ['120公里', '农村公路']]);
    // A noun compound after the count's noun (建设面积) is no verb: the name stays whole.
    expect(named('新建5所学校建设面积3万平方米。')).toEqual([['5所', '学校'], ['3万平方米', '学校建设面积']]);
  });

  it('leaves out figures in a book title, however long, and keeps those after it', () => {
    expect(cores('现将《2025年十五件民盼实事任务分解》印发给你们。')).toEqual([]);
    expect(cores('出台《支持开发区高质量发展的十条措施》，兑现资金3000万元。')).toEqual(['3000万元']);
    expect(cores('《方案》提出新建学校3所。')).toEqual(['3所']);
  });
});

describe('comparator, measure and direction', () => {
  it.each([
    ['地区生产总值增长7%以上。', '>=', 'growth', 'up'],
    ['安排不低于1000万元资金。', '>=', 'level', null],
    ['城镇登记失业率控制在4.8%以内。', '<=', 'level', null],
    ['财政赤字率控制在2.8%。', null, 'level', null],
    ['新能源装机规模占比突破65%。', '>', 'level', null],
    ['城镇调查失业率5.5%左右。', '~', 'level', null],
    ['同比下降1.7%。', null, 'growth', 'down'],
    ['单位生产总值能耗下降3%以上。', '>=', 'growth', 'down'],
    ['城镇调查失业率降到5.5%。', null, 'level', null],
    ['居民消费价格指数涨幅控制在3%以内。', '<=', 'growth', 'up'],
    ['失业率低于5%。', '<', 'level', null],
    ['城镇化率达69.1%。', null, 'level', null],
    ['规模以上工业增加值增长6.9%。', null, 'growth', 'up'],
  ])('%s', (text, comparator, measure, direction) => {
    expect(one(text)).toMatchObject({ comparator, measure, direction });
  });

  it('shares a list\'s verb and trailing qualifier', () => {
    const found = qs('城乡居民收入分别增长4.5%、6.5%、7%以上。');
    expect(found.map((q) => [q.core.text, q.comparator, q.measure])).toEqual([
      ['4.5%', '>=', 'growth'], ['6.5%', '>=', 'growth'], ['7%', '>=', 'growth'],
    ]);
  });

  it('keeps each list member\'s own comparator when it has one', () => {
    expect(qs('分别增长5%左右、5%以上、5%左右。').map((q) => q.comparator)).toEqual(['~', '>=', '~']);
  });

  it('reads amounts in the clauses of a sentence that opens with its baseline (与…相比，) as changes', () => {
    expect(qs('与年初预算相比,全县一般公共预算收入增加3.4亿元,支出减少2.1亿元。').map((q) => [q.core.text, q.measure, q.direction])).toEqual([
      ['3.4亿元', 'growth', 'up'], ['2.1亿元', 'growth', 'down'],
    ]);
    expect(qs('按结算批复,与年初预算相比,收入增加3.4亿元。')[0]!.measure).toBe('growth');
    // Without a baseline an amount after 增加 is a level (新增就业, 增加学校3所).
    expect(qs('全县一般公共预算收入增加3.4亿元。')[0]!.measure).toBe('level');
  });

  it('names a share without its subject by the figure before it in its sentence (…增加值146419万元，占…比重为26.4%)', () => {
    expect(qs('第一产业增加值146419万元，增长7.9%，占地区生产总值比重为26.4%。').map((q) => q.indicator)).toEqual([
      '第一产业增加值', '第一产业增加值', '第一产业增加值占地区生产总值比重',
    ]);
    // Shares handed out to several figures (分别占…) are given no one subject: each measures the figure it answers to.
    expect(qs('进境航班4.7万架次、进境人员190万人次，分别占全国空港口岸的33.6%和27.9%。').map((q) => q.indicator).slice(2)).toEqual(['进境航班', '进境人员']);
    // Land a project takes up (占地6904亩) is no share.
    expect(qs('园区总投资5亿元，占地6904亩。').map((q) => q.indicator)).toEqual(['园区总投资', '占地']);
  });

  it('reads a contribution to growth in 百分点 (拉动经济增长0.1个百分点) as a level, with every member of its list', () => {
    expect(qs('三次产业拉动经济增长分别为2.18个百分点、-1.96个百分点、4.18个百分点。').map((q) => q.measure)).toEqual(['level', 'level', 'level']);
    // A gap after a level compares levels (ANNOTATION: 占比高于全省22.7个百分点 is a level); one with a growth word is a change.
    expect(qs('城镇化率达到65%，高出全国平均水平2个百分点以上。').map((q) => q.measure)).toEqual(['level', 'level']);
    expect(qs('占比提高1.2个百分点。').map((q) => q.measure)).toEqual(['growth']);
  });

  it('reads an amount that opens its clause with 增加/减少 right after a level of the same unit as its change', () => {
    expect(qs('粮食作物播种面积135.5千公顷，增加0.3千公顷；稻谷播种面积64.2千公顷，减少0.6千公顷。').map((q) => [q.core.text, q.measure, q.direction])).toEqual([
      ['135.5千公顷', 'level', null], ['0.3千公顷', 'growth', 'up'], ['64.2千公顷', 'level', null], ['0.6千公顷', 'growth', 'down'],
    ]);
    // Another unit after the level is a level of its own (新建学校5所，增加学位3000个).
    expect(qs('新建学校5所，增加学位3000个。').map((q) => q.measure)).toEqual(['level', 'level']);
  });

  it('reads 预计 of a year already past as an estimated result, and otherwise as a forecast', () => {
    const kinds = (text: string, year: number) => qs(text, { year, docType: 'news' }).map((q) => [q.core.text, q.kind]);
    expect(kinds('2024年，全县预计实现地区生产总值420亿元。', 2025)).toEqual([['420亿元', 'actual']]);
    expect(kinds('项目建成后，预计实现年产值10亿元。', 2025)).toEqual([['10亿元', 'target']]);
  });

  it('reads temperatures, a life raised by years as a change, and a bare magnitude counting the people named after it', () => {
    expect(qs('全国平均气温10.90℃，比常年升高0.19℃。').map((q) => [q.core.text, q.unit, q.measure, q.direction])).toEqual([
      ['10.90℃', '℃', 'level', null], ['0.19℃', '℃', 'growth', 'up'],
    ]);
    expect(qs('人均预期寿命由79.37岁提高到81.04岁，人均预期寿命再提高1岁。').map((q) => [q.core.text, q.measure])).toEqual([
      ['79.37岁', 'level'], ['81.04岁', 'level'], ['1岁', 'growth'],
    ]);
    expect(qs('5575万农村贫困人口实现脱贫，10.8万群众下山进城。').map((q) => [q.core.text, q.indicator, q.normalized.value])).toEqual([
      ['5575万', '农村贫困人口', 55750000], ['10.8万', '群众', 108000],
    ]);
    // Money or things after a bare magnitude are no people counted: 6.97亿建设资金 is left out, as before.
    expect(qs('投入6.97亿建设资金。')).toEqual([]);
  });

  it('lends the name before a month span to the figures after it (1—7月…收入增长0.1%，其中1—2月下降1.6%)', () => {
    expect(qs('1—7月，一般公共预算收入增长0.1%，其中1—2月下降1.6%。').map((q) => q.indicator)).toEqual(['一般公共预算收入', '一般公共预算收入']);
    // A change against a five-year span (较“十二五”) ends the name as 比上年 does.
    expect(qs('交通投资较“十二五”增长62.4%。')[0]!.indicator).toBe('交通投资');
  });

  it('reads no kind or year cue out of a word that holds one (主要, 一年内), and a paragraph opening on a past year as done', () => {
    const kinds = (text: string, year: number) => qs(text, { year, docType: 'news' }).map((q) => [q.core.text, q.kind, q.year]);
    // 2024年，… in a 2025 text: a later sentence with nothing of its own is of that year, done; 一年内 is no 年内 (this year).
    expect(kinds('2024年，5个项目一年内投产达效。产业园新增贷款30亿元。', 2025)).toEqual([['5个', 'actual', 2024], ['30亿元', 'actual', 2024]]);
    // A cue of its own still decides, and the plan year's paragraph is ahead.
    expect(kinds('2024年，全县力争新增贷款30亿元。', 2025)).toEqual([['30亿元', 'target', 2024]]);
    expect(kinds('2025年，全县新增贷款30亿元。', 2025)).toEqual([['30亿元', 'target', 2025]]);
    // 主要 holds 要 (a plan word), 将近 holds 将: neither makes a work report's figure a target.
    expect(qs('全县主要经济指标中，地区生产总值增长5%，将近300家企业受益。', { year: 2025, docType: 'work-report' }).map((q) => [q.core.text, q.kind]))
      .toEqual([['5%', 'actual'], ['300家', 'actual']]);
    // Nor does 要务 (紧扣发展第一要务) make the figures of a review paragraph targets.
    expect(qs('过去五年，我们紧扣发展第一要务，地区生产总值突破千亿元，年均增长7.2%。').map((q) => [q.core.text, q.kind])).toEqual([['千亿元', 'actual'], ['7.2%', 'actual']]);
  });

  it('reads a signed rate right after a baseline (同比-6.2%) as a change, its direction by its sign', () => {
    expect(qs('地区生产总值同比-6.2%,税收收入同比分别-6.2%、-19.3%。').map((q) => [q.value, q.measure, q.direction, q.rules.measure])).toEqual([
      [-6.2, 'growth', 'down', 'growth.baseline'], [-6.2, 'growth', 'down', 'growth.baseline'], [-19.3, 'growth', 'down', 'growth.baseline'],
    ]);
    expect(qs('失业率4.8%。')[0]!.measure).toBe('level');
    expect(qs('同比增长6%。')[0]!.rules.measure).not.toBe('growth.baseline');
  });

  it('gives a bare number the unit written after the next one', () => {
    const found = qs('分别高于全省22.7和28.8个百分点。');
    expect(found.map((q) => [q.core.text, q.value, q.unit, q.measure])).toEqual([
      ['22.7', 22.7, '个百分点', 'growth'], ['28.8个百分点', 28.8, '个百分点', 'growth'],
    ]);
  });

  it('reads a gap right after a level (占比21.6%，低于全国10个百分点) as a level and one after a change as a change, per ANNOTATION', () => {
    expect(qs('企业占市场主体总量的21.6%，低于全国10个百分点。城镇化率46.83%，低于全国18.39个、全省4.89个百分点。').map((q) => [q.core.text, q.unit, q.measure, q.direction])).toEqual([
      ['21.6%', '%', 'level', null], ['10个百分点', '个百分点', 'level', null],
      ['46.83%', '%', 'level', null], ['18.39个', '个百分点', 'level', null], ['4.89个百分点', '个百分点', 'level', null],
    ]);
    expect(qs('地区生产总值增长6%，高于全省0.5个百分点。').map((q) => [q.measure, q.direction])).toEqual([['growth', 'up'], ['growth', 'up']]);
  });

  it('gives bare members of a list the unit of the first later member that has one, through signed members (0.15、-5.64、1.34个百分点)', () => {
    expect(qs('三次产业对经济增长的拉动贡献分别为0.15、-5.64、1.34个百分点。').map((q) => [q.core.text, q.value, q.unit, q.measure])).toEqual([
      ['0.15', 0.15, '个百分点', 'level'], ['-5.64', -5.64, '个百分点', 'level'], ['1.34个百分点', 1.34, '个百分点', 'level'],
    ]);
    expect(qs('水土流失、荒漠化、沙化土地面积分别净减少10.6万、3.8万、3.3万平方公里。').map((q) => [q.core.text, q.unit, q.indicator])).toEqual([
      ['10.6万', '万平方公里', '水土流失面积'], ['3.8万', '万平方公里', '荒漠化面积'], ['3.3万平方公里', '万平方公里', '沙化土地面积'],
    ]);
  });

  it('a share of a budget written 占年初预算X的Y% lends the figures after it the subject before it, not 占年初预算', () => {
    expect(qs('税收收入3511万元，占年初预算8465万元的41.5%，同比下降5.2%。').map((q) => [q.core.text, q.indicator])).toEqual([
      ['3511万元', '税收收入'], ['8465万元', '占年初预算'], ['41.5%', '税收收入'], ['5.2%', '税收收入'],
    ]);
  });

  it('reads a gap written as a comparison (比全国低12个百分点) as a level, or as a change where the clause is one (增速比全省高), never 比上年提高', () => {
    expect(qs('全省城镇化率比全国低12个百分点，经济增速比全省高0.5个百分点，收入增速较全国慢1.2个百分点，森林覆盖率比上年提高2.1个百分点。')
      .map((q) => [q.core.text, q.measure, q.direction])).toEqual([
      ['12个百分点', 'level', null], ['0.5个百分点', 'growth', 'up'], ['1.2个百分点', 'growth', 'down'], ['2.1个百分点', 'growth', 'up'],
    ]);
    // What it is compared with may name the rate: a gap between two growth rates.
    expect(qs('全区工业增加值同比增长12.5%，比规上工业增加值增速高5.0个百分点。').map((q) => [q.core.text, q.measure, q.direction])).toEqual([
      ['12.5%', 'growth', 'up'], ['5.0个百分点', 'growth', 'up'],
    ]);
  });

  it('reads ℅ as the % it stands for, and leaves out counts that point back (这两项任务) or lay out a text (报告分四个部分)', () => {
    expect(qs('全县生产总值同比增长15℅。这两项任务全面完成，报告分四个部分，上述三个方面成效明显。').map((q) => [q.core.text, q.unit, q.measure])).toEqual([['15℅', '%', 'growth']]);
  });

  it('an equivalent (折合7924美元, 约合20533美元) is of the indicator before it, 约合 about', () => {
    expect(qs('全市人均生产总值56000元（折合7924美元），人均生产总值约合20533美元。').map((q) => [q.core.text, q.comparator, q.indicator])).toEqual([
      ['56000元', null, '人均生产总值'], ['7924美元', null, '人均生产总值'], ['20533美元', '~', '人均生产总值'],
    ]);
  });

  it('names a contribution in a clause of its own (，对GDP增长的贡献率为0.7%) by the subject of the figure before it', () => {
    expect(qs('其中，第一产业增加值37.70亿元，增长3.2%，对GDP增长的贡献率为0.7%；第二产业增加值786.42亿元，对GDP增长的贡献率为69.5%。内需对经济增长的贡献率达到90%。')
      .map((q) => [q.core.text, q.indicator])).toEqual([
      ['37.70亿元', '第一产业增加值'], ['3.2%', '第一产业增加值'], ['0.7%', '第一产业对GDP增长的贡献率'],
      ['786.42亿元', '第二产业增加值'], ['69.5%', '第二产业对GDP增长的贡献率'], ['90%', '内需对经济增长的贡献率'],
    ]);
  });

  it('leaves out a count of the quoted list right before it (“产业、城市、民生”三个能级), not a count after a quoted name', () => {
    expect(qs('提升“产业、城市、民生”三个能级，新建学校3所。推进“放管服”改革三项。').map((q) => q.core.text)).toEqual(['3所', '三项']);
  });

  it('reads a gap in a level its clause names (占比高于全省22.7个百分点) as a level, one in a change or after it as growth (ANNOTATION)', () => {
    expect(qs('普通高中入学率高于全省平均3.15个百分点。占比高于全省22.7个百分点。全市增速高于全省0.5个百分点。生产总值增长9.1%，分别高于全省、全国1个和2.2个百分点。')
      .map((q) => [q.core.text, q.unit, q.measure, q.direction])).toEqual([
      ['3.15个百分点', '个百分点', 'level', null], ['22.7个百分点', '个百分点', 'level', null], ['0.5个百分点', '个百分点', 'growth', 'up'],
      // 1个 before 和2.2个百分点, after the gap word and its areas, takes the later unit.
      ['9.1%', '%', 'growth', 'up'], ['1个', '个百分点', 'growth', 'up'], ['2.2个百分点', '个百分点', 'growth', 'up'],
    ]);
  });

  it('hands each part of a 分别 list its name when parts hold their own 和/及 (split at the enumeration commas alone)', () => {
    expect(qs('其中，食品、家庭设备用品及维修服务、医疗保健和个人用品、居住的价格分别上涨10.5%、2.3%、5.7%和3.7%。').map((q) => q.indicator)).toEqual([
      '食品价格', '家庭设备用品及维修服务价格', '医疗保健和个人用品价格', '居住的价格',
    ]);
    expect(qs('信息传输软件和信息技术服务业、租赁和商务服务业增加值分别增长10.9%、10.4%。').map((q) => q.indicator)).toEqual([
      '信息传输软件和信息技术服务业增加值', '租赁和商务服务业增加值',
    ]);
  });

  it('reads 削减 and 下跌 as falls (ANNOTATION: 削减 is down), their words out of the indicator', () => {
    expect(qs('化学需氧量、二氧化硫排放量分别削减4.48%和7.2%。交通和通信价格下跌0.6%。').map((q) => [q.core.text, q.measure, q.direction, q.indicator])).toEqual([
      ['4.48%', 'growth', 'down', '化学需氧量'], ['7.2%', 'growth', 'down', '二氧化硫排放量'], ['0.6%', 'growth', 'down', '交通和通信价格'],
    ]);
  });

  it('a change against the start of the year (比年初, 较年初) is of the figure before it, not of 年初', () => {
    expect(qs('实现融资在保余额8.8亿元，较年初增长42%。居民储蓄存款余额比年初增加86亿元。').map((q) => [q.core.text, q.indicator])).toEqual([
      ['8.8亿元', '融资在保余额'], ['42%', '融资在保余额'], ['86亿元', '居民储蓄存款余额'],
    ]);
  });

  it('reads a rate set as a target after its growth word (经济增长目标确定为9.5%左右) as a change', () => {
    expect(qs('今年经济增长目标确定为9.5%左右，财政收入增长预期定为8%。').map((q) => [q.core.text, q.measure, q.direction])).toEqual([['9.5%', 'growth', 'up'], ['8%', 'growth', 'up']]);
  });

  it('reads a vote\'s counts (满意95票，不满意0票) as results, and 满意度 as no such cue', () => {
    expect(qs('城南学校项目满意95票，基本满意27票，不满意0票。力争群众满意度达到95%。').map((q) => [q.core.text, q.kind])).toEqual([
      ['95票', 'actual'], ['27票', 'actual'], ['0票', 'actual'], ['95%', 'target'],
    ]);
  });

  it('reads who attends a meeting (应到代表181名，实到175名) as a fact of the event, kind other', () => {
    expect(qs('本次会议应到代表181名，实到175名。今年全县地区生产总值力争增长6%。').map((q) => [q.core.text, q.kind])).toEqual([['181名', 'other'], ['175名', 'other'], ['6%', 'target']]);
  });

  it('gives each figure of a list about the three industries (三次产业…分别为A、B和C) its industry', () => {
    expect(qs('三次产业实现增加值分别为69.6亿元、330.8亿元和240.6亿元。').map((q) => q.indicator)).toEqual(['第一产业增加值', '第二产业增加值', '第三产业增加值']);
    // Written without 第 (一、二、三产业) or with it once (第一、二、三产业), the industries are named in full.
    for (const list of ['一、二、三产业', '第一、二、三产业']) {
      expect(qs(`${list}增加值分别增长7.6%、7.7%、8.9%。`).map((q) => q.indicator)).toEqual(['第一产业增加值', '第二产业增加值', '第三产业增加值']);
    }
  });

  it('reads numerals behind a magnitude before a unit that opens with a place (四千亿千瓦时) or is read after digits only (二十五亿块)', () => {
    expect(qs('发电四千亿千瓦时，装机一亿四千万千瓦，生产砖二十五亿块，建成三块场地。').map((q) => [q.core.text, q.value, q.unit])).toEqual([
      ['四千亿千瓦时', 4000, '亿千瓦时'], ['一亿四千万千瓦', 14000, '万千瓦'], ['二十五亿块', 25, '亿块'],
    ]);
  });

  it('reads 个千分点 as a unit of its own, a change of a per-mille rate, shared by a bare number before it', () => {
    expect(qs('人口出生率和自然增长率分别下降4.97和5.21个千分点。').map((q) => [q.core.text, q.unit, q.normalized.unit, q.measure, q.direction])).toEqual([
      ['4.97', '个千分点', '千分点', 'growth', 'down'], ['5.21个千分点', '个千分点', '千分点', 'growth', 'down'],
    ]);
  });

  it('gives fractions of a 个 in a list the 个百分点 its last member is in (百分点 written once)', () => {
    const found = qs('三次产业分别拉动经济增长0.1个、0.9个和2.4个百分点。');
    expect(found.map((q) => [q.core.text, q.value, q.unit, q.normalized.unit, q.normalized.dimension])).toEqual([
      ['0.1个', 0.1, '个百分点', '百分点', 'percentage-points'], ['0.9个', 0.9, '个百分点', '百分点', 'percentage-points'],
      ['2.4个百分点', 2.4, '个百分点', '百分点', 'percentage-points'],
    ]);
    // Whole counts are counts, and a list that ends in no 百分点 shares nothing; but a whole count a growth word opens,
    // joined straight to a 个百分点, shares it (分别提高3个和4个百分点).
    expect(qs('新建学校3个、医院2个和5个百分点的提升。').map((q) => q.unit)).toEqual(['个', '个', '个百分点']);
    expect(qs('城乡居民收入增速分别提高3个和4个百分点。').map((q) => [q.value, q.unit, q.measure])).toEqual([[3, '个百分点', 'growth'], [4, '个百分点', 'growth']]);
    expect(qs('分别为0.5个、1.5个。').map((q) => q.unit)).toEqual(['个', '个']);
  });
});

describe('indicator', () => {
  it('drops the document\'s own place opening an indicator, as 全市 is dropped (西安市规模以上工业增加值), and what follows it (现有)', () => {
    const text = '1-7月西安市经济运行情况\n1-7月，西安市规模以上工业增加值同比增长5.8%。西安市现有高新技术企业1.1万家。宝鸡市规模以上工业增加值增长4%。\n';
    const r = extract({ text }, { rules });
    expect(r.meta.region.city).toBe('西安市');
    expect(r.quantities.map((q) => [q.core.text, q.indicator])).toEqual([['5.8%', '规模以上工业增加值'], ['1.1万家', '高新技术企业'], ['4%', '宝鸡市规模以上工业增加值']]);
  });

  it.each([
    ['实际使用外资比上个五年增长15.8%。', '实际使用外资'],
    ['一般公共预算收入同口径（下同）下降9.79%。', '一般公共预算收入'],
    ['一般公共预算支出规模继去年突破300亿元。', '一般公共预算支出规模'],
    // A verb between who reports and the measure reported is no part of the name, unless it opens a statistic's
    // name (完成投资), or 的 or no measure noun follows it (实现脱贫 is what was done).
    ['规模以上工业企业实现利润总额81亿元。', '规模以上工业企业利润总额'],
    // Digits in a quoted name after a count are part of the name (“123”争先进位工作); a quoted name followed by what
    // its things do is that name alone (“15分钟公服圈”提升百姓幸福感).
    ['55项“123”争先进位工作顺利完成。', '“123”争先进位工作'],
    ['58个“15分钟公服圈”提升百姓幸福感。', '15分钟公服圈'],
    ['实施12个“一企一策”治理改造项目。', '“一企一策”治理改造项目'],
    // A change word that makes a kind of thing with 式 (压缩式) is no change verb opening a clause.
    ['新建2座压缩式生活垃圾转运站。', '压缩式生活垃圾转运站'],
    ['畜牧业实现增加值9.6亿元。', '畜牧业增加值'],
    // A clause that is its verb alone is named by the clause before it, up to its last measure noun with no change word.
    ['城镇居民人均可支配收入稳步增长，达到4.2万元。', '城镇居民人均可支配收入'],
    ['全年地区生产总值再上一个百亿台阶，达到1234.5亿元。', '地区生产总值'],
    ['城镇居民人均可支配收入增长快于农村居民收入，达到4.2万元。', '城镇居民人均可支配收入'],
    ['规上工业企业利润总额大幅增长，达到12亿元。', '规上工业企业利润总额'],
    // A qualifier after the name is no part of it (剔除…因素后), nor is 新建成 before it.
    ['一般公共预算收入剔除虚增空转因素后完成10.4亿元。', '一般公共预算收入'],
    ['社会商品零售总额扣除价格因素增长7.8%。', '社会商品零售总额'],
    ['剔除不良贷款核销因素贷款余额增加28.6亿元。', '贷款余额'],
    ['新建成蔬菜大棚320个。', '蔬菜大棚'],
    ['多年累计改造棚户区住房4200多万套。', '棚户区住房'],
    // 任务 ends the name of tasks counted (133项具体任务, 12项改革任务取得突破: 取得, 圆满, 提前 end it).
    ['明确133项具体任务。', '具体任务'],
    ['12项改革任务取得突破。', '改革任务'],
    ['10件民生实事圆满完成。', '民生实事'],
    // A budget's sums: 加上 opens a term (加上级补助收入 is 上级补助收入 plus), 当年收入 is the year's own revenue.
    ['加上转移性收入49.2亿元。', '转移性收入'],
    // A change word with its intensifier (大增, 锐减) is no part of the name.
    ['政府性基金收入同比大增52.2%。', '政府性基金收入'],
    ['利润锐减20%。', '利润'],
    ['加上级补助收入12亿元。', '上级补助收入'],
    ['加上解支出3亿元。', '上解支出'],
    ['当年收入292.14亿元。', '当年收入'],
    // Traditional characters are read as simplified by the rules that name, and the name stays as written.
    ['規模以上工業企業實現利潤總額81億元。', '規模以上工業企業利潤總額'],
    ['民用机场完成旅客吞吐量120万人次。', '民用机场旅客吞吐量'],
    ['全年教育累计支出12.3亿元。', '教育支出'],
    ['重大项目完成投资85亿元。', '重大项目完成投资'],
    ['通过网络实现的商品销售额增长8%。', '通过网络实现的商品销售额'],
    ['农村贫困人口实现脱贫1.2万人。', '农村贫困人口实现脱贫'],
    ['粮食总产量要保证1.2万吨。', '粮食总产量'],
    ['综合利用率也达到95%。', '综合利用率'],
    ['全年新设立市场主体12.6万户。', '市场主体'],
    ['生产总值与上一个五年相比增长53.3%。', '生产总值'],
    ['——地区生产总值增长7%以上;', '地区生产总值'],
    ['全区实现地区生产总值1441.37亿元。', '地区生产总值'],
    ['新建5G基站25个。', '5G基站'],
    ['知名企业家等2500余人齐聚赣州。', '知名企业家'],
    ['邀请专家学者等300余人参加论坛。', '专家学者'],
    ['引导合作机构逐步将平均担保费率降至1%以下。', '平均担保费率'],
    ['即将建成学校3所。', '学校'],
    ['对新认定的企业给予50万元补助。', '补助'],
    ['给予企业20万元奖励。', '奖励'],
    ['打造15个城市街心花园(游园)。', '城市街心花园'],
    ['安排不低于1000万元资金。', '资金'],
    ['城镇登记失业率控制在4.8%以内。', '城镇登记失业率'],
    // An indicator's Latin name glued to its figure is no code (入住A3栋 is).
    ['全市人均GDP15万元以上。', '人均GDP'],
    // How a change is counted (同口径, 按可比口径) belongs to the measure, not to what is measured.
    ['一般公共预算收入同口径增长5%。', '一般公共预算收入'],
    ['税收收入按可比口径增长3.2%。', '税收收入'],
    // A list marker with its closing bracket only (1)…), and 加 before 上年 (加上年结余收入: 加 + 上年结余收入).
    ['1)税收收入24.5亿元。', '税收收入'],
    ['加上年结余收入42690万元。', '上年结余收入'],
    ['本次大会应到代表490人。', '应到代表'],
    ['一般公共预算收入可比增长4.1%。', '一般公共预算收入'],
    ['1.城市道路建设项目45项;', '城市道路建设项目'],
    ['确保保有税收“千万元楼”35栋。', '千万元楼'],
    // A dropped word at the edge of a phrase is not cut out of a whole word.
    ['新增有机农产品认证18个。', '有机农产品认证'],
    ['在建项目总数达到42个。', '在建项目总数'],
    ['全县共同富裕示范村达到9个。', '共同富裕示范村'],
    ['投诉办结率达到98%。', '投诉办结率'],
    ['完成率为91.5%。', '完成率'],
    // A modal or a verb of growth before the figure (必保增长, 从无到有发展到) is no part of the name.
    ['公共财政预算收入必保增长5.5%。', '公共财政预算收入'],
    ['手工业从无到有发展到223家。', '手工业'],
    // A row number before a table row's name, a month span (1—7月), a verb of work done (建立, 落地, 攻克) are no part of it.
    ['1 居民消费价格涨幅3%左右。', '居民消费价格涨幅'],
    ['建立院士工作站12个。', '院士工作站'],
    ['先后落地招商项目37个。', '招商项目'],
    // 建成区 is the built-up area in its statistics terms (建成区面积), and 建成 a verb elsewhere (建成区文化馆分馆).
    ['建成区绿化覆盖率达到42%。', '建成区绿化覆盖率'],
    ['建成区面积扩大到35平方公里。', '建成区面积'],
    ['建成区文化馆分馆3个。', '区文化馆分馆'],
    ['GDP预期增长6%。', 'GDP'],
    ['城市保障房竣工8000套。', '城市保障房'],
    ['与名校合作办学项目新增加5个。', '名校合作办学项目'],
    ['新增持牌金融机构[2]10家。', '持牌金融机构'],
    ['2024年一般公共预算收入安排47.9亿元。', '一般公共预算收入'],
    ['PM2.5平均浓度下降到32微克/立方米。', 'PM2.5平均浓度'],
    // The noun after a count runs to the next figure, may open with a quoted name, and ends at a later quote.
    ['建成40个“口袋公园”。', '口袋公园'],
    ['推动3项“跨省通办”改革。', '“跨省通办”改革'],
    ['实现5万余户企业“掌上办”。', '企业'],
  ])('%s → %s', (text, indicator) => expect(one(text).indicator).toBe(indicator));

  it('reads a change on a comparable basis after a comma (…103.2亿元,可比增长9%) as the figure before it does, 可比 no name', () => {
    const r = extract({ text: '地方一般公共预算收入103.2亿元,可比增长9%;进出口总额突破500亿元。' }, { rules });
    expect(r.quantities.map((q) => [q.core.text, q.indicator, q.measure])).toEqual([
      ['103.2亿元', '地方一般公共预算收入', 'level'], ['9%', '地方一般公共预算收入', 'growth'], ['500亿元', '进出口总额', 'level'],
    ]);
  });

  it('ends a name before a comparison with the economy\'s growth (…收入增长快于经济增速，分别增长5.4%、7.9%)', () => {
    const r = extract({ text: '城镇和农村常住居民人均可支配收入增长快于经济增速,分别同比增长5.4%、7.9%。农村居民收入增长5.8%、快于经济增速1个百分点。' }, { rules });
    expect(r.quantities.map((q) => [q.core.text, q.indicator])).toEqual([
      ['5.4%', '城镇常住居民人均可支配收入'], ['7.9%', '农村常住居民人均可支配收入'], ['5.8%', '农村居民收入'], ['1个百分点', '农村居民收入'],
    ]);
  });

  it('names a share of the adjusted budget and the change after it by the figure before (完成调整后预算的97.3%，下降6.4%), and drops a month span\'s year', () => {
    const r = extract({ text: '全区一般公共预算总收入410338万元,完成调整后预算的97.3%,下降6.4%。2020年1-6月全城区组织财政收入146840万元,增长3.1%。' }, { rules });
    expect(r.quantities.map((q) => [q.core.text, q.indicator])).toEqual([
      ['410338万元', '一般公共预算总收入'], ['97.3%', '一般公共预算总收入'], ['6.4%', '一般公共预算总收入'], ['146840万元', '组织财政收入'], ['3.1%', '组织财政收入'],
    ]);
  });

  it('names a change of revenue or spending (同比减收, 增支) by the figure before it', () => {
    const r = extract({ text: '一般公共预算收入24627万元，同比减收1070万元。一般公共预算支出30亿元，增支2.1亿元。' }, { rules });
    expect(r.quantities.map((q) => [q.core.text, q.indicator, q.measure])).toEqual([
      ['24627万元', '一般公共预算收入', 'level'], ['1070万元', '一般公共预算收入', 'growth'], ['30亿元', '一般公共预算支出', 'level'], ['2.1亿元', '一般公共预算支出', 'growth'],
    ]);
  });

  it('reads an excess over a plan (超计划, 超年度目标) as more of the figure before it, not as an indicator of its own', () => {
    expect(indicators('全年粮食种植面积45.43万亩，超计划0.65万亩。工业投资完成25亿元，超年度目标3亿元。')).toEqual(['粮食种植面积', '粮食种植面积', '工业投资', '工业投资']);
  });

  it('takes a noun after a count that holds a change word inside its name (压缩转运站), not one opening with it', () => {
    expect(indicators('新建5座生活垃圾压缩转运站。')).toEqual(['生活垃圾压缩转运站']);
    expect(indicators('全年签订各类技术合同1200项。')).toEqual(['技术合同']);
    expect(indicators('民生领域投入多达363亿元。')).toEqual(['民生领域投入']);
  });

  it('names what a count counts after a clause that describes it (具有…学位的企业紧缺人才)', () => {
    expect(indicators('引进1万名左右具有博士、硕士学位的企业紧缺人才。')).toEqual(['企业紧缺人才']);
    expect(indicators('培育30家具有自主知识产权的科技企业，建设学校5所。')).toEqual(['科技企业', '学校']);
  });

  it('leaves a time span at the start of a phrase (5年内, 三年内) out of the indicator', () => {
    expect(indicators('三年内引进高层次人才500名。')).toEqual(['高层次人才']);
    expect(indicators('5年内新建学校12所。')).toEqual(['学校']);
  });

  it('drops the report\'s own area before a noun, unless the noun needs it or the area is the nation', () => {
    expect(one('全县一般公共预算收入完成25.2亿元。').indicator).toBe('一般公共预算收入');
    expect(one('全市森林覆盖率达到65%。').indicator).toBe('森林覆盖率');
    expect(one('全市生产总值增长6%。').indicator).toBe('全市生产总值');
    expect(one('新增全国文明村镇3个。').indicator).toBe('全国文明村镇');
  });

  it('keeps a list of short modifiers before one head in the name of the figure they share', () => {
    expect(one('国控、省控断面水质优良比例达到92%。').indicator).toBe('国控、省控断面水质优良比例');
    expect(one('脱贫人口、困难群众参保率稳定在99%以上。').indicator).toBe('脱贫人口、困难群众参保率');
    expect(one('其中马铃薯种植、收获机械化率均达到45%。').indicator).toBe('马铃薯种植、收获机械化率');
    // Long items before the 、 name things of their own: the figure's name starts after it.
    expect(one('城市更新行动有序推进、老旧小区改造完成120个。').indicator).toBe('老旧小区改造');
    // A list of figures keeps one name per figure, and what follows a figure is its own noun, not a modifier.
    expect(indicators('新建学校3所、改造道路5公里。')).toEqual(['学校', '道路']);
    expect(indicators('商品出口到30个国家和地区、累计货值突破50亿元。')[1]).toBe('货值');
  });

  it('hands out the parts of a list subject, however long, one per figure', () => {
    expect(indicators('规模以上工业增加值、全社会固定资产投资、社会消费品零售总额、一般公共预算收入分别增长6.1%、5.3%、7.2%、4.8%。'))
      .toEqual(['规模以上工业增加值', '全社会固定资产投资', '社会消费品零售总额', '一般公共预算收入']);
  });

  it('names a bare head after its partner by the partner\'s subject (…社会保险基金收入83.58亿元，支出72.80亿元: 社会保险基金支出)', () => {
    expect(indicators('全市社会保险基金收入83.58亿元，支出72.80亿元。')).toEqual(['社会保险基金收入', '社会保险基金支出']);
    expect(indicators('全市一般公共预算收入58.8亿元，同比增长1.8%；支出108.3亿元，同比增长5.2%。')).toEqual(['一般公共预算收入', '一般公共预算收入', '一般公共预算支出', '一般公共预算支出']);
    expect(indicators('支出72.80亿元。')).toEqual(['支出']);
  });

  it('writes out ordinals written once for a list (第一、二、三产业)', () => {
    expect(indicators('第一、二、三产业增加值分别增长3.1%、5.2%和6.3%。')).toEqual(['第一产业增加值', '第二产业增加值', '第三产业增加值']);
    expect(indicators('第一、二产业对经济增长的贡献率分别为1.5%和27.2%。')).toEqual(['第一产业对经济增长的贡献率', '第二产业对经济增长的贡献率']);
    // Without the 第, the first numerals are no list markers to drop: 一、二、三产 and 一、二、三次产业 are the three sectors.
    expect(indicators('一、二、三产分别增长3.6%、1.2%和4.1%。')).toEqual(['一产', '二产', '三产']);
    expect(indicators('一、二、三次产业分别增长3.5%、6%和6%。')).toEqual(['第一产业', '第二产业', '第三产业']);
    expect(indicators('一、新建学校3所。')).toEqual(['学校']);
  });

  it('gives the parts of a list the head their first part carries before them (花生种植、收获 → 花生收获)', () => {
    expect(indicators('花生种植、收获机械化率分别达到65%和55%。')).toEqual(['花生种植机械化率', '花生收获机械化率']);
    expect(indicators('农作物耕、种、收机械化率分别达到80%、75%和70%。')).toEqual(['农作物耕机械化率', '农作物种机械化率', '农作物收机械化率']);
    // No head is shared when the first part is as long as the others, or only one character longer.
    expect(indicators('小麦、玉米播种面积分别达到50万亩和30万亩。')).toEqual(['小麦播种面积', '玉米播种面积']);
    expect(indicators('高技术制造业、装备制造业增加值分别增长12%和9%。')).toEqual(['高技术制造业增加值', '装备制造业增加值']);
  });

  it('names a figure that only restates the one before it on another basis as that one (不含雄安增长7.3%)', () => {
    expect(indicators('全市固定资产投资增长6%（不含雄安增长7.3%）。')).toEqual(['固定资产投资', '固定资产投资']);
    // A qualifier closed by 因素 and going on with a name is named by it; 含 names a part.
    expect(indicators('存款余额增加45.8亿元，剔除不良贷款核销因素贷款余额增加28.6亿元。')).toEqual(['存款余额', '贷款余额']);
    expect(indicators('开展培训12.94万人次(含线上培训9.17万人次)。')[1]).not.toBe('培训');
  });

  it('counts things of a class (5个百亿级项目, 6个千亿级产业集群) but no milestone (两个百万级大关); 枚 and 枝 count', () => {
    expect(indicators('开工建设5个百亿级重大工业项目，打造6个千亿级产业集群，跨越两个百万级大关。')).toEqual(['百亿级重大工业项目', '千亿级产业集群']);
    expect(indicators('获得金牌19枚，生产鲜切花88.94亿枝。')).toEqual(['金牌', '生产鲜切花']);
  });

  it('hands 分别 figures the figures or subjects before them across a qualifier clause or a comma', () => {
    expect(indicators('城镇居民人均可支配收入达到10493元，农村居民人均纯收入达到3255元，扣除价格因素，分别增长9.6%和6.2%。'))
      .toEqual(['城镇居民人均可支配收入', '农村居民人均纯收入', '城镇居民人均可支配收入', '农村居民人均纯收入']);
    expect(indicators('城镇居民人均可支配收入和农村居民人均纯收入，分别实际增长58.3%和29.2%。')).toEqual(['城镇居民人均可支配收入', '农村居民人均纯收入']);
  });

  it('names a figure after 申请/选择 by the noun after its 的 (可申请最高不超过15万元的创业担保贷款)', () => {
    expect(indicators('符合条件的个人可申请最高不超过15万元的创业担保贷款。')).toEqual(['创业担保贷款']);
    // The noun counted stops before what is done to it (给予, 开展, 实施).
    expect(indicators('每年选择1家符合条件的国家自主创新示范区给予奖励，组织50家规上工业企业开展数字化诊断。')).toEqual(['国家自主创新示范区', '规上工业企业']);
  });

  it('keeps a member after 、力争 in its list (增长6.5%、力争7%), shares out 一二三产, and reads no 方 of 方面', () => {
    const found = qs('二、2024年工作安排\n全市地区生产总值增长6.5%、力争7%，一二三产增加值分别增长3%、5%和6%，完成8方面14项民生实事。\n', { year: 2024, docType: 'work-report' });
    expect(found.map((q) => [q.core.text, q.indicator, q.measure])).toEqual([
      ['6.5%', '地区生产总值', 'growth'], ['7%', '地区生产总值', 'growth'], ['3%', '一产增加值', 'growth'], ['5%', '二产增加值', 'growth'], ['6%', '三产增加值', 'growth'], ['14项', '民生实事', 'level'],
    ]);
  });

  it('reads people fewer or more than before as a change, a comparator after a space, and 新增加 as no change', () => {
    const found = qs('一、2015年工作回顾\n农村贫困人口减少1442万人，城镇化率达到70% 以上，新增加1名世界冠军。\n', { year: 2016, docType: 'work-report' });
    expect(found.map((q) => [q.core.text, q.measure, q.direction, q.comparator])).toEqual([
      ['1442万人', 'growth', 'down', null], ['70%', 'level', null, '>='], ['1名', 'level', null, null],
    ]);
  });

  it('counts no milestones (跨越3个万亿元大关, 3个千亿元台阶): neither the count nor the step is a figure', () => {
    expect(qs('一、2025年工作回顾\n全省地区生产总值连续跨越3个万亿元大关，跨越3个千亿元台阶。\n', { year: 2026, docType: 'work-report' })).toEqual([]);
  });

  it('reads a gap after a level joined by 、 as a level, one after a rate of change as a change (、高于全国…个百分点)', () => {
    const found = qs('一、2025年工作回顾\n农作物综合机械化率达到95%、高于全国平均水平18.3个百分点，地区生产总值增长6%、高于全国0.5个百分点。\n', { year: 2026, docType: 'work-report' });
    expect(found.map((q) => [q.core.text, q.measure])).toEqual([['95%', 'level'], ['18.3个百分点', 'level'], ['6%', 'growth'], ['0.5个百分点', 'growth']]);
  });

  it('reads 7万人口 as a bare magnitude counting 人口 (not 7万人 and 口…), 二台子 as no count, and drops a trailing 基本', () => {
    const found = qs('二、2024年工作安排\n推动7万人口向城区集聚，棚户区改造基本建成0.8万套，二台子机场改扩建。\n', { year: 2024, docType: 'work-report' });
    expect(found.map((q) => [q.core.text, q.unit, q.indicator])).toEqual([['7万', '万', '人口'], ['0.8万套', '万套', '棚户区改造']]);
  });

  it('names a milestone or a jump by its subject, not by the verb or the milestone (迈上3万亿元台阶, 从15家跃升到38家)', () => {
    expect(indicators('全省地区生产总值增长5%，迈上3万亿元台阶，国家重点实验室从15家跃升到38家。')).toEqual(['地区生产总值', '地区生产总值', '国家重点实验室', '国家重点实验室']);
  });

  it('leaves the 从/由 of a change from one level to another out of its name', () => {
    expect(indicators('全县生产总值从70亿元增加到100亿元，财政补助由每人450元提高到520元。')).toEqual(['全县生产总值', '全县生产总值', '财政补助', '财政补助']);
  });

  it('leaves 免费筛查, 净增 and a trailing 尽快 out of the indicator; a bare magnitude counts 工人 and 儿童 too', () => {
    expect(indicators('免费筛查城乡适龄妇女宫颈癌10.4万人，净增信贷投放80亿元以上，确保294个项目尽快开工。')).toEqual(['城乡适龄妇女宫颈癌', '信贷投放', '项目']);
    expect(indicators('推动10万农村人口进城、10万学生进城、10万产业工人进城。')).toEqual(['农村人口', '学生', '产业工人']);
  });

  it('leaves an enumeration\'s 一是/七是, 目前 and 集聚/拥有 out of the indicator', () => {
    expect(indicators('七是完成造林绿化50万亩。')).toEqual(['造林绿化']);
    expect(indicators('目前入园企业120家，集聚数字经济企业300家。')).toEqual(['入园企业', '数字经济企业']);
  });

  it('names a rate compared with another time by the figure before it (增速比前11个月加快), and a bare share of it (，占3.7%)', () => {
    expect(indicators('全市规模以上工业增加值增长0.6%，增速比前11个月加快0.2个百分点。')).toEqual(['规模以上工业增加值', '规模以上工业增加值增速']);
    expect(indicators('社会消费品零售总额增长3%，增速由前三季度的2.1%回升。')).toEqual(['社会消费品零售总额', '社会消费品零售总额增速']);
    expect(indicators('第一产业增加值100亿元，占3.7%。')).toEqual(['第一产业增加值', '第一产业增加值比重']);
  });

  it('keeps 占比 in the name of a share: its 比 is no comparison (税收收入占比61.1%)', () => {
    expect(indicators('全市税收收入占比61.1%，民间投资占比达到55%，增量存贷比达到80%。')).toEqual(['税收收入占比', '民间投资占比', '增量存贷比']);
  });

  it('leaves the verbs of planned work out of the name (更新施划, 开放共享, 新开调整, 除险加固, 上调, 抓好) but keeps 新开工', () => {
    expect(indicators('更新施划停车泊位2000个，开放共享停车场30个，新开调整城市公交线路10条，除险加固小型水库15座，新开工项目20个。'))
      .toEqual(['停车泊位', '停车场', '城市公交线路', '小型水库', '新开工项目']);
  });

  it('leaves the 中 of a part of a whole out of the name (9项主要经济指标中8项…), keeping the 中 of 高中', () => {
    expect(indicators('9项主要经济指标中8项增速高于全省，新建普通高中2所。')).toEqual(['主要经济指标', '主要经济指标', '普通高中']);
  });

  it('gives the parts of a list of projects the head and the lead they share (园区新签约、新开工、新竣工项目)', () => {
    expect(indicators('园区新签约、新开工、新竣工项目分别为545个、559个、523个。')).toEqual(['园区新签约项目', '园区新开工项目', '园区新竣工项目']);
  });

  it('gives counts standing alone after a list\'s first part its subject (事故起数、死亡人数 → 事故死亡人数)', () => {
    expect(indicators('全市生产安全事故起数、死亡人数分别下降12.5%、8.3%。')).toEqual(['生产安全事故起数', '生产安全事故死亡人数']);
    expect(indicators('道路交通事故起数、死亡人数、受伤人数分别下降5%、6%和7%。')).toEqual(['道路交通事故起数', '道路交通事故死亡人数', '道路交通事故受伤人数']);
    // A later part that is a measure of its own, or ends with the first's own head, keeps its name.
    expect(indicators('一般公共预算收入、税收收入分别增长5%和6%。')).toEqual(['一般公共预算收入', '税收收入']);
    expect(indicators('规上工业增加值、固定资产投资分别增长8%和10%。')).toEqual(['规上工业增加值', '固定资产投资']);
  });

  it('leaves the verbs of a project list (新开工, 竣工) out of the indicator, which the list shares', () => {
    expect(indicators('力争实现重大项目新开工200个、竣工90个。')).toEqual(['重大项目', '重大项目']);
  });

  it('reads the noun after a count only up to the next figure', () => {
    expect(indicators('12个安置项目近6000套住房交付使用。')[0]).toBe('安置项目');
    expect(indicators('5个部门单位对20个村开展帮扶。')[0]).toBe('部门单位');
    expect(one('8家企业进入全省民营企业百强。').indicator).toBe('企业');
    expect(one('138家企业通过科技计划项目验收。').indicator).toBe('企业');
    expect(one('结对帮扶1424个村。').indicator).toBe('村');
    expect(one('新增2个4A级景区。').indicator).toBe('4A级景区');
    expect(one('开展“三下乡”“文化八进”等各类群众文化活动7500余场次。').indicator).toBe('群众文化活动');
  });

  it('reads 是2011年的1.6倍 as a multiple of the same indicator, not of a year, and a spaced 增长 8.2 % as growth', () => {
    const found = qs('2016年,全县生产总值完成119.8亿元,是2011年的1.6倍,年均增长 8.2 %。');
    expect(found.map((q) => [q.core.text, q.indicator, q.measure])).toEqual([
      ['119.8亿元', '全县生产总值', 'level'], ['1.6倍', '全县生产总值', 'level'], ['8.2 %', '全县生产总值', 'growth'],
    ]);
    expect(found[1]!.year).not.toBe(2011);
  });

  it('reads 压缩/压减 as a fall and leaves adverbs such as 继续 out of the indicator', () => {
    expect(qs('审批时限压缩30%。').map((q) => [q.indicator, q.measure, q.direction])).toEqual([['审批时限', 'growth', 'down']]);
    expect(qs('部门一般性支出继续压减10%。').map((q) => [q.indicator, q.measure, q.direction])).toEqual([['部门一般性支出', 'growth', 'down']]);
  });

  it('lends the indicator to a gap from the plan and a share of the budget (高于预期目标, 完成预算的102.3%)', () => {
    const found = qs('地区生产总值增长5.6%,高于预期目标0.1个百分点。一般公共预算收入完成286.4亿元,为调整预算的102.3%。工业增加值增长6.8%,比计划低0.2个百分点。');
    expect(found.map((q) => [q.core.text, q.indicator])).toEqual([
      ['5.6%', '地区生产总值'], ['0.1个百分点', '地区生产总值'], ['286.4亿元', '一般公共预算收入'], ['102.3%', '一般公共预算收入'],
      ['6.8%', '工业增加值'], ['0.2个百分点', '工业增加值'],
    ]);
  });

  it('reads a gap after a rate (高出全市) with the rate\'s indicator, and a converted amount in parentheses with its figure\'s', () => {
    expect(qs('全县地区生产总值同比增长6%，高出全市1.1个百分点。').map((q) => [q.core.text, q.indicator, q.measure, q.direction]))
      .toEqual([['6%', '地区生产总值', 'growth', 'up'], ['1.1个百分点', '地区生产总值', 'growth', 'up']]);
    expect(qs('人均GDP为78655元（按年平均汇率折算为11162美元），比上年增长7.8%。').map((q) => [q.core.text, q.indicator, q.period]))
      .toEqual([['78655元', '人均GDP', null], ['11162美元', '人均GDP', null], ['7.8%', '人均GDP', null]]);
    expect(indicators('2005年，全市生产总值达到146.2亿元，比“九五”末增长了68.1%。')).toEqual(['全市生产总值', '全市生产总值']);
  });

  it('leaves a verb of reporting (上报), 自然 of 自然减少, an abbreviation in parentheses (GDP) and 退出 after a count out of the indicator', () => {
    expect(indicators('全年上报城镇新增就业5071人。全年人口自然减少1400人。地区生产总值(GDP)319.73亿元。完成9家县级融资平台退出。'))
      .toEqual(['城镇新增就业', '人口', '地区生产总值', '县级融资平台']);
  });

  it('reads a level compared with last year\'s in its sentence (…23763亿立方米，比上年减少13.4%) as an actual, as the change is', () => {
    expect(qs('全年水资源总量23763亿立方米，比上年减少13.4%。全年计划新建学校12所。').map((q) => [q.core.text, q.kind, q.rules.kind]))
      .toEqual([['23763亿立方米', 'actual', 'kind.compared-after'], ['13.4%', 'actual', 'kind.actual.baseline'], ['12所', 'target', 'kind.target.cue']]);
    // After a target cue in its sentence a baseline compares the target (力争…，比上年增加3%); after 预计, a result as often.
    expect(qs('力争全年水资源总量达到23763亿立方米，比上年增加3%。').map((q) => [q.kind, q.rules.kind]))
      .toEqual([['target', 'kind.target.cue'], ['target', 'kind.baseline-of-target']]);
    expect(qs('2024年预计地区生产总值达到140万亿元左右，比上年增长5%。').map((q) => q.rules.kind)[1]).toBe('kind.actual.baseline');
  });

  it('takes no target cue from a programme\'s name (三年行动计划, “雁阵计划”)', () => {
    const found = qs('启动实施基地建设三年行动计划，统筹整合涉农资金12.8亿元。实施“雁阵计划”，引进人才120名。', { docType: 'work-report' });
    expect(found.map((q) => [q.core.text, q.kind])).toEqual([['12.8亿元', 'actual'], ['120名', 'actual']]);
  });

  it('lends the figures after the base of a share (完成年初预算数…的40.4%) the subject before it, not the base\'s name', () => {
    expect(indicators('一般公共预算收入累计完成24627万元，完成年初预算数60999万元的40.4%，比上年减收1070万元，下降4.2%。'))
      .toEqual(['一般公共预算收入', '年初预算数', '一般公共预算收入', '一般公共预算收入', '一般公共预算收入']);
  });

  it('leaves a reckoning\'s preface (经初步核算, 按一九七〇年不变价格计算) out of the indicator', () => {
    expect(indicators('全年国民生产总值按一九七〇年不变价格计算为6619亿元。经初步核算，全年地区生产总值1200亿元。')).toEqual(['国民生产总值', '地区生产总值']);
  });

  it('leaves out every ordinal of a list of meetings (七次、八次全会)', () => {
    expect(cores('全面落实省委十二届二次、三次、四次全会和市委八届七次、八次全会部署。开展督查3次、暗访5次。')).toEqual(['3次', '5次']);
  });

  it('leaves 提出 and a modal before the verb (将, 要, 有望) out of the indicator', () => {
    expect(indicators('规划纲要发布，提出到2025年地区生产总值将达到3.5万亿元。')).toEqual(['地区生产总值']);
    expect(indicators('预计今年全市水果产量将增长10%。')).toEqual(['水果产量']);
  });

  it('lets a growth figure after a level take its indicator', () => {
    expect(indicators('一般公共预算收入52.24亿元,同比增长5.2%。')).toEqual(['一般公共预算收入', '一般公共预算收入']);
    expect(indicators('常住人口由上年729万人增加到732万人。')).toEqual(['常住人口', '常住人口']);
  });

  it('hands out a list subject, one part to each figure', () => {
    expect(indicators('一产、二产、三产增加值分别增长6%、5.2%、5.2%。')).toEqual(['一产增加值', '二产增加值', '三产增加值']);
    expect(indicators('城乡居民人均可支配收入分别增长9%和10%以上。')).toEqual(['城镇居民人均可支配收入', '农村居民人均可支配收入']);
    // Shares after 分别 are shares of what the figures before them count (占总人口 is their base, not their subject).
    expect(indicators('其中男性人口23.85万人，女性人口22.61万人，分别占总人口的51.3%和48.7%。')).toEqual(['男性人口', '女性人口', '男性人口', '女性人口']);
    // A pair written with its joiner, whole words after a shared head: 存、贷款余额 is 存款余额 and 贷款余额.
    expect(indicators('年末金融机构存、贷款余额分别增长8.8%、11.9%。')).toEqual(['金融机构存款余额', '金融机构贷款余额']);
    expect(indicators('全年进、出口总额分别增长3%和5%。')).toEqual(['进口总额', '出口总额']);
    // A pair contracted into one word (存贷款, 中小学): its two halves.
    expect(indicators('金融机构存贷款余额分别达到370亿元、204亿元，较年初分别增长15.8%、14.7%。')).toEqual(['金融机构存款余额', '金融机构贷款余额', '金融机构存款余额', '金融机构贷款余额']);
    expect(indicators('全县中小学在校生分别达到1.2万人和2.3万人。')).toEqual(['中学在校生', '小学在校生']);
    // Examples listed before their category: each figure is its example's, with the measure the category ends with.
    expect(indicators('合成氨、锂离子电池、工业机器人等产品产量分别增长62.6%、34.8%和20%。')).toEqual(['合成氨产量', '锂离子电池产量', '工业机器人产量']);
    expect(indicators('节能环保、汽车及零部件等产业增加值分别增长29.2%和16.5%。')).toEqual(['节能环保产业增加值', '汽车及零部件产业增加值']);
    // A later list in the sentence with no subject of its own takes the same parts, one by one.
    expect(indicators('城乡居民人均可支配收入分别达到42350元和19870元,增长4.9%和6.7%。')).toEqual([
      '城镇居民人均可支配收入', '农村居民人均可支配收入', '城镇居民人均可支配收入', '农村居民人均可支配收入',
    ]);
  });

  it('leaves comparator words, 保持 and note marks out of the name', () => {
    expect(indicators('可再生能源消费比重接近25%。')).toEqual(['可再生能源消费比重']);
    expect(indicators('集中式饮用水水源地水质达标率保持100%。')).toEqual(['集中式饮用水水源地水质达标率']);
    expect(indicators('新增“专精特新”企业③12家。')).toEqual(['“专精特新”企业']);
    // The income threshold defines the villages counted (exclude.threshold): one figure, named by the whole category.
    expect(indicators('年收入超过5万元的行政村占80%以上。')).toEqual(['年收入超过5万元的行政村']);
  });

  it('does not name a figure after a phrase left hanging on a conjunction: the noun after it names the figure', () => {
    expect(indicators('建设5万亩茶园及3万亩中药材基地。')).toEqual(['茶园', '中药材基地']);
  });

  it('reads 由A增加到YYYY年的B as the same indicator, and drops 五年累计', () => {
    const text = '高新技术企业由2020年的520家增加到2025年的1260家。五年累计新增城镇就业28.6万人。';
    expect(qs(text).map((q) => [q.core.text, q.indicator])).toEqual([['520家', '高新技术企业'], ['1260家', '高新技术企业'], ['28.6万人', '城镇就业']]);
  });

  it('leaves hedges (原则上, 一般在) and a comparison (低于所在省份平均水平) out of the name', () => {
    expect(indicators('招聘高校毕业生的比例原则上不低于40%。')).toEqual(['高校毕业生的比例']);
    expect(indicators('年进出口额一般在50万美元以上。')).toEqual(['年进出口额']);
    expect(indicators('就业率低于所在省份平均水平10个百分点。')).toEqual(['就业率']);
  });

  it('drops who does it before the verb, a leading deadline and a per-head qualifier from the name', () => {
    expect(indicators('市级财政将安排就业创业专项资金3亿元。')).toEqual(['就业创业专项资金']);
    expect(indicators('县交通运输局新开通城乡公交线路8条。')).toEqual(['城乡公交线路']);
    expect(indicators('到2028年规模以上工业企业总数达到900家。')).toEqual(['规模以上工业企业总数']);
    expect(indicators('城乡居民基础养老金提高到每人每月260元。')).toEqual(['城乡居民基础养老金']);
    // 城镇 is no one who acts: 城镇新增就业 is the name of the statistic.
    expect(indicators('城镇新增就业1.2万人。')).toEqual(['城镇新增就业']);
    // A level stepped over (迈上, 跨过) or a slight change (微降) is no part of the name.
    expect(indicators('全市地区生产总值迈上4万亿元，CPI微降0.1%。')).toEqual(['地区生产总值', 'CPI']);
  });

  it('names a figure written as a modifier by the noun after its 的, when nothing is named before it', () => {
    expect(indicators('给予不超过2万元的一次性创业补贴。')).toEqual(['一次性创业补贴']);
    expect(indicators('每年对不少于10%的抽检样品进行复核。')).toEqual(['抽检样品']);
    expect(indicators('80%的乡镇降至低风险等级。')).toEqual(['乡镇']);
    // After a verb taking it as its object, too.
    expect(indicators('各校要为学生提供不少于16学时的就业指导课程。')).toEqual(['就业指导课程']);
    expect(indicators('新建商品住房项目继续配建不少于5%的保障性住房。')).toEqual(['保障性住房']);
    // A name before the figure stays; a generic noun after 的 (水平, 标准) names nothing.
    expect(indicators('引进总投资5亿元的光伏组件项目。')).toEqual(['总投资']);
    expect(indicators('按每人800元的标准发放补贴。')).toEqual([null]);
  });

  it('reads a 、 inside parentheses as part of the name, not a list', () => {
    expect(indicators('每个县(市、区)建成2个以上老年食堂。')).toEqual(['老年食堂']);
    expect(indicators('山区县（市、区）林木覆盖率达到65%。')).toEqual(['山区县（市、区）林木覆盖率']);
  });

  it('pairs a list after 分别 with the figures just before it (接待游客…、实现旅游收入…，分别增长A和B)', () => {
    expect(indicators('全年接待游客860万人次、实现旅游综合收入72亿元，分别增长12.5%和9.8%。')).toEqual([
      '游客', '旅游综合收入', '游客', '旅游综合收入',
    ]);
    // Not across a clause with a subject of its own.
    expect(indicators('森林覆盖率达到24%，湿地保护率达50%以上，水土流失、沙化土地面积分别净减少3.8万、3.3万平方公里。').slice(2))
      .not.toContain('森林覆盖率');
  });

  it('keeps whole words that open with a verb (救助资金, 储备项目) and stops a counted noun at 加速', () => {
    expect(indicators('发放各类救助资金5000万元，推动总投资80亿元的36个储备项目加速落地。')).toEqual(['救助资金', '总投资', '储备项目']);
  });

  it('names a figure by a rated noun after it (建成1万平方米10万级洁净厂房)', () => {
    expect(indicators('建成1万平方米10万级洁净厂房。')).toEqual(['10万级洁净厂房']);
  });

  it('gives each short part the head the last part ends with, unless a part names a measure of its own', () => {
    expect(indicators('电子信息、生物医药、汽车产业增加值分别增长8.1%、6.3%和5%。')).toEqual([
      '电子信息增加值', '生物医药增加值', '汽车产业增加值',
    ]);
    // 小麦 of the first part is the second's too (the head shared before the parts).
    expect(indicators('小麦播种、收获机械化率分别达到90%和95%。')).toEqual(['小麦播种机械化率', '小麦收获机械化率']);
    // 起数 and 指数 end as heads do (人数, 指数): these parts are measures already, 人数 not 起数's head; the count
    // standing alone after them counts what the first does (交通事故).
    expect(indicators('交通事故起数、死亡人数分别下降5.2%、3.1%。')).toEqual(['交通事故起数', '交通事故死亡人数']);
    // A long leading part is a name of its own.
    expect(indicators('全县规模以上工业企业数量、营业收入分别增长4%、6%。')).toEqual(['规模以上工业企业数量', '营业收入']);
  });
});

describe('what is not an amount', () => {
  it('counts 4A-rated sites and 5G stations, but not a format such as 3人制', () => {
    expect(qs('新增2个4A级景区、3个5G基站。').map((q) => q.core.text)).toEqual(['2个', '3个']);
    expect(qs('建成5人制足球场12个。').map((q) => q.core.text)).toEqual(['12个']);
    expect(qs('培育3家制造业单项冠军企业,出台5项制度。').map((q) => q.core.text)).toEqual(['3家', '5项']);
  });

  it('takes a bare 百/千/万 before a programme or a kind of firm as part of its name', () => {
    expect(qs('实施新一轮千亿斤粮食产能提升行动。')).toEqual([]);
    expect(qs('培育百亿元企业3家。').map((q) => [q.core.text, q.indicator])).toEqual([['3家', '百亿元企业']]);
    expect(qs('粮食产量突破千亿斤,投入千万元资金。').map((q) => q.core.text)).toEqual(['千亿斤', '千万元']);
  });

  it('takes in a minus sign after a word (增长-2.3%), but not the hyphen of a code or of a span of years', () => {
    expect(qs('规上工业增加值同比增长-2.3%。').map((q) => [q.core.text, q.value, q.measure, q.direction])).toEqual([['-2.3%', -2.3, 'growth', 'up']]);
    expect(qs('2020-2025年累计投资500亿元。').map((q) => [q.core.text, q.indicator])).toEqual([['500亿元', '投资']]);
    expect(qs('编号A-12个。')).toEqual([]);
  });

  it('reads two figures written back to back (218户822人) and counts of A级 sites', () => {
    expect(qs('消除返贫风险218户822人。').map((q) => q.core.text)).toEqual(['218户', '822人']);
    expect(qs('新建三级以上公路43条423公里。').map((q) => q.core.text)).toEqual(['43条', '423公里']);
    expect(qs('新增5个AAAA级景区。').map((q) => q.core.text)).toEqual(['5个']);
  });
});

describe('kind and year from sections and cues', () => {
  const report = [
    '2023年工作回顾', '全年地区生产总值增长5.1%,新增就业1.2万人。',
    '2024年工作安排', '地区生产总值增长5.5%以上。到2025年,研发投入强度达到3%。',
    '名词解释', '1.零碳园区:指碳排放低于10万吨的园区。',
  ].join('\n');

  it('makes review figures actuals of the review year, plan figures targets of the plan year', () => {
    const found = qs(report, { year: 2024, docType: 'work-report' });
    expect(found.map((q) => [q.core.text, q.kind, q.year])).toEqual([
      ['5.1%', 'actual', 2023], ['1.2万人', 'actual', 2023], ['5.5%', 'target', 2024], ['3%', 'target', 2025], ['10万吨', 'other', null],
    ]);
  });

  it('reads the level of a past year written as its own (2020年底的40%) as observed, and the level it rises to as the target', () => {
    const plan = '2021年工作安排\n森林覆盖率由2020年底的40%提高到45%。非化石能源比重从2020年的15%、16%提高到2025年的20%。';
    expect(qs(plan, { year: 2021, docType: 'work-report' }).map((q) => [q.core.text, q.kind, q.year])).toEqual([
      ['40%', 'actual', 2020], ['45%', 'target', 2021], ['15%', 'actual', 2020], ['16%', 'actual', 2020], ['20%', 'target', 2025],
    ]);
    // Whatever cue stands before it (将 of a news story on the past five years).
    const news = '“十一五”期间，全省将非化石能源摆在优先位置，煤、油的比重分别从2005年的42.9%、33.8%调整为2010年的37.9%、29.4%。';
    expect(qs(news, { year: 2011, docType: 'news' }).map((q) => [q.core.text, q.kind])).toEqual([
      ['42.9%', 'actual'], ['33.8%', 'actual'], ['37.9%', 'actual'], ['29.4%', 'actual'],
    ]);
  });

  it('makes every figure of a task notice a target of the notice\'s year', () => {
    expect(one('新建5G基站25个。', { year: 2022, docType: 'task-notice' })).toMatchObject({ kind: 'target', year: 2022 });
  });

  it('carries a plan section on to the later sections beside it that name no role, but never a review', () => {
    const text = [
      '一、2013年工作回顾', '全年生产总值增长8.2%。', '二、改革开放取得新进展', '新引进项目12个。',
      '三、2014年工作总体要求', '生产总值增长8%以上。', '四、加快新型城镇化进程', '新建保障房5000套。',
    ].join('\n');
    expect(qs(text, { year: 2014, docType: 'work-report' }).map((q) => [q.core.text, q.kind, q.year])).toEqual([
      ['8.2%', 'actual', 2013], ['12个', 'actual', 2013], ['8%', 'target', 2014], ['5000套', 'target', 2014],
    ]);
  });

  it('makes an actual of a figure a task reports as done (1.…。已完成投资12.6亿元), dated by 截至3月底', () => {
    const text = '一、重点任务推进情况\n1.推进重大项目建设。截至3月底，已完成投资12.6亿元。（责任单位：市发改委）\n2.扩大消费。新增限上企业20家。（责任单位：市商务局）\n';
    expect(qs(text, { year: 2026, docType: 'task-notice' }).map((q) => [q.core.text, q.indicator, q.kind, q.year])).toEqual([
      ['12.6亿元', '投资', 'actual', 2026], ['20家', '限上企业', 'target', 2026],
    ]);
  });

  it('reads 工作计划 as a plan section: 同比 there does not make an actual', () => {
    const text = '一、2025年工作总结\n全年营业收入同比增长8%。\n二、2026年工作计划\n公共机构能耗同比下降2%。\n';
    expect(qs(text, { year: 2026, docType: 'other' }).map((q) => [q.core.text, q.kind, q.year])).toEqual([
      ['8%', 'actual', 2025], ['2%', 'target', 2026],
    ]);
  });

  it('in a news article, a headline about targets does not make targets of the headlines after it', () => {
    const text = `${'1月20日，市十七届人大五次会议开幕，市长作政府工作报告，回顾过去一年工作，部署今年任务。'.repeat(2)}\n`
      + '今年预期目标明确\n地区生产总值增长6%左右。\n民生投入持续加大\n报告指出，2025年全市民生支出占比达到78%。\n';
    expect(docOf(text).sections.map((s) => s.rule)).toEqual(['heading.standalone', 'heading.standalone']);
    expect(qs(text, { year: 2026, docType: 'news' }).map((q) => [q.core.text, q.kind, q.year])).toEqual([
      ['6%', 'target', 2026], ['78%', 'actual', 2025],
    ]);
  });

  it('in a news article, a paragraph opening on the past (过去一年，) makes actuals of figures with no cue of their own', () => {
    const text = '城市面貌明显改善\n过去一年，城市功能持续完善。全年完成城市更新项目40个，新增绿地面积80公顷。\n今年将新建口袋公园20个。\n';
    expect(qs(text, { year: 2026, docType: 'news' }).map((q) => [q.core.text, q.kind, q.year])).toEqual([
      ['40个', 'actual', 2025], ['80公顷', 'actual', 2025], ['20个', 'target', 2026],
    ]);
  });

  it('in a news article, a year before the plan year makes actuals, and the rest of the paragraph follows', () => {
    const text = '报告指出,2024年全县地区生产总值达到285.6亿元;城乡居民人均可支配收入分别达到42350元和19870元。'
      + '2025年全县将新建5G基站300个,到2027年建成800个。';
    expect(qs(text, { year: 2025, docType: 'news' }).map((q) => [q.core.text, q.kind, q.year])).toEqual([
      ['285.6亿元', 'actual', 2024], ['42350元', 'actual', 2024], ['19870元', 'actual', 2024],
      ['300个', 'target', 2025], ['800个', 'target', 2027],
    ]);
  });

  it('reads a section named for the plan year and no role (二、关于2008年工作) as the plan', () => {
    const text = ['一、2007年工作回顾', '全县生产总值增长12%。', '二、关于2008年工作', '抓好投资1.6亿元的天湖景区开发项目。'].join('\n');
    expect(qs(text, { year: 2008, docType: 'work-report' }).map((q) => [q.core.text, q.kind, q.year])).toEqual([
      ['12%', 'actual', 2007], ['1.6亿元', 'target', 2008],
    ]);
  });

  it('gives the deadline a paragraph opens with (到2025年，…；…) to all its targets, and reads 发展基础 as a review', () => {
    const text = ['第一章 发展基础', '“十三五”时期，全市地区生产总值年均增长7.2%，2020年达到2860亿元。',
      '第二章 主要目标', '到2025年，地区生产总值突破4000亿元；常住人口城镇化率达到70%；研发经费投入强度提高到2.8%。'].join('\n');
    expect(qs(text).map((q) => [q.core.text, q.kind, q.year])).toEqual([
      ['7.2%', 'actual', null], ['2860亿元', 'actual', 2020], ['4000亿元', 'target', 2025], ['70%', 'target', 2025], ['2.8%', 'target', 2025],
    ]);
  });

  it('gives the deadline a sentence opens with, inside a paragraph, to every figure of that sentence', () => {
    const text = '主要目标\n全面落实各项举措。到2028年，高新技术企业达到500家，培育专精特新企业120家左右，建设孵化器8个；到2030年，研发投入强度达到3%。';
    expect(qs(text, { year: 2026, docType: 'policy-notice' }).map((q) => [q.core.text, q.year])).toEqual([
      ['500家', 2028], ['120家', 2028], ['8个', 2028], ['3%', 2030],
    ]);
  });

  it('gives the deadline of a paragraph that announces a list (…到2030年，…实现以下主要目标。) to the ——items after it', () => {
    const text = ['第二节 主要目标', '综合考虑发展条件，到2030年，全市要努力实现以下主要目标。',
      '——经济实力更强。地区生产总值突破5000亿元。', '——民生更加殷实。新增城镇就业20万人以上。', '全面推进各项改革，新建学校10所。'].join('\n');
    expect(qs(text, { year: 2026, docType: 'plan-report' }).map((q) => [q.core.text, q.year])).toEqual([
      ['5000亿元', 2030], ['20万人', 2030], ['10所', 2026],
    ]);
  });

  it('takes 年均, several-year periods and a span of years (2026年至2027年每年) as no single year', () => {
    expect(one('过去五年,地区生产总值年均增长6.5%。', { year: 2024 }).year).toBeNull();
    expect(one('2026年至2027年每年开展职业技能培训100万人次以上。', { year: 2026 })).toMatchObject({ year: null, period: [2026, 2027] });
  });
});

describe('spans and links', () => {
  it('slices every core and clause out of the source as written', () => {
    const text = '　　全年实现地区生产总值１４４１．３７亿元，同比增长0.3%；新增就业2.3万人以上。';
    const found = qs(text);
    expect(found.map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
    for (const q of found) {
      expect(text.slice(q.core.span.start, q.core.span.end)).toBe(q.core.text);
      expect(text.slice(q.span.start, q.span.end)).toBe(q.text);
    }
    expect(found[0]!.core.text).toBe('１４４１．３７亿元');
    expect(found[0]!.value).toBe(1441.37);
  });
});

describe('the number grammar', () => {
  it('gives money its currency code and every other figure none', () => {
    expect(one('进口额2亿加元。').normalized).toEqual({ value: 200000000, unit: '加元', dimension: 'currency', currency: 'CAD', base: null });
    expect(one('捐款￥300。')).toMatchObject({ unit: '￥', core: { text: '￥300' }, normalized: { value: 300, unit: '元', currency: 'CNY' } });
    expect(one('单价US$20。')).toMatchObject({ unit: 'US$', core: { text: 'US$20' }, normalized: { currency: 'USD' } });
    expect(one('新建5G基站60万个。').normalized.currency).toBeNull();
  });

  it('keeps the unit as written in normalized and converts into the base unit in normalized.base', () => {
    const n = (text: string) => one(text).normalized;
    expect(n('平均身高168cm。')).toMatchObject({ value: 168, unit: '厘米', base: { value: 1.68, unit: '米' } });
    expect(n('平均身高168公分。')).toMatchObject({ value: 168, unit: '公分', base: { value: 1.68, unit: '米' } });
    expect(n('平均身高1.68米。')).toMatchObject({ value: 1.68, unit: '米', base: { value: 1.68, unit: '米' } });
    expect(n('每袋50kg。')).toMatchObject({ value: 50, unit: '千克', base: { value: 50, unit: '千克' } });
    expect(n('产量1.3万亿斤。')).toMatchObject({ value: 1300000000000, unit: '斤', base: { value: 650000000000, unit: '千克' } });
  });

  it('reads a magnitude with no unit only where the phrase names what is counted', () => {
    expect(one('农村贫困人口减少1240万。')).toMatchObject({ value: 1240, unit: '万', normalized: { value: 12400000, unit: null }, measure: 'growth', direction: 'down' });
    expect(qs('全年收入达6.97亿。')).toEqual([]);
  });

  it('never reads the last of split digits alone', () => {
    expect(one('装机容量1 0 8 0万千瓦。')).toMatchObject({ value: 1080, core: { text: '1 0 8 0万千瓦' } });
    expect(qs('2021 2 月召开。')).toEqual([]);
    expect(qs('编号1 2 3 4。')).toEqual([]);
    expect(one('城镇新增就业 2 . 26 万人。')).toMatchObject({ value: 2.26, unit: '万人' });
    expect(one('累计引进资金 161.5 亿元。')).toMatchObject({ value: 161.5, unit: '亿元' });
    // Two runs of digits a space apart are no one number, and neither is read alone.
    expect(qs('收入达到 74 76 元。')).toEqual([]);
  });

  it('reads an included bound before its comparator', () => {
    expect(one('单笔支出10万元(含)以上。')).toMatchObject({ core: { text: '10万元' }, comparator: '>=' });
  });

  it('takes a half only after a whole number and a unit of measure', () => {
    expect(one('运来一吨半煤。')).toMatchObject({ value: 1.5, unit: '吨', core: { text: '一吨半' } });
    expect(one('引进三个半导体项目。')).toMatchObject({ value: 3, core: { text: '三个' } });
  });

  it('reads a change of an amount against a baseline as growth, and 倍 by its verb', () => {
    expect(one('财政收入比上年增加1万亿元。')).toMatchObject({ measure: 'growth', direction: 'up' });
    expect(one('支出比2017年减少145261.52万元。')).toMatchObject({ measure: 'growth', direction: 'down', value: 145261.52 });
    expect(one('人均补助同比增加30元。')).toMatchObject({ measure: 'growth', direction: 'up' });
    expect(one('新增城镇就业1200万人。')).toMatchObject({ measure: 'level', direction: null });
    expect(qs('实现收入5亿元，同比增长8%，减少0.4亿元。').map((q) => [q.measure, q.direction])).toEqual([['level', null], ['growth', 'up'], ['growth', 'down']]);
    // Right after a level of the same unit, the amount a clause opens with 增加 is its change (an implied baseline).
    expect(qs('实现收入5亿元，增加0.4亿元。').map((q) => q.measure)).toEqual(['level', 'growth']);
    expect(one('农民收入增长2.7倍。')).toMatchObject({ measure: 'growth', direction: 'up' });
    expect(one('人均收入是全省平均水平的1.7倍。')).toMatchObject({ measure: 'level', direction: null });
  });

  it('reports each excluded number as an info message naming its rule, when asked', () => {
    const doc = docOf('年产值超100亿元的龙头企业2家。', { explain: true });
    expect(doc.quantities.map((q) => q.core.text)).toEqual(['2家']);
    expect(doc.messages).toEqual([{ severity: 'info', code: 'quantity.excluded', message: 'exclude.threshold: “100亿元” is not a quantity', range: { start: 4, end: 9 } }]);
    expect(docOf('年产值超100亿元的龙头企业2家。').messages).toEqual([]);
  });
});
