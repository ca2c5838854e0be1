import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseYaml as load } from '../src/util/yaml.js';
import { describe, expect, it } from 'vitest';
import { extract, run } from '../src/api.js';
import { cnNumber } from '../src/extract/meta/dates.js';
import { loadRules, RuleError } from '../src/rules/load.js';
import { docOf, rules, SHARED } from './helpers.js';

/** The fields read from the text itself; `source` comes only from front matter (tests/front-matter.test.ts). */
const metaOf = (text: string) => {
  const { source, ...meta } = docOf(text).meta;
  expect(source).toBeNull();
  return meta;
};

describe('meta: web articles', () => {
  it('types a page with a byline (来源… 发布时间… 浏览次数…) as news and dates it from the byline', () => {
    const text = '首页 > 新闻中心\n【两会】2025年某县政府工作报告发布\n来源：某县融媒体中心　　发布时间：2025-01-16 09:30　　浏览次数：1532\n'
      + '1月15日,县长作政府工作报告。\n报告指出,2024年全县生产总值增长5.8%。\n';
    expect(metaOf(text)).toMatchObject({ docType: 'news', date: '2025-01-16' });
  });

  it('reads the page\'s own title line, without the site name joined to it, from the header taken out above the body', () => {
    const text = '某某市人民政府关于2021年重点工作及责任分解的通知-某某网络平台\n【字体：\n大\n中\n小\n】\n各县区人民政府，市政府各部门：\n'
      + '现将2021年重点工作及责任分解通知如下。\n一、确保完成全年主要预期目标\n1.地区生产总值增长8.5%以上。\n牵头单位：市发改委\n';
    const result = extract({ text }, { rules });
    expect(result.meta).toMatchObject({ title: '某某市人民政府关于2021年重点工作及责任分解的通知', docType: 'task-notice', year: 2021 });
    expect(result.removed.map((r) => r.rule)).toEqual(['furniture.page-header']);
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['8.5%', 'target', 2021]]);
  });

  it('places a county whose text names its province again and again in it, not in a city or municipality it only mentions', () => {
    const body = '全县粮食产量稳定，平安四川建设扎实推进。马鞍山水库获评省级水利风景区。四川省委部署落实有力，融入四川发展大局，争创四川省文明县城。';
    const m = metaOf(`2023年某某县政府工作报告\n某某县人民政府县长????张三\n各位代表：\n${body}\n`);
    expect([m.title, m.region]).toEqual(['2023年某某县政府工作报告', { province: '四川省', city: null, district: '某某县' }]);
    const hebei = metaOf('2020年唐县政府工作报告\n各位代表：\n河北省委、河北省政府部署有力，我县作为河北脱贫攻坚重点县，主动融入京津冀，承接北京产业转移，争取北京朝阳区帮扶资金，北京、北京、北京。河北发展，河北担当。\n');
    expect(hebei.region).toEqual({ province: '河北省', city: '保定市', district: '唐县' });
  });
  it('types an article about a budget report as news (来源： 某日报, ——…报告解读; a chief who 受…委托 submitted it, told in the third person) and dates it by its 时间： line', () => {
    const text = '当前位置：\n首页\n> 聚焦两会\n回望奋进路 阔步新征程\n——某市2025年预算执行情况和2026年预算(草案)报告解读\n来源： 某某日报\n时间： 2026-02-10 08:50:54\n'
      + '2月8日，在某市第五届人民代表大会第五次会议上，市财政局局长张三受市人民政府委托，以书面形式向大会提交了《关于某市2025年预算执行情况和2026年预算（草案）的报告》。\n'
      + '2025年，全市一般公共预算收入完成220.6亿元，增长4.1%。\n';
    expect(metaOf(text)).toMatchObject({ docType: 'news', date: '2026-02-10' });
  });

  it('reads a newspaper repost: the column tag before its title (资料:) is no part of it, and the date under the title with the speaker (（2011年1月12日 张三）) wins over the page\'s stamp', () => {
    const text = '资料:某省2011年政府工作报告\n2011年01月13日 16:40\n来源：某某日报\n（2011年1月12日 张三）\n各位代表：\n现在，我代表省人民政府向大会作报告，请予审议。\n';
    expect(metaOf(text)).toMatchObject({ title: '某省2011年政府工作报告', date: '2011-01-12', docType: 'work-report' });
  });
  it('places a county-level city named for its prefecture\'s seat (我代表市人民政府, 恩施市… in 恩施土家族苗族自治州) in that prefecture, at county level', () => {
    const body = '现在，我代表市人民政府向大会报告工作，请予审议。过去一年，恩施市地区生产总值增长6%，恩施市接待游客增长12%，'
      + '恩施市入选全国百强县。全市上下团结奋斗，恩施州考核中恩施市位列第一。';
    const m = metaOf(`2024年政府工作报告\n各位代表：\n${body}\n`);
    expect([m.region, m.level, m.issuer]).toEqual([{ province: '湖北省', city: '恩施土家族苗族自治州', district: '恩施市' }, 'county', '恩施市人民政府']);
  });
  it('places a prefecture that names itself by its short name (黔东南…黔东南州, 我代表州人民政府), not in the partner city it names once in full', () => {
    const body = '现在，我代表州人民政府向大会报告工作，请予审议。过去一年，黔东南经济稳中向好，黔东南州地区生产总值增长5%。'
      + '苏州市协作项目落地12个。黔东南旅游持续升温，黔东南特色产业加快发展。';
    const m = metaOf(`2024年政府工作报告\n各位代表：\n${body}\n`);
    expect([m.region, m.level, m.issuer]).toEqual([{ province: '贵州省', city: '黔东南苗族侗族自治州', district: null }, 'city', '黔东南苗族侗族自治州人民政府']);
  });

  it('places a report by the county its title names after 关于 (关于某县2023年…计划执行情况…的报告)', () => {
    expect(metaOf('关于通山县2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n\n一、2023年计划执行情况\n\n全县地区生产总值增长6.2%。\n'))
      .toMatchObject({ docType: 'plan-report', level: 'county', region: { district: '通山县' }, year: 2024 });
  });

  it('reads the issuer of a header\'s 发文机构 line, and a report on the plan\'s execution alone as a plan report', () => {
    const text = '标题：关于通山县2023年国民经济和社会发展计划执行情况的报告\n发文机构：通山县发展和改革局\n发布日期：2024-01-20\n\n一、2023年计划执行情况\n\n全县地区生产总值增长6.2%。\n';
    expect(metaOf(text)).toMatchObject({ docType: 'plan-report', issuer: '通山县发展和改革局', date: '2024-01-20', region: { district: '通山县' } });
  });

  it('takes no issuer from the paper\'s own dateline before its reporter (本报讯【记者 …】)', () => {
    expect(metaOf('某某县召开人大会议\n本报讯【记者 李华】2月28日，某某县第十届人民代表大会第二次会议开幕。县长作政府工作报告。\n')).toMatchObject({ docType: 'news', issuer: null });
  });

  it('places a story by the congress it names in short (湖南省十四届人大二次会议), not by 根据区十届人大…', () => {
    expect(metaOf('湖南经济这一年\n1月22日，湖南省十四届人大二次会议开幕。省长作政府工作报告。\n').region).toEqual({ province: '湖南省', city: null, district: null });
  });

  it('types a story opened by a news agency\'s dateline (…新闻讯, …网消息, 消息（记者 …）) as news', () => {
    const body = ' 1月23日上午，某省第十四届人民代表大会第二次会议开幕。省长作政府工作报告。报告指出，2023年全省地区生产总值增长5.8%。\n';
    for (const dateline of ['某某晚报某某网新闻讯', '某某日报讯', '新华社讯', '某某网消息', '本台消息（记者 张三）']) {
      expect(metaOf(`全省经济运行稳中向好\n${dateline}${body}`).docType).toBe('news');
    }
  });

  it('reads the speaker line a hard wrap joined to the delivery line (…会议上 / 某某市人民政府市长), and a bureau named by its level word alone', () => {
    // Printed 27 hanzi to a line: the delivery line is as wide, so the speaker line below it runs on from it.
    const han = '全市经济运行稳中向好高质量发展取得新成效创新驱动发展战略深入实施营商环境持续优化民生福祉不断增进城乡面貌焕然一新';
    const body = Array.from({ length: 12 }, (_, k) => Array.from({ length: 27 }, (_, i) => han[(k * 5 + i) % han.length]).join('')).join('\n');
    const report = `政 府 工 作 报 告\n——2023年12月28日在晋江市第十八届人民代表大会第三次会议上\n晋江市人民政府市长\n\n王某某\n\n各位代表：\n`
      + `现在，我代表市人民政府向大会作工作报告，请予审议。\n${body}。\n泉州南站正式通车。\n`;
    expect(metaOf(report)).toMatchObject({ issuer: '晋江市人民政府' });
    const budget = '关于洛阳市2025年预算执行情况和2026年预算（草案）的报告\n——2026年2月7日在洛阳市第十六届人民代表大会第五次会议上\n市财政局\n各位代表：\n受市人民政府委托，现将预算执行情况报告如下。\n';
    expect(metaOf(budget)).toMatchObject({ issuer: '洛阳市财政局' });
  });

  it('takes no wrapped end of a delivery line for a title (第二次会议上), but the name a plan report\'s mandate gives it (现将…计划草案提请…)', () => {
    const plan = '——2023年1月6日在某某市第十届人民代表大会\n第二次会议上\n某某市发展和改革委员会\n各位代表:\n'
      + '受市人民政府委托,现将某某市2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划草案提请市十届人大二次会议审查。\n';
    expect(metaOf(plan)).toMatchObject({ title: '某某市2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划草案', docType: 'plan-report', year: 2023 });
    const written = '(2023年2月2日在某某区第十六届人民代表大会\n第三次会议上)\n某某区发展和改革局\n各位代表:\n'
      + '受区人民政府委托,向大会书面报告某某区2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划(草案),请予审议。\n';
    expect(metaOf(written).title).toBe('某某区2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划(草案)');
    // A page's date widget and search label above the title are no salutation that ends the opening lines.
    const page = '今天是:\n关闭\n热门搜索:\n关闭\n关于某某区2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划草案的报告\n'
      + '来源:某某区发展和改革局 时间:2023-02-06 17:01\n各位代表:\n受区人民政府委托,现将计划执行情况报告如下。\n';
    expect(metaOf(page)).toMatchObject({ title: '关于某某区2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划草案的报告', date: '2023-02-06' });
  });

  it('takes a page\'s headline standing first as an unnumbered heading for its title, without the shop named after it, but no part\'s own heading', () => {
    const page = '<html>\n<head>\n<title>某省能源供应能力显著增强 利用效率明显提高- 【某某易购】</title>\n</head>\n<body>\n<h1>某省能源供应能力显著增强 利用效率明显提高</h1>\n'
      + '<p>发布时间：2011-05-03</p>\n<p>某省统计局5月1日通报该省“十一五”期间能源供应与消费情况。过去五年，全省新增发电装机容量3100万千瓦。</p>\n</body>\n</html>\n';
    expect(metaOf(page).title).toBe('某省能源供应能力显著增强 利用效率明显提高');
    expect(metaOf('2022年政府工作回顾\n过去一年，全市地区生产总值增长5.5%。\n').title).not.toBe('2022年政府工作回顾');
  });

  it('takes no agency\'s dateline standing over a full report for its title (新华社北京3月22日电 / 政府工作报告——…)', () => {
    const text = '某某社北京3月22日电\n政府工作报告——2018年3月5日在第十三届全国人民代表大会第一次会议上\n国务院总理 某某\n各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n';
    const meta = metaOf(text);
    expect(meta.title).toBe('2018年国务院政府工作报告');
    expect(meta.docType).toBe('work-report');
  });

  it('takes no figure\'s line for a title (a graphic\'s first line: 地区生产总值增长5%左右)', () => {
    expect(metaOf('地区生产总值增长5%左右\n固定资产投资增长5%以上\n近日，区政府印发重点工作目标任务分解方案，共细分出171项目标任务。\n').title).toBeNull();
  });

  it('leaves a disclosure table\'s header cells glued before the title out of it, and takes no 开发区 for a district', () => {
    const glued = '索 引 号 | 公开方式 | ||某某县国民经济和社会发展第十三个五年规划纲要\n第一章 发展基础\n“十二五”时期，全县生产总值年均增长9.7%。\n';
    expect(metaOf(glued)).toMatchObject({ title: '某某县国民经济和社会发展第十三个五年规划纲要', docType: 'plan-outline' });
    expect(metaOf('2025年开发区重点工作及责任清单\n1.推进项目建设。责任单位：开发区经发局\n').region.district).toBeNull();
  });

  it('leaves the document number closing a title line out of the title (…的通知 (某府〔2021〕22号))', () => {
    const text = '某某省人民政府关于印发2021年重点任务分工方案的通知 (某府〔2021〕22号)\n各地级以上市人民政府，省政府各部门：\n现将《2021年重点任务分工方案》印发给你们，请认真组织实施。\n';
    expect(metaOf(text)).toMatchObject({ title: '某某省人民政府关于印发2021年重点任务分工方案的通知', docType: 'task-notice' });
  });

  it('dates a story that gives no year by the year of the plan it says it is in (今年是“十五五”开局之年)', () => {
    const text = '某市经济稳中向好\n某某社1月25日电 1月25日，市长作政府工作报告。今年是“十五五”开局之年，全市地区生产总值预期增长5%左右。\n';
    expect(metaOf(text)).toMatchObject({ docType: 'news', year: 2026, date: '2026-01-25' });
    expect(metaOf(text.replace('今年是“十五五”开局之年', '今年是“十四五”规划收官之年')).year).toBe(2025);
  });

  it('dates a work report with no title by the later of two years its paragraphs say what they are (2021年是…；2022年是…)', () => {
    const text = '各位代表：\n现在，我代表市人民政府，向大会报告政府工作，请予审议。\n2021年是极不平凡的一年，全市生产总值增长11%。\n'
      + '2022年是党的二十大召开之年，全市生产总值预期增长8%以上。\n';
    expect(metaOf(text)).toMatchObject({ docType: 'work-report', year: 2022 });
    // One such year alone may be the review's or the plan's: it dates nothing.
    expect(metaOf(text.replace('2021年是', '过去一年，')).year).toBeNull();
  });

  it('gives a text of no known type the year its paragraph of main targets names, and its figures that year', () => {
    const text = '2月14日，某市政府工作报告全文发布。\n报告提出2025年主要预期目标：经济增长6%左右，规上工业增加值增长7%左右，固定资产投资增长8%左右。\n';
    const result = extract({ text }, { rules });
    expect(result.meta.year).toBe(2025);
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['6%', 'target', 2025], ['7%', 'target', 2025], ['8%', 'target', 2025]]);
  });

  it('joins a notice\'s title broken over three lines', () => {
    const text = '某某省人民政府办公厅关于印发某某省\n进一步加大力度支持民间投资发展\n实施方案的通知\n各地级以上市人民政府，省政府各部门：\n现将《实施方案》印发给你们，请认真组织实施。\n';
    expect(metaOf(text)).toMatchObject({ title: '某某省人民政府办公厅关于印发某某省进一步加大力度支持民间投资发展实施方案的通知', docType: 'task-notice' });
  });

  it('reads a national bureau\'s release (国家统计局关于…的公告) as national, but not a national-level zone\'s report', () => {
    expect(metaOf('国家统计局关于2024年夏粮产量数据的公告\n全国夏粮播种面积39920万亩。\n')).toMatchObject({ level: 'national', issuer: '国家统计局' });
    expect(metaOf('国家高新区管委会关于2024年工作的报告\n全区新增企业120家。\n').level).not.toBe('national');
  });

  it('places a story by the government whose report it names (2016年山西省《政府工作报告》), and takes no issuer from 本报3月4日讯', () => {
    const text = '山西全面部署今年重点工作\n本报3月4日讯（记者 李华）记者今日从省政府获悉：2016年山西省《政府工作报告》任务分工方案已经印发。\n';
    expect(metaOf(text)).toMatchObject({ docType: 'news', level: 'province', region: { province: '山西省' }, issuer: null, date: '2016-03-04' });
  });

  it('reads a story on the national congress named short (十三届全国人大三次会议) as national', () => {
    const text = '政府工作报告里的十个数字\n某某新闻网 李华 2020-05-30 08:19:37\n5月22日，十三届全国人大三次会议在京开幕，国务院总理作政府工作报告。\n';
    expect(metaOf(text)).toMatchObject({ docType: 'news', level: 'national', region: { province: null, city: null, district: null } });
  });

  it('dates and types a story by a posting stamp with the site, the author or the source beside it', () => {
    const body = '\n1月23日，某省第十四届人民代表大会第二次会议开幕。报告指出，今年全省城镇新增就业50万人以上。\n';
    for (const [stamp, date] of [['某某新闻网 李华 2024-01-24 08:19:37', '2024-01-24'], ['某某日报·2024-01-24 05:58', '2024-01-24'],
      ['2024-01-24 18:00:17 来源：网络 作者：佚名', '2024-01-24']]) {
      const result = extract({ text: `全省经济运行稳中向好\n${stamp}${body}` }, { rules });
      expect(result.meta).toMatchObject({ docType: 'news', date });
      expect(result.quantities.map((q) => [q.core.text, q.year])).toEqual([['50万人', 2024]]);
    }
  });
});

