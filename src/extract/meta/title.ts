import type { Block, Doc } from '../../document.js';
import { lineOf } from '../../span.js';
import type { RawRules, Rules } from '../../rules/schema.js';
import { COLON, COMMA, FULL_STOP, SEMICOLON, SENTENCE_END } from '../../rules/punctuation.js';

/** What the opening lines say: the document's own title, and a collector's header (标题:/发文单位:/发文时间:) if any. */
export interface Opening {
  /** Title as written (two lines joined when the title is broken over them). */
  title: string | null;
  collectorTitle: string | null;
  collectorIssuer: string | null;
}

const SALUTATION = /^(各位代表|各位委员|同志们|女士们)|[:]$/;
const NOT_TITLE = [
  /^[\u4e00-\u9fff]{1,6}([,，、][\u4e00-\u9fff]{1,6}){2,}$/u, // a page's keywords (规划,计划,重点工作)
  /^[\d\s:/\-.年月日()]+$/u, // dates, times, counters
  /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[ \t\u3000]/u, // a page's date stamp before its label (2026年8月20日 政府频道最新文章)
  // Delivery lines (——, ――, ──: the dash as typed), and the end of one wrapped onto a line of its own (第二次会议上,
  // 第三次会议上)).
  /^(?:[—―─\-]{1,2}|\(.{0,10}\d{4}\s*年|.{0,24}(会议|大会)上[)）]?$)/u,
  /^.{0,16}(〔\d{4}〕|\[\d{4}\])\s*\d+\s*号$/u, // document numbers (a title with one glued on is longer: meta.yaml titleDateNote)
  /(记者|通讯员|供图|摄)\s*\S{0,8}$|^\S{2,4}\/[文图]/u,
  /(记者|通讯员)[^，。,]{1,20}报道$/u, // a byline (南方财经全媒体 见习记者石恩泽 深圳报道)
  /^\S{0,12}社\S{0,8}?\d{1,2}\s*月\s*\d{1,2}\s*日电/u, // a news agency's dateline over the text it sends (新华社北京3月22日电)
  /https?:|www\./u,
  /^\(此件.{0,6}\)$/u,
  // 阜平县十七届人大 / 五次会议文件(1), but not a news title about the session (龙华区二届人大四次会议开幕, and on:
  // 重庆四届人大一次会议开幕 黄奇帆作政府工作报告) or a report's own title that names the session (…在某市十六届人大七次会议上的政府工作报告（摘登）)
  /^(?:(?!.*(开幕|闭幕|召开|举行)(\s|$))(?!.*(报告|讲话)([(（]摘[登要][)）])?$).*(届人大|会议文件)|\S{0,24}第?[一二三四五六七八九十]{1,3}届.{0,12}会议$)/u,
  /^\S{2,30}文件$/u, // the red head of an official document: 某某市人民政府文件
  /\d(\.\d+)?\s*[%％](左右|以上|以内)?$/u, // a figure's line (地区生产总值增长5%左右), as a graphic's first line is
  /^(\S{2,6}[ \t\u3000]+){3,}\S{2,6}$/u, // a site's menu (网站首页 大会机构 大会议程 文件公告 …)
  // a page's furniture fields (发布时间:2024/1/23 19:45:59 信息发布人:管理员)
  /(^|\s)(发布时间|发布日期|信息发布人|发布人|信息来源|来源|作者|浏览次数|点击数|阅读次数|责任编辑|分类|栏目|所属栏目|标签|关键词|主题词|索引号)\s*:/u,
  // the delivery line standing alone (在河北省第十一届人民代表大会第一次会议上), spaced or not
  /^([\d\s]{4,6}年[\d\s]{1,3}月([\d\s]{1,3}日)?)?\s*在.{2,40}会\s*议\s*上$/u,
  /^\S{0,12}会\s*议\s*文\s*件/u, // a session's file label, spaced (会 议 文 件（十二）)
  // a collector's note on its files (页面链接与图片详见 links.tsv(同目录), 附件见 attachments/1.pdf)
  /[\w-]+\.(?:tsv|csv|json|html?|txt|md|pdf|docx?|xlsx?)\b|详见\s*[\w-]+\./u,
];
/** A title and the dash of its delivery phrase at the start of a long paragraph. */
const RUN_ON_TITLE = /^([^。,:;\s]{6,60}?)\s*(——|――|--)\s*\d{4}\s*年/u;
/** A title and a space at the start of a long paragraph, a page flattened onto one line (…统计公报 2023年是…). */
const SPACED_TITLE = /^([^。,:;\s]{6,60})[ \t\u3000]+\S/u;
/** A collector's field line (标题：…, 发文单位：…); a two-character key may be spaced out to the width of four (标　　题：). */
const COLLECTOR = /^(标 {0,4}题|发文单位|发文机关|发文时间|来源URL|来 {0,4}源|正 {0,4}文|报告人)[:]\s*(.*)$/u;
/** A collector's key without the spaces that set it out. */
const collectorKey = (key: string) => key.replace(/ +/g, '');
/** Punctuation no line of a title holds: a sentence's or a clause's. */
/** Sentence and clause punctuation (headings.yaml sentenceEnd, clausePunctuation) but the enumeration comma. */
const SENTENCE = SENTENCE_END | FULL_STOP | COMMA | SEMICOLON | COLON;

