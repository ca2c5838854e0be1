import { describe, expect, it } from 'vitest';
import { assemble } from '../src/assemble.js';
import { paragraphs } from '../src/stages/segment.js';
import { extract } from '../src/api.js';
import { docOf, rules } from './helpers.js';

const headings = (text: string) => assemble(docOf(text)).sections.map((s) => [s.depth, s.heading]);

describe('segment: headings and depth by context', () => {
  it('reads the number-full-stop signs (⒈ ⒉) as numbered items, the same style as 1. 2.', () => {
    expect(headings('一、加强海洋保护\n⒈完善监测网络\n全区新建监测站3个。\n⒉增强海洋保护公众参与\n开展宣传活动。\n')).toEqual([[1, '一、加强海洋保护'], [2, '⒈完善监测网络'], [2, '⒉增强海洋保护公众参与']]);
  });

  it('reads full-width parentheses, stops the title at the first 。, and skips term:definition lines', () => {
    const text = '一、总体要求\n（一）稳住经济大盘。要坚持稳字当头。\n（二）扩大有效投资，加快项目建设\n1.九责工作法:是指明责、谈责的工作方法。\n二、保障措施\n';
    expect(headings(text)).toEqual([
      [1, '一、总体要求'],
      [2, '（一）稳住经济大盘'],
      [2, '（二）扩大有效投资，加快项目建设'],
      [1, '二、保障措施'],
    ]);
  });

  it('gives 篇, 章 and 节 of a plan outline three levels, and 章 the top where there is no 篇', () => {
    const outline = '第一篇　开创新局面\n第一章　发展环境\n第一节　取得重大成就\n全县生产总值增长6%。\n第二章　指导方针\n第二篇　构建现代产业体系\n第三章　建设制造强县\n';
    expect(headings(outline).map(([d, h]) => [d, String(h).split('　')[0]])).toEqual([
      [1, '第一篇'], [2, '第一章'], [3, '第一节'], [2, '第二章'], [1, '第二篇'], [2, '第三章'],
    ]);
    expect(headings('第一章　总则\n第一节　目标\n第二章　任务\n').map(([d]) => d)).toEqual([1, 2, 1]);
  });

  it('reads a marker alone on its line with the title on the next line as one heading', () => {
    const text = '某镇河长制工作考核细则\n一、\n巩固成果，提升河长制工作实效\n（一）加强监督管理。开展巡河。\n二、\n  水岸联动，推进“管治保”措施\n加大保洁力度。\n';
    expect(headings(text)).toEqual([
      [1, '一、\n巩固成果，提升河长制工作实效'],
      [2, '（一）加强监督管理'],
      [1, '二、\n  水岸联动，推进“管治保”措施'],
    ]);
    // Two marker lines in a row are no title of each other.
    expect(headings('一、\n二、\n总体要求\n').map(([, h]) => h)).not.toContain('一、\n二、');
  });

  it('reads a heading and a paragraph a scraped page broke at an inline link (二、“ / 十四五 / ”时期…) whole, and its span', () => {
    const text = '2021年某省政府工作报告\n一、2020年工作回顾\n全省生产总值增长3.9%。\n二、“\n十四五\n”时期发展的总体思路和重点任务\n“\n十四五\n”时期，全省新增城镇就业400万人以上。\n三、2021年重点工作\n全省生产总值增长6.5%左右。\n';
    expect(headings(text)).toEqual([[1, '一、2020年工作回顾'], [1, '二、“\n十四五\n”时期发展的总体思路和重点任务'], [1, '三、2021年重点工作']]);
    const r = extract({ text }, { rules });
    expect(r.sections[1]!.period).toEqual([2021, 2025]);
    expect(r.quantities.map((q) => [q.core.text, q.kind, q.year, q.period])).toEqual([
      ['3.9%', 'actual', 2020, null], ['400万人', 'target', null, [2021, 2025]], ['6.5%', 'target', 2021, null],
    ]);
  });

  it('reads a 办法\'s articles standing on their lines (第一条（目的和依据）) as headings, but not a numbered statement or list item', () => {
    const text = '某市专项资金扶持办法\n第一条（目的和依据）\n为促进可再生能源发展，制定本办法。\n第二条（支持方式）\n（一）海上风电\n奖励标准为0.1元/千瓦时。\n（二）根据市场成本和国家补贴政策变化，市发展改革委、市财政局可对年度新申请项目奖励标准进行适当调整。\n第三条（项目审核）\n1.项目审批手续是否完备规范；\n2.项目是否按期建成投产；\n第四条 本办法自发布之日起施行。\n';
    expect(headings(text)).toEqual([[1, '第一条（目的和依据）'], [1, '第二条（支持方式）'], [2, '（一）海上风电'], [1, '第三条（项目审核）']]);
  });

  it('ends a numbered line\'s title at a short phrase closed by a colon with text after it ((一)高风险类：…)', () => {
    const text = '某街道房屋安全排查方案\n一、分类标准\n（一）高风险类：存在明显结构安全隐患的房屋。\n（二）低风险类：其他房屋。\n';
    expect(headings(text)).toEqual([[1, '一、分类标准'], [2, '（一）高风险类'], [2, '（二）低风险类']]);
  });

  it('keeps a title standing alone on its line whole, a colon inside it ((一)“促发展”：优化商务商业资源); a figure after the colon is a statement', () => {
    const text = '某区城市更新规划\n二、主要任务\n（一）“促发展”：优化商务商业资源\n推动老旧商务楼宇更新改造。\n（二）“惠民生”：改善居住条件\n加快旧住房成套改造。\n（三）深度贫困村：24个\n';
    expect(headings(text)).toEqual([[1, '二、主要任务'], [2, '（一）“促发展”：优化商务商业资源'], [2, '（二）“惠民生”：改善居住条件'], [2, '（三）深度贫困村']]);
  });

  it('takes a part title run straight on into a long statement closed by its full stop (二、2025年工作思路2025年，…将…。) as the title', () => {
    const text = '某片区2024年度工作总结及2025年工作思路\n一、2024年工作开展情况\n2024年，全区上下团结奋斗，各项事业取得新进展。\n二、2025年工作思路2025年，我们将全面贯彻落实党的二十大精神。\n（一）扩大有效投资\n全年新建学校2所。\n';
    expect(headings(text)).toEqual([[1, '一、2024年工作开展情况'], [1, '二、2025年工作思路'], [2, '（一）扩大有效投资']]);
  });

  it('reads a part title alone on its line with a colon after it (2024年工作回顾：), the colon left out of it', () => {
    const text = '2024年工作回顾：\n全年地区生产总值增长5%。\n2025年工作安排：\n（一）扩大有效投资\n全年固定资产投资增长10%左右。\n';
    expect(headings(text)).toEqual([[1, '2024年工作回顾'], [1, '2025年工作安排'], [2, '（一）扩大有效投资']]);
    expect(assemble(docOf(text)).quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['5%', 'actual', 2024], ['10%', 'target', 2025]]);
  });

  it('puts 一、 under unnumbered year parts; a 一、 after a （一） it outranks closes it rather than going under it', () => {
    const text = '2023年工作回顾\n一、经济运行稳中有进\n1.工业提质。工业增加值稳步增长。\n2024年重点工作安排\n（一）扩大内需\n一、培育新动能\n名词解释\n';
    expect(headings(text)).toEqual([
      [1, '2023年工作回顾'],
      [2, '一、经济运行稳中有进'],
      [3, '1.工业提质'],
      [1, '2024年重点工作安排'],
      [2, '（一）扩大内需'],
      [2, '一、培育新动能'],
      [1, '名词解释'],
    ]);
  });

  it('a copy that starts inside a part (（八）… then 二、…) puts the outranking 二、 at the top, not under （八）', () => {
    const text = '（八）坚持高效治理，社会和谐稳定\n全年化解信访积案120件。\n1.平安建设。刑事案件下降10%。\n二、2023年主要工作\n（一）扩大内需\n';
    expect(headings(text)).toEqual([[1, '（八）坚持高效治理，社会和谐稳定'], [2, '1.平安建设'], [1, '二、2023年主要工作'], [2, '（一）扩大内需']]);
  });

  it('reads 第一部分 and circled markers', () => {
    const text = '第一部分 总体情况\n①产业发展\n第二部分 目标任务\n';
    expect(headings(text)).toEqual([
      [1, '第一部分 总体情况'],
      [2, '①产业发展'],
      [1, '第二部分 目标任务'],
    ]);
  });

  it('keeps a heading whose body speaks of units without naming who does what (责任单位主要负责同志要亲自调度)', () => {
    const text = '四、下一步工作要求\n（一）聚焦滞后任务。对14项滞后任务，责任单位主要负责同志要亲自研究、亲自调度。\n（二）强化督查问效。按月通报。\n';
    expect(headings(text)).toEqual([[1, '四、下一步工作要求'], [2, '（一）聚焦滞后任务'], [2, '（二）强化督查问效']]);
  });

  it('puts 第一节 under 第一章, as a plan outline writes them', () => {
    const text = '第一章 发展基础\n第一节 发展成就\n全市经济平稳增长。\n第二节 发展环境\n第二章 主要目标\n第一节 指导思想\n';
    expect(headings(text)).toEqual([
      [1, '第一章 发展基础'], [2, '第一节 发展成就'], [2, '第二节 发展环境'], [1, '第二章 主要目标'], [2, '第一节 指导思想'],
    ]);
  });

  it('reads a bulleted bold line of a markdown copy (★ **2025年成绩单**) as an unnumbered heading', () => {
    const text = '★ **2025年成绩单**\n> 全县GDP完成468.5亿元。\n\n★ **2026年主要预期目标**\n地区生产总值增长6%左右。\n';
    expect(headings(text)).toEqual([[1, '2025年成绩单'], [1, '2026年主要预期目标']]);
  });

  it('reads a digest\'s part lines that look back on a year or ahead to one (回顾2024年：, 展望2025年：) as headings of those roles', () => {
    const text = '某市政府工作报告要点\n\n回顾2024年：\n - 全市地区生产总值增长5.5%，达到3200亿元\n\n展望2025年：\n - 地区生产总值增长6%左右\n\n2025年怎么干\n - 新建学校5所\n';
    const result = extract({ text }, { rules });
    expect(result.sections.map((s) => [s.heading, s.role])).toEqual([['回顾2024年', 'review'], ['展望2025年', 'plan'], ['2025年怎么干', 'plan']]);
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([['5.5%', 'actual', 2024], ['3200亿元', 'actual', 2024], ['6%', 'target', 2025], ['5所', 'target', 2025]]);
    // A sentence that opens by looking back is no heading.
    expect(headings('回顾2024年的工作，我们倍感振奋。\n')).toEqual([]);
  });

  it('does not take 一是, 第一，, —— or unmarked opening phrases for headings', () => {
    const text = '一、主要工作\n一是稳投资。全年投资增长。\n第一，抓项目。项目建设加快。\n——产业升级。\n加快调整产业结构。推动转型。\n';
    expect(headings(text)).toEqual([[1, '一、主要工作']]);
  });

  it('takes a numbered line with 责任单位 in its body for a task, not a heading', () => {
    const text = '一、重点任务\n（一）建设商贸中心（牵头单位：区商务局）\n1.促进消费。开展促消费活动。(责任单位:区商务局、区文旅局)\n';
    const doc = docOf(text);
    expect(headings(text)).toEqual([[1, '一、重点任务'], [2, '（一）建设商贸中心']]);
    const lead = doc.sections[1]!.leadText!;
    expect(doc.text.slice(lead.start, lead.end)).toBe('牵头单位：区商务局');
  });

  it('reads decimal outline numbers (1.1增创…新优势。) as a level below 1., never a figure starting a line (1.5万亩, 5.5 / 亿元)', () => {
    const text = '三、提升国际经济中心地位\n1.加快提升现代化产业体系整体竞争力\n1.1增创制造业高质量发展新优势。\n推动制造业高端化。\n1.2激活服务业创新发展新动力。\n'
      + '做强现代服务业，全年完成投资\n5.5\n亿元。\n';
    expect(headings(text)).toEqual([[1, '三、提升国际经济中心地位'], [2, '1.加快提升现代化产业体系整体竞争力'], [3, '1.1增创制造业高质量发展新优势'], [3, '1.2激活服务业创新发展新动力']]);
  });

  it('reads a 换届 report\'s part titles written after a slogan and a dash (砥砺奋斗、负重前行——本届政府工作回顾), with their roles', () => {
    const text = '2022年某市政府工作报告\n各位代表：\n现在，我代表市人民政府向大会报告工作。\n砥砺奋斗、负重前行——本届政府工作回顾\n'
      + '过去五年，全市地区生产总值年均增长8.1%。\n奋楫扬帆、勇毅前行——2022年工作安排\n今年全市地区生产总值增长8%左右。\n';
    const result = extract({ text }, { rules });
    expect(result.sections.map((s) => [s.heading, s.role])).toEqual([['砥砺奋斗、负重前行——本届政府工作回顾', 'review'], ['奋楫扬帆、勇毅前行——2022年工作安排', 'plan']]);
    // The delivery line under a title (政府工作报告——2022年1月…) is no part title.
    expect(headings('政府工作报告——2022年1月在某市第六届人民代表大会上\n各位代表：\n')).toEqual([]);
  });

  it('ends a heading before a part\'s weight in an assessment scheme ((25分)), whose figure is still read as the part\'s', () => {
    const text = '某市数字政府建设考评办法\n一、政务服务一网通办（25分）\n（一）一体化政务服务平台建设（3分）\n1．开通全程网办。（牵头考核单位：市审批服务局）\n';
    expect(headings(text)).toEqual([[1, '一、政务服务一网通办'], [2, '（一）一体化政务服务平台建设']]);
    const result = extract({ text }, { rules });
    expect(result.quantities.map((q) => [q.core.text, q.indicator, q.kind])).toEqual([['25分', '政务服务一网通办', 'other'], ['3分', '一体化政务服务平台建设', 'other']]);
  });

  it('does not take numbered list items with amounts for headings', () => {
    const text = '三、投资计划\n1.城市道路项目45项,年度计划投资15.92亿元;\n2.市政工程项目8项,年度计划投资4.55亿元。\n';
    expect(headings(text)).toEqual([[1, '三、投资计划']]);
  });

  it('reads short standalone lines as headings only in unnumbered articles', () => {
    const body = '今年以来，全区上下坚持稳中求进工作总基调，扎实推进各项工作，经济运行总体平稳，发展质量稳步提升，社会大局保持稳定，人民群众获得感持续增强。';
    const article = `区政府召开全体会议\n${body}\n打好经济发展组合拳\n构建现代产业体系\n${body}\n优化营商环境\n${body}\n`;
    expect(headings(article)).toEqual([[1, '打好经济发展组合拳'], [2, '构建现代产业体系'], [1, '优化营商环境']]);
    const report = `一、工作回顾\n${body}\n打好经济发展组合拳\n${body}\n二、工作安排\n${body}\n`;
    expect(headings(report)).toEqual([[1, '一、工作回顾'], [1, '二、工作安排']]);
  });

  it('reads a shorter standalone line that names a part of the report (主要目标, 回眸展望) as a heading, and no other', () => {
    const body = '县长在县人大会议上所作的政府工作报告，总结成绩客观实在、直观形象，谋划工作求真务实、目标明确，给与会代表和列席人员留下了深刻印象。';
    const article = `某县政府工作报告解读\n${body}\n主要目标\n生产总值增长11.5%左右，全社会固定资产投资增长23%左右。\n回眸展望\n${body}\n镇安花园\n${body}\n`;
    expect(headings(article)).toEqual([[1, '主要目标'], [1, '回眸展望']]);
    expect(extract({ text: article }, { rules }).quantities.map((q) => q.kind)).toEqual(['target', 'target']);
  });

  it('takes no figure or table caption (图1 …, 表1 …) for a standalone heading', () => {
    const output = '全年全省地区生产总值20164.58亿元，比上年增长1.2%。其中，第一产业增加值2861.18亿元，增长3.4%；第二产业增加值7113.87亿元，增长0.4%；第三产业增加值10189.53亿元，增长1.1%。';
    const people = '年末全省常住人口3856万人，比上年末增加4万人。其中，城镇常住人口2107万人，占年末常住人口比重为54.6%，比上年末提高0.7个百分点。全年出生人口45.6万人，人口出生率为11.8‰。';
    const income = '全年全省居民人均可支配收入25508元，比上年增长6.2%。按常住地分，城镇居民人均可支配收入41086元，增长4.6%；农村居民人均可支配收入13707元，增长6.4%。';
    const bulletin = `某省2024年国民经济和社会发展统计公报\n某省统计局\n一、综合\n${output}\n图1 三次产业增加值及其增长速度\n${people}\n表1 年末常住人口及其构成\n${income}\n`;
    expect(headings(bulletin)).toEqual([[1, '一、综合']]);
  });
});