describe('meta: printed documents', () => {
  it('reads a page header whose two-character keys are spaced out to the width of four (标　　题：, 来　　源：)', () => {
    const text = '政府信息公开\n索\u3000\u3000引：11141100MB0123456/2019-00012\n标\u3000\u3000题：关于某市2018年预算执行情况与2019年预算草案的报告\n来\u3000\u3000源：某市财政局\n各位代表：\n受市人民政府委托，现将某市2018年预算执行情况与2019年预算草案提请审议。\n';
    const doc = docOf(text);
    expect(doc.meta.title).toBe('关于某市2018年预算执行情况与2019年预算草案的报告');
    expect(doc.meta.docType).toBe('budget-report');
  });

  it('takes the issuer from the signature above the closing date, which is no heading', () => {
    const body = '为持续解决好人民群众急难愁盼问题，区人民政府确定2026年重点民生实事项目12项，各责任单位要确保按时完成。';
    const text = `某市某区2026年重点民生实事项目任务清单\n${body}${body}\n${body}\n某市某区人民政府办公室\n2026年1月26日\n`;
    const doc = docOf(text);
    expect(doc.meta.issuer).toBe('某市某区人民政府办公室');
    expect(doc.sections).toEqual([]);
  });

  it('reads a cover notice with no title line: the task lists it transmits type it, its signature names the issuer', () => {
    const text = '各乡镇人民政府，县直各有关单位：\n经县政府同意，现将《2025年县政府工作报告任务分解》印发给你们，请认真抓好落实。\n'
      + '南河县人民政府办公室\n2025年5月18日\n附件1\n2025年县政府工作报告任务清单\n一、县发展改革局牵头工作\n'
      + '1.新建标准化厂房5万平方米。\n2.新增规模以上工业企业10家。\n3.实施城市更新项目12个。\n4.新建农村公路30公里。\n';
    expect(metaOf(text)).toMatchObject({ title: null, docType: 'task-notice', issuer: '南河县人民政府办公室', date: '2025-05-18' });
  });

  it('leaves a page label out of the title and types an action plan with its span as a task notice', () => {
    const text = '政策解读:某市安全生产治本攻坚三年行动方案(2024—2026年)\n为进一步夯实安全生产工作基础，制定本方案。\n一、总体要求\n';
    expect(metaOf(text)).toMatchObject({ title: '某市安全生产治本攻坚三年行动方案(2024—2026年)', docType: 'task-notice' });
  });

  it('leaves a channel\'s tag out of a news title (青岛|…) and reads a paper\'s stamp with its name in pinyin (Da Zhong Ri Bao·…)', () => {
    const text = '青岛|发力“九个新”，确保“十五五”开好局起好步\nDa Zhong Ri Bao·2026-01-21 01:53\n政府工作报告全面回顾了2025年及“十四五”时期工作。\n';
    expect(metaOf(text)).toMatchObject({ title: '发力“九个新”，确保“十五五”开好局起好步', docType: 'news', date: '2026-01-21' });
  });

  it('leaves a paged copy\'s page out of its title (…政府工作报告(第3/9页))', () => {
    expect(metaOf('2023年某省政府工作报告(第3/9页)\n这五年，基础设施实现整体性提升，建成数据中心42个。\n')).toMatchObject({ title: '2023年某省政府工作报告', docType: 'work-report' });
  });

  it('reads a title with its document number glued on, and not a line that is only a number', () => {
    const body = '\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：党中央、国务院高度重视深化改革。\n一、持续提升投资建设便利度\n';
    expect(metaOf(`国务院办公厅关于进一步优化营商环境更好服务市场主体的实施意见国办发〔2020〕24号${body}`)).toMatchObject({ title: '国务院办公厅关于进一步优化营商环境更好服务市场主体的实施意见', docType: 'policy-notice', issuer: '国务院办公厅' });
    expect(metaOf(`国办发〔2020〕24号${body}`).title).toBeNull();
    // The signature and date glued to the last sentence of a flattened text date it.
    expect(metaOf(`国务院办公厅关于进一步优化营商环境的实施意见${body}确保各项措施落地见效。国务院办公厅2020年7月15日（此件公开发布）\n`).date).toBe('2020-07-15');
  });

  it('types a five-year plan outline as a plan outline', () => {
    expect(metaOf('某市国民经济和社会发展第十五个五年规划纲要\n第一章 发展基础\n').docType).toBe('plan-outline');
  });

  it('types a headline about a work report (…政府工作报告要点速览, 一图读懂…) as news, not as the report', () => {
    expect(metaOf('【转帖】某县2026年政府工作报告要点速览，干货满满！\n正文。\n').docType).toBe('news');
    expect(metaOf('一图读懂2026年某市政府工作报告\n正文。\n').docType).toBe('news');
    expect(metaOf('2026年某市政府工作报告\n各位代表：\n').docType).toBe('work-report');
    expect(metaOf('关于印发2026年政府工作报告重点工作任务分工方案的通知\n正文。\n').docType).toBe('task-notice');
  });

  it('takes the region of a news report from the congress its first paragraph names (…，赣州市第十六届人民代表大会…)', () => {
    const text = '政府工作报告解读：今年预期增长5.5%左右\n来源：赣南日报　　发布时间：2026-01-20 10:00\n'
      + '1月19日，赣州市第十六届人民代表大会第五次会议开幕。市长代表市人民政府作政府工作报告。\n过去一年成绩亮眼\n全市地区生产总值增长5.6%。\n';
    expect(metaOf(text)).toMatchObject({ docType: 'news', region: { province: '江西省', city: '赣州市', district: null } });
    // A date right before the place is no part of it.
    const plan = '岳阳市国民经济和社会发展第十五个五年规划纲要\n（2026年1月20日岳阳市第九届人民代表大会第五次会议批准）\n第一章 发展环境\n';
    expect(metaOf(plan).region).toEqual({ province: '湖南省', city: '岳阳市', district: null });
  });

  it('passes over the red head (某某市人民政府文件) and joins a title broken over two lines', () => {
    const text = '某某市人民政府文件\n\n某政发〔2024〕3号\n\n某某市人民政府关于印发2024年某某市重点\n工作任务分工方案的通知\n\n各县（市、区）人民政府：\n现将方案印发给你们。\n某某市人民政府\n2024年2月20日\n- 1 -\n';
    expect(metaOf(text)).toMatchObject({ title: '某某市人民政府关于印发2024年某某市重点工作任务分工方案的通知', docType: 'task-notice', date: '2024-02-20' });
    expect(docOf(text).removed.map((r) => r.rule)).toContain('furniture.page-number');
  });
});

