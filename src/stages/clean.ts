import { withFields, type Doc, type Range, type RemovedRange, type Stage, type ViewLine } from '../document.js';
import type { RawRules, Rules } from '../rules/schema.js';
import { contextFree, mayHold, requiredText } from '../rules/regex-ast.js';
import { COLON, COMMA, FULL_STOP, SEMICOLON, SENTENCE_END, type Punctuation } from '../rules/punctuation.js';
import { byFirst, edgeSet, leadHolds, leadNeeds, maxWhole, type FirstIndex } from './gates.js';
import { trimRange } from '../span.js';
import { FILLER } from '../util/breaks.js';
import { frontMatter } from '../extract/meta/front.js';
import { codeBits, inBits } from '../extract/quantity/compile.js';

type Line = ViewLine;

/** An HTML copy's block-level tags: a paragraph ends at each. */
const BLOCK_TAG = '<\\/?(?:p|div|br|li|ul|ol|tr|td|th|table|tbody|thead|h[1-6]|section|article|header|footer|nav|title|head|body|html|form|dl|dt|dd|center|blockquote)\\b';

/**
 * A run of two or more spaces (counted across the fillers a space entity leaves in the view, see normalise.ts) that
 * breaks a line, as a page flattened to text separates its paragraphs; but not one between a hanzi and a figure
 * (生产总值达  3.87万亿元、增长  5.5%), the space a PDF converter leaves where the font changes: a paragraph that opens
 * after a word with no punctuation opens with a year (一、经济运行  2025年，…) or a marker (…情况  1.全市…), not a figure.
 * Nor one before a lone hanzi (one standing before another such run or the line's end): a title letter-spaced
 * (第一章  总  则, 附  则) is one line; nor one after a chapter's marker (第四章  服务资助).
 */
const SPACE_RUN = '(?<!第[一二三四五六七八九十百\\d]{1,4}[章节篇])(?:(?<![\\u4e00-\\u9fff \\t\\ufeff])[ \\t][ \\t\\ufeff]*[ \\t]|[ \\t][ \\t\\ufeff]*[ \\t](?!\\ufeff*(?:[ \\t]|(?!\\d{4}年)\\d+(?:\\.\\d+)?[^\\d.、年])))(?!\\ufeff*[\\u4e00-\\u9fff]\\ufeff*(?:[ \\t][ \\t\\ufeff]*[ \\t]|[\\r\\n]|$))';

/**
 * Breaks inside one physical line, where segmentation also splits: literal `\r\n` escapes, runs of spaces
 * (SPACE_RUN), and the block-level tags of an HTML copy (<p>, <div>, <br>, <td>…; inline tags such as <b> or <a>
 * split nothing).
 */
const INLINE_BREAK = new RegExp(`\\\\r\\\\n|\\\\n|\\\\r|${SPACE_RUN}|${BLOCK_TAG}[^<>\\n]{0,300}>`, 'gi');

const HAS_BREAK = new RegExp(`\\\\[rn]|[ \\t]\\ufeff*[ \\t]|${BLOCK_TAG}`, 'i');
/** The characters every match of HAS_BREAK starts with (\\, a space or tab, <): most lines hold none. */
const BREAK_STARTS = [' ', '\t', '<', '\\'];

/**
 * Whether a line of `view` (a slice of it) may hold a break. The view is searched once for each character a break
 * starts with, and a line only for those the view holds (most hold no tab, < or \\): one native search of a line
 * costs a fraction of a regex scan of it, though four cost more than the scan.
 */
function breakTest(view: string): (line: string) => boolean {
  const starts = BREAK_STARTS.filter((c) => view.includes(c));
  return (line) => {
    for (const c of starts) if (line.includes(c)) return true;
    return false;
  };
}

/**
 * Where a report flattened to one line with no spaces at all had its paragraph breaks: a heading marker of
 * rules/headings.yaml marked `flatCut`, or an unnumbered title marked so followed by a space (名词解释 ), right after a
 * sentence end (`sentenceEnd`), a semicolon or colon (`clausePunctuation`), a closing parenthesis (…负责）二、…) or a
 * space (…顺利完成。(一)产业转型步伐加快。…, …十个方面工作：(一)…). Only in a document that is one such line (RUN_ON).
 * Called once by the rule loader (src/rules/compile.ts): `rules.headings.compiled.runOn`.
 */