describe('segment: paragraphs', () => {
  it('splits flattened one-line reports at em-space pairs and literal \\r\\n escapes', () => {
    const text = '一、2020年工作回顾 \u2003\u2003过去一年极不平凡。 \u2003\u2003（一）坚持稳中求进。全年增长。\\r\\n二、主要任务';
    const doc = docOf(text);
    const paras = paragraphs(doc, rules.headings).map((p) => doc.text.slice(p.start, p.end));
    expect(paras).toEqual(['一、2020年工作回顾', '过去一年极不平凡。', '（一）坚持稳中求进。全年增长。', '二、主要任务']);
    expect(headings(text)).toEqual([[1, '一、2020年工作回顾'], [2, '（一）坚持稳中求进'], [1, '二、主要任务']]);
  });

  it('cuts a report flattened onto one line with no spaces before its heading markers', () => {
    const body = '全县上下团结奋斗，各项事业取得新进展，经济运行稳中有进，社会大局和谐稳定，人民群众获得感不断增强。'.repeat(4);
    const text = `2027年青山县政府工作报告——2027年1月10日在青山县第十九届人民代表大会第三次会议上 各位代表：${body}`
      + `一、2026年工作回顾过去一年，${body}（一）工业经济稳步增长。规模以上工业增加值增长7.1%。（二）城乡面貌持续改善。${body}`
      + `二、2027年工作安排今年是关键之年，${body}1.扩大有效投资。新开工项目30个。2.提振消费。${body}`
      + '名词解释 1.规模以上工业企业：指年主营业务收入2000万元及以上的工业法人单位。2.专精特新：指专业化、精细化、特色化、新颖化。';
    expect(headings(text)).toEqual([
      [1, '一、2026年工作回顾'], [2, '（一）工业经济稳步增长'], [2, '（二）城乡面貌持续改善'],
      [1, '二、2027年工作安排'], [2, '1.扩大有效投资'], [2, '2.提振消费'], [1, '名词解释'],
    ]);
    const result = assemble(docOf(text));
    expect(result.glossary.map((g) => g.term)).toEqual(['规模以上工业企业', '专精特新']);
    expect(result.meta.title).toBe('2027年青山县政府工作报告');
    for (const s of result.sections) expect(text.slice(s.span.start, s.span.end)).toBe(s.text);
  });

  it('cuts numbered part titles run straight on into prose in a one-line report, and markers after a colon', () => {
    const body = '全市上下团结奋斗，各项事业取得新进展，经济运行稳中有进，社会大局和谐稳定，人民群众获得感不断增强。'.repeat(3);
    const text = `2031年白河市政府工作报告——2031年1月8日在白河市第九届人民代表大会第四次会议上 各位代表：${body}`
      + `一、“十五五”时期和2030年工作回顾过去的五年很不平凡，全市生产总值年均增长6.1%。${body}2030年，全市生产总值增长5.6%。`
      + `二、“十六五”时期主要目标任务今后五年的主要目标是：全市生产总值年均增长5%左右，常住人口城镇化率达到68%左右。${body}`
      + `三、2031年工作安排今年经济社会发展的主要预期目标是：全市生产总值增长5.5%左右。重点抓好八个方面工作：（一）着力扩大有效需求。${body}（二）着力深化改革开放。${body}`;
    expect(headings(text)).toEqual([
      [1, '一、“十五五”时期和2030年工作回顾'], [1, '二、“十六五”时期主要目标任务'], [1, '三、2031年工作安排'],
      [2, '（一）着力扩大有效需求'], [2, '（二）着力深化改革开放'],
    ]);
    const result = assemble(docOf(text));
    const q = (core: string) => result.quantities.find((x) => x.core.text === core)!;
    expect([q('5.6%').kind, q('5.6%').year]).toEqual(['actual', 2030]);
    expect([q('5%').kind, q('5%').period]).toEqual(['target', [2031, 2035]]);
    expect([q('68%').kind, q('68%').year]).toEqual(['target', 2035]);
    expect([q('5.5%').kind, q('5.5%').year]).toEqual(['target', 2031]);
  });

  it('in a plan flattened onto one line, cuts before a chapter or section marker a space follows wherever it stands, but not inside its table of contents', () => {
    const body = '全区上下团结奋斗，各项事业取得新进展，社会事业持续健康发展，人民群众获得感不断增强。'.repeat(4);
    const text = '某区“十四五”社会事业发展专项规划 目 录前 言第一章 “十三五”规划总结第一节 发展成就第二节 面临的形势'
      + `第二章 发展目标第一节 指导思想第二节 主要目标前 言${body}第一章 “十三五”规划总结第一节 发展成就`
      + `“十三五”期间，全区新建学校12所。${body}第二章 发展目标第一节 指导思想${body}第二节 主要目标到2025年，新建学校20所。${body}`;
    const result = assemble(docOf(text));
    // (Where a section's title ends in its prose the flattening does not tell: a title runs on to its first stop.)
    expect(result.sections.map((s) => [s.depth, s.heading.slice(0, 12), s.role])).toEqual([
      [1, '第一章 “十三五”规划总', 'review'], [2, '第一节 发展成就“十三五', 'review'], [1, '第二章 发展目标', 'plan'], [2, '第一节 指导思想全区上下', 'plan'],
      [2, '第二节 主要目标到202', 'plan'],
    ]);
    expect(result.quantities.map((q) => [q.core.text, q.kind])).toEqual([['12所', 'actual'], ['20所', 'target']]);
  });

  it('in a report flattened onto one line, cuts before (一) glued to the title above it (not after 第), and ends a title where its text opens (一是, 截止…)', () => {
    const body = '全区国资系统坚持稳中求进，各项工作取得新成效，国有企业改革持续深化，监管效能不断提升。'.repeat(4);
    const text = `某区国有资产管理局关于2022年度国资国企监管工作情况的报告 现将有关情况报告如下：一、2022年主要工作（一）基本情况截止2022年底，区属国有企业资产总额850亿元。${body}`
      + `（二）深化国资国企改革一是国企改革三年行动任务如期完成，完成改革任务52项，落实第（一）项要求。${body}二、2023年工作计划（一）继续深化改革。${body}`;
    expect(headings(text)).toEqual([
      [1, '一、2022年主要工作'], [2, '（一）基本情况'], [2, '（二）深化国资国企改革'], [1, '二、2023年工作计划'], [2, '（一）继续深化改革'],
    ]);
  });

  it('keeps a numbered title with a part-title phrase inside it whole when nothing shows it ran on', () => {
    const text = '一、加强目标任务管理，确保全年任务完成\n正文。\n二、工作安排\n正文。\n三、重点工作推进有力，全年完成投资50亿元。\n';
    expect(headings(text)).toEqual([[1, '一、加强目标任务管理，确保全年任务完成'], [1, '二、工作安排']]);
  });

  it('in a report flattened onto one line, cuts a numbered part phrase with no time before it', () => {
    const body = '全县上下团结奋斗，各项事业取得新进展，经济运行稳中有进，社会大局和谐稳定。'.repeat(5);
    const text = `各位代表：${body}一、2030年工作回顾过去一年，${body}二、主要目标任务今后五年的主要目标是：全县生产总值年均增长5%左右。${body}`;
    expect(headings(text)).toEqual([[1, '一、2030年工作回顾'], [1, '二、主要目标任务']]);
  });

  it('does not cut an ordinary long paragraph at an inline 一、', () => {
    const text = `一、总体要求\n${'坚持稳中求进工作总基调。'.repeat(20)}主要把握三点：一、坚持创新驱动。二、坚持绿色发展。\n二、主要任务\n${'推进各项工作。'.repeat(200)}`;
    expect(headings(text)).toEqual([[1, '一、总体要求'], [1, '二、主要任务']]);
  });

  it('keeps offsets exact with CRLF and lone CR line endings', () => {
    const text = '一、总体要求\r\n正文第一段。\r二、保障措施\r\n';
    const result = assemble(docOf(text));
    for (const s of result.sections) expect(text.slice(s.span.start, s.span.end)).toBe(s.text);
    expect(result.sections.map((s) => s.span.line)).toEqual([1, 3]);
  });

  it('assigns each paragraph to its innermost section', () => {
    const doc = docOf('一、甲\n第一段。\n（一）乙\n第二段。\n二、丙\n第三段。\n');
    const sectionOf = (t: string) => doc.blocks.find((b) => doc.text.slice(b.start, b.end) === t)?.section;
    expect([sectionOf('第一段。'), sectionOf('第二段。'), sectionOf('第三段。')]).toEqual(['s1', 's2', 's3']);
    expect(doc.sections.map((s) => [s.id, s.parent, s.end])).toEqual([['s1', null, 19], ['s2', 's1', 19], ['s3', null, doc.text.length]]);
  });
});

describe('segment: part titles run on in a report flattened onto one line', () => {
  const filler = '全县上下坚决贯彻上级决策部署，经济社会发展取得新成效。'.repeat(12);
  it('cuts a numbered part title at its phrase even when the prose after it has no comma', () => {
    const text = `各位代表：现在，我代表县人民政府向大会报告工作。一、“十四五”时期和2025年工作回顾过去的五年极不寻常、极不平凡。${filler}二、“十五五”时期主要目标任务今后五年，全县生产总值年均增长5%左右。${filler}`;
    expect(headings(text)).toEqual([[1, '一、“十四五”时期和2025年工作回顾'], [1, '二、“十五五”时期主要目标任务']]);
  });
  it('keeps both parts of a title that names two (工作回顾和…工作安排)', () => {
    const text = `各位代表：现在，我代表县人民政府向大会报告工作。一、2025年工作回顾和2026年工作安排过去一年极不平凡。${filler}二、“十五五”时期主要目标任务今后五年，全县生产总值年均增长5%左右。${filler}`;
    expect(headings(text)).toEqual([[1, '一、2025年工作回顾和2026年工作安排'], [1, '二、“十五五”时期主要目标任务']]);
  });
});