describe('meta: reposts', () => {
  it('leaves a web page\'s site name out of its title', () => {
    const text = '<title>2024年某县政府工作报告_某县人民政府</title>\n各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。\n';
    expect(metaOf(text)).toMatchObject({ title: '2024年某县政府工作报告', docType: 'work-report' });
    expect(metaOf('关于印发方案的通知 - 中国政府网\n各部门：\n现印发给你们。\n').title).toBe('关于印发方案的通知');
  });

  it('reads the title of a disclosure page below its metadata table, without the cell border', () => {
    const text = '索引号 | 11330200/2024-00001 | ||\n组配分类 | 计划总结 | 发布机构 | 某某街道 |\n公开范围 | 面向全社会 |\n'
      + '某某街道2023年工作总结 |\n一、主要工作\n全年新增就业岗位1200个。\n';
    const doc = docOf(text);
    expect(doc.meta.title).toBe('某某街道2023年工作总结');
    expect(doc.removed.filter((r) => r.rule === 'furniture.disclosure-row')).toHaveLength(3);
  });

  it('reads the title of an attachment saved on its own below its 附件1 label, which opens no section', () => {
    const text = '附件1\n\n某某市2021年民生实事工作目标\n\n一、交通出行\n1.新开通公交线路20条。（牵头单位：市交通运输局）\n';
    const doc = docOf(text);
    expect(doc.meta).toMatchObject({ title: '某某市2021年民生实事工作目标', year: 2021 });
    expect(doc.sections.map((x) => [x.depth, doc.text.slice(x.heading.start, x.heading.end)])).toEqual([[1, '一、交通出行']]);
    expect(doc.quantities.map((q) => q.year)).toEqual([2021]);
  });

  it('takes a news title about a congress session, and leaves a site\'s navigation bar out of a title', () => {
    expect(metaOf('某某区二届人大四次会议开幕\n2024-01-19 07:37\n来源: 某某日报\n昨日上午，某某区第二届人民代表大会第四次会议开幕。\n').title).toBe('某某区二届人大四次会议开幕');
    expect(metaOf('某某县十七届人大五次会议文件(1)\n政府工作报告\n各位代表：\n').title).not.toContain('届人大');
    const text = '首页 新闻中心 信息公开 政务服务 政民互动 走进某县 专题专栏\n\n某某县2023年财政预算执行情况和2024年财政预算草案的报告\n\n各位代表：\n';
    expect(metaOf(text).title).toBe('某某县2023年财政预算执行情况和2024年财政预算草案的报告');
  });

  it('leaves a site\'s promotion and search labels out, and reads a province by its short name before a county', () => {
    const text = '今日特推: 某某区十三届人大四次会议开幕\n搜索:\n\n河北阜平县第十七届人民代表大会第五次会议开幕\n\n来源:某某网\n1月16日上午，会议开幕。\n';
    expect(metaOf(text)).toMatchObject({ title: '河北阜平县第十七届人民代表大会第五次会议开幕', region: { province: '河北省', district: '阜平县' } });
    // A short name followed by no place name is none (山东路, 云南白药).
    expect(metaOf('山东路街道改造工程简报\n完成改造3处。\n').region.province).toBeNull();
  });

  it('leaves the label cell of a disclosure page\'s title row out of the title', () => {
    expect(metaOf('文件名称 | 某某区2025年政府工作报告\n各位代表：\n现在，我代表区人民政府，向大会报告工作。\n').title).toBe('某某区2025年政府工作报告');
  });

  it('leaves a site tag and the article index of a page of collected texts out', () => {
    const text = '【www.example.com--报告】\n篇一:某某镇政府工作报告\n某某镇2014年政府工作报告\n各位代表：\n现在，我代表镇人民政府，向大会报告工作。\n';
    const doc = docOf(text);
    expect(doc.removed.map((r) => r.rule)).toEqual(['furniture.site-tag', 'furniture.collection-index']);
    expect(doc.meta).toMatchObject({ title: '某某镇2014年政府工作报告', level: 'township' });
  });

  it('leaves a repost tag out of the title', () => {
    const text = '[转帖] 2024年某市政府工作报告全文\n各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n一、2023年工作回顾\n全市地区生产总值增长6.1%。\n';
    expect(metaOf(text)).toMatchObject({ title: '2024年某市政府工作报告全文', docType: 'work-report', year: 2024 });
  });
});

describe('meta: notices', () => {
  it('reads a task notice: title line, issuer before 关于, the date line, and the province from the city', () => {
    const text = '昆明市五华区人民政府办公室关于印发《昆明市五华区2023年度重点工作任务》的通知\n区属各相关单位:\n现印发给你们,请认真抓好贯彻落实。\n2023年3月8日\n一、总体思路\n以发展为第一要务。\n';
    expect(metaOf(text)).toEqual({
      title: '昆明市五华区人民政府办公室关于印发《昆明市五华区2023年度重点工作任务》的通知',
      docType: 'task-notice',
      level: 'county',
      region: { province: '云南省', city: '昆明市', district: '五华区' },
      date: '2023-03-08',
      issuer: '昆明市五华区人民政府办公室',
      year: 2023,
    });
  });

  it('joins a title broken over two lines, reads a national policy opinion and the date under its signature', () => {
    const text = '国务院关于促进外贸\n 高质量发展的若干意见\n 国发〔2019〕3号\n 各省、自治区、直辖市人民政府：\n 一、总体要求\n 坚持开放。\n 国务院\n 二〇一九年一月十二日\n';
    expect(metaOf(text)).toMatchObject({
      title: '国务院关于促进外贸高质量发展的若干意见', docType: 'policy-notice', level: 'national',
      region: { province: null, city: null, district: null }, date: '2019-01-12', issuer: '国务院', year: null,
    });
  });
});

describe('meta: a newspaper digest of a report', () => {
  it('reads its masthead date line, ■ part titles, ● list items and the level of the area it calls its own', () => {
    const text = '政府工作报告要点\n\n南江日报 2025年01月17日\n\n    ■ 2024年成绩单\n\n    ●全省地区生产总值增长6%左右\n\n    ●粮食总产达到557亿斤\n\n'
      + '    ■ 2025年主要预期目标\n\n    ●经济增长6%左右\n\n    ●城镇新增就业70万人以上\n';
    const doc = docOf(text);
    expect(doc.meta).toMatchObject({ docType: 'news', level: 'province', region: { province: null, city: null, district: null }, date: '2025-01-17', year: 2025 });
    expect(doc.sections.map((s) => [doc.text.slice(s.heading.start, s.heading.end), s.role])).toEqual([['■ 2024年成绩单', 'review'], ['■ 2025年主要预期目标', 'plan']]);
    expect(doc.quantities.map((q) => [q.indicator, q.core.text, q.kind, q.year])).toEqual([
      ['地区生产总值', '6%', 'actual', 2024], ['粮食总产', '557亿斤', 'actual', 2024],
      ['经济', '6%', 'target', 2025], ['城镇新增就业', '70万人', 'target', 2025],
    ]);
    // A bullet opening a line is a space in the view, and the source keeps it.
    expect(doc.view.slice(doc.text.indexOf('●粮食'), doc.text.indexOf('●粮食') + 2)).toBe(' 粮');
  });

  it('leaves the diamond, square or star that opens a list line holding a figure out of its indicator', () => {
    const text = '某省2024年经济社会发展主要预期目标\n\n今年主要预期目标是：\n◆地区生产总值增长5%左右\n■粮食产量1270万吨\n★城镇新增就业60万人以上\n';
    expect(docOf(text).quantities.map((q) => [q.indicator, q.core.text, q.kind])).toEqual([
      ['地区生产总值', '5%', 'target'], ['粮食产量', '1270万吨', 'target'], ['城镇新增就业', '60万人', 'target'],
    ]);
  });
});