export function compileRunOn(headings: RawRules['headings']): RegExp {
  const marks = [...`${headings.clausePunctuation?.semicolon ?? ''}${headings.clausePunctuation?.colon ?? ''}`];
  const clause = marks.length ? `|[${marks.map((ch) => ch.replace(/[\\\]^-]/g, '\\$&')).join('')}]` : '';
  // (Or the closing parenthesis of a measure's units: …按职责分工负责）二、进一步简化….)
  const stop = `(?:${headings.sentenceEnd?.pattern.source ?? '(?!)'}${clause}|[)）])`;
  const markers = headings.markers.filter((m) => m.flatCut).map((m) => `(?:${m.pattern.source.replace(/^\^/, '')})`);
  // A whole-title pattern (^…$) stands apart from its text by a space.
  const titles = headings.unnumbered.filter((r) => r.flatCut).map((r) => `(?:${r.pattern.source.replace(/^\^/, '').replace(/\$$/, '')})\\s`);
  // A marker cut wherever it stands when a space follows it (its pattern's own trailing \s* off).
  const spaced = headings.markers.filter((m) => m.flatCutSpaced).map((m) => `(?:${m.pattern.source.replace(/^\^/, '').replace(/\\s\*$/, '')})[ \\t\\u3000]`);
  const glued = headings.markers.filter((m) => m.flatCutGlued).map((m) => `(?:${m.pattern.source.replace(/^\^/, '')})`);
  const anywhere = (spaced.length ? `|(?<=\\S)(?=${spaced.join('|')})` : '') + (glued.length ? `|(?<=[\\u4e00-\\u9fff])(?<!第)(?=${glued.join('|')})` : '');
  try {
    return new RegExp(`(?<=${stop}|${stop}?\\s)(?=${[...markers, ...titles].join('|')})${anywhere}`, 'gu');
  } catch {
    return /(?!)/gu; // markers that cannot share one expression (a group name used twice): no cuts
  }
}
/** How a report flattened onto one line is cut (`runOn`) and its table of contents joined back (`contents`). */
export interface FlatCuts {
  runOn: RegExp;
  contents: ContentsTest | null;
}

/** A unit this long holding most of the document is a flattened report, cut where `runOn` finds a marker. */
const RUN_ON = { minLength: 500, share: 0.8 };

/**
 * The units cut before heading markers when one of them is long (see RUN_ON). `known`: the cuts of units already
 * made on a view of the same length, which give the same pieces (a unit's cut reads only the unit).
 */
function cutRunOn(view: string, units: Line[], flat: FlatCuts, known?: ReadonlyMap<Line, Line[]>): Line[] {
  const long = (u: Line) => u.end - u.start >= Math.max(RUN_ON.minLength, RUN_ON.share * view.length);
  if (!units.some(long)) return units;
  return units.flatMap((u) => {
    if (!long(u)) return [u];
    const done = known?.get(u);
    if (done) return done;
    const out: Line[] = [];
    let from = 0;
    for (const m of u.body.matchAll(flat.runOn)) {
      if (m.index! > from) out.push({ start: u.start + from, end: u.start + m.index!, body: u.body.slice(from, m.index!) });
      from = m.index!;
    }
    out.push({ start: u.start + from, end: u.end, body: u.body.slice(from) });
    return contentsJoined(u, out, flat.contents);
  });
}

/** A table of contents flattened with a report (headings.yaml `flatContents`): whether a piece is one of its entries. */
export interface ContentsTest {
  entry(text: string): boolean;
  /** How many entries in a row are a table of contents, not a part title and its first section's. */
  run: number;
}

/**
 * The contents entry test of headings.yaml `flatContents` over the punctuation table: a piece as short as a line of
 * a table of contents with no stop, comma or colon in it, or one ending in a leader and a page number
 * (（一）财政综合实力不断增强……… 2). Called once by the rule loader: `rules.headings.compiled.contents`.
 */
