import { withFields, type Block, type Doc, type Range, type SectionNode, type Stage } from '../document.js';
import type { RawRules, Rules } from '../rules/schema.js';
import { isSpaceCode, lineOf, trimRange } from '../span.js';
import { units, type FlatCuts } from './clean.js';
import { unitCell } from '../extract/units/split.js';
import { isRecordField } from '../extract/units/grammar.js';
import { doubleSpaced, nextKept, removedLines, wrappedLines } from './wrap.js';
import { mayHold, requiredText } from '../rules/regex-ast.js';
import { ReadingView } from '../util/reading.js';
import { unwrap, unwrapped } from '../util/breaks.js';
import { cellTableRanges } from '../extract/table/layout.js';
import { coverage } from '../extract/quantity/spans.js';
import { byFirst, edgeSet, holds, maxWhole, type FirstIndex } from './gates.js';
import { CLAUSE, COLON, COMMA, FULL_STOP, SEMICOLON, SENTENCE_END, type Punctuation } from '../rules/punctuation.js';
import type { CompiledParts } from '../rules/compile.js';
import { digitWithin, isDigitCode } from '../util/find.js';

/** The compiled heading rules: punctuation by kind and what a run-on title goes on with. */
type Compiled = CompiledParts['headings'];
/** Closing brackets: a title followed by one is inside a parenthesis. */
const isCloser = (code: number) => code === 0x29 || code === 0xff09;
/** Whether a text holds a character other than a space or a sentence end. */
function holdsProse(text: string, h: Compiled): boolean {
  for (let i = 0; i < text.length; i++) if (!h.punctuation.is(text.charCodeAt(i), SENTENCE_END) && !isSpaceCode(text.charCodeAt(i))) return true;
  return false;
}

/** A line this long holding this share of the text is a report flattened onto one line (as the cleaner's RUN_ON). */
const FLAT = { minLength: 500, share: 0.8 };
const MAX_TITLE = 60;
/** Whether [start, end) of the view opens a parenthesis it does not close. */
function hasOpenParen(view: string, start: number, end: number): boolean {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const code = view.charCodeAt(i);
    if (code === 0x28) depth++;
    else if (code === 0x29 && depth > 0) depth--;
  }
  return depth > 0;
}
/** The longest title of several clauses that a heading closes with a full stop and nothing after it. */
const MAX_STATED_TITLE = 28;

/**
 * Paragraph ranges outside removed spans, in document order, trimmed: the cleaner's units (lines cut at the inline
 * breaks of flattened reports) with the removed spans cut out of them, and the lines of hard-wrapped text joined
 * (a paragraph then spans several lines, its breaks included).
 */
export function paragraphs(doc: Pick<Doc, 'text' | 'view' | 'lineStarts' | 'lines' | 'removed' | 'lineUnits'>, headings: Rules['headings'], doubleSpacing?: Rules['script']['doubleSpacing']): Range[] {
  const out = pieces(doc, headings.compiled);
  // In a double-spaced copy the blank line between two wrapped lines is stepped over like a page number.
  const gone = doubleSpaced(doc, doubleSpacing, removedLines(doc));
  const wrapped = wrappedLines(doc, headings, gone);
  const lines = doc.lines;
  // A line holding a heading marker and nothing else (一、 on a line of its own, its title on the next, as converted
  // documents write it) runs on into the next written line.
  for (let i = 0; i + 1 < lines.length; i++) {
    if (gone[i] || !markerOnly(lines[i]!.body, headings)) continue;
    const next = lines[nextKept(i, lines.length, gone)];
    if (next && next.end > next.start && !markerOnly(next.body, headings)) wrapped.add(i);
  }
  // A line a scraped page cut at an inline link (二、“ / 十四五 / ”时期发展的总体思路和重点任务): one ending in an opening
  // quote or title mark runs on into the next written line, and so does one before a line opening with the closing mark.
  for (let i = 0; i + 1 < lines.length; i++) {
    if (gone[i] || lines[i]!.end === lines[i]!.start) continue;
    const next = lines[nextKept(i, lines.length, gone)];
    if (!next || next.end === next.start) continue;
    if (OPENING_MARKS.includes(lastChar(lines[i]!.body)) || CLOSING_MARKS.includes(next.body.trimStart().charAt(0))) wrapped.add(i);
  }
  if (wrapped.size === 0) return out;
  const joined: Range[] = [];
  for (const p of out) {
    const last = joined.at(-1);
    const i = last ? lineOf(doc.lineStarts, last.end) - 1 : -1;
    const next = i >= 0 ? lines[nextKept(i, lines.length, gone)] : undefined;
    if (last && wrapped.has(i) && last.end === lines[i]!.end && p.start === next?.start) last.end = p.end;
    else joined.push({ start: p.start, end: p.end });
  }
  return joined;
}

/** Marks that open and close a quote or a title (the view folds full-width parentheses to ASCII). */
const OPENING_MARKS = '“《(';
const CLOSING_MARKS = '”》)';

/** The last character of a line other than a space ('' for none). */
const lastChar = (body: string): string => body.trimEnd().slice(-1);

/** The most characters of a line that is only a heading marker (一、, （十二）, 12.). */
const MAX_MARKER_LINE = 6;