/**
 * A line ending in a speaker title and a name (区长 张三), one pattern per speaker title (`rules.meta.compiled.speakerEnds`).
 * Called once by the rule loader (src/rules/compile.ts).
 */
export function compileSpeakerEnds(rules: RawRules): RegExp[] {
  // (The name may be spaced out: 市长 于 群; or set off by what a scraper left of a wide space: 县长????尤志敬.)
  return rules.meta.speakerTitles.map((t) => new RegExp(`${t}[\\s?？\\ufffd]*(?:\\S[ \\t\\u3000]?){0,4}$`, 'u'));
}

/** Whether `text` has at least `n` CJK ideographs (U+4E00–U+9FFF); stops counting at `n`. */
function hasCjk(text: string, n: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length && count < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) count++;
  }
  return count >= n;
}

function looksLikeTitle(text: string, rules: Rules): boolean {
  if (text.length > 90 || !hasCjk(text, 6) || /。$/.test(text)) return false;
  if (NOT_TITLE.some((p) => p.test(text))) return false;
  if (siteOnly(text, rules)) return false;
  const speaker = text.length < 30 && rules.meta.compiled.speakerEnds.some((re) => re.test(text));
  return !speaker && !unitLine(text, rules);
}

/**
 * A short line that only names a unit (某某区统计局, 某某县人民政府办公室): the issuer, not a title. One holding a
 * title word anywhere (2024年某县政府工作报告_某县人民政府, a web page's title with its site) is a title.
 */
function unitLine(text: string, rules: Rules): boolean {
  const t = text.trim();
  return t.length <= 20 && !t.includes('关于') && !rules.meta.titleEnds.some((w) => t.includes(w)) && rules.meta.issuerSuffixes.some((s) => t.endsWith(s));
}

/** Whether a line is a title of one of the document types (rules/meta.yaml titleCues). */
const namesType = (text: string, rules: Rules): boolean => rules.meta.titleCues.some((c) => c.title.test(text.trim()));

/** A line naming nothing but a web site, once a site's name after it is off (rules/meta.yaml siteName). */
function siteOnly(text: string, rules: Rules): boolean {
  const { siteName, titleSite } = rules.meta;
  if (!siteName) return false;
  const bare = (titleSite ? text.replace(titleSite, '') : text).trim();
  return siteName.test(bare);
}