export function compileContents(headings: RawRules['headings'], p: Punctuation): ContentsTest | null {
  const rule = headings.flatContents;
  if (!rule) return null;
  const plain = SENTENCE_END | FULL_STOP | COMMA | SEMICOLON | COLON;
  const beforeLeader = SENTENCE_END | FULL_STOP | SEMICOLON;
  const leader = new RegExp(rule.pattern.source, `${rule.pattern.flags.replace(/[gy]/g, '')}y`);
  return {
    run: rule.run,
    entry(text) {
      if (text.length >= 2 && text.length <= rule.entry && !p.has(text, plain)) return true;
      // A leader after 2 to `leadered` characters, none of them a stop or semicolon, running to the end.
      const last = Math.min(rule.leadered, text.length - 1);
      for (let k = 2; k <= last; k++) {
        if (p.is(text.charCodeAt(k - 1), beforeLeader)) return false;
        leader.lastIndex = k;
        if (leader.test(text)) return true;
      }
      return false;
    },
  };
}

/**
 * The pieces of unit `u` with each run of `contents.run` or more contents entries in a row (目 录前 言第一章 总则第一节 …
 * 第二节 …: a table of contents flattened with the rest), and the piece after it, joined back into one piece: its
 * entries are no part titles.
 */
function contentsJoined(u: Line, pieces: Line[], contents: ContentsTest | null): Line[] {
  if (!contents || pieces.length < contents.run) return pieces;
  const out: Line[] = [];
  for (let i = 0; i < pieces.length;) {
    let j = i;
    while (j < pieces.length && contents.entry(pieces[j]!.body.trim())) j++;
    if (j - i >= contents.run) {
      // The entry after the run is the last one, run on into the text after the contents (…第二节 主要目标前 言…): it
      // is no part title either.
      if (j < pieces.length) j++;
      const start = pieces[i]!.start;
      const end = pieces[j - 1]!.end;
      out.push({ start, end, body: u.body.slice(start - u.start, end - u.start) });
      i = j;
    } else out.push(pieces[i++]!);
  }
  return out;
}

/**
 * What furniture rules and segmentation look at: non-empty lines, cut at inline breaks so that flattened pages are
 * read piece by piece (and a report flattened without any break, before its heading markers).
 */
export function units(doc: Pick<Doc, 'view' | 'lines'>, flat: FlatCuts): Line[] {
  return cutRunOn(doc.view, lineUnits(doc.view, doc.lines), flat);
}

/** The units of the lines (slices of `view`), each line's read from the view within its own range only. */
function lineUnits(view: string, lines: readonly Line[], mayBreak = breakTest(view)): Line[] {
  const out: Line[] = [];
  const breaks = new RegExp(INLINE_BREAK.source, INLINE_BREAK.flags);
  for (const line of lines) unitsOfLine(view, line, breaks, mayBreak, out);
  return out;
}

function unitsOfLine(view: string, line: Line, breaks: RegExp, mayBreak: (line: string) => boolean, out: Line[]): void {
  if (line.end === line.start) return;
  if (!mayBreak(line.body) || !HAS_BREAK.test(line.body)) {
    out.push(line);
    return;
  }
  let from = line.start;
  breaks.lastIndex = 0;
  for (let m = breaks.exec(line.body); m; m = breaks.exec(line.body)) {
    pushTrimmed(view, from, line.start + m.index, out);
    from = line.start + m.index + m[0].length;
  }
  pushTrimmed(view, from, line.end, out);
}

function pushTrimmed(view: string, start: number, end: number, out: Line[]): void {
  const r = trimRange(view, start, end);
  if (r.end > r.start) out.push({ start: r.start, end: r.end, body: view.slice(r.start, r.end) });
}

/**
 * The units of the view clean leaves (`after`, with page furniture blanked in `blanked`, sorted ranges), from those of
 * the view it read (`before`, whose line units were `lineBefore`): a line's units read the view within the line only,
 * so only the lines a blanked range touches are read again; the cuts of a flattened report are taken over for the
 * units that stay. `mayBreak`: the break test of the view the lines' text is a slice of (see breakTest).
 */