/** Whether a line is a heading marker and nothing else. */
function markerOnly(body: string, headings: Rules['headings']): boolean {
  const t = body.trim();
  if (!t || t.length > MAX_MARKER_LINE) return false;
  return headings.compiled.index.markers.of(t.charCodeAt(0)).some((rule) => rule.pattern.exec(t)?.[0].trim().length === t.length);
}

function allFillers(view: string, r: Range): boolean {
  for (let i = r.start; i < r.end; i++) if (view.charCodeAt(i) !== 0xfeff) return false;
  return true;
}

/** The cleaner's units with the removed spans cut out, trimmed. */
function pieces(doc: Pick<Doc, 'view' | 'lines' | 'removed' | 'lineUnits'>, flat: FlatCuts): Range[] {
  const out: Range[] = [];
  let k = 0;
  // The cleaner's units, read once by it (a document that was not cleaned: read here).
  for (const unit of doc.lineUnits ?? units(doc, flat)) {
    while (k < doc.removed.length && doc.removed[k]!.end <= unit.start) k++;
    // Most units touch no removed span: the unit itself, trimmed.
    if (k === doc.removed.length || doc.removed[k]!.start >= unit.end) {
      const r = trimRange(doc.view, unit.start, unit.end);
      if (r.end > r.start) out.push(r);
      continue;
    }
    let pieces: Range[] = [{ start: unit.start, end: unit.end }];
    for (let j = k; j < doc.removed.length && doc.removed[j]!.start < unit.end; j++) {
      const cut = doc.removed[j]!;
      // Markup that is fillers in the view (an inline HTML tag) is read through, not cut at.
      if (allFillers(doc.view, cut)) continue;
      pieces = cutOut(pieces, cut);
    }
    for (const piece of pieces) {
      const r = trimRange(doc.view, piece.start, piece.end);
      if (r.end > r.start) out.push(r);
    }
  }
  return out;
}

/** The pieces with `cut` taken out of each, empty ones dropped (pushed, so the array is packed: see segment). */
function cutOut(pieces: readonly Range[], cut: Range): Range[] {
  const out: Range[] = [];
  for (const p of pieces) {
    const before = { start: p.start, end: Math.min(p.end, cut.start) };
    const after = { start: Math.max(p.start, cut.end), end: p.end };
    if (before.end > before.start) out.push(before);
    if (after.end > after.start) out.push(after);
  }
  return out;
}

/** A marker that holds a number (一、, （3）, 第二部分, ④), not a bullet. */
const NUMBERED = /[\d一二三四五六七八九十百①-⑳]/u;

/**
 * Two numbered items of one style in a row with one number (一、一般公共预算财政拨款收入 / 一、一般公共服务支出 / 二、… /
 * 二、…): the cells of a table's two columns read down, not sections; neither is a heading.
 */
function repeatedMarkers(view: string, found: (Candidate | null)[]): void {
  const drop: number[] = [];
  let prev: Candidate | null = null;
  let prevAt = -1;
  for (let i = 0; i < found.length; i++) {
    const c = found[i];
    if (!c) continue;
    // (Bullets, ■ or ●, are the same every time: only a marker with a number in it counts.)
    const marker = c.marker ? view.slice(c.marker.start, c.marker.end).trim() : '';
    if (prev && prev.marker && c.style === prev.style && NUMBERED.test(marker) && marker === view.slice(prev.marker.start, prev.marker.end).trim()) drop.push(prevAt, i);
    prev = c;
    prevAt = i;
  }
  for (const i of drop) found[i] = null;
}

/**
 * The items of a notice's list of attachments (附件：1.… / 2.… / 3.…) are file names, no headings: the one on the line
 * opening the list (`opens`, capturing its number `n`) and those right after it numbered on from it (2., 3., …).
 */
function attachmentLists(view: string, paras: readonly Range[], found: (Candidate | null)[], opens: RegExp): void {
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    // (The list's line is short: a paragraph is sliced only when it could be one.)
    if (p.end - p.start > ATTACHMENT_LINE) continue;
    const first = opens.exec(view.slice(p.start, p.end))?.groups?.n;
    if (first === undefined) continue;
    found[i] = null;
    let n = Number(first);
    for (let k = i + 1; k < paras.length; k++) {
      const m = found[k]?.marker;
      if (!m || Number(/\d+/.exec(view.slice(m.start, m.end))?.[0]) !== ++n) break;
      found[k] = null;
    }
  }
}

/** The most characters the line opening a list of attachments has (附件：1.…任务清单). */
const ATTACHMENT_LINE = 80;

interface Candidate {
  style: string;
  rule: string;
  marker: Range | null;
  title: Range;
  leadText: Range | null;
  /** What `leadText` names are units (not a leader, not a score): the part's numbered items are their tasks. */
  unitLead: boolean;
  /** Where the heading ends and the paragraph's own text (if any) begins. */
  end: number;
  /** Its rule is marked `label`: no heading when it opens the text. */
  label: boolean;
}

const CJK = /[\u4e00-\u9fff]/g;

/**
 * A numbered line is a heading unless it carries a task: a body naming responsible units (a taskLine cue), or a body
 * followed by a line of units (5.推进城市更新。改造… / 责任单位：…), as task lists converted from tables write them.
 */