describe('meta: a news item that quotes a report', () => {
  it('reads the list after 报告指出，过去一年 as the review and the one after 主要预期目标是 as the plan', () => {
    const text = '省政府工作报告发布 这些数字值得关注\n\n某某日报讯 1月23日上午，某某省第十四届人民代表大会第二次会议开幕。省长作政府工作报告。\n\n'
      + '报告指出，过去一年，全省经济回升向好。\n\n●2023年全省地区生产总值达到5.8万亿元、增长5.2%\n\n●城镇新增就业72万人\n\n●粮食产量1300万吨\n\n'
      + '2024年经济社会发展主要预期目标\n\n今年全省经济社会发展的主要预期目标是：\n\n◆地区生产总值增长5.5%左右\n\n◆城镇新增就业70万人以上\n';
    const doc = docOf(text);
    expect(doc.meta).toMatchObject({ docType: 'news', year: 2024 });
    expect(doc.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([
      ['5.8万亿元', 'actual', 2023], ['5.2%', 'actual', 2023], ['72万人', 'actual', 2023], ['1300万吨', 'actual', 2023],
      ['5.5%', 'target', 2024], ['70万人', 'target', 2024],
    ]);
  });

  it('drops the site lines at its top, dates it by the year of the targets it quotes, and reads a quoted paragraph\'s year', () => {
    const text = '某某县传媒中心版权所有 未经授权禁止复制或镜像 网络广告 0571-64800000\n某某网・某某新闻网 网络支持:某某网络传媒有限公司\n记者 张小明/文 李四/摄\n'
      + '昨日，县第十六届人民代表大会第二次会议隆重开幕。下午1时30分，大会在国歌声中开幕。县长作政府工作报告。\n'
      + '“2017年,全县实现生产总值255亿元,按可比价计算增长8.5%;财政总收入30.9亿元……”一串串翔实的数据，呈现了我县过去一年的成绩。\n'
      + '“2018年我县经济社会发展的主要预期目标是:生产总值增长8.5%以上,服务业增加值增长13%以上……”代表们心情澎湃。\n';
    const result = extract({ text }, { rules });
    expect(result.meta).toMatchObject({ title: null, docType: 'news', year: 2018 });
    expect(result.removed.map((r) => r.rule)).toEqual(['furniture.copyright', 'furniture.site-support', 'furniture.slash-byline']);
    expect(result.quantities.map((q) => [q.core.text, q.indicator, q.kind, q.year])).toEqual([
      ['255亿元', '生产总值', 'actual', 2017], ['8.5%', '生产总值', 'actual', 2017], ['30.9亿元', '财政总收入', 'actual', 2017],
      ['8.5%', '生产总值', 'target', 2018], ['13%', '服务业增加值', 'target', 2018],
    ]);
  });
});

describe('meta: a collector site\'s repost of a work report', () => {
  it('drops the site\'s blurb and byline row, and reads the speaker\'s line as no heading', () => {
    const text = '关于某市政府工作报告\n某市十五届人大一次会议1月5日开幕，市长作政府工作报告称，2017年地区生产总值增长的预期目标为8%左右。下面是小编收集整理的2017年某市政府工作报告，欢迎阅读参考!!\n'
      + '时间:2017-01-06 13:47:39 来源:某市人民政府 作者: 点击:4582次\n市长张小明\n各位代表：\n我代表市人民政府向大会作政府工作报告，请予审议。\n'
      + '一、过去五年工作回顾\n五年来，经济保持较快增长，年均增长9.4%。全市地区生产总值达到1.95万亿元，人均地区生产总值达到2.14万美元，地方一般公共预算收入由960亿元增加到1371亿元，发展潜力持续增强。\n';
    const result = extract({ text }, { rules });
    expect(result.removed.map((r) => r.rule)).toEqual(['furniture.collector-blurb', 'furniture.byline-row']);
    expect(result.sections.map((x) => [x.depth, x.heading])).toEqual([[1, '一、过去五年工作回顾']]);
    expect(result.quantities.map((q) => q.core.text)).not.toContain('8%');
  });
});

describe('meta: a disclosure page of a notice', () => {
  it('drops a spaced label from the title (名 称:), takes no place from 根据区十届人大…, and no level from an area compared with', () => {
    const text = '名 称: 区人民政府办公室 关于印发2020年区政府重点工作责任分解的通知\n区人民政府办公室\n关于印发2020年区政府重点工作责任分解的通知\n'
      + '根据区十届人大四次会议通过的《区政府工作报告》，现将2020年区政府重点工作责任分解如下。\n'
      + '今年主要预期目标是：地区生产总值增幅高于全市平均水平，其他指标与全市基本同步。\n';
    expect(metaOf(text)).toMatchObject({ title: '区人民政府办公室 关于印发2020年区政府重点工作责任分解的通知', docType: 'task-notice', level: null, region: { province: null, city: null, district: null } });
  });
  it('takes no level from an area a text ranks itself in (居全省前列, 全省第一, 全省首个, 在全省率先): a prefecture says 全州', () => {
    const text = '某某工作情况\n全州旅游收入增长8%，居全省前列。空气质量全省第一，建成全省首个生态示范区，在全省率先推行河长制，全州森林覆盖率达到60%。\n';
    expect(metaOf(text).level).toBe('city');
  });
});

describe('meta: reports', () => {
  it('reads a work report: delivery line, speaker line, plan year from the plan part, title as written', () => {
    const text = '2022年成都市武侯区政府工作报告\n——在成都市武侯区第八届人民代表大会第二次会议上\n成都市武侯区人民政府区长  张三\n(2022年12月27日)\n各位代表:\n现在,我代表区人民政府,向大会报告工作,请予审议。\n2022年工作回顾\n一、经济稳中有进\n2023年重点工作安排\n一、扩大内需\n';
    expect(metaOf(text)).toEqual({
      title: '2022年成都市武侯区政府工作报告', docType: 'work-report', level: 'county', region: { province: '四川省', city: '成都市', district: '武侯区' },
      date: '2022-12-27', issuer: '成都市武侯区人民政府', year: 2023,
    });
  });


  it('keeps a title that names its place as written, and writes the usual one only for a bare 政府工作报告', () => {
    const report = (title: string) => `${title}\n2021年2月23日在南江市第四届人民代表大会第六次会议上\n各位代表：\n现在，我代表南江市人民政府向大会报告工作，请予审议。\n一、2020年工作回顾\n全市生产总值增长3%。\n`;
    expect(metaOf(report('南江市政府工作报告')).title).toBe('南江市政府工作报告');
    expect(metaOf(report('政府工作报告'))).toMatchObject({ title: '2021年南江市政府工作报告', year: 2021 });
  });

  it('cuts the delivery date and speaker a title line carries in parentheses (…工作报告 （2016年1月12日 张三）)', () => {
    const text = '南江州政府工作报告 （2016年1月12日 张小明）\n——2016年1月12日在南江州第十四届人民代表大会第五次会议上\n各位代表：\n现在，我代表州人民政府向大会报告工作，请予审议。\n一、2015年工作回顾\n全州生产总值增长6%。\n';
    expect(metaOf(text)).toMatchObject({ title: '南江州政府工作报告', date: '2016-01-12', year: 2016 });
  });

  it('reads a part heading on what a year achieved (…主要工作和“十三五”发展成就) as the review, not the plan', () => {
    const text = '南江市政府工作报告\n2021年2月23日在南江市第四届人民代表大会第六次会议上\n各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n'
      + '一、2020年主要工作和“十三五”发展成就\n五年来，全市生产总值年均增长6.7%。\n';
    const doc = docOf(text);
    expect(doc.meta).toMatchObject({ docType: 'work-report', date: '2021-02-23', year: 2021 });
    expect(doc.quantities.map((q) => [q.core.text, q.kind, q.period])).toEqual([['6.7%', 'actual', [2016, 2020]]]);
  });
  it('writes the usual title when the report has none, with the city named most and its province', () => {
    const text = '各位代表：\n现在，我代表市人民政府，向大会报告政府工作，请予审议。\n一、2023年工作回顾\n来宾市经济稳步增长，南宁市对口协作，来宾市港口建设提速。\n二、2024年主要工作建议\n扩大有效投资。\n';
    expect(metaOf(text)).toEqual({
      title: '2024年来宾市政府工作报告', docType: 'work-report', level: 'city', region: { province: '广西壮族自治区', city: '来宾市', district: null },
      date: null, issuer: '来宾市人民政府', year: 2024,
    });
  });

  it('gives a municipality as the province with no city, and expands 自治区人民政府 with the province', () => {
    expect(metaOf('上海市市长　龚正\n各位代表：\n现在，我代表上海市人民政府，向大会报告工作。\n三、2021年主要任务\n').region)
      .toEqual({ province: '上海市', city: null, district: null });
    expect(metaOf('重庆市渝中区人民政府办公室关于印发2026年重点工作任务分工的通知\n各街道办事处：\n').region)
      .toEqual({ province: '重庆市', city: null, district: '渝中区' });
    const nx = metaOf('政府工作报告\n——2026年2月3日在宁夏回族自治区第十三届人民代表大会第四次会议上\n自治区人民政府主席 张雨浦\n各位代表：\n现在，我代表自治区人民政府，向大会报告工作。\n');
    expect(nx).toMatchObject({ title: '2026年宁夏回族自治区政府工作报告', issuer: '宁夏回族自治区人民政府', date: '2026-02-03', year: 2026 });
    expect(nx.region).toEqual({ province: '宁夏回族自治区', city: null, district: null });
  });

  it('reads a plan report: its docType, the issuing bureau line, and the plan year from the title', () => {
    const text = '昆明市官渡区2021年国民经济和社会发展计划执行情况与2022年国民经济和社会发展计划草案的报告\n——2022年1月14日在昆明市官渡区第十七届人民代表大会\n第一次会议上\n昆明市官渡区发展和改革局\n各位代表:\n';
    expect(metaOf(text)).toMatchObject({ docType: 'plan-report', date: '2022-01-14', issuer: '昆明市官渡区发展和改革局', year: 2022 });
  });
});

describe('meta: news', () => {
  it('takes the outlet from the byline, the district from the headline and the city written before it', () => {
    const text = '昆明西山区:打造中枢门户区\n5月20日,昆明市西山区区长在《政府工作报告》中提出,2020年要守住底线。\n云南网记者 张三\n';
    expect(metaOf(text)).toEqual({
      title: '昆明西山区:打造中枢门户区', docType: 'news', level: 'county', region: { province: '云南省', city: '昆明市', district: '西山区' },
      date: '2020-05-20', issuer: '云南网', year: 2020,
    });
  });

  it('reads a web page date stamp split over lines, and finds the city before the district elsewhere', () => {
    const text = '官渡区紧盯全年目标 迈出坚实步伐\n2019\n08/12\n09:58\n张三/文 李四/图\n今年上半年,昆明市官渡区经济运行总体平稳。\n';
    expect(metaOf(text)).toMatchObject({ docType: 'news', date: '2019-08-12', issuer: null, region: { province: '云南省', city: '昆明市', district: '官渡区' } });
  });
});

describe('meta: collector headers', () => {
  it('reads 标题:/发文单位: from a collector header even when the clean stage removes it as furniture', () => {
    const text = ['标题：平安县2023年政府工作报告', '发文单位：平安县人民政府', '正文：', '【字体：', '大', '中', '小', '】',
      '各位代表：', '现在，我代表县人民政府，向大会报告工作，请予审议，并请县政协委员和列席会议的同志提出意见。'].join('\n');
    const doc = docOf(text);
    expect(doc.removed[0]?.start).toBe(0);
    expect([doc.meta.title, doc.meta.issuer]).toEqual(['平安县2023年政府工作报告', '平安县人民政府']);
  });
});

describe('meta: pieces', () => {
  it('reads Chinese numerals in dates', () => {
    const n = rules.quantities.compiled.numerals;
    expect([cnNumber('二〇二二', n), cnNumber('十二', n), cnNumber('二十七', n), cnNumber('五', n), cnNumber('07', n)]).toEqual([2022, 12, 27, 5, 7]);
  });

  it('rejects a regions file whose cities name an unknown province, pointing at the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnreport-regions-'));
    writeFileSync(join(dir, 'regions.yaml'), 'cities:\n  南海省: [某某市]\n');
    expect(() => loadRules([dir])).toThrow(RuleError);
    expect(() => loadRules([dir])).toThrow(/regions\.yaml:2:\d+: unknown province "南海省"/);
  });

  it('gives a document that names only its county the city and province of the one county of that name (regions.yaml counties)', () => {
    const report = (title: string) => `${title}\n各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n一、2025年工作回顾\n全县地区生产总值增长5%。\n`;
    expect(metaOf(report('2026年黄龙县政府工作报告')).region).toEqual({ province: '陕西省', city: '延安市', district: '黄龙县' });
    // A municipality's district is the municipality's, with no city; a county a province administers directly has none.
    expect(metaOf(report('2026年门头沟区政府工作报告')).region).toEqual({ province: '北京市', city: null, district: '门头沟区' });
    expect(metaOf(report('2026年文昌市政府工作报告')).region).toEqual({ province: '海南省', city: null, district: '文昌市' });
    // A name several counties share (鼓楼区: 福州市, 南京市, 徐州市, 开封市) gives none, unless the text names the province.
    expect(metaOf(report('2026年鼓楼区政府工作报告')).region).toEqual({ province: null, city: null, district: '鼓楼区' });
    expect(metaOf(report('2026年福建省鼓楼区政府工作报告')).region).toEqual({ province: '福建省', city: '福州市', district: '鼓楼区' });
  });

  it('rejects a regions file whose counties name an unknown city', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnreport-regions-'));
    writeFileSync(join(dir, 'regions.yaml'), 'counties:\n  某某市: [某某县]\n');
    expect(() => loadRules([dir])).toThrow(/regions\.yaml:2:\d+: unknown city "某某市"/);
  });

  it('reads the place of a congress line as read, across a pinyin reading glossed into it (蓬江區(qū)第十一屆), and a lede saying it opened as news', () => {
    const text = '\n2月11日上午,江門市蓬江區(qū)第十一屆人民代表大會第六次會議在蓬江會堂開幕。\n代理區(qū)長向大會作政府工作報告。\n';
    expect(metaOf(text)).toMatchObject({ docType: 'news', level: 'county', region: { province: '广东省', city: '江门市', district: '蓬江区' } });
  });

  it('reads the place of a delivery line wrapped after 届 (——…在某县第十七届 / 人民代表大会第七次会议上)', () => {
    const text = '2026年政府工作报告\n政 府 工 作 报 告\n——2025年12月22日在陵川县第十七届\n人民代表大会第七次会议上\n县长 王某\n各位代表:\n现在,我代表县人民政府向大会报告工作,请予审议。\n';
    expect(metaOf(text)).toMatchObject({ level: 'county', region: { province: '山西省', city: '晋城市', district: '陵川县' }, issuer: '陵川县人民政府', date: '2025-12-22' });
  });

  it('dates a national news item with no other year by the plenary session it names (第十四届全国人大三次会议: 2025), not by a standing committee\'s', () => {
    const news = (session: string) => metaOf(`全国两会｜政府工作报告定出今年经济增长目标\n某某社北京3月5日电 ${session}早上在北京开幕，国务院总理发表政府工作报告，当中定出今年国内生产总值增长5%左右。\n`);
    expect(news('第十四届全国人大三次会议')).toMatchObject({ docType: 'news', level: 'national', year: 2025 });
    expect(news('全国政协十三届二次会议').year).toBe(2019);
    expect(news('第十四届全国人大常委会第十七次会议').year).toBeNull();
  });

  it('reads the year under review from a heading on "工作的回顾" (一、1994年国内工作的回顾: a report of 1995)', () => {
    const text = '各位代表：\n现在，我代表国务院向大会作政府工作报告，请予审议。\n一、1994年国内工作的回顾\n过去的一年，国民经济继续快速增长。我们基本上完成了八届全国人大二次会议确定的1994年的工作。\n';
    expect(metaOf(text)).toMatchObject({ docType: 'work-report', level: 'national', year: 1995 });
  });

  it('types a copy with pinyin readings glossed into its words by the words read without them (執(zhí)行情況和…預(yù)算草案)', () => {
    // (No title line: the body's 預算執行情況 decides, not 各位代表 alone.)
    const text = '各位代表：\n受縣人民政府委托，現(xiàn)將某縣2022年地方財(cái)政預(yù)算執(zhí)行情況和2023年地方財(cái)政預(yù)算草案提請(qǐng)大會(huì)審議。\n一、2022年預(yù)算執(zhí)行情況\n全縣一般公共預(yù)算收入6.3億元。\n';
    expect(metaOf(text)).toMatchObject({ docType: 'budget-report' });
  });

  it('reads a page\'s stamp closed by its buttons (… 09:19   【 】 【打印) and takes no photo caption for the outlet (开幕式现场。记者张三摄)', () => {
    const text = '市十四届人大三次会议开幕 政府工作报告勾勒发展蓝图\nhttp://www.example.com.cn  某某网   2013年02月22日 09:19   【 】 【打印\n'
      + '  开幕式现场。记者张三摄\n  某某网讯 昨天上午，某市第十四届人民代表大会第三次会议在大剧院开幕。\n';
    expect(metaOf(text)).toMatchObject({ docType: 'news', date: '2013-02-22', issuer: null });
  });

  it('types a site\'s news (某某之窗讯) and dates it by the report it covers, its year before the day (2015年4月27日的…政府工作报告)', () => {
    const text = '某某日报 - 某某之窗讯 编者按:一系列关乎民计民生的大事,都在2015年4月27日的某县政府工作报告中做了掷地有声的部署。\n主要目标\n生产总值增长11.5%左右。\n';
    expect(metaOf(text)).toMatchObject({ docType: 'news', date: '2015-04-27', year: 2015 });
  });

  it('leaves every field empty for a text that names nothing', () => {
    expect(metaOf('这段文字没有标题，也没有日期和地名，只是一句普通的话。\n')).toEqual({ title: null, docType: 'other', level: null, region: { province: null, city: null, district: null }, date: null, issuer: null, year: null });
  });
});

