import { describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import { rules } from './helpers.js';

// Documents that only look back (rules/meta.yaml lookBack): a statistical bulletin, final accounts, a work summary.
// Their figures are actuals of the year they name, not targets, and not of the year before (as in a work report).

const figures = (text: string) => extract({ text }, { rules }).quantities.map((q) => [q.core.text, q.kind, q.year]);

describe('documents that look back', () => {
  it('reads a statistical bulletin as a review of the year its title names', () => {
    const text = '某某区2024年国民经济和社会发展统计公报\n某某区统计局\n一、综合\n初步核算，全年实现地区生产总值156.3亿元，比上年增长5.1%。\n'
      + '二、人口\n全区户籍总人口27.2万人。其中，乡村人口0.4万人。全年出生人口1059人。\n';
    const result = extract({ text }, { rules });
    expect(result.meta).toMatchObject({ title: '某某区2024年国民经济和社会发展统计公报', issuer: '某某区统计局', year: 2024 });
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([
      ['156.3亿元', 'actual', 2024], ['5.1%', 'actual', 2024], ['27.2万人', 'actual', 2024], ['0.4万人', 'actual', 2024], ['1059人', 'actual', 2024],
    ]);
    expect(result.quantities.every((q) => q.rules.kind === 'kind.review-part')).toBe(true);
  });

  it('reads one with no title by its issuer (…统计局), and its year from the paragraph it opens with', () => {
    const text = '某某区统计局\n2024年是新中国成立75周年。全区经济运行总体平稳。\n一、人口\n全区户籍总人口27.2万人。\n二、农业\n全年粮食产量12.5万吨。\n';
    const result = extract({ text }, { rules });
    // A line that only names a unit is the issuer, not the title.
    expect(result.meta).toMatchObject({ title: null, issuer: '某某区统计局', year: 2024 });
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['27.2万人', 'actual', 2024], ['12.5万吨', 'actual', 2024]]);
  });

  it('reads a text of no known type that opens on a year it looks back on (2023年，面对…) as a review of that year', () => {
    const body = '一、综合\n初步核算，全县地区生产总值245.6亿元，比上年增长5.2%。年末常住人口31.2万人，比上年末减少0.3万人。\n'
      + '二、农业\n全年粮食总产量12.5万吨。与上年比，第一产业比重上升0.4个百分点。\n';
    const result = extract({ text: `2023年，面对复杂严峻的外部环境，全县上下坚持稳中求进工作总基调，经济运行总体平稳。\n${body}` }, { rules });
    expect(result.meta).toMatchObject({ title: null, docType: 'other', year: 2023 });
    expect(result.sections.map((s) => [s.title, s.role, s.year])).toEqual([['综合', 'review', 2023], ['农业', 'review', 2023]]);
    // 与上年比 compares with the year before: the change is of the year reviewed.
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([
      ['245.6亿元', 'actual', 2023], ['5.2%', 'actual', 2023], ['31.2万人', 'actual', 2023], ['0.3万人', 'actual', 2023],
      ['12.5万吨', 'actual', 2023], ['0.4个百分点', 'actual', 2023],
    ]);
    expect(result.quantities[0]!.rules.year).toBe('role.look-back');
    // An opening that says what is to be done, and one that names targets, are no look back.
    expect(extract({ text: `2024年，全县上下要坚持稳中求进。\n${body}` }, { rules }).meta.year).toBeNull();
    expect(figures('2024年，全市经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n')).toEqual([['5%', 'target', 2024]]);
    // So is one under a title that names no year; a year in the title comes first.
    const titled = (title: string) => extract({ text: `${title}\n2023年，面对复杂严峻的外部环境，全县上下坚持稳中求进。\n${body}` }, { rules });
    expect(titled('某县统计工作简报').meta).toMatchObject({ title: '某县统计工作简报', docType: 'other', year: 2023 });
    expect(titled('某县2024年统计工作简报').meta).toMatchObject({ docType: 'other', year: 2024 });
  });

  it('reads a news item on a report that looks back (作关于2010年度…审计工作报告) as a review of that report\'s year', () => {
    const text = '某单位超标采购420多万\n发布时间：2011-06-28\n发布人：-某某商报\n'
      + '全国人大常委会会议27日上午在北京举行。受国务院委托，审计署审计长向会议作关于2010年度中央预算执行和其他财政收支的审计工作报告。\n'
      + '中央单位查出“小金库”4.14亿元\n审计报告显示，82个中央部门所属单位套取资金4.14亿元。截至2010年底，共收取业务收入2399.45万元。\n';
    const result = extract({ text }, { rules });
    // A paper as its publisher makes it news; the report it gives an account of dates it, not the day it ran.
    expect(result.meta).toMatchObject({ docType: 'news', date: '2011-06-28', year: 2010 });
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([
      ['4.14亿元', 'actual', 2010], ['82个', 'actual', 2010], ['4.14亿元', 'actual', 2010], ['2399.45万元', 'actual', 2010],
    ]);
    // A news item on a work report is dated as before.
    const work = extract({ text: '某市召开人代会\n来源：某某日报\n1月10日，市长作政府工作报告。报告回顾了2024年的工作，全市地区生产总值增长5.2%。\n' }, { rules });
    expect(work.meta).toMatchObject({ docType: 'news', year: 2025 });
  });

  it('reads an audit report as a review of its year, parts on a draft of final accounts and headings with no year too', () => {
    const text = '国务院关于2024年度中央预算执行和其他财政收支的审计工作报告\n一、中央财政管理审计情况\n（一）中央决算草案等部分事项编制不准确\n'
      + '少计债务还本和付息支出8067.19万元。\n二、中央部门预算执行审计情况\n重点审计了42个部门，发现违规使用资金3.2亿元。\n';
    const result = extract({ text }, { rules });
    expect(result.sections.map((s) => [s.title, s.role, s.year])).toEqual([
      ['中央财政管理审计情况', 'review', 2024], ['中央决算草案等部分事项编制不准确', 'review', 2024], ['中央部门预算执行审计情况', 'review', 2024],
    ]);
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['8067.19万元', 'actual', 2024], ['42个', 'actual', 2024], ['3.2亿元', 'actual', 2024]]);
    // A budget report's draft (2025年预算草案) is still its plan.
    expect(figures('某县2024年预算执行情况和2025年预算草案的报告\n一、2024年预算执行情况\n全县一般公共预算收入25.1亿元。\n二、2025年预算草案\n全县一般公共预算收入安排26亿元。\n'))
      .toEqual([['25.1亿元', 'actual', 2024], ['26亿元', 'target', 2025]]);
  });

  it('reads a news item under an agency\'s or a paper\'s dateline on a bulletin of any figures as a review of its year, glossed or not', () => {
    const plain = '本报北京6月30日电 (记者张三)国家统计局今天发布了2008年各省、自治区、直辖市单位GDP能耗等指标公报。全国单位GDP能耗下降4.59%。\n';
    const result = extract({ text: plain }, { rules });
    expect(result.meta).toMatchObject({ docType: 'news', year: 2008 });
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['4.59%', 'actual', 2008]]);
    // A copy with pinyin readings glossed into its words (發(fā)布) is read without them.
    const glossed = '某某社北京七月十四日電 官方十四日在此間發(fā)布二00七年各省單位GDP能耗等指標(biāo)公報(bào)。全國單位GDP能耗降低百分之三點(diǎn)六六。\n';
    const g = extract({ text: glossed }, { rules });
    expect(g.meta).toMatchObject({ docType: 'news', year: 2007 });
    expect(g.quantities.map((q) => [q.kind, q.year])).toEqual([['actual', 2007]]);
  });

  it('reads a part on final accounts (一、2020年全区收支决算) as a review of its year, with no title to say so', () => {
    const text = '一、2020年全区收支决算\n1.一般公共预算收支及其平衡情况\n全区一般公共预算总收入410338万元，完成调整后预算的97.3%，下降6.4%。\n';
    const result = extract({ text }, { rules });
    expect(result.sections.map((s) => [s.title, s.role, s.year])).toEqual([['2020年全区收支决算', 'review', 2020], ['一般公共预算收支及其平衡情况', 'review', 2020]]);
    expect(figures(text)).toEqual([['410338万元', 'actual', 2020], ['97.3%', 'actual', 2020], ['6.4%', 'actual', 2020]]);
  });

  it('reads final accounts as a review of the first year their title names', () => {
    const text = '某某县2024年财政总决算和2025年1-6月财政预算执行情况的报告\n一、2024年财政总决算情况\n全县一般公共预算收入25.15亿元，为年初预算的98.23%。\n'
      + '二、2025年1-6月财政预算执行情况\n1-6月，全县一般公共预算收入12.3亿元。\n';
    expect(figures(text)).toEqual([['25.15亿元', 'actual', 2024], ['98.23%', 'actual', 2024], ['12.3亿元', 'actual', 2025]]);
  });

  it('takes the name a report with no title line gives itself (现将…报告如下) as its title', () => {
    const text = '某某县人大常委会：\n按照有关规定，现将某某县2024年财政总决算和2025年1-6月财政预算执行情况报告如下，请予审议。\n'
      + '一、2024年财政总决算情况\n2024年全县一般公共预算收入25.15亿元，为年初预算的98.23%。\n';
    const result = extract({ text }, { rules });
    expect(result.meta).toMatchObject({ title: '某某县2024年财政总决算和2025年1-6月财政预算执行情况报告', docType: 'budget-report', year: 2024 });
    // A heading naming the year of a report that looks back is its review, not its plan.
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['25.15亿元', 'actual', 2024], ['98.23%', 'actual', 2024]]);
    expect(extract({ text: '各位委员：\n现将有关情况报告如下。\n一、基本情况\n新建学校3所。\n' }, { rules }).meta.title).toBeNull();
  });

  it('leaves a summary with a plan for the next year to its headings', () => {
    const text = '某某街道2023年工作总结和2024年工作思路\n一、2023年工作回顾\n全年新增就业岗位1200个。\n二、2024年工作思路\n新增就业岗位1500个。\n';
    expect(figures(text)).toEqual([['1200个', 'actual', 2023], ['1500个', 'target', 2024]]);
  });

  it('leaves work reports, whose review is of the year before, as they were', () => {
    const text = '2024年某某县政府工作报告\n一、2023年工作回顾\n全县地区生产总值增长5.1%。\n二、2024年工作安排\n地区生产总值增长6%左右。\n';
    expect(figures(text)).toEqual([['5.1%', 'actual', 2023], ['6%', 'target', 2024]]);
  });

  it('reads a report on its own year so far (今年以来, 上半年) as a review of that year, 上年 still the one before', () => {
    const text = '国务院关于今年以来预算执行情况的报告\n——2025年9月10日在第十四届全国人民代表大会常务委员会第十七次会议上\n'
      + '一、预算执行基本情况\n1—7月，全国一般公共预算收入135839亿元，同比增长0.1%。上年同期下降2.6%。\n'
      + '二、下一步工作安排\n全年新增减税降费1万亿元以上。\n';
    const result = extract({ text }, { rules });
    expect(result.meta).toMatchObject({ docType: 'budget-report', year: 2025 });
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([
      ['135839亿元', 'actual', 2025], ['0.1%', 'actual', 2025], ['2.6%', 'actual', 2024], ['1万亿元', 'target', 2025],
    ]);
    // A report on a whole year past is still of the year before its plan year.
    expect(figures('某市2025年政府工作报告\n一、2024年工作回顾\n全市地区生产总值增长5%。\n')).toEqual([['5%', 'actual', 2024]]);
  });

  it('reads the title of a bulletin flattened onto one line, up to the space after it (…统计公报 2023年是…)', () => {
    const text = '2023年某某县国民经济和社会发展统计公报 2023年是全面贯彻党的二十大精神的开局之年。全县经济发展稳中向好，民生福祉稳步提升。 一、综合 初步核算，全年全县地区生产总值554400万元，比上年增长4.4%。\n';
    const result = extract({ text }, { rules });
    expect(result.meta).toMatchObject({ title: '2023年某某县国民经济和社会发展统计公报', year: 2023 });
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['554400万元', 'actual', 2023], ['4.4%', 'actual', 2023]]);
  });

  it('reads a news item dated in its year\'s last quarter as a review of that year: a five-year span ending then is done, so is 今年', () => {
    const text = '南江“十三五”规划纲要执行良好\n南江网 2020-12-24 08:17:00\n南江网讯 12月22日，记者从市人大常委会会议上获悉规划执行情况。\n'
      + '“十三五”期间，全市地区生产总值年均增长7.2%左右。预计2020年全市地区生产总值达到6900亿元左右。今年全市新增高新技术企业120家。明年力争新增高新技术企业150家。\n';
    const result = extract({ text }, { rules });
    expect(result.meta).toMatchObject({ docType: 'news', date: '2020-12-24', year: 2020 });
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year, q.period])).toEqual([
      ['7.2%', 'actual', null, [2016, 2020]], ['6900亿元', 'actual', 2020, null], ['120家', 'actual', 2020, null], ['150家', 'target', 2021, null],
    ]);
    // The same news item in spring plans its year: 今年 looks ahead.
    const spring = extract({ text: text.replace('2020-12-24', '2020-03-24') }, { rules });
    expect(spring.quantities.find((q) => q.core.text === '120家')!.kind).toBe('target');
  });
});