function numbered(view: string, p: Range, text: string, next: Range | undefined, rules: Rules, flat = false, after?: Range): Candidate | null {
  // Asked only of a line that has a marker: most paragraphs have none, and then the answer is null either way.
  let notHeading: boolean | undefined;
  // Only the markers that can open a text with its first character are tried (the first that matches decides).
  for (const rule of rules.headings.compiled.index.markers.of(text.charCodeAt(0))) {
    const m = rule.pattern.exec(text);
    if (!m) continue;
    notHeading ??= rules.headings.compiled.index.notHeading.of(text.charCodeAt(0)).some((r) => r.pattern.test(text));
    if (notHeading) return null;
    const markerEnd = p.start + m[0].length;
    const stop = rules.headings.compiled.sentenceEnd.exec(view.slice(markerEnd, p.end));
    let titleEnd = stop ? markerEnd + stop.index : p.end;
    // A short phrase closed by a colon with a statement after it ends the title as a full stop does ((一)高风险类：存在…
    // 的房屋。); not a record's labelled field (1.项目内容：…, headings.yaml recordField), nor a title standing alone on
    // its line with a colon inside it ((一)“促发展”：优化商务商业资源: no stop, comma or figure after the colon).
    const ct = rules.headings.colonTitle;
    const colon = ct ? rules.headings.compiled.punctuation.indexIn(view, markerEnd, Math.min(titleEnd, markerEnd + ct.max + 1), COLON) : -1;
    if (ct && colon > markerEnd && colon + 1 < titleEnd && !hasOpenParen(view, markerEnd, colon) && !isRecordField(text, rules)) {
      const rest = view.slice(colon + 1, titleEnd);
      if (holdsProse(rest, rules.headings.compiled) && !ct.notAfter.test(rest) && (stop !== null || statesAfterColon(rest, rules.headings.compiled.punctuation))) titleEnd = colon;
    }
    const body = view.slice(titleEnd, p.end);
    // Cue words are looked for with the breaks of hard-wrapped text taken out (牵\n头单位 is 牵头单位).
    if (taskCue(unwrap(body), rules)) return null;
    // A line with a body, or a statement closed by its full stop (6.居民收入增长与经济增长基本同步。), with its units on
    // the line below is a task; a bare title there (（一）加强组织领导 / 牵头单位：…) heads a section that unit leads.
    // Whether the next paragraph is a line of units, asked at most once.
    let nextUnits: boolean | undefined;
    if (next && (stop || holdsProse(body, rules.headings.compiled)) && (nextUnits ??= unitLine(view, next, rules))) return null;
    // A title alone on its line whose body is the paragraph below it and whose units are on the line after that
    // (一、实施脱贫攻坚工程 / 全面完成…。 / 牵头单位：…): a task, not a heading.
    if (!stop && next && after && unitLine(view, after, rules) && !(nextUnits ??= unitLine(view, next, rules)) && !opensWithMarker(view.slice(next.start, next.end), rules)) return null;
    // A row of a task table flattened to text: the units' column after a run of spaces on the same line
    // (1.建设智慧城区。推进…        区科信局、区住建局).
    if (next && unitColumn(view, p, next, rules)) return null;
    let t = trimRange(view, markerEnd, titleEnd);
    // An item of a list closed by its semicolon (1.项目审批手续是否完备规范；), or one long statement of several clauses
    // closed by its full stop with nothing after it ((二)根据市场成本…变化，市发展改革委…进行适当调整。): a paragraph. (A
    // title of two short phrases may close with a full stop too: (一)主动担当锐意改革，体制机制持续优化。)
    const punct = rules.headings.compiled.punctuation;
    if (t.end > t.start && punct.is(view.charCodeAt(t.end - 1), SEMICOLON)) return null;
    // (Unless a part title opens it, run straight on into the statement: 二、2025年工作思路2025年，…将…。)
    if (stop && t.end - t.start > MAX_STATED_TITLE && !holdsProse(body, rules.headings.compiled) && punct.indexIn(view, t.start, t.end, COMMA) >= 0 && runOnTitle(view, t, rules) === t) return null;
    while (t.end > t.start && punct.is(view.charCodeAt(t.end - 1), CLAUSE)) t.end--;
    let leadText: Range | null = null;
    let unitLead = false;
    const written = view.slice(t.start, t.end);
    const titleText = unwrap(written);
    const leads = titleText.length ? rules.headings.compiled.index.lead.of(titleText.charCodeAt(titleText.length - 1)) : rules.headings.lead;
    for (const lead of leads) {
      const l = lead.pattern.exec(titleText);
      if (!l) continue;
      // Mapped back to the view only for a title with a lead.
      const open = unwrapped(written).at(l.index);
      leadText = { start: t.start + open + 1, end: t.end - 1 };
      unitLead = lead.units;
      t = trimRange(view, t.start, t.start + open);
      break;
    }
    // A title naming the unit that leads its part's items (县示范区管委会牵头工作(8项)): the unit, the title whole.
    if (!leadText) {
      for (const lead of rules.headings.titleLead) {
        const units = lead.pattern.exec(titleText)?.groups?.units;
        if (!units) continue;
        leadText = { start: t.start, end: t.start + unwrapped(written).at(units.length) };
        unitLead = true;
        break;
      }
    }
    if (!leadText && taskCue(titleText, rules)) return null;
    const run = runOnTitle(view, t, rules);
    // A title with no lead taken off and no run-on cut is the text already read with its breaks taken out.
    // (A title naming its part's lead unit, matched whole, is one whatever count closes it: …牵头工作(8项).)
    let ok = (unitLead && leadText !== null && leadText.start === t.start) || titleOk(!leadText && run === t ? titleText : unwrap(view.slice(run.start, run.end)), rules);
    t = run;
    if (!leadText) {
      let cut = runInEnd(view, t, !ok, flat, rules);
      // In a flattened report, the title ends where its text opens (一是…, 截止2022年底…), however it reads whole.
      const opener = flat && cut === t ? rules.headings.flatTitleEnd?.pattern.exec(view.slice(t.start, t.end)) : null;
      if (opener && opener.index >= 2) cut = { start: t.start, end: t.start + opener.index };
      // Only a title runInEnd cut shorter is read again.
      if (cut !== t) ok = titleOk(unwrap(view.slice(cut.start, cut.end)), rules);
      t = cut;
    }
    if (t.end <= t.start || !ok) return null;
    const markerRange = trimRange(view, p.start, markerEnd);
    return { style: rule.style, rule: rule.id, marker: markerRange, title: t, leadText, unitLead, end: leadText ? titleEnd : t.end, label: false };
  }
  return null;
}