interface GoldMeta { title: string; docType: string; region: object; date: string | Date | null; issuer?: string | null }
const golds = [['seeds', 'gold'], ['corpus', 'corpus/gold']] as const;

// vitest still runs a skipped suite's body to collect its tests: read the gold folders only when they exist.
describe.skipIf(!existsSync(join(SHARED, 'gold')))('meta: every gold file', () => {
  for (const [dir, goldDir] of existsSync(join(SHARED, 'gold')) ? golds : []) {
    for (const file of readdirSync(join(SHARED, goldDir)).filter((f) => f.endsWith('.yaml'))) {
      it(`matches the meta of ${goldDir}/${file}`, () => {
        const gold = load(readFileSync(join(SHARED, goldDir, file), 'utf8')) as { file: string; meta: GoldMeta };
        const meta = run({ path: join(SHARED, dir, gold.file) }, { rules }).meta;
        const want = gold.meta;
        const date = want.date instanceof Date ? want.date.toISOString().slice(0, 10) : want.date ?? null;
        expect({ title: meta.title, docType: meta.docType, region: meta.region, date: meta.date }).toEqual({ title: want.title, docType: want.docType, region: want.region, date });
        if ('issuer' in want) expect(meta.issuer).toBe(want.issuer ?? null);
      });
    }
  }
});

describe('meta: the year of a report with no title, part headings or date', () => {
  it('is the year after the latest year opening a clause in its first half (meta.clauseYear)', () => {
    const text = '各位代表：现在，我代表县人民政府向大会报告工作，请予审议。2016年，全县生产总值增长7%。2017年，全县新建道路30公里。'
      + '今后要继续努力，推动全县经济社会高质量发展，不断提高人民群众生活水平，努力建设美丽幸福家园。\n';
    expect(metaOf(text)).toMatchObject({ docType: 'work-report', title: null, date: null, year: 2018 });
  });

  it('dates a news item on a work report by the parts it names, and so reads its review figures as actuals', () => {
    const text = '南河县第十八届人民代表大会第三次会议开幕\n来源：南河新闻网\n'
      + '2月20日上午，南河县第十八届人民代表大会第三次会议隆重开幕。县长代表县人民政府向大会作政府工作报告。\n'
      + '报告回顾了2023年的工作。过去一年，全县经济社会发展稳中有进。\n'
      + '2023年，全县实现地区生产总值312亿元，增长6.1%；新增市场主体4200户。\n'
      + '报告提出了2024年目标任务：地区生产总值增长6%左右，城镇新增就业5000人以上。\n';
    const doc = docOf(text);
    expect(doc.meta).toMatchObject({ docType: 'news', date: null, year: 2024 });
    expect(doc.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([
      ['312亿元', 'actual', 2023], ['6.1%', 'actual', 2023], ['4200户', 'actual', 2023],
      ['6%', 'target', 2024], ['5000人', 'target', 2024],
    ]);
    // The plan part alone dates it too; a news item's own past years do not (no 2017 from 2016年，…).
    const news = (body: string) => metaOf(`南河县第十八届人民代表大会第三次会议开幕\n来源：南河新闻网\n2月20日上午，大会开幕。${body}\n`);
    expect(news('报告提出了2024年目标任务。')).toMatchObject({ docType: 'news', year: 2024 });
    expect(news('2016年，全县生产总值增长7%。')).toMatchObject({ docType: 'news', year: null });
  });

  it('dates a news item by its editor\'s stamp, and reads the estimates after a look back on the year as actuals of that year', () => {
    const text = '编辑:张三2018-01-24 16:20内容来源:南河网\n南河区第一届人民代表大会第二次会议开幕\n'
      + '南河新闻网1月24日讯 1月24日上午，南河区第一届人民代表大会第二次会议开幕，区长作政府工作报告。\n'
      + '南河区正式挂牌成立一年以来，区政府统筹推进稳增长各项工作，圆满完成了全年主要目标任务。\n'
      + '预计地区生产总值超过2100亿元，增长8.8%左右。\n';
    const doc = docOf(text);
    expect(doc.meta).toMatchObject({ docType: 'news', date: '2018-01-24', year: 2018 });
    expect(doc.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['2100亿元', 'actual', 2017], ['8.8%', 'actual', 2017]]);
  });

  it('dates a news item on a budget report by the draft the report is named for, and reads its past year as actual', () => {
    const text = '南河日报讯 1月15日，在南河市人民代表大会第三次会议上，市财政局局长作了关于南河市2023年预算执行情况和2024年预算草案的报告。\n'
      + '2023年，全市一般公共预算收入92.1亿元，完成预算的101.7%，增长6%。\n'
      + '2024年，全市一般公共预算收入安排96.7亿元，增长5%。\n';
    const doc = docOf(text);
    expect(doc.meta).toMatchObject({ docType: 'news', year: 2024 });
    expect(doc.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([
      ['92.1亿元', 'actual', 2023], ['101.7%', 'actual', 2023], ['6%', 'actual', 2023], ['96.7亿元', 'target', 2024], ['5%', 'target', 2024],
    ]);
  });

  it('refuses a year rule that does not capture the year, pointing at the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnreport-meta-'));
    writeFileSync(join(dir, 'meta.yaml'), "runInPlan:\n  id: year.run-in-plan\n  pattern: '(\\d{4})年工作安排'\n  examples: {match: ['2025年工作安排']}\n");
    expect(() => loadRules([dir])).toThrow(/meta\.yaml.*\(\?<year>…\)/);
  });
});