function unitsAfter(after: string, lines: readonly Line[], lineBefore: readonly Line[], before: readonly Line[], blanked: readonly Range[], flat: FlatCuts, mayBreak: (line: string) => boolean): Line[] {
  if (blanked.length === 0) return before as Line[];
  const breaks = new RegExp(INLINE_BREAK.source, INLINE_BREAK.flags);
  const out: Line[] = [];
  let k = 0; // into lineBefore
  let b = 0; // into blanked
  for (const line of lines) {
    if (line.end === line.start) continue;
    while (b < blanked.length && blanked[b]!.end <= line.start) b++;
    const touched = b < blanked.length && blanked[b]!.start < line.end;
    // This line's units before: those that start within it (units are in order, each inside its line).
    const first = k;
    while (k < lineBefore.length && lineBefore[k]!.start >= line.start && lineBefore[k]!.start < line.end) k++;
    if (touched) unitsOfLine(after, line, breaks, mayBreak, out);
    else for (let j = first; j < k; j++) out.push(lineBefore[j]!);
  }
  // The cuts made before, by unit (a cut unit's pieces are consecutive in `before`).
  const known = new Map<Line, Line[]>();
  if (before !== lineBefore) {
    let j = 0;
    for (const u of lineBefore) {
      if (before[j] === u) { j++; continue; }
      const pieces: Line[] = [];
      while (j < before.length && before[j]!.end <= u.end && before[j]!.start >= u.start) pieces.push(before[j++]!);
      known.set(u, pieces);
    }
  }
  return cutRunOn(after, out, flat, known);
}

/** Head and tail zones are never narrower than this, so short pages keep their header and footer zones. */
const MIN_ZONE = 300;
/** A long unit with a sentence end (rules/headings.yaml `sentenceEnd`) is report prose, which a block must not sweep up. */
const isProse = (u: Line, sentenceEnd: RegExp) => u.body.length >= 40 && sentenceEnd.test(u.body);

type Rule = Rules['boilerplate']['lines'][number] | Rules['boilerplate']['blocks'][number];

/** Whether a unit lies in a rule's zone (its `within` and `at`). */
function inZone(u: Line, within: number, at: Rule['at'], length: number): boolean {
  if (within >= 1) return true;
  const zone = Math.max(within * length, MIN_ZONE);
  return (at !== 'tail' && u.start <= zone) || (at !== 'head' && u.end >= length - zone);
}

/**
 * Index of the first unit in the rule's zone that passes `test`, or -1. Units are in text order, so a head zone is a
 * run of units from the first and a tail zone a run to the last: the units between are not looked at.
 */
function firstInZone(units: Line[], rule: Rule, length: number, test: (u: Line, i: number) => boolean): number {
  let i = 0;
  let to = units.length;
  if (rule.within < 1) {
    const zone = Math.max(rule.within * length, MIN_ZONE);
    // [0, head) starts in the head zone; [tail, n) ends in the tail zone.
    let head = 0;
    if (rule.at !== 'tail') while (head < units.length && units[head]!.start <= zone) head++;
    let tail = units.length;
    if (rule.at !== 'head') while (tail > 0 && units[tail - 1]!.end >= length - zone) tail--;
    for (; i < head; i++) if (test(units[i]!, i)) return i;
    i = Math.max(head, tail);
    to = units.length;
  }
  for (; i < to; i++) if (test(units[i]!, i)) return i;
  return -1;
}

/** Index of the last unit that belongs to the match at `k`: values on the following units, or a breadcrumb trail. */
function follow(units: Line[], k: number, rule: Rule, sentenceEnd: RegExp): number {
  let last = k;
  if (rule.next) for (let n = 0; n < rule.nextMax && last + 1 < units.length && rule.next.test(units[last + 1]!.body); n++) last++;
  if (rule.trail) {
    // The first item belongs to the trail only when the label line stops at its colon (当前位置： / 首页 / > / …).
    let afterSeparator = /[:>»›/]$/.test(units[last]!.body);
    for (let n = 0; n < 24 && last + 1 < units.length; n++) {
      const u = units[last + 1]!;
      const separator = rule.trail.test(u.body);
      if (!separator && !(afterSeparator && u.body.length <= 16 && !sentenceEnd.test(u.body))) break;
      // (A mark with its item on the same line, > 工作报告, leaves the line after it to the page: its headline.)
      afterSeparator = separator && /[:>»›/]$/.test(u.body);
      last++;
    }
  }
  return last;
}