/** Whether a task-line cue (a body naming responsible units) is in the text; a cue lacking its required texts is not run. */
function taskCue(text: string, rules: Rules): boolean {
  const { taskLineNeeds: needs, taskLineAny: any } = rules.headings.compiled;
  // One scan for the texts of every cue first: most bodies hold none.
  if (any && !any.test(text)) return false;
  return rules.headings.taskLine.some((r, k) => holds(text, needs[k]!) && r.pattern.test(text));
}

/**
 * A title that runs on into its paragraph with no stop between (一、2025年工作回顾过去一年，面对…, as a report
 * flattened without line breaks writes it) ends where an unnumbered heading phrase does (2025年工作回顾), when a
 * comma or a sentence end after that shows the rest is prose. The shortest such prefix is the title, so that
 * 2026年工作安排今年…主要预期目标是 ends at 工作安排.
 */
function runOnTitle(view: string, t: Range, rules: Rules): Range {
  const text = view.slice(t.start, Math.min(view.length, t.end + 1));
  const h = rules.headings.compiled;
  if (!h.punctuation.has(text, COMMA | SEMICOLON | FULL_STOP)) return t;
  const cut = shortestTitle(text, t.end - t.start, h.index.titles, h);
  return cut ? { start: t.start, end: t.start + cut } : t;
}

/**
 * The length of the shortest prefix of `text` (shorter than `length`) matched whole by one of `patterns` and run
 * straight on into prose: the next character is no stop (and not 是/为/的/和, which go on with the phrase), and a
 * comma or a sentence end follows later. Only a title run straight on into prose: one followed by its own comma
 * (加强政府自身建设，工作作风明显转变) goes on.
 */
function shortestTitle(text: string, length: number, index: FirstIndex<WholeTitle>, h: Compiled): number | null {
  // Only the patterns that can open the text with its first character, each up to the longest title it matches.
  const patterns = index.of(text.charCodeAt(0));
  if (patterns.length === 0) return null;
  const p = h.punctuation;
  const stop = p.indexIn(text, 0, text.length, CLAUSE | SENTENCE_END);
  const limit = Math.min(length - 1, MAX_TITLE, stop >= 0 ? stop : text.length);
  // Past the last comma or sentence end no prefix is followed by one.
  const lastStop = p.lastIndexIn(text, 0, text.length, COMMA | SEMICOLON | FULL_STOP);
  /** Whether a title ending before `k` would go on there: a stop, a closing bracket, or a word that goes on with it. */
  const goesOn = (k: number) => {
    if (k >= text.length) return true;
    const c = text.charCodeAt(k);
    return p.is(c, COMMA | SEMICOLON | COLON | SENTENCE_END) || isCloser(c) || h.goesOn.subject.has(c) || h.goesOn.phrase.has(c);
  };
  // A prefix matched whole holds the pattern's required text: it is at least as long as the text's first one.
  const live: { pattern: RegExp; from: number; max: number; last: ReadonlySet<number> | null }[] = [];
  for (const p of patterns) {
    let from = 0;
    if (p.needs) {
      from = Infinity;
      for (const need of p.needs) {
        const at = text.indexOf(need);
        if (at >= 0) from = Math.min(from, at + need.length);
      }
    }
    if (from <= p.max) live.push({ pattern: p.pattern, from, max: p.max, last: p.last });
  }
  if (live.length === 0) return null;
  const whole = (k: number) => {
    let prefix: string | null = null;
    for (const p of live) {
      // A prefix matched whole also ends with a character the pattern can end with.
      if (k < p.from || k > p.max || (p.last && !p.last.has(text.charCodeAt(k - 1)))) continue;
      prefix ??= text.slice(0, k);
      if (wholeMatch(p.pattern, prefix)) return true;
    }
    return false;
  };
  const first = Math.max(2, Math.min(...live.map((p) => p.from)));
  for (let k = first; k <= limit && k <= lastStop; k++) {
    if (!whole(k) || goesOn(k)) continue;
    // A phrase that goes on as a longer one (主要目标 → 主要目标任务) ends where the longer one does.
    let end = k;
    for (let j = k + 1; j <= Math.min(limit, k + PHRASE_TAIL); j++) {
      if (!goesOn(j) && whole(j)) end = j;
    }
    return end;
  }
  return null;
}