describe('meta: streets and townships', () => {
  it('does not read a street named after a city (朝阳路, 南昌路) as the city, and reads a township before a colon', () => {
    const text = '鹿城区山福镇:2018年十大民生实事出炉\n会上，代表票选出十大民生实事项目：完成临江东西街道路提升改造，朝阳路大中修；新建停车位200个以上。\n';
    // (Its city and province are the county's, not 朝阳路's.)
    expect(metaOf(text)).toMatchObject({ level: 'township', region: { province: '浙江省', city: '温州市', district: '鹿城区' } });
    const shanghai = '黄浦区衡复风貌区城市更新规划\n服务南昌路、淮海路、复兴路沿线街区，建成口袋公园5个。上海市黄浦区人民政府办公室\n';
    expect(metaOf(shanghai).region).toMatchObject({ province: '上海市', city: null });
  });
});

describe('meta: a township\'s report transmitted by a notice', () => {
  it('types the notice as the work report it transmits, and keeps a wrapped delivery line and the speaker line out of the headings', () => {
    const text = '某县某镇人民政府关于印发2024年政府工作报告的通知\n各村(居)民委员会：\n现将2024年《政府工作报告》印发给你们，请认真贯彻实施。\n'
      + '某县某镇人民政府\n2024年2月22日\n某县某镇人民政府\n2024年政府工作报告\n——2024年1月23日在某县某镇第二十届\n人民代表大会第八次会议上\n'
      + '某县某镇人民政府镇长 张三\n各位代表：\n现在，我代表镇人民政府向大会作工作报告，请予审议。\n一、2023年工作回顾\n全镇实现地区生产总值60.3亿元。\n';
    const doc = docOf(text);
    expect(doc.meta).toMatchObject({ docType: 'work-report', level: 'township' });
    expect(doc.sections.map((s) => text.slice(s.heading.start, s.heading.end))).toEqual(['一、2023年工作回顾']);
  });
});

describe('meta: a district of a municipality', () => {
  it('places a district with no city in the municipality the text names, not in a city a short name happens to match', () => {
    // 阿里 is the short name of 阿里地区 (西藏); here it is part of a place name in Shanghai.
    const text = '闵行区城市更新规划\n一、发展目标\n深入贯彻总书记考察上海重要讲话精神，对标上海国际大都市要求。推进虹桥阿里中心建设，新建公园10个。\n';
    expect(metaOf(text)).toMatchObject({ level: 'county', region: { province: '上海市', city: null, district: '闵行区' } });
  });

  it('keeps the city a text names in full, however often it names a municipality', () => {
    const text = '2024年某某县政府工作报告\n一、2023年工作回顾\n主动对接北京、服务北京，承接北京产业转移。保定市下达任务全部完成。\n';
    expect(metaOf(text).region).toMatchObject({ province: '河北省', city: '保定市' });
  });
});

describe('meta: places from the text', () => {
  it('reads a county-level city its province administers (天门市) as a county, its government as 市人民政府', () => {
    const text = '各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n一、2023年工作回顾\n天门市地区生产总值增长6%。天门市新建学校3所。\n';
    expect(metaOf(text)).toMatchObject({ level: 'county', region: { province: '湖北省', city: null, district: '天门市' }, issuer: '天门市人民政府' });
  });

  it('takes the city a text names in full again and again when nothing else places it', () => {
    const text = '关于推进人才集聚工程的实施意见\n一、总体目标\n把广州市建设成为人才高地。广州市将引进人才1万名。支持广州市高校建设。\n';
    expect(metaOf(text)).toMatchObject({ level: 'city', region: { province: '广东省', city: '广州市' } });
    expect(metaOf('关于推进人才集聚工程的实施意见\n一、总体目标\n支持广州市高校建设，引进人才1万名。\n').level).toBeNull();
    // Pilot cities named alike place nothing.
    const pilots = '关于开展城市更新试点的通知\n一、试点城市\n广州市、深圳市、成都市。广州市、深圳市、成都市先行。广州市、深圳市、成都市总结经验。\n';
    expect(metaOf(pilots).level).toBeNull();
  });

  it('takes the city a text names by its short name again and again when the area it calls its own is a city\'s (全州)', () => {
    const text = '过去五年，大理白族自治州地区生产总值突破千亿元。大理迈进新发展阶段，全州新建学校12所。大理机场完成改扩建，全州城镇化率达到50%。'
      + '大理仍处于重要战略机遇期，全州上下团结奋斗。\n';
    expect(metaOf(text)).toMatchObject({ level: 'city', region: { province: '云南省', city: '大理白族自治州' } });
    // A county's text (全县) names its city by the short name as often: no city of its own.
    expect(metaOf(text.replaceAll('全州', '全县')).region.city).toBeNull();
  });

  it('reads no district out of 已经市人民政府同意, and no year out of a 2035年远景 horizon', () => {
    const text = '市人民政府办公厅关于印发武汉市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案的通知\n'
      + '各区人民政府：\n《武汉市任务分工方案》已经市人民政府同意，现印发给你们。\n武汉市森林覆盖率达到14.5%。\n';
    const doc = docOf(text);
    expect(doc.meta).toMatchObject({ level: 'city', region: { city: '武汉市', district: null } });
    expect(doc.meta.year).not.toBe(2035);
    // The notice divides the tasks of a five-year plan: a rate in it is of the plan's last year.
    expect(doc.quantities.map((q) => [q.core.text, q.year])).toEqual([['14.5%', 2025]]);
  });
});

describe('meta: levels from rules/regions.yaml', () => {
  it('reads a township named after its county, or alone, as township level (rules/regions.yaml township)', () => {
    const report = (title: string, issuer: string) => `${title}\n各位代表：\n现在，我代表${issuer}，向大会报告工作，请予审议。\n`;
    expect(metaOf(report('2024年某某县政府工作报告', '县人民政府'))).toMatchObject({ level: 'county', issuer: '某某县人民政府' });
    expect(metaOf(report('某某县城关镇2024年政府工作报告', '镇人民政府'))).toMatchObject({ level: 'township', region: { district: '某某县' } });
    expect(metaOf(report('某某镇2024年政府工作报告', '镇人民政府')).level).toBe('township');
    expect(metaOf('某某县某某街道办事处关于做好2024年防汛工作的通知\n各社区：\n现将有关事项通知如下。\n').level).toBe('township');
    // 城乡 and 乡村 after a county's name are no township.
    expect(metaOf(report('某某县城乡建设2024年工作报告', '县人民政府')).level).toBe('county');
    expect(metaOf('某某县乡村振兴三年行动方案\n一、总体要求\n到2025年，建成示范村10个。\n').level).toBe('county');
  });

  it('takes a township rule from --rules, and refuses one without a name group', () => {
    const text = '某某县某某社区2024年工作总结\n一、工作回顾\n新建停车位20个。\n';
    expect(metaOf(text).level).toBe('county');
    const dir = mkdtempSync(join(tmpdir(), 'cnreport-regions-'));
    writeFileSync(join(dir, 'regions.yaml'), "township:\n  id: region.township\n  pattern: '^(?<name>[\\u4e00-\\u9fff]{1,6}?(镇|乡|街道|社区))'\n  examples: {match: [某某社区]}\n");
    expect(run({ text }, { rules: loadRules([dir]) }).meta.level).toBe('township');
    writeFileSync(join(dir, 'regions.yaml'), "township:\n  id: region.township\n  pattern: '(镇|乡)$'\n  examples: {match: [某某镇]}\n");
    expect(() => loadRules([dir])).toThrow(/regions\.yaml.*name/);
  });
});

describe('meta: a text with no place in its title or front lines', () => {
  // An excerpt of a regional report: the region is named in the body only, and its own area is 全区, which elsewhere is a county's.
  const region = '在全区范围内调整乡镇区划，全区农民人均纯收入达到2000元。我们举办了全国性的大会，宁夏的影响力空前提升。'
    + '全区上下热爱宁夏、建设宁夏。\n二、关于明年的目标\n全区生产总值增长9%。\n';

  it('places it in the province it names again and again when the area it calls its own is that province (an autonomous region\'s 全区)', () => {
    expect(metaOf(region)).toMatchObject({ level: 'province', region: { province: '宁夏回族自治区', city: null, district: null } });
  });

  it('reads 全省 as the province named and gives no province when the text calls its own area a county', () => {
    const province = '今年全省经济回升，河南的粮食产量创新高，河南制造走向全国，河南的开放水平不断提高。\n全省生产总值增长5%。\n';
    expect(metaOf(province)).toMatchObject({ level: 'province', region: { province: '河南省' } });
    const county = '全县经济回升，全县粮食产量创新高，在河南率先脱贫，河南日报报道了全县的经验，河南全省都来学习。\n全县生产总值增长5%。\n';
    expect(metaOf(county)).toMatchObject({ level: 'county', region: { province: null } });
  });

  it('gives no province when two provinces are named alike, nor when one is named fewer than three times', () => {
    expect(metaOf('全省与广东、广西合作，广东和广西各派代表。\n全省生产总值增长5%。\n').region.province).toBeNull();
    expect(metaOf('全区与广西合作，广西派代表。\n全区生产总值增长5%。\n').region.province).toBeNull();
  });
});