const endsAsTitle = (text: string, rules: Rules) => {
  const bare = withoutNote(text, rules).replace(/[》"”\s]+$/u, ''); // closing marks and spaces off once, not once per title word
  return rules.meta.titleEnds.some((w) => bare.endsWith(w));
};

/** A title without a note on its form bracketed after it (…的报告（书面）: rules/meta.yaml titleNotes). */
function withoutNote(title: string, rules: Rules): string {
  const m = /[(（]\s*([^()（）]{1,8}?)\s*[)）]\s*$/u.exec(title);
  return m && rules.meta.titleNotes.includes(m[1]!) ? title.slice(0, m.index).trimEnd() : title;
}

function takeField(out: Opening, key: string, value: string): void {
  // (A delivery phrase the collector put in brackets after the title, 2026年某省政府工作报告（《政府工作报告》——2026年1月
  // 26日在…会议上）, goes with the bracket it opened.)
  if (key === '标题') out.collectorTitle = withoutBookMarks(value.split(/——|--/)[0]!.replace(/[(（][^()（）]*$/u, '').trim()) || null;
  if (key === '发文单位' || key === '发文机关') out.collectorIssuer = value || null;
}

/**
 * A collector's header above the document (标题:/发文单位:) is page furniture, so the clean stage removes it; its
 * fields still name the document, so they are read from the removed span that opens the text.
 */
function headerFields(doc: Doc, out: Opening): void {
  const first = doc.blocks[0]?.start ?? doc.view.length;
  for (const r of doc.removed) {
    if (r.start >= first) break;
    let at = r.start;
    for (const line of doc.view.slice(r.start, r.end).split(/\r\n|\r|\n/)) {
      const m = COLLECTOR.exec(line.trim());
      if (m) {
        const end = at + line.trimEnd().length;
        takeField(out, collectorKey(m[1]!), doc.text.slice(end - m[2]!.length, end).trim());
      }
      at += line.length + (doc.view.startsWith('\r\n', at + line.length) ? 2 : 1);
    }
  }
}

/** The source text of a line the cleaner took out, without the markup the view reads past (a raw page's <title>). */
function withoutMarkup(doc: Doc, start: number, end: number, rules: Rules): string {
  let text = doc.text.slice(start, end);
  if (text.includes('<')) for (const span of rules.boilerplate.spans) text = text.replace(span.pattern, '');
  return text.trim();
}

/**
 * The title line of a page header the cleaner took out above the document (某某市人民政府关于…的通知-某某网络平台 above
 * a font-size widget), for a document that names itself nowhere else: the first line of a range removed before the
 * first block that reads as a title once a site's name after it is off (rules/meta.yaml titleSite).
 */
export function headerTitle(doc: Doc, rules: Rules): string | null {
  const body = doc.blocks[0]?.start ?? doc.view.length;
  const removed = doc.removed;
  const site = rules.meta.titleSite;
  let r = 0;
  for (const l of doc.lines) {
    if (l.start >= body) break;
    while (r < removed.length && removed[r]!.end <= l.start) r++;
    if (r === removed.length) break;
    if (l.end === l.start || l.start < removed[r]!.start || l.end > removed[r]!.end) continue;
    const bare = site ? l.body.replace(site, '') : l.body;
    if (looksLikeTitle(bare, rules) && endsAsTitle(bare, rules)) return withoutMarkup(doc, l.start, l.end, rules);
  }
  return null;
}

/** Read the opening lines of the document for its title and any collector header. */
export function opening(doc: Doc, rules: Rules): Opening {
  const out: Opening = { title: null, collectorTitle: null, collectorIssuer: null };
  const blocks = doc.blocks;
  headerFields(doc, out);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const view = doc.view.slice(b.start, b.end);
    const collector = COLLECTOR.exec(view);
    if (!collector && (b.kind === 'heading' || SALUTATION.test(view) || (view.length >= 50 && view.includes('。')))) {
      // A report flattened onto one line opens with its title and the delivery phrase: 某市政府工作报告——2026年1月…
      const head = i === 0 && !out.title ? RUN_ON_TITLE.exec(view) ?? SPACED_TITLE.exec(view) : null;
      if (head && looksLikeTitle(head[1]!, rules) && endsAsTitle(head[1]!, rules)) out.title = doc.reading.written(b.start, b.start + head[1]!.length);
      // A page's headline standing first as an unnumbered heading (a news story's, its <title> or <h1>) is its title.
      // (Not a part's own heading: 2022年政府工作回顾.)
      else if (!out.title && b.kind === 'heading' && !markerOf(doc, b) && looksLikeTitle(view, rules) && !rules.quantities.sections.some((r) => r.pattern.test(view))) {
        out.title = doc.reading.written(b.start, b.end);
      }
      break;
    }
    if (collector) {
      takeField(out, collectorKey(collector[1]!), doc.text.slice(b.end - collector[2]!.length, b.end).trim());
      continue;
    }
    // A first line that ends in no title word (a site's widget, 无障碍辅助浏览) gives way to a later one, before the
    // body, that names a type of document (某某市财政局2025年工作总结与2026年工作安排: rules/meta.yaml titleCues).
    if (out.title && !endsAsTitle(out.title, rules) && looksLikeTitle(view, rules) && endsAsTitle(view, rules) && namesType(view, rules)) out.title = null;
    // A markdown copy marks its title (# 新闻联播 2025-03-05, however short); a list item of its that is a field
    // (- 数据源：…) is none, though a bulleted headline is (- 十大民生实事项目由人大代表票决产生).
    const mark = markdownMark(doc, b.start);
    if (!out.title && mark === 'title' && hasCjk(view, 2) && !NOT_TITLE.some((p) => p.test(view))) {
      out.title = doc.reading.written(b.start, b.end);
      continue;
    }
    if (out.title || (mark === 'item' && FIELD.test(view)) || !looksLikeTitle(view, rules)) continue;
    // 政府工作报告——2023年1月5日在…会议上: the delivery phrase is not part of the title.
    const dash = /\s*(——|――|--).{0,6}\d{4}\s*年.*$/u.exec(view);
    out.title = coverUnit(doc, i, rules) + doc.reading.written(b.start, dash ? b.start + dash.index : b.end);
    const next = blocks[i + 1];
    // The years a plan covers, on the line under its title (…发展规划 / （2016-2020年）), are part of it.
    if (next && next.kind === 'paragraph' && rules.meta.titleSpan?.pattern.test(doc.view.slice(next.start, next.end).trim())) {
      out.title += doc.reading.written(next.start, next.end).trim();
      i++;
      continue;
    }
    if (next && next.kind === 'paragraph' && !endsAsTitle(view, rules)) {
      const nextView = doc.view.slice(next.start, next.end);
      if (nextView.length <= 40 && looksLikeTitle(nextView, rules) && endsAsTitle(nextView, rules)) {
        // A short label line above the title (县级考核依据) is not part of it; a title broken mid-phrase is joined.
        const label = view.length <= 8 && !view.includes('关于');
        out.title = label ? doc.reading.written(next.start, next.end) : out.title + doc.reading.written(next.start, next.end);
        i++;
      } else if (view.includes('关于')) {
        // A notice's title broken over three lines (…关于印发某省 / 进一步…支持民间投资 / 实施方案的通知): joined when
        // the line after next ends it and both are short title lines.
        const third = blocks[i + 2];
        const thirdView = third && third.kind === 'paragraph' ? doc.view.slice(third.start, third.end) : '';
        if (nextView.length <= 40 && thirdView.length <= 40 && !rules.headings.compiled.punctuation.has(nextView, SENTENCE) && looksLikeTitle(thirdView, rules) && endsAsTitle(thirdView, rules)) {
          out.title = out.title + doc.reading.written(next.start, next.end) + doc.reading.written(third!.start, third!.end);
          i += 2;
        }
      }
    }
  }
  if (out.title) out.title = withoutBookMarks(withoutNote(out.title, rules));
  return out;
}

/** Whether a heading block opens with a marker (一、, （一）): its section's, read off the document. */
function markerOf(doc: Doc, b: Block): boolean {
  const id = b.section;
  return id !== null && id !== undefined && doc.sections.some((s) => s.id === id && s.marker !== null);
}

/** A field of a list (数据源：…, 新闻条数：20): a short label and its colon. */
const FIELD = /^[^:]{1,8}:/u;

/** What the markdown before a block on its line makes it: a level-1 heading (# …), a list item (- …), or nothing. */
function markdownMark(doc: Doc, start: number): 'title' | 'item' | null {
  const before = doc.text.slice(doc.lineStarts[lineOf(doc.lineStarts, start) - 1]!, start);
  return /^#[ \t]+$/.test(before) ? 'title' : /^[ \t]*[-*+][ \t]+$/.test(before) ? 'item' : null;
}

/** A title line that opens with its year, naming no one (2024年度部门决算). */
const YEAR_FIRST = /^\s*(?:19|20)\d{2}\s*年/u;

/**
 * The unit a cover names on the lines above a title that opens with its year (上海市某区财政局 / 2024年度部门决算; a
 * long name wrapped, 上海市某区规划和自然 / 资源局): the title is the two read together. Only short lines with no
 * sentence punctuation, from the document's first line on, that end as a unit's name do; else nothing.
 */
function coverUnit(doc: Doc, i: number, rules: Rules): string {
  const blocks = doc.blocks;
  const title = blocks[i]!;
  if (i === 0 || i > 3 || !YEAR_FIRST.test(doc.view.slice(title.start, title.end))) return '';
  const lines = blocks.slice(0, i).map((b) => doc.view.slice(b.start, b.end).trim());
  if (lines.some((l) => l.length > 20 || rules.headings.compiled.punctuation.has(l, SENTENCE) || COLLECTOR.test(l))) return '';
  const unit = lines.join('');
  // (A unit's name may hold a title word, 规划和自然资源局: the suffix alone decides here.)
  return unit.length <= 30 && rules.meta.issuerSuffixes.some((x) => unit.endsWith(x)) ? blocks.slice(0, i).map((b) => doc.reading.written(b.start, b.end).trim()).join('') : '';
}

/**
 * A title line wrapped whole in book-title marks (《某市…规划纲要》, or with a draft's note after them: 《…》（草案）)
 * is the title written without them; marks that quote only part of the line (关于《…》实施情况的报告) stay.
 */
export function withoutBookMarks(title: string): string {
  // A draft's note after the marks stays with the title: 《…规划纲要》（草案） is …规划纲要（草案）.
  const m = /^\s*《([^《》]+)》\s*([(（][^()（）《》]{1,10}[)）])?\s*$/u.exec(title);
  return m ? m[1]!.trim() + (m[2] ?? '') : title;
}

/**
 * A title that names nothing but the genre (政府工作报告, 政 府 工 作 报 告). One that names its place (保定市政府工作报告)
 * is the report's own name, kept as written.
 */
export function isBareReportTitle(title: string): boolean {
  // (Spaces and the ? or U+FFFD a lost encoding left between the characters are no part of it: 政??府??工??作??报??告.)
  return title.replace(/[\s?？\ufffd]+/g, '') === '政府工作报告';
}