/** How far past the shortest title a longer reading of the same phrase may reach (主要目标 → 主要目标任务). */
const PHRASE_TAIL = 4;

const wholeMatch = (p: RegExp, s: string) => {
  p.lastIndex = 0;
  const m = p.exec(s);
  return m !== null && m.index === 0 && m[0].length === s.length;
};


/**
 * A numbered part title run on into its first sentence, by the runInEnd patterns: cut when the title names a time
 * before the phrase (一、“十四五”时期和2025年工作回顾过去的五年…) and the line read whole is no title (it states an
 * amount, has a colon, or is too long) or goes on after a comma; in a report flattened onto one line, also when it
 * goes on with no comma (…工作回顾过去的五年极不寻常、…), and any phrase ending a line that is no title (二、主要目标任务今后五年…：…).
 */
function runInEnd(view: string, t: Range, rejected: boolean, flat: boolean, rules: Rules): Range {
  if (!rules.headings.runInEnd.length) return t;
  const text = view.slice(t.start, Math.min(view.length, t.end + 1));
  const h = rules.headings.compiled;
  if (!rejected && !flat && !h.punctuation.has(text, COMMA)) return t;
  const cut = shortestTitle(text, t.end - t.start, h.index.runInEnd, h);
  // A time named before the phrase (headings.yaml partTime: “十四五”时期和2025年, 今年) makes the prefix a part title.
  if (!cut || !((rules.headings.partTime?.pattern.test(text.slice(0, cut)) ?? false) || (rejected && flat))) return t;
  return { start: t.start, end: t.start + cut };
}

/**
 * A numbered line's title that can stand as a heading: not too long, no ; or : (but the colon after a short label,
 * “促发展”：优化商务商业资源, headings.yaml colonTitle.max, with no comma or figure after it), no amount stated.
 */
function titleOk(title: string, rules: Rules): boolean {
  const p = rules.headings.compiled.punctuation;
  if (title.length > MAX_TITLE || p.has(title, SEMICOLON)) return false;
  const colon = p.indexIn(title, 0, title.length, COLON);
  if (colon >= 0) {
    const ct = rules.headings.colonTitle;
    const rest = title.slice(colon + 1);
    // (Not a definition, 财政拨款收入：指…, nor a record's field, 项目内容：新建…: the label's colon ends a title there.)
    if (!ct || colon > ct.max || p.has(rest, COLON) || statesAfterColon(rest, p) || ct.notAfter.test(rest) || isRecordField(title, rules)) return false;
  }
  return !rules.headings.quantityTitle.some((r) => r.pattern.test(title));
}

/**
 * Whether the text after a short label's colon states something, so that the colon ends the title there: a comma or
 * semicolon, or a figure ((三)深度贫困村：24个). Else the colon is inside a title ((一)“促发展”：优化商务商业资源).
 */
function statesAfterColon(rest: string, p: Punctuation): boolean {
  return p.has(rest, COMMA | SEMICOLON) || digitWithin(rest, 0, rest.length) >= 0;
}

/**
 * Whether `next` is the units' cell of a flattened task table's row: on the same line as `p`, after a run of spaces,
 * and nothing but unit names (rules/organizations.yaml suffixes).
 */
function unitColumn(view: string, p: Range, next: Range, rules: Rules): boolean {
  const gap = view.slice(p.end, next.start);
  if (gap.length < 2 || /[^ \t\u3000]/.test(gap)) return false;
  return unitCell(view, next.start, next.end, rules.organizations.compiled) !== null;
}

/** Whether a short line ends in a speaker's title and name (市长温国辉, 区长 张三: rules/meta.yaml speakerTitles). */
const speakerLine = (text: string, rules: Rules): boolean => text.length < 30 && rules.meta.compiled.speakerEnds.some((re) => re.test(text));

/** Whether a text opens with a heading marker (一、, （一）, 1.…). */
function opensWithMarker(text: string, rules: Rules): boolean {
  return rules.headings.compiled.index.markers.of(text.charCodeAt(0)).some((r) => r.pattern.test(text));
}

/** A paragraph that opens with a unit label (责任单位：, 牵头单位：): a taskLine cue marked nextLine matched at its start. */
function unitLine(view: string, p: Range, rules: Rules): boolean {
  // A line of units may be put in parentheses ((责任单位：区发展改革委、区建管委)): read from inside them.
  const start = isOpenParen(view.charCodeAt(p.start)) && p.end - p.start > 1 ? p.start + 1 : p.start;
  // Only the cues whose match can open with the paragraph's first character (most paragraphs have none).
  const cues = rules.headings.compiled.index.nextLine.of(view.charCodeAt(start));
  if (cues.length === 0) return false;
  const head = unwrap(view.slice(start, Math.min(p.end, start + 12)));
  return cues.some((r) => r.pattern.exec(head)?.index === 0);
}