describe('meta: titles and places as copies write them', () => {
  it('leaves out a repost\'s 原标题: tag, in a traditional copy too, and a site\'s year tag after the title', () => {
    expect(metaOf('原標題:2023年某某縣民生實事項目清單\n全縣新建學校5所。\n').title).toBe('2023年某某縣民生實事項目清單');
    expect(metaOf('2022年某某县国民经济和社会发展统计公报 2022\n\n2022年，全县实现地区生产总值100亿元。\n')).toMatchObject({ title: '2022年某某县国民经济和社会发展统计公报', year: 2022 });
  });

  it('reads a county whose name holds 和 (云和县, 和平区) as a place, not 和 joining two words', () => {
    expect(metaOf('2022年云和县国民经济和社会发展统计公报\n\n2022年，全县实现地区生产总值100亿元。\n').region.district).toBe('云和县');
    expect(metaOf('2024年和平区政府工作报告\n各位代表：\n全区生产总值增长5%。\n').region.district).toBe('和平区');
  });
});

describe('meta: news of a session', () => {
  it('reads a session headline naming where it opened as news, and the year from the review it reports (回顾2015年和“十二五”工作)', () => {
    const text = '第十七届人民代表大会第六次会议在县城剧院隆重开幕\n3月2日上午，某某县第十七届人民代表大会第六次会议开幕。县长向大会作政府工作报告。'
      + '在回顾2015年和“十二五”工作时，县长说：2015年，全县实现生产总值83.91亿元，增长10.8%。\n';
    const result = extract({ text }, { rules });
    expect(result.meta).toMatchObject({ docType: 'news', year: 2016 });
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['83.91亿元', 'actual', 2015], ['10.8%', 'actual', 2015]]);
  });
});

describe('meta: places after dates and notices', () => {
  it('reads the place after a year and its months (2020年1-11月份宣城市…), after 关于印发, and no 市县 as a county', () => {
    expect(metaOf('2020年1-11月份宣城市《政府工作报告》部分目标任务完成情况\n\n1-11月份，全市生产总值增长5%。\n')).toMatchObject({ level: 'city', region: { city: '宣城市', district: null } });
    expect(metaOf('關于印發洋縣2024年十大民生實事項目的通知\n各鎮人民政府：\n').region.district).toBe('洋县');
    expect(metaOf('2022年度市县民生实事未完成项目进度表\n\n序号 项目 进度\n').region.district).toBeNull();
  });
});

describe('meta: page titles that are sentences', () => {
  it('takes no 在县 for a county from a page title that opens with 在 (在县第十八届人民代表大会…上)', () => {
    expect(metaOf('在县第十八届人民代表大会第三次会议上的政府工作报告\n各位代表：\n全县生产总值增长5%。\n').region.district).toBeNull();
  });

  it('keeps a session headline that goes on after a space as the title, and takes no place from a photo caption (图为…)', () => {
    const meta = metaOf('天津十八届人大二次会议开幕 张三作政府工作报告\n图为天津市第十八届人民代表大会第二次会议开幕式现场。 李四 摄\n'
      + '某某社天津1月15日电(记者 王五)15日上午，天津市第十八届人民代表大会第二次会议开幕，天津市市长张三作政府工作报告。\n');
    expect(meta.title).toBe('天津十八届人大二次会议开幕 张三作政府工作报告');
    expect(meta.docType).toBe('news');
    expect(meta.region).toEqual({ province: '天津市', city: null, district: null });
    expect(meta.level).toBe('province');
  });
});

describe('meta: news naming the governor who delivered the report', () => {
  it('takes the province of its governor (某省省长…向大会作政府工作报告), a municipality\'s of its mayor', () => {
    const news = (who: string) => metaOf(`某某网1月25日讯(记者 张三)今天上午，省十二届人大一次会议开幕。${who}代表省人民政府向大会作政府工作报告。他说，今年全省生产总值增长9.5%左右。\n`);
    expect(news('山东省省长李四').region).toEqual({ province: '山东省', city: null, district: null });
    expect(news('山东省省长李四').level).toBe('province');
    expect(news('重庆市长李四').region.province).toBe('重庆市');
    // A province's head is no 市长 (山东省市长 is no title), nor is a mayor's city named this way a province.
    expect(news('山东省市长李四').region.province).toBeNull();
  });
});

describe('meta: a plan report delivered by a bureau\'s head, below a site\'s menu', () => {
  it('leaves the menu out of the title and takes the bureau from its head\'s line, name set apart or not', () => {
    for (const speaker of ['某某市发展和改革局局长  张三', '某某市发展和改革局局长\n张三']) {
      const meta = metaOf(`网站首页 大会机构 大会议程 文件公告 会议要闻\n某某市2009年国民经济和社会发展计划执行情况与2010年计划草案的报告\n${speaker}\n各位代表：\n我受市人民政府委托，向大会作报告。\n`);
      expect(meta.title, speaker).toBe('某某市2009年国民经济和社会发展计划执行情况与2010年计划草案的报告');
      expect(meta.issuer, speaker).toBe('某某市发展和改革局');
    }
    // A bare 区财政局局长 line names no bureau of its own.
    expect(metaOf('某区2023年财政决算草案的报告\n区财政局局长 张三\n各位委员：\n现将决算草案报告如下。\n').issuer).not.toBe('区财政局');
  });
});

describe('meta: titles made for untitled work reports', () => {
  it('names an untitled work report after its government, never after a bureau that issued a copy', () => {
    const body = '各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n一、2022年工作回顾\n全县一般公共预算收入完成20亿元。\n二、2023年工作安排\n全县一般公共预算收入增长5%。\n';
    expect(metaOf(`某某县财政局\n${body}`)).toMatchObject({ title: null, issuer: '某某县财政局', year: 2023 });
    expect(metaOf(`某某县人民政府\n${body}`)).toMatchObject({ title: '2023年某某县政府工作报告', issuer: '某某县人民政府' });
  });
});

describe('meta: an untitled bulletin signed by a statistics bureau written with pinyin readings', () => {
  it('takes no survey team line as its title, and is of the year it reviews (統(tǒng)計局 is a 统计局)', () => {
    const text = '某某市統(tǒng)計局\n國家統(tǒng)計局某某調查隊\n2012年3月19日\n'
      + '初步核算，2011年全市實現(xiàn)地區(qū)生產總值1403.24億元，比上年增長11.3%。全年居民消費價格上漲5.0%。\n';
    const result = extract({ text }, { rules });
    expect(result.meta).toMatchObject({ title: null, year: 2011, date: '2012-03-19' });
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['1403.24億元', 'actual', 2011], ['11.3%', 'actual', 2011], ['5.0%', 'actual', 2011]]);
  });
});

describe('meta: a session headline ending 召开 or 举行', () => {
  it('reads 某某第十五届人民代表大会第五次会议胜利召开 as news of the session, not a report of its own', () => {
    const meta = metaOf('某某第十五届人民代表大会第五次会议胜利召开\n2月14日，某某县第十五届人民代表大会第五次会议在县文化馆开幕。大会听取和审议了政府工作报告。\n');
    expect(meta.docType).toBe('news');
    expect(metaOf('县委召开常委会议\n会议研究了2011年重点工作。\n').docType).not.toBe('news');
  });
});

describe('meta: news quoting the report on its review year', () => {
  it('dates a news item by the year the report\'s account opens with (在政府工作报告中表示，2021年，…): its figures actuals of 2021', () => {
    const text = '3月5日，全国人大会议在北京开幕。国务院总理在政府工作报告中表示，2021年，我国国内生产总值达到114万亿元，增长8.1%。城镇新增就业1269万人。'
      + '总理在政府工作报告中提出，今年发展主要预期目标是：国内生产总值增长5.5%左右。\n';
    const result = extract({ text }, { rules });
    expect(result.meta).toMatchObject({ docType: 'news', year: 2022 });
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([
      ['114万亿元', 'actual', 2021], ['8.1%', 'actual', 2021], ['1269万人', 'actual', 2021], ['5.5%', 'target', 2022],
    ]);
  });
});

describe('meta: news told in the third person', () => {
  it('reads a text telling who delivered the report (国务院总理作政府工作报告) as news; 报告指出，2021年，… dates every figure of its sentence', () => {
    const text = '3月5日，全国人大会议在人民大会堂开幕。国务院总理作政府工作报告。报告指出，2021年，我国国内生产总值达到114万亿元，增长8.1%，城镇新增就业1269万人。\n';
    const result = extract({ text }, { rules });
    // The report's account opens with the year under review: the report is of the year after, the figures its actuals.
    expect(result.meta).toMatchObject({ docType: 'news', year: 2022 });
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['114万亿元', 'actual', 2021], ['8.1%', 'actual', 2021], ['1269万人', 'actual', 2021]]);
  });
});

describe('meta: a news page opening with a bullet headline and a site\'s stamp', () => {
  it('takes the headline as the title and the date from a stamp led by the site\'s address, written 年月日 with its time', () => {
    const meta = metaOf('- 十大民生实事项目由人大代表票决产生\nwww.example.com.cn 某某新闻网 2021年01月23日 13:18:29\n'
      + '记者从县人大常委会获悉，县十八届人大六次会议票决产生了2021年十大民生实事项目。通过县人大代表票决，全县将新建学校5所。\n');
    expect(meta).toMatchObject({ title: '十大民生实事项目由人大代表票决产生', docType: 'news', date: '2021-01-23', year: 2021 });
    // 记者从县… and 通过县… name no county.
    expect(meta.region.district).toBeNull();
  });
});