function blockRanges(units: Line[], rules: Rules['boilerplate']['blocks'], length: number, sentenceEnd: RegExp): RemovedRange[] {
  const out: RemovedRange[] = [];
  for (const rule of rules) {
    // Read off the rule once: the rules differ in which optional fields they have (so in hidden class), and the test
    // below runs on every unit of the zone.
    const { pattern, followedBy } = rule;
    const at = firstInZone(units, rule, length, (u, i) => pattern.test(u.body)
      && (!followedBy || units.slice(i + 1, i + 3).some((n) => followedBy.test(n.body))));
    if (at < 0) continue;
    const removed = blockAt(units, rule, at, sentenceEnd);
    if (removed) out.push(removed);
  }
  return out;
}

/**
 * The block a rule removes around unit `at`, where it matched, or null where the block holds prose the rule may not
 * remove. Its own function: few documents hold such a block, and inlined into the loop over the rules it made that
 * loop several times as costly to optimise.
 */
function blockAt(units: Line[], rule: Rules['boilerplate']['blocks'][number], at: number, sentenceEnd: RegExp): RemovedRange | null {
  const first = rule.fromStart ? 0 : at;
  let last = rule.fromStart ? at : units.length - 1;
  if (rule.contents) {
    last = contentsEnd(units, at, rule.contents);
    if (last < 0) return null;
  } else if (rule.until) {
    const stop = units.slice(at + 1, at + 13).findIndex((u) => rule.until!.test(u.body));
    if (stop >= 0) last = at + 1 + stop;
    else if (rule.fromStart) last = at;
  }
  const followed = follow(units, last, rule, sentenceEnd);
  const swept = units.slice(first, last + 1).filter((u, k) => first + k !== at && isProse(u, sentenceEnd));
  if (!rule.prose && swept.length > 0) return null;
  return { start: units[first]!.start, end: units[followed]!.end, rule: rule.id };
}

/**
 * The most units a table of contents is read over: a five-year outline's runs to 300 entries and more, each entry's
 * page number a unit of its own where a run of spaces stands before it (第二节  优化…    47).
 */
const MAX_CONTENTS = 1000;

/** An entry as compared with the body's headings: no spaces, no dot leaders, no page number after it. */
const contentsKey = (body: string) => body.replace(/[\s.…·•．]+/gu, '').replace(/\d+$/u, '');

/**
 * The last unit of a table of contents opening at `at` (目录): its entries (`entry`: numbered lines, dot leaders) and
 * the short lines wrapped off them, up to the body's repeat of its first entry (第一部分 … again, or its marker alone)
 * or the first unit of neither sort (the body's own title line, its prose). -1 where no entry follows.
 */
function contentsEnd(units: Line[], at: number, contents: { entry: RegExp; wrapped: number; unlabelled: boolean; minEntries: number }): number {
  let first: string | null = null;
  let last = -1;
  let entries = 0;
  let repeated = false;
  // With no label, the match is the first entry, and the entries must run on: a part's heading and its first
  // section's (一、总体要求 / （一）指导思想 / prose) are none.
  if (contents.unlabelled) {
    let run = 0;
    for (let j = at; j < units.length && run < contents.minEntries && contents.entry.test(units[j]!.body.trim()); j++) run++;
    if (run < contents.minEntries) return -1;
  }
  for (let j = contents.unlabelled ? at : at + 1; j < units.length && j <= at + MAX_CONTENTS; j++) {
    const body = units[j]!.body.trim();
    if (!body) continue;
    // (With no label, a unit longer than any entry is prose: no entry and no repeat of one, and not read to make a key.
    // Under a label, a table of contents flattened onto one line is one long unit.)
    const key = contents.unlabelled && body.length > CONTENTS_LINE ? '' : contentsKey(body);
    if (first !== null && key.length >= 2 && first.startsWith(key)) {
      repeated = true;
      break;
    }
    if (contents.entry.test(body)) {
      last = j;
      entries++;
      if (first === null && key.length >= 2) first = key;
    } else if (body.length > contents.wrapped) break;
  }
  if (!contents.unlabelled) return last;
  // A list with no label is a table of contents only where the body repeats its first entry, after the title and the
  // opening paragraphs between.
  for (let j = last + 1; !repeated && first !== null && j < units.length && j <= last + CONTENTS_REPEAT; j++) {
    const body = units[j]!.body.trim();
    repeated = body.length <= CONTENTS_LINE && contentsKey(body) === first;
  }
  return entries >= contents.minEntries && repeated ? last : -1;
}