const isOpenParen = (code: number) => code === 0x28 || code === 0xff08;

function unnumbered(p: Range, text: string, index: HeadingIndex, h: Compiled): Candidate | null {
  const first = text.charCodeAt(0);
  // A part title alone on its line may close with a colon (2024年工作回顾：): the title is what comes before it.
  const title = text.length > 1 && h.punctuation.is(text.charCodeAt(text.length - 1), COLON) ? text.slice(0, -1).trimEnd() : text;
  for (const rule of index.unnumbered.of(first)) {
    if (title.length <= rule.maxLength && rule.pattern.test(title)) {
      return { style: rule.style, rule: rule.id, marker: null, title: { start: p.start, end: p.start + title.length }, leadText: null, unitLead: false, end: p.end, label: rule.label ?? false };
    }
  }
  const at = runInTitle(text, 0, index.runIn.of(first), h);
  if (at) return { style: at.rule.style, rule: at.rule.id, marker: null, title: { start: p.start, end: p.start + at.length }, leadText: null, unitLead: false, end: p.start + at.length, label: false };
  return null;
}

/** `needs`: a text every match of the prefix holds (requiredText), or null. */
export type RunIn = { rule: Rules['headings']['unnumbered'][number]; prefix: RegExp; needs: readonly string[] | null };

/** The run-in rules as prefixes (^…, no $); called once by the rule loader (src/rules/compile.ts). */
export function compileRunIn(headings: RawRules['headings']): RunIn[] {
  return headings.unnumbered.filter((r) => r.runIn).map((rule) => {
    const prefix = new RegExp(rule.pattern.source.replace(/\$$/, ''), 'u');
    return { rule, prefix, needs: requiredText(prefix, 1) };
  });
}

/**
 * A whole-title pattern, with the longest title it can match (maxWhole), a text every match holds (or null) and the
 * characters a match can end with (edgeSet, or null).
 */
export interface WholeTitle {
  pattern: RegExp;
  max: number;
  needs: readonly string[] | null;
  last: ReadonlySet<number> | null;
}

const wholeTitle = (pattern: RegExp): WholeTitle => ({ pattern, max: maxWhole(pattern), needs: requiredText(pattern, 1), last: edgeSet(pattern, 'last') });

type Headings = RawRules['headings'];

/** The heading rules indexed by the first character of the texts they can match (see gates.ts). */
export interface HeadingIndex {
  markers: FirstIndex<Headings['markers'][number]>;
  unnumbered: FirstIndex<Headings['unnumbered'][number]>;
  runIn: FirstIndex<RunIn>;
  notHeading: FirstIndex<Headings['notHeading'][number]>;
  /** The lead-unit parentheticals by the last character of the titles they can end (`…)$`). */
  lead: FirstIndex<Headings['lead'][number]>;
  /** The unnumbered patterns, and the runInEnd ones, as whole titles a numbered title may run on past. */
  titles: FirstIndex<WholeTitle>;
  runInEnd: FirstIndex<WholeTitle>;
  /** The taskLine cues marked nextLine, by the first character of their matches (read as if anchored at the start). */
  nextLine: FirstIndex<Headings['taskLine'][number]>;
}

/** Called once by the rule loader (src/rules/compile.ts), with the run-in prefixes compileRunIn built. */
export function compileHeadingIndex(headings: Headings, runIn: readonly RunIn[]): HeadingIndex {
  return {
    markers: byFirst(headings.markers, (r) => edgeSet(r.pattern, 'first')),
    unnumbered: byFirst(headings.unnumbered, (r) => edgeSet(r.pattern, 'first')),
    runIn: byFirst(runIn, (r) => edgeSet(r.prefix, 'first')),
    notHeading: byFirst(headings.notHeading, (r) => edgeSet(r.pattern, 'first')),
    lead: byFirst(headings.lead, (r) => edgeSet(r.pattern, 'last')),
    titles: byFirst(headings.unnumbered.map((r) => wholeTitle(r.pattern)), (t) => edgeSet(t.pattern, 'first')),
    runInEnd: byFirst(headings.runInEnd.map((r) => wholeTitle(r.pattern)), (t) => edgeSet(t.pattern, 'first')),
    nextLine: byFirst(headings.taskLine.filter((r) => r.nextLine), (r) => edgeSet(new RegExp(`^(?:${r.pattern.source})`, r.pattern.flags), 'first')),
  };
}

/**
 * A part title opening `text` at `from` and running straight on into prose (2024年工作回顾过去一年，…): its length, when
 * a character (not a stop) follows it and the prose has a comma or a sentence end.
 */
