import { describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import { units } from '../src/stages/clean.js';
import { docOf, rules } from './helpers.js';

const BODY = '今年以来，全区上下坚持稳中求进工作总基调，扎实推进各项工作，经济运行总体平稳，地区生产总值增长6.5%。';
const removed = (text: string) => docOf(text).removed.map((r) => [r.rule, text.slice(r.start, r.end)]);
/** The text left once every removed span is cut out, one kept line per line. */
function kept(text: string): string[] {
  const doc = docOf(text);
  let out = '';
  let at = 0;
  for (const r of doc.removed) {
    out += text.slice(at, r.start);
    at = r.end;
  }
  return (out + text.slice(at)).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

describe('clean: units', () => {
  it('cuts flattened lines at literal \\r\\n escapes and runs of spaces, keeping offsets', () => {
    const text = '标题一\\r\\n第一段。\u3000\u3000第二段。\n  第三段  ';
    const doc = docOf(text);
    expect(units(doc).map((u) => text.slice(u.start, u.end))).toEqual(['标题一', '第一段。', '第二段。', '第三段']);
  });
});

describe('clean: the units it hands on', () => {
  it('are the units of the view it leaves, page breaks blanked, whether lines were read again or taken over', () => {
    const head = '某某县人民政府';
    const texts = [
      // Hard-wrapped text broken by page numbers and a running head at two page breaks.
      ['一、工作回顾', BODY.slice(0, 20), '— 2 —', head, BODY.slice(20), BODY, '— 3 —', head, BODY].join('\n'),
      // A page number between runs of spaces inside a flattened line, and one on its own line.
      `${BODY}   — 2 —   ${BODY}\n— 3 —\n${BODY}`,
      // A report flattened onto one line with escaped line breaks, a page number and heading markers inside.
      `政府工作报告\\r\\n— 2 —\\r\\n${BODY.repeat(12)}(一)稳增长。${BODY.repeat(3)}二、主要任务。${BODY}`,
      // A report flattened onto one line, cut before its markers, and a page number on a line of its own: the cuts are taken over.
      `${BODY.repeat(12)}(一)稳增长。${BODY.repeat(3)}二、主要任务。${BODY}\n— 2 —\n${BODY}`,
      // No furniture at all.
      [BODY, '二、主要任务', BODY].join('\n'),
    ];
    for (const text of texts) {
      const doc = docOf(text);
      const fresh = units(doc, rules.headings.compiled).map((u) => [u.start, u.end, u.body]);
      expect(doc.lineUnits!.map((u) => [u.start, u.end, u.body])).toEqual(fresh);
    }
    // The page breaks were blanked in the first text, so its lines were read again.
    expect(docOf(texts[0]!).view).toContain('\ufeff');
  });
});

describe('clean: page furniture', () => {
  it('removes a news page\'s lists after its article (更多新闻 … to the end, its footer too) and its 展开阅读全文 button, never the article', () => {
    const text = `某市预算报告出炉\n${BODY}\n${BODY}\n${BODY}\n展开阅读全文\n更多新闻\n网友评论\n一镇茶香远 半城古韵深\n多地推购房补贴政策，房贷贴息扩围可能性几何？\n`
      + 'Copyright ©1998 - 2025 某某日报社版权所有 注意：未经书面许可，禁止一切形式的转载或引用。\n';
    const doc = docOf(text);
    expect(removed(text).map(([rule]) => rule)).toEqual(['furniture.buttons', 'furniture.more-articles']);
    expect(extract({ text }, { rules }).sections).toEqual([]);
    expect(doc.removed[0]!.start).toBeGreaterThan(text.lastIndexOf(BODY));
  });

  it('removes a breadcrumb trail that goes on over the next line (您现在的位置:首页 / > 政务公开 > 重点工作落实情况), not the title after it', () => {
    const page = ['您现在的位置:首页', '> 政务公开 > 重点工作落实情况', '2023年某区政府工作报告重点工作责任分解第一季度进展情况', BODY].join('\n');
    expect(kept(page)).toEqual(['2023年某区政府工作报告重点工作责任分解第一季度进展情况', BODY]);
    expect(extract({ text: page }, { rules }).meta.title).toBe('2023年某区政府工作报告重点工作责任分解第一季度进展情况');
    // A mark with its item on the same line leaves the short headline after it to the page.
    const trail = ['当前位置：', '首页', '> 专题专栏', '> 工作报告', '回望奋进路 阔步新征程', BODY].join('\n');
    expect(kept(trail)).toEqual(['回望奋进路 阔步新征程', BODY]);
  });

  it('removes a portal page\'s navigation above its breadcrumb: menus, a blurb, link lists and their dates', () => {
    const nav = ['某市财政局', '网站首页', '走进财政', '某市财政局贯彻落实党中央关于财政工作的方针政策，在履行职责过程中坚持党的领导。查看更多', '政务公开',
      '某市召开2026年度会计人员继续教育工作会议', '07-27', '关于开展2026年度会计专业技术人员继续教育工作的通知', '发布时间：2026-08-19'];
    const article = ['关于某市2025年财政决算的报告', '日期： 2026-07-15', '2025年，全市一般公共预算收入53.68亿元，同比增长7.3%。', BODY];
    const page = [...nav, '当前位置：', '首页 > 政务公开 > 财政信息', '> 财政决算', ...article].join('\n');
    expect(kept(page)).toEqual(['关于某市2025年财政决算的报告', '2025年，全市一般公共预算收入53.68亿元，同比增长7.3%。', BODY]);
    const result = extract({ text: page }, { rules });
    expect(result.meta).toMatchObject({ title: '关于某市2025年财政决算的报告', date: '2026-07-15', year: 2025 });
    // Nothing is read from the navigation: its dates and its figures are the site's, not the report's.
    expect(result.quantities.map((q) => q.core.text)).toEqual(['53.68亿元', '7.3%', '6.5%']);
  });

  it('reads the title of a raw page whose head the navigation took with it from its <title>, without the tags', () => {
    const page = ['<html>', '<head>', '<title>2025年某市国民经济和社会发展统计公报_某市人民政府</title>', '</head>', '<body>', '<div class="nav">首页 | 政务公开</div>',
      '<p><b>当前位置：</b><a href="/">首页</a> &gt; <a href="/gk">政务公开</a></p>', '<p>发布日期：2026-04-27</p>', '<p>发文字号：</p>',
      '<p>2025年是“十四五”规划收官之年，全市上下坚持稳中求进，经济运行总体平稳，民生保障有力。</p>', `<p>${BODY}</p>`, '</body>', '</html>'].join('\n');
    expect(extract({ text: page }, { rules }).meta.title).toBe('2025年某市国民经济和社会发展统计公报');
  });

  it('removes a news page header: breadcrumb trail, headline, date and source labels, font widget', () => {
    const page = ['您现在的位置：', '网站首页', '>', '政务公开', '>', '工作动态', '某区召开全体会议', '发布日期：', '2024-03-01', '信息来源：', '区政府办', '【字号：', '大', '中', '小', '】', BODY, BODY].join('\n');
    expect(kept(page)).toEqual([BODY, BODY]);
    expect(removed(page).map(([rule]) => rule)).toEqual(['furniture.page-header']);
  });

  it('removes one-line header items and buttons where there is no widget to end the header', () => {
    const page = ['当前位置：首页 > 新闻中心 > 区县动态', '某区部署重点工作', '发布时间：2024年3月1日 10:20', '作者：办公室', BODY, '【打印本页】 【关闭窗口】', '[责任编辑：李明]', BODY].join('\n');
    expect(kept(page)).toEqual(['某区部署重点工作', BODY, BODY]);
  });

  it('removes footers of link lists, site information and registration numbers', () => {
    const page = [BODY, BODY, '分享到:', '微信', '微博', '上一篇：某区召开常务会议', '下一篇：某区开展安全检查', '相关新闻', '某区召开务虚会', '03-02', '标签云', '政府工作报告', '版权所有：某区人民政府', '网站标识码：5301110001', '滇ICP备12345678号', '滇公网安备 53011102000123号'].join('\n');
    expect(kept(page)).toEqual([BODY, BODY]);
    const site = [BODY, BODY, '网站地图 | 联系我们', '主办单位：某区人民政府办公室', '技术支持：某公司'].join('\n');
    expect(kept(site)).toEqual([BODY, BODY]);
  });

  it('removes forum panels around a reposted report', () => {
    const page = ['设为首页收藏本站', '查看: 10|回复: 0', '[云南] 某区政府工作报告', '楼主', '本帖最后由 someone 于 2023-1-2 10:00 编辑', BODY, BODY, BODY, BODY, '您需要登录后才可以回帖 登录 | 注册', '客服中心', 'Powered by Discuz!'].join('\n');
    expect(kept(page)).toEqual([BODY, BODY, BODY, BODY]);
  });

  it('removes a bulletin-board thread around its first post: trail, stats, floor labels, post meta, actions, replies', () => {
    const page = ['某某论坛 › 本地生活 › 时事热点', '查看: 2316|回复: 12', '[转帖] 2024年某市政府工作报告全文', '楼主',
      '发表于 2024-1-20 10:12 | 只看该作者 | 倒序浏览', BODY, BODY, '回复 举报', '沙发', '发表于 2024-1-20 11:03', '支持！希望GDP增长7%！', '回复 举报'].join('\n');
    expect(kept(page)).toEqual(['[转帖] 2024年某市政府工作报告全文', BODY, BODY]);
    // A report's building list keeps its numbered lines.
    const buildings = [BODY, '1#', '安置房12层', '2#', '安置房18层', BODY].join('\n');
    expect(kept(buildings)).toEqual([BODY, '1#', '安置房12层', '2#', '安置房18层', BODY]);
  });

  it('removes the replies from a numbered floor with its user name and post meta below (2楼  网友甲)', () => {
    const page = ['楼主  转帖人', '发表于 2026-2-3 10:21 | 只看该作者', BODY, BODY, BODY, '2楼  网友甲', '发表于 2026-2-3 11:02 | 只看该作者',
      '我们村去年修了3公里路，今年还要修8公里。', '3楼  网友乙', '发表于 2026-2-3 12:47', '工资涨了10%左右。'].join('\n');
    expect(kept(page)).toEqual(['转帖人', BODY, BODY, BODY]);
    // 2楼 with no post meta below it is a line of the report.
    const floors = [BODY, '2楼  会议室', '3楼  档案室', BODY].join('\n');
    expect(kept(floors)).toEqual([BODY, '2楼  会议室', '3楼  档案室', BODY]);
  });

  it('removes a collector header ending in 正文：, a teaser header, and a licence footer', () => {
    expect(kept(['标题：某区政府工作报告', '发文单位：某区人民政府', '来源URL：http://example.gov.cn/a.html', '', '正文：', BODY].join('\n'))).toEqual([BODY]);
    expect(kept(['政府报告', '某区政府工作报告', '时间：2023-01-24\t\t\t\t作者：某网', '内容摘要：', '各位代表：现在我代表区人民政府向大会报告工作……', '各位代表：', BODY].join('\n'))).toEqual(['各位代表：', BODY]);
    const wiki = [BODY, BODY, BODY, BODY, BODY, '本作品来自中华人民共和国的', '法律', '，属于', '公有领域', '。', '注：维基文库社群认为，公务演讲不总是具有立法、行政、司法性质的文件，这是一个很长的注释句子。', 'Public domain', 'false'].join('\n');
    expect(kept(wiki)).toEqual([BODY, BODY, BODY, BODY, BODY]);
  });

  it('removes bylines, photo captions, dates, disclaimers and HTML remnants', () => {
    const page = ['切换城市', '要闻', '某区召开全会', '2024', '03/05', '08:30', '张三/文 李四/图', BODY, '会议现场。 某日报记者 王五 摄', BODY, '免责声明：本文仅代表作者观点，本网仅提供信息存储空间服务。', '[不良信息举报：abc@example.com]'].join('\n');
    expect(kept(page)).toEqual(['某区召开全会', BODY, BODY]);
    const html = '<div class="text"><p>全年增长<b>6%</b>。</p><script type="text/javascript">var a = 1 < 2;</script>&ldquo;十四五&rdquo;&amp;</div><!-- end -->';
    // (&ldquo; is a quote mark the view reads, util/entities.ts; &amp; stays an entity, and goes.)
    expect(kept(html)).toEqual(['全年增长6%。&ldquo;十四五&rdquo;']);
  });
});

describe('clean: report text stays', () => {
  it('leaves labels like 来源、时间、主办 alone inside a report', () => {
    const body = Array.from({ length: 8 }, () => BODY);
    const report = [...body, '资金来源：中央预算内投资和地方专项债券。', '时间：2024年3月至12月', '主办：区文化和旅游局', '来源于群众的意见建议要及时办理。', '四、群众文化与摄影', '编辑出版地方志书', ...body].join('\n');
    expect(removed(report)).toEqual([]);
  });

  it('never lets a footer block sweep up report prose', () => {
    const report = [BODY, BODY, BODY, BODY, BODY, BODY, BODY, '相关链接', BODY, BODY].join('\n');
    expect(kept(report)).toEqual([BODY, BODY, BODY, BODY, BODY, BODY, BODY, BODY, BODY]);
  });

  it('keeps spaced titles, speaker lines with odd spaces and footnote markers', () => {
    const text = ['政 府 工 作 报 告', '区长\u2002张三', '各位代表：', `全区生产总值增长7%①，“三张清单”[1]扩容。${BODY}`].join('\n');
    expect(removed(text)).toEqual([]);
  });
});

describe('clean: a table of contents', () => {
  const sections = (text: string) => extract({ text }, { rules }).sections.map((s) => s.title);

  it('takes out a list of the parts above the title with no 目录 over it, where the body repeats its first entry', () => {
    const parts = ['一、2025年工作回顾', '二、“十五五”发展目标', '三、2026年主要任务', '(一)做强生态农业', '(二)做大生态工业', '四、政府自身建设'];
    const text = [...parts, '2026年某某县政府工作报告', '各位代表:', '现在,我代表县人民政府向大会报告工作,请予审议。', '一、2025年工作回顾', BODY, '二、“十五五”发展目标', BODY].join('\n');
    expect(removed(text).filter(([rule]) => rule === 'furniture.contents-unlabelled').map(([, t]) => t)).toEqual([parts.join('\n')]);
    const result = extract({ text }, { rules });
    expect(result.meta).toMatchObject({ title: '2026年某某县政府工作报告', docType: 'work-report', year: 2026 });
    expect(result.sections.map((s) => s.title)).toEqual(['2025年工作回顾', '“十五五”发展目标']);
    // Headings in a row that the body does not repeat, or fewer than three, are the body's own.
    const own = ['一、总体要求', '(一)指导思想', '1.坚持稳中求进', BODY, '二、主要任务', BODY].join('\n');
    expect(removed(own).filter(([rule]) => rule === 'furniture.contents-unlabelled')).toEqual([]);
    expect(extract({ text: own }, { rules }).sections.map((s) => s.title)).toEqual(['总体要求', '指导思想', '坚持稳中求进', '主要任务']);
  });

  it('takes out the entries up to the body\'s repeat of the first one, so they head no section', () => {
    const text = '某某区财政局\n2024年度部门决算\n目 录\n第一部分 部门概况\n一、主要职能\n二、部门决算单位构成\n第二部分 部门决算情况说明\n一、收入支出决算总体情况说明\n\n第一部分\n部门概况\n一、主要职能\n'
      + `${BODY}\n二、部门决算单位构成\n${BODY}\n第二部分 部门决算情况说明\n一、收入支出决算总体情况说明\n${BODY}\n`;
    expect(removed(text).filter(([rule]) => rule === 'furniture.contents').map(([, t]) => t!.split('\n')[0])).toEqual(['目 录']);
    expect(kept(text)).not.toContain('第一部分 部门概况');
    expect(sections(text).filter((t) => t === '主要职能')).toHaveLength(1);
  });

  it('ends at its last entry where the body opens with a title line of its own; dot leaders and the title split over two lines (目 / 录) go with it', () => {
    const text = '某某区2025年区级部门预算\n目\n录\n一、部门主要职能\n……………………………………\n二、部门机构设置\n……………………………………\n三、名词解释\n'
      + `某某区商务委员会主要职能\n${BODY}\n名词解释\n（一）财政拨款收入：指区级财政当年拨付的资金。\n2025年部门预算编制说明\n${BODY}\n`;
    const kept_ = kept(text);
    expect(kept_).not.toContain('一、部门主要职能');
    expect(kept_).toContain('某某区商务委员会主要职能');
    // The template's part titles head their parts, so the glossary ends where the next part begins.
    expect(sections(text)).toEqual(['某某区商务委员会主要职能', '名词解释', '2025年部门预算编制说明']);
  });

  it('takes out a five-year outline\'s long contents whole, each entry\'s page number after a run of spaces', () => {
    const digit = '〇一二三四五六七八九';
    const cn = (n: number) => (n < 10 ? digit[n]! : `${n >= 20 ? digit[Math.floor(n / 10)] : ''}十${n % 10 ? digit[n % 10] : ''}`);
    const entries: string[] = [];
    for (let ch = 1; ch <= 40; ch++) {
      entries.push(`第${cn(ch)}章  推进${cn(ch)}号重点工作    ${2 * ch}`);
      for (let sec = 1; sec <= 4; sec++) entries.push(`第${cn(sec)}节  落实${cn(ch)}号工作的${cn(sec)}号任务    ${2 * ch + 1}`);
    }
    const text = `某市国民经济和社会发展第十五个五年规划纲要\n目    录\n${entries.join('\n')}\n第一章  推进一号重点工作\n${BODY}\n第二章  推进二号重点工作\n${BODY}\n`;
    expect(entries).toHaveLength(200);
    expect(sections(text)).toEqual(['推进一号重点工作', '推进二号重点工作']);
  });

  it('reads end matter listed last in a table of contents (名词解释) as an entry, not as the glossary heading of the body', () => {
    const text = '某市国民经济和社会发展第十五个五年规划纲要\n目  录\n\n第一篇 锚定目标\n\n第一章 发展基础\n\n第二章 发展目标\n\n名词解释\n\n'
      + '本规划纲要根据市委建议编制，是今后五年的宏伟蓝图。\n第一篇 锚定目标\n第一章 发展基础\n“十四五”时期，全市地区生产总值年均增长4.9%。\n';
    const result = extract({ text }, { rules });
    expect(result.removed.filter((r) => r.rule === 'furniture.contents').map((r) => r.text.trim().split('\n').at(-1))).toEqual(['名词解释']);
    expect(result.sections.map((s) => [s.heading, s.role])).toEqual([['第一篇 锚定目标', expect.anything()], ['第一章 发展基础', 'review']]);
    expect(result.quantities.map((q) => [q.core.text, q.kind, q.period])).toEqual([['4.9%', 'actual', [2021, 2025]]]);
  });

  it('leaves a line naming a catalogue (产业结构调整指导目录) and a 目录 with no entries after it alone', () => {
    expect(removed(`执行《产业结构调整指导目录》，淘汰落后产能。\n${BODY}\n`).filter(([rule]) => rule === 'furniture.contents')).toEqual([]);
    expect(removed(`目录\n${BODY}\n`).filter(([rule]) => rule === 'furniture.contents')).toEqual([]);
  });
});