/** How many units after an unlabelled table of contents the body's repeat of its first entry is looked for. */
const CONTENTS_REPEAT = 12;
/** The longest unit an unlabelled table of contents reads as an entry or as a repeat of one (with its page number). */
const CONTENTS_LINE = 160;

/** Merge overlapping removals, keeping the rule of the one that starts first. */
function coalesce(ranges: RemovedRange[]): RemovedRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RemovedRange[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

type LineRule = Rules['boilerplate']['lines'][number];

/**
 * Cheap tests every unit matched by a line rule passes, built once per rule list, so that a rule's regex runs only
 * on the few units that may be furniture: the characters a match opens with (the rules are indexed by them), the
 * characters it closes with, how long a whole-unit match can be, and a text every match holds.
 */
export interface LineGate {
  rule: LineRule;
  /**
   * The rule's pattern and zone, copied: the rules differ in which optional fields they have (so in hidden class),
   * the gates do not, and reading these of the gate keeps the per-unit loop to one hidden class.
   */
  pattern: RegExp;
  within: number;
  at: LineRule['at'];
  /** Code units a match starts with (edgeSet), or null: what the rule is indexed by, worked out once. */
  first: ReadonlySet<number> | null;
  /** Code units a match ends with (edgeSet), or null: as bits (codeBits), tested for every unit at less cost than a Set. */
  last: Int32Array | null;
  /** The longest unit the rule can match whole (maxWhole). */
  max: number;
  /**
   * Texts every match holds one of (requiredText): one at most on units of any length, where several `includes` cost
   * more than the test; up to four when the rule matches only short units (a whole-unit rule with a finite `max`).
   */
  needs: readonly string[] | null;
  /** For a rule any first character may open: texts one of which a match holds near its start (leadNeeds), or null. */
  lead: ReturnType<typeof leadNeeds>;
  /**
   * Test `needs` before `lead`: it has fewer texts (each an `includes`; one of the whole unit rules most units out at
   * once where a dozen of the head each cost a call: the disclosure-row rule's | against its 18 labels).
   */
  needsFirst: boolean;
}

export interface LinePrefilter {
  /** The line rules, in order, by the first character of the units they can match. */
  index: FirstIndex<LineGate>;
  /**
   * The same for the rules with no zone (`within` 1), which are all a unit outside every zone can match: most units
   * of a long document, which would otherwise be tried against each head and tail rule only to fail `inZone`.
   */
  anywhere: FirstIndex<LineGate>;
  /** The largest `within` of a rule with a zone (0 for none): a unit outside that zone at both ends is in none. */
  widest: number;
  /**
   * The patterns of the rules no gate or zone narrows (no first or last character, length or text needed) and that read
   * nothing around their match (contextFree, such as the ICP filing number's): a unit is a piece of the view, so a
   * view none of them matches has no unit they match, and one search of it for each spares a regex run on every unit.
   */
  scanned: readonly RegExp[];
  /** `index` and `anywhere` without the `scanned` rules, for a view none of them matches. */
  unscanned: { index: FirstIndex<LineGate>; anywhere: FirstIndex<LineGate> };
}

function lastOf(re: RegExp): Int32Array | null {
  const last = edgeSet(re, 'last');
  return last && codeBits(last);
}

/** Called once by the rule loader (src/rules/compile.ts): `rules.boilerplate.compiled.lines`. */
export function compileLinePrefilter(rules: readonly LineRule[]): LinePrefilter {
  const gates = rules.map((rule): LineGate => {
    const first = edgeSet(rule.pattern, 'first');
    const max = maxWhole(rule.pattern);
    const needs = requiredText(rule.pattern, max === Infinity ? 1 : 4);
    const lead = first === null ? leadNeeds(rule.pattern) : null;
    return {
      rule, pattern: rule.pattern, within: rule.within, at: rule.at, first,
      last: lastOf(rule.pattern), max, needs, lead, needsFirst: needs !== null && lead !== null && needs.length < lead.texts.length,
    };
  });
  const first = (g: LineGate) => g.first;
  const zoned = gates.filter((g) => g.within < 1);
  // A rule with a zone is tried on the units of its zone only: searching the whole view for it would cost more.
  const ungated = (g: LineGate) => g.within >= 1 && first(g) === null && g.last === null && g.max === Infinity && g.needs === null && g.lead === null;
  const scan = gates.filter((g) => ungated(g) && !g.pattern.global && !g.pattern.sticky && contextFree(g.pattern));
  const rest = gates.filter((g) => !scan.includes(g));
  return {
    index: byFirst(gates, first),
    anywhere: byFirst(gates.filter((g) => g.within >= 1), first),
    widest: Math.max(0, ...zoned.map((g) => g.within)),
    scanned: scan.map((g) => g.pattern),
    unscanned: { index: byFirst(rest, first), anywhere: byFirst(rest.filter((g) => g.within >= 1), first) },
  };
}

/**
 * The first line rule (in rule order) matching the unit, or null. `zone`: the widest zone of a rule in this document;
 * a unit outside it at both ends is tried only against the rules with none.
 */
function lineRule(u: Line, index: FirstIndex<LineGate>, anywhere: FirstIndex<LineGate>, length: number, zone: number): LineRule | null {
  const body = u.body;
  const size = body.length;
  const gates = u.start > zone && u.end < length - zone ? anywhere : index;
  for (const g of gates.of(body.charCodeAt(0))) {
    if (size > g.max || (g.last && !inBits(g.last, body.charCodeAt(size - 1))) || !inZone(u, g.within, g.at, length)) continue;
    if (g.needsFirst && !mayHold(body, g.needs)) continue;
    if ((g.lead && !leadHolds(body, g.lead)) || (!g.needsFirst && !mayHold(body, g.needs)) || !g.pattern.test(body)) continue;
    return g.rule;
  }
  return null;
}

/** Marks page furniture as removed spans; the text itself is never changed. */
export const clean: Stage = (doc, { rules }): Doc => {
  const bp = rules.boilerplate;
  const flat = rules.headings.compiled;
  // The lines' own text is a slice of the view clean reads, before and after it blanks furniture.
  const mayBreak = breakTest(doc.view);
  const lineBefore = lineUnits(doc.view, doc.lines, mayBreak);
  const all = cutRunOn(doc.view, lineBefore, flat);
  const length = doc.view.length;
  const sentenceEnd = rules.headings.compiled.sentenceEnd;
  const removed = blockRanges(all, bp.blocks, length, sentenceEnd);
  const front = frontMatter(doc, bp);
  if (front) removed.push({ start: front.start, end: front.end, rule: bp.frontMatter!.id });
  const lines = bp.compiled.lines;
  // Two indexes, each read from one kind of object: `lines` and `lines.unscanned` have different shapes.
  const scanned = lines.scanned.some((re) => re.test(doc.view));
  const index = scanned ? lines.index : lines.unscanned.index;
  const anywhere = scanned ? lines.anywhere : lines.unscanned.anywhere;
  // The widest zone of a line rule here (as inZone reckons it); -1 when no rule has one (`anywhere` is then every rule).
  const zone = lines.widest > 0 ? Math.max(lines.widest * length, MIN_ZONE) : -1;
  for (let k = 0; k < all.length; k++) {
    const u = all[k]!;
    const rule = lineRule(u, index, anywhere, length, zone);
    if (!rule) continue;
    const last = follow(all, k, rule, sentenceEnd);
    removed.push({ start: u.start, end: all[last]!.end, rule: rule.id });
    k = last;
  }
  removed.push(...runningHeads(all, removed, bp.compiled.pageBreaks, sentenceEnd, bp.runningHead));
  // Whether the view holds a character, asked once each: span rules need texts opening with few characters (< &).
  const chars = new Map<string, boolean>();
  const holdsChar = (c: string) => {
    let ok = chars.get(c);
    if (ok === undefined) chars.set(c, (ok = doc.view.includes(c)));
    return ok;
  };
  bp.spans.forEach((rule, k) => {
    const needs = bp.compiled.spanNeeds[k];
    if (needs && !needs.some((t) => holdsChar(t[0]!) && doc.view.includes(t))) return;
    for (const m of doc.view.matchAll(rule.pattern)) if (m[0].length > 0) removed.push({ start: m.index, end: m.index + m[0].length, rule: rule.id });
  });
  const blanked = pageRanges(removed, bp.compiled.pageBreaks, bp.runningHead?.id ?? null);
  const view = blank(doc.view, blanked);
  return withFields(doc, { view, removed: coalesce([...removed, ...inlineTags(doc, bp.spans.find((r) => r.inlineTags)?.id ?? null)]), lineUnits: unitsAfter(view, doc.lines, lineBefore, all, blanked, flat, mayBreak) });
};

/**
 * Page numbers and running heads become fillers in the view: a hard-wrapped paragraph broken by a page
 * (…责任单位 / — 2 — / 某某市人民政府 / ：市发展改革委…) is then read across them like across its line breaks.
 */
function pageRanges(removed: readonly RemovedRange[], pageBreaks: ReadonlySet<string>, runningHead: string | null): RemovedRange[] {
  return removed.filter((r) => pageBreaks.has(r.rule) || r.rule === runningHead).sort((a, b) => a.start - b.start);
}

/** The view with the ranges (sorted) made fillers. */
function blank(view: string, page: readonly Range[]): string {
  if (page.length === 0) return view;
  let out = '';
  let at = 0;
  for (const r of page) {
    out += view.slice(at, r.start) + FILLER.repeat(r.end - r.start);
    at = r.end;
  }
  return out + view.slice(at);
}

/**
 * A short line that stands beside page numbers (found by the line rules marked `pageBreak`) at two page breaks or
 * more, as written each time (a printed document's running head 某某县人民政府 or foot), is furniture there too
 * (rules/boilerplate.yaml `runningHead`). Elsewhere the same words are left alone.
 */
function runningHeads(all: Line[], removed: readonly RemovedRange[], pageBreaks: ReadonlySet<string>, sentenceEnd: RegExp, rule: Rules['boilerplate']['runningHead']): RemovedRange[] {
  if (!rule) return [];
  const pages = new Set(removed.filter((r) => pageBreaks.has(r.rule)).map((r) => r.start));
  if (pages.size < rule.minPages) return [];
  const beside = new Map<string, Line[]>();
  all.forEach((u, k) => {
    if (!pages.has(u.start)) return;
    for (const n of [all[k - 1], all[k + 1]]) {
      if (!n || pages.has(n.start) || n.body.length > rule.maxLength || sentenceEnd.test(n.body)) continue;
      const list = beside.get(n.body) ?? [];
      list.push(n);
      beside.set(n.body, list);
    }
  });
  const out: RemovedRange[] = [];
  for (const list of beside.values()) if (list.length >= rule.minPages) for (const n of list) out.push({ start: n.start, end: n.end, rule: rule.id });
  return out;
}

/** Inline HTML tags, which normalise made fillers in the view (so they split nothing), are still markup removed. */
function inlineTags(doc: Pick<Doc, 'text' | 'view'>, rule: string | null): RemovedRange[] {
  const out: RemovedRange[] = [];
  // Fillers stand for other things too (pinyin readings, note marks): only a text holding a < can hold a tag.
  if (rule === null || !doc.view.includes(FILLER) || !doc.text.includes('<')) return out;
  for (const m of doc.view.matchAll(FILLERS)) {
    if (doc.text.charCodeAt(m.index) === 0x3c) out.push({ start: m.index, end: m.index + m[0].length, rule }); // <
  }
  return out;
}
const FILLERS = /\ufeff+/g;