function runInTitle(text: string, from: number, runIn: readonly RunIn[], h: Compiled): { rule: RunIn['rule']; length: number } | null {
  const rest = text.slice(from, from + 80);
  for (const r of runIn) {
    if (!mayHold(rest, r.needs)) continue;
    const m = r.prefix.exec(rest);
    if (!m || m[0].length > r.rule.maxLength || m[0].length >= rest.length) continue;
    // A title has no stops of its own, one followed by 是/为 is the subject of a sentence (…主要预期目标是：), and one
    // followed by 的/和 is part of a longer phrase (2024年是实现“十四五”规划目标任务的关键一年).
    const p = h.punctuation;
    const next = rest.charCodeAt(m[0].length);
    if (p.has(m[0], CLAUSE) || p.is(next, CLAUSE | SENTENCE_END) || isCloser(next) || h.goesOn.subject.has(next) || h.goesOn.phrase.has(next)) continue;
    // One followed by a figure is its subject (2026年全市一般公共预算收入预期目标91.35亿元); a year may open the prose.
    if (isDigitCode(next) && !yearAt(rest, m[0].length)) continue;
    if (p.indexIn(rest, m[0].length, rest.length, COMMA | FULL_STOP) < 0) continue;
    return { rule: r.rule, length: m[0].length };
  }
  return null;
}

/** Whether `text` holds a year (four digits and 年) at `at`. */
function yearAt(text: string, at: number): boolean {
  for (let k = at; k < at + 4; k++) if (!isDigitCode(text.charCodeAt(k))) return false;
  return text.charCodeAt(at + 4) === 0x5e74; // 年
}

/** A sentence end followed by a character a run-in part title opens with (2024年…, 二〇二四年…, 过去一年…). */
const RUN_IN_CUT = /。[0-9〇零一二三四五六七八九过]/g;

/** A flattened paragraph cut before each run-in part title that follows a sentence end (…请予审议。2024年工作回顾过去一年…). */
function splitRunIn(view: string, paras: Range[], runIn: FirstIndex<RunIn>, any: boolean, h: Compiled): Range[] {
  if (!any) return paras;
  // Where a title may be cut off, found by one scan of the view (matchAll reads a copy of the regex): measured faster
  // than an indexOf of 。 from one to the next with a test of the character after it.
  const cuts: number[] = [];
  for (const m of view.matchAll(RUN_IN_CUT)) cuts.push(m.index + 1);
  if (cuts.length === 0) return paras;
  const out: Range[] = [];
  let k = 0;
  for (const p of paras) {
    let start = p.start;
    if (p.end - p.start > 40) {
      while (k < cuts.length && cuts[k]! <= p.start) k++;
      for (; k < cuts.length && cuts[k]! < p.end; k++) {
        const from = cuts[k]!;
        const rules = runIn.of(view.charCodeAt(from));
        if (!rules.length || !runInTitle(view.slice(from, Math.min(p.end, from + 80)), 0, rules, h)) continue;
        out.push({ start, end: from });
        start = from;
      }
    }
    out.push({ start, end: p.end });
  }
  return out;
}

/** A short standalone line between paragraphs, as news articles use for their section titles (headings.standalone). */
export function standalone(text: string, rule: NonNullable<Rules['headings']['standalone']>): boolean {
  if (text.length < rule.minLength) return rule.short !== undefined && rule.short.test(text);
  if (text.length > rule.maxLength) return false;
  // A signature (某区人民政府办公室) names who issued the text, not a part of it.
  if (rule.not.test(text) || rule.signature.test(text)) return false;
  return (text.match(CJK)?.length ?? 0) >= text.length * rule.hanShare;
}

/** The heading paragraph `i` opens with (numbered, else unnumbered), or null: none, or a cell of a one-cell-per-line table. */
function candidateAt(view: string, paras: readonly Range[], i: number, cells: (at: number) => boolean, rules: Rules, flat: boolean): Candidate | null {
  const p = paras[i]!;
  if (cells(p.start)) return null;
  const text = view.slice(p.start, p.end);
  const c = numbered(view, p, text, paras[i + 1], rules, flat, paras[i + 2]) ?? unnumbered(p, text, rules.headings.compiled.index, rules.headings.compiled);
  // A label that opens the text (附件1 above the title of an attachment saved on its own: a rule marked `label`)
  // labels the document; it opens no part of it.
  return c && i === 0 && c.label ? null : c;
}

/**
 * Mark in `found` the paragraphs after the first long one that stand alone as titles (a news item's subheadings).
 * Its own function: inlined into segment, it made that several times as costly to optimise.
 */
function standaloneHeadings(view: string, paras: readonly Range[], found: (Candidate | null)[], firstLong: number, cells: (at: number) => boolean, rules: Rules, lone: NonNullable<Rules['headings']['standalone']>): void {
  for (let i = firstLong + 1; i < paras.length - 1; i++) {
    if (found[i] || cells(paras[i]!.start)) continue;
    const text = view.slice(paras[i]!.start, paras[i]!.end);
    if (!standalone(text, lone)) continue;
    // A numbered line the marker grammar turned down (a task's title), a unit line and a speaker's line (市长 张三)
    // are no news title either.
    if (opensWithMarker(text, rules) || unitLine(view, paras[i]!, rules) || speakerLine(text, rules)) continue;
    const prevHeading = found[i - 1]?.style === 'standalone';
    found[i] = { style: prevHeading ? 'standalone-sub' : 'standalone', rule: lone.id, marker: null, title: paras[i]!, leadText: null, unitLead: false, end: paras[i]!.end, label: false };
  }
}

/**
 * Whether marker style `a` stands above `b` by the order rules/headings.yaml lists the markers in (一、 above （一）
 * above 1.); a style that is no marker's (an unnumbered title) ranks with neither.
 */