describe('meta: page furniture and labels are no titles, nor places', () => {
  it('takes no furniture field line (信息发布人：管理员), delivery line or spaced session file label as the title', () => {
    expect(metaOf('发布时间：2024/1/23 19:45:59    信息发布人：管理员\n某某县第十八届人民代表大会第四次会议开幕\n1月23日上午，会议开幕。\n').title).toBe('某某县第十八届人民代表大会第四次会议开幕');
    const budget = metaOf('市十五届人大五次\n会 议 文 件（十二）\n关于2025年全市预算执行情况和2026年全市预算（草案）的报告\n某某市财政局\n各位代表：\n受市人民政府委托，现将预算执行情况报告如下。\n');
    expect(budget).toMatchObject({ title: '关于2025年全市预算执行情况和2026年全市预算（草案）的报告', docType: 'budget-report' });
    expect(metaOf('在某某省第十一届人民代表大会第一次会议上\n某某省省长 张三\n各位代表：\n现在，我代表省人民政府，向大会报告工作。\n').title ?? '').not.toMatch(/会议上$/);
  });

  it('prefers the page\'s own title to a body title naming only the genre, spaced with lost characters (政??府??工??作??报??告)', () => {
    const text = '工作报告\n某某县2021年政府工作报告\n时间：2023-07-29????\t\t作者：中国县域????\t\t来源：政府官网\n'
      + '政??府??工??作??报??告\n——2021年3月11日在某某县第十七届人民代表大会第五次会议上\n各位代表：\n现在，我代表县人民政府，向大会报告工作。全县生产总值增长5%。\n';
    expect(metaOf(text).title).toBe('某某县2021年政府工作报告');
  });

  it('counts no place the site\'s list of other reports names (相关文章 / 本栏推荐 after the share bar)', () => {
    const links = Array.from({ length: 6 }, (_, i) => `焦作市${['解放', '中站', '山阳', '马村', '城乡', '示范'][i]}区2025年政府工作报告`).join('\n');
    const text = '2021年某某县政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告工作。全县生产总值增长5%。保定市下达的任务全面完成。\n'
      + '分享到： QQ空间 新浪微博\n相关文章\n' + links + '\n';
    expect(metaOf(text).region.city).not.toBe('焦作市');
  });
});

describe('meta: a commentary on the national report in a feed copy', () => {
  it('reads the feed\'s RFC 2822 date, tells the report of in the third person as news, and is national by 我国', () => {
    const text = "---\ntitle: 'GDP增长目标为何设为5.5%左右'\nauthor: 某某财经\ndate: Sun, 06 Mar 2022 00:03:50 GMT\n---\n"
      + '今年的政府工作报告，把我国经济增长目标确定在5.5%左右。我国经济总量大，5.5%是务实理性的。我国发展仍具有诸多优势。\n';
    expect(metaOf(text)).toMatchObject({ title: 'GDP增长目标为何设为5.5%左右', docType: 'news', level: 'national', date: '2022-03-06', year: 2022 });
  });
});

describe('meta: a raw HTML news page on a year\'s economy', () => {
  it('reads the posting date inside its tags and reads the page as looking back on the year its title names', () => {
    const text = '<html>\n<head>\n<title>2025年某某市经济运行总体平稳</title>\n</head>\n<body>\n<div class="title">2025年某某市经济运行总体平稳</div>\n'
      + '<div class="time">2026-02-04 07:19:08</div>\n<p>2025年，全市地区生产总值5382.45亿元，比上年增长1.3%。规模以上工业增加值增长0.6%。</p>\n</body>\n</html>\n';
    const result = extract({ text }, { rules });
    expect(result.meta).toMatchObject({ date: '2026-02-04', year: 2025 });
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['5382.45亿元', 'actual', 2025], ['1.3%', 'actual', 2025], ['0.6%', 'actual', 2025]]);
  });
});

describe('meta: an older report\'s delivery line and speaker', () => {
  it('reads the date written after the venue in parentheses, in Chinese numerals, and takes no spaced speaker\'s name as the title', () => {
    const meta = metaOf('标题：某省2004年政府工作报告\n发文时间：2004-01-12\n\n正文：\n\n政府工作报告\n—在某省第十届人民代表大会第二次会议上（二〇〇四年一月八日）\n某省人民政府省长 于 群\n各位代表：\n现在，我代表省人民政府，向大会报告工作。\n');
    expect(meta.date).toBe('2004-01-08');
    expect(meta.title).not.toMatch(/于 群/);
  });
});

describe('HTML copies saved from Word', () => {
  it('reads a heading closed by Word\'s namespaced tag (<o:p></o:p>) as the heading', () => {
    const text = '<p>2025年某市国民经济和社会发展统计公报</p>\n<p>一、经济总量<o:p></o:p></p>\n<p>全市地区生产总值1500亿元，比上年增长5%。<o:p></o:p></p>\n<p>二、农业<o:p></o:p></p>\n<p>粮食产量50万吨。</p>\n';
    const doc = docOf(text);
    expect(doc.sections.map((s) => doc.view.slice(s.title.start, s.title.end))).toEqual(['经济总量', '农业']);
  });
});

describe('meta: a page title with its site after it', () => {
  it('leaves a news site (…_某某信息港) out of the title and takes no page title ending in 人民政府 as the issuer', () => {
    expect(metaOf('2025年某市常住人口874.4万 增长率约0.65%_某某信息港\n2026-05-22 19:37:19\n日前，某市统计局发布数据。\n').title).toBe('2025年某市常住人口874.4万 增长率约0.65%');
    expect(metaOf('2025年某市国民经济和社会发展统计公报_某市人民政府\n一、综合\n全市地区生产总值1500亿元，比上年增长5%。\n').issuer ?? '').not.toMatch(/公报/);
  });
});

describe('meta: a department budget or final account', () => {
  it('types a 部门预算/部门决算 cover as a budget report and reads the unit above a title opening with its year into the title', () => {
    const body = '\n目录\n一、部门主要职能\n二、收入支出决算总体情况\n2024年度收入总计1200万元，比上年减少56万元。\n';
    expect(metaOf(`某某市某某区财政局\n2024年度部门决算${body}`)).toMatchObject({ title: '某某市某某区财政局2024年度部门决算', docType: 'budget-report', year: 2024 });
    // A long unit name wrapped over two cover lines, one holding a title word (规划): read together all the same.
    expect(metaOf(`某某市某某区规划和自然\n资源局\n2024年度部门决算${body}`)).toMatchObject({ title: '某某市某某区规划和自然资源局2024年度部门决算', docType: 'budget-report' });
    expect(metaOf(`某某市某某区2025年区级部门预算\n预算主管部门：某某市某某区商务委员会${body}`)).toMatchObject({ title: '某某市某某区2025年区级部门预算', docType: 'budget-report', year: 2025 });
    // A cover line that names no unit is no part of the title.
    expect(metaOf(`信息公开\n2024年度部门决算${body}`).title).toBe('2024年度部门决算');
  });
});

describe('meta: a reposted statistical bulletin', () => {
  it('passes over a page\'s date stamp and channel label to the bulletin\'s own title, and dates its figures by it', () => {
    const text = '新闻\n体育\n2026年8月20日 政府频道最新文章\n政府频道最新文章\n某某市2025年国民经济和社会发展统计公报\n2026-04-30 18:20\n'
      + '一、综合\n全年全市地区生产总值1200亿元，比上年增长5.1%。\n';
    const result = extract({ text }, { rules });
    expect(result.meta).toMatchObject({ title: '某某市2025年国民经济和社会发展统计公报', docType: 'other', year: 2025 });
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['1200亿元', 'actual', 2025], ['5.1%', 'actual', 2025]]);
  });

  it('takes no field line of a page (分类：地级市统计公报) for a title', () => {
    expect(metaOf('某某统计公报库\n分类：地级市统计公报\n2025年某某市国民经济和社会发展统计公报\n一、综合\n全年全市地区生产总值1200亿元。\n').title).toBe('2025年某某市国民经济和社会发展统计公报');
  });
});

describe('meta: the title word of a transmitted document, and a delivery line typed with other dashes', () => {
  it('types a notice transmitting an 意见 or a 办法 as a policy, one transmitting a 分工方案 as a task notice', () => {
    const body = '\n各区人民政府，市政府各委、办、局：\n现将《…》印发给你们，请认真按照执行。\n一、总体要求\n到2025年底，本市建成区40%以上的面积达到海绵城市建设要求。\n';
    expect(metaOf(`某市人民政府办公厅关于印发《本市系统化全域推进海绵城市建设的实施意见》的通知${body}`).docType).toBe('policy-notice');
    expect(metaOf(`关于印发《某市养老服务补贴办法》的通知${body}`).docType).toBe('policy-notice');
    expect(metaOf(`关于印发《某县2024年重点工作任务分工方案》的通知${body}`).docType).toBe('task-notice');
    // Its figure after a deadline (到2025年底，…) is a goal, though the notice names no year of its own.
    expect(docOf(`某市人民政府办公厅关于印发《本市海绵城市建设的实施意见》的通知${body}`).quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['40%', 'target', 2025]]);
  });

  it('takes no delivery line opened by ―― (U+2015) for the title', () => {
    const text = '2021年某市政府工作报告\n――2021年1月31日在某市第十五届人民代表大会第六次会议上\n各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n';
    expect(metaOf(text).title).toBe('2021年某市政府工作报告');
    expect(metaOf(`――2021年1月31日在某市第十五届人民代表大会第六次会议上\n${text}`).title).toBe('2021年某市政府工作报告');
  });
});

describe('meta: a digest titled by the session it was delivered at', () => {
  it('takes the digest\'s own title line (…在某市十六届人大七次会议上的政府工作报告（摘登）), not its first part title', () => {
    const text = '某某市长在某市十六届人大七次会议上的政府工作报告（摘登）\n“十四五”时期经济社会发展回顾\n本报讯 市长指出，过去五年全市生产总值年均增长5.5%。\n2026年主要工作\n本报讯 今年全市生产总值预期增长5%左右。\n';
    expect(metaOf(text).title).toBe('某某市长在某市十六届人大七次会议上的政府工作报告（摘登）');
    // A session's file label is still none (阜平县十七届人大五次会议文件).
    expect(metaOf('某县十七届人大五次会议文件\n2024年某县政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告工作。\n').title).toBe('2024年某县政府工作报告');
  });
});

describe('meta: a repost naming its original headline', () => {
  it('types a page whose body opens 原标题：… as news, an HTML copy too', () => {
    const body = '\n2021年，全省地区生产总值达到8.3万亿元，比上年增长8.3%。\n';
    expect(metaOf(`粤苏鲁经济领跑全国\n原标题：粤苏鲁经济领跑全国，GDP总量相加超30万亿元${body}`).docType).toBe('news');
    expect(metaOf(`粤苏鲁经济领跑全国\n<div>\n<p>　　原标题：粤苏鲁经济领跑全国，GDP总量相加超30万亿元</p>${body}`).docType).toBe('news');
  });
});

describe('meta: a markdown copy', () => {
  it('takes its level-1 heading for the title however short (# 新闻联播 2025-03-05), and no list item that is a field (- 数据源：…)', () => {
    const text = '# 新闻联播 2025-03-05\n\n- 数据源：央视网（CCTV 官方文字稿）\n- 新闻条数：20\n\n## 本期节目主要内容\n\n十四届全国人大三次会议在京开幕，国务院总理作政府工作报告。\n';
    expect(metaOf(text).title).toBe('新闻联播 2025-03-05');
    expect(metaOf('- 数据源：央视网（CCTV 官方文字稿）\n某某市2025年国民经济和社会发展统计公报\n一、综合\n全年全市地区生产总值1200亿元。\n').title).toBe('某某市2025年国民经济和社会发展统计公报');
  });
});