function outranks(a: string, b: string, markers: Rules['headings']['markers']): boolean {
  const ra = markers.findIndex((m) => m.style === a);
  const rb = markers.findIndex((m) => m.style === b);
  return ra >= 0 && rb >= 0 && ra < rb;
}

/**
 * Lines → paragraphs and headings → a section tree; depth comes from the order marker styles appear in, but for a
 * style that outranks the open ones, which goes above them.
 */
export const segment: Stage = (doc, { rules }): Doc => {
  const view = doc.view;
  const markers = rules.headings.markers;
  const { runIn, sentenceEnd } = rules.headings.compiled;
  const paras = splitRunIn(view, paragraphs(doc, rules.headings, rules.script.doubleSpacing), rules.headings.compiled.index.runIn, runIn.length > 0, rules.headings.compiled);
  // The lines of a one-cell-per-line table (an assessment table's 1.…得2分 cells) are cells, never headings.
  const cellTables = cellTableRanges(doc, rules.tables, rules.organizations.compiled);
  const cells = coverage(cellTables);
  // A report flattened onto one line (the cleaner cut it before its markers): one line holds most of the text.
  const flat = doc.lines.some((l) => l.end - l.start >= Math.max(FLAT.minLength, FLAT.share * view.length));
  // Filled by push, not by `map`: V8's optimised `map` may give a holey array where the unoptimised one gave a packed
  // one, and the code reading it was then thrown away and compiled again for the second kind.
  const found: (Candidate | null)[] = [];
  let outlineStyles = 0;
  for (let i = 0; i < paras.length; i++) {
    const c = candidateAt(view, paras, i, cells, rules, flat);
    if (c && rules.headings.compiled.outlineStyles.has(c.style)) outlineStyles++;
    found.push(c);
  }
  repeatedMarkers(view, found);
  if (rules.headings.attachmentList) attachmentLists(view, paras, found, rules.headings.attachmentList.pattern);
  const firstLong = paras.findIndex((p) => p.end - p.start >= 60);
  const lone = rules.headings.standalone;
  if (lone && outlineStyles < 2 && firstLong >= 0) standaloneHeadings(view, paras, found, firstLong, cells, rules, lone);

  const sections: SectionNode[] = [];
  const blocks: Block[] = [];
  let stack: SectionNode[] = [];
  let inGlossary = false;
  // The sections whose heading names the units leading their items.
  const unitLed = new Set<string>();
  paras.forEach((p, i) => {
    let c = found[i];
    if (c && inGlossary && c.marker) c = null;
    // A numbered line below a heading that names the unit leading its part (一、县示范区管委会牵头工作 / 2.打造…基地) is a
    // task that unit leads, not a heading (ANNOTATION: units named for its section), unless its marker outranks it.
    const parent = stack.at(-1);
    if (c && c.marker && !c.leadText && parent && unitLed.has(parent.id) && !stack.some((s) => s.style === c!.style) && !outranks(c.style, parent.style, markers)) c = null;
    if (!c) {
      blocks.push({ start: p.start, end: p.end, kind: 'paragraph', section: stack.length ? stack[stack.length - 1]!.id : null });
      return;
    }
    const top = !c.marker && c.style !== 'standalone-sub';
    const at = stack.findIndex((s) => s.style === c!.style);
    stack = top ? [] : at >= 0 ? stack.slice(0, at) : stack;
    // A style new to the stack that outranks the open ones (a copy starting inside a part: （八）… then 二、…) closes them.
    if (!top && at < 0) while (stack.length && outranks(c.style, stack.at(-1)!.style, markers)) stack.pop();
    inGlossary = top ? c.style === 'glossary' : inGlossary;
    const node: SectionNode = {
      id: `s${sections.length + 1}`,
      parent: stack.at(-1)?.id ?? null,
      depth: stack.length + 1,
      style: c.style,
      marker: c.marker,
      heading: { start: (c.marker ?? c.title).start, end: c.title.end },
      title: c.title,
      end: view.length,
      leadText: c.leadText,
      lead: [], role: null, roleRule: null, year: null, period: null,
      rule: c.rule,
    };
    sections.push(node);
    stack.push(node);
    if (c.unitLead) unitLed.add(node.id);
    // (The block goes on over a lead parenthesis after the title, which is no part of the title: a figure in it, a
    // part's weight (（25分）), is read as the heading's.)
    blocks.push({ start: node.heading.start, end: c.leadText ? Math.max(node.heading.end, c.leadText.end + 1) : node.heading.end, kind: 'heading', section: node.id });
    const rest = trimRange(view, c.end, p.end);
    // A sentence end right after the title belongs to neither.
    const tail = trimRange(view, rest.start + (sentenceEnd.test(view[rest.start] ?? '') ? 1 : 0), rest.end);
    if (tail.end > tail.start) blocks.push({ start: tail.start, end: tail.end, kind: 'paragraph', section: node.id });
  });
  const open: SectionNode[] = [];
  for (const s of sections) {
    while (open.length && open.at(-1)!.depth >= s.depth) open.pop()!.end = s.heading.start;
    open.push(s);
  }
  return withFields(doc, { blocks, sections, cellTables, reading: new ReadingView(doc.text, view, blocks) });
};
