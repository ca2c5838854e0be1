import type { Range } from '../../document.js';
import type { ReadingView } from '../../util/reading.js';
import { WORD_FIRST, WORD_LAST, type Compiled, type WordSet } from './compile.js';
import { lastIndexWithin } from '../../util/find.js';
import type { IndicatorEvidence } from '../../rules/files/quantities.js';
import { readAs } from '../../stages/normalise.js';

/** An indicator's range in the view and what delimited it (a decision of rules/quantities.yaml `decisions.indicators`). */
export type Indicated = Range & { by: IndicatorEvidence };

/** Dimensions of a count, of things, people or households: the noun after one (打造15个城市街心花园) names what is counted. */
export const COUNTED: ReadonlySet<string> = new Set(['count', 'people', 'households']);

/**
 * The length of the longest word of `set` that [start, end) begins with, or 0 (compared in place, no slicing). A
 * candidate's second character is compared before the whole word: a first character opens up to 17 words.
 */
function wordAtStart(view: string, start: number, end: number, set: WordSet): number {
  if (end <= start || (set.edges[view.charCodeAt(start)]! & WORD_FIRST) === 0) return 0;
  const candidates = set.byFirst.get(view.charCodeAt(start))!;
  const n = end - start;
  const second = n >= 2 ? view.charCodeAt(start + 1) : -1;
  for (let i = 0; i < candidates.length; i++) {
    const w = candidates[i]!;
    if (w.length <= n && (w.length === 1 || (w.charCodeAt(1) === second && view.startsWith(w, start)))) return w.length;
  }
  return 0;
}

/** The length of the longest word of `set` that [start, end) ends with, or 0 (the last but one character first). */
function wordAtEnd(view: string, start: number, end: number, set: WordSet): number {
  if (end <= start || (set.edges[view.charCodeAt(end - 1)]! & WORD_LAST) === 0) return 0;
  const candidates = set.byLast.get(view.charCodeAt(end - 1))!;
  const n = end - start;
  const before = n >= 2 ? view.charCodeAt(end - 2) : -1;
  for (let i = 0; i < candidates.length; i++) {
    const w = candidates[i]!;
    if (w.length <= n && (w.length === 1 || (w.charCodeAt(w.length - 2) === before && view.endsWith(w, end)))) return w.length;
  }
  return 0;
}

/** Whether [start, end) is a word of `set` (`set.words.has(view.slice(start, end))`, with no string made and hashed). */
function isWord(view: string, start: number, end: number, set: WordSet): boolean {
  return end > start ? wordAtStart(view, start, end, set) === end - start : set.words.has('');
}

/** Whether the 等 at `at` is part of a word (高等, 等级), told in place: no strings made for every figure. */
const etcInWord = (view: string, at: number, c: Compiled) => isWord(view, at - 1, at + 1, c.words) || isWord(view, at, at + 2, c.words);

/** The length of a match of an anchored pattern at the start of [start, end), or 0. */
function patternAtStart(view: string, start: number, end: number, re: RegExp): number {
  const m = re.exec(view.slice(start, end));
  return m ? m[0].length : 0;
}

/**
 * Per code unit, the sets below it is in: one table read in trim's loop, where a lookup in a Set per test cost more.
 * LEAD: spaces, dashes and separators dropped from the start of a phrase; END: fewer from its end, and an opening
 * bracket or quote left there (a score after a task: 开展…工作（8分） → 开展…工作); OPENER: quotes and brackets that
 * open a name; CONJUNCTION: 和及与或; NOTE_LAST: what NOTE_END and YEAR_END can end with (] 〕 ①-⑳, 年 底 末);
 * JOINER: what joins the parts of a list subject (一产、二产和三产).
 */
const LEAD = 1;
const END = 2;
const OPENER = 4;
const CONJUNCTION = 8;
const NOTE_LAST = 16;
const JOINER = 32;
const CHARS = new Uint8Array(0x10000);
const mark = (chars: string, flag: number) => {
  for (const ch of chars) CHARS[ch.charCodeAt(0)]! |= flag;
};
mark(' \t—-·:,、', LEAD);
mark(' \t:,、+(“[', END);
mark('“"(', OPENER);
mark('和及与或', CONJUNCTION);
mark(']〕年底末', NOTE_LAST);
mark('、和及与', JOINER);
for (let ch = 0x2460; ch <= 0x2473; ch++) CHARS[ch]! |= NOTE_LAST;
/** Whether the character `code` (a code unit of the view, never past its end) is in the set `flag`. */
const isIn = (code: number, flag: number) => (CHARS[code]! & flag) !== 0;

const NOTE_END = /(\[\d{1,3}\]|〔\d{1,3}〕|[①-⑳])$/;
/** A year left at the end of a phrase (增加到2025年的4680亿元): the figure's year, no part of its name. */
const YEAR_END = /(?:19|20)\d{2}年(?:底|末)?$/;

/** The length of a note reference or a year ending [start, end) (NOTE_END, then YEAR_END), or 0. */
function noteEndAt(view: string, start: number, end: number): number {
  // Most phrases end in neither: the last character rules both out before any slicing.
  if (!isIn(view.charCodeAt(end - 1), NOTE_LAST)) return 0;
  const text = view.slice(Math.max(start, end - 6), end);
  return (NOTE_END.exec(text) ?? YEAR_END.exec(text))?.[0].length ?? 0;
}

/** Ratings and generations that are part of a name (4A级景区, 5G基站, 10万级洁净厂房), not numbers. */
const RATED = /\d[A-Z]+级|\dG|\d+万?级/g;

const DIGIT = /\d/;
/** Whether a noun holds a number other than a rating (RATED); most hold no digit at all, and are then not rewritten. */
const numbered = (noun: string) => DIGIT.test(noun) && DIGIT.test(noun.replace(RATED, '').replace(QUOTED, ''));
/** A name in quotes (“123”争先进位工作, “5+2”): its digits are part of the name. */
const QUOTED = /“[^“”]*”/g;

/**
 * A subject (全区实现…, 省级财政安排…) is dropped when a dropped word follows it, and the document's own area
 * (全县一般公共预算收入) before a noun of two characters or more that does not need it (全市生产总值): its length
 * then, else 0.
 */
function subjectBeforeWord(view: string, start: number, end: number, c: Compiled): number {
  const region = wordAtStart(view, start, end, c.subjects);
  if (region > 0) {
    if (wordAtStart(view, start + region, end, c.leading) > 0) return region;
    const own = wordAtStart(view, start, end, c.ownArea) === region && end - start - region >= 2;
    return own && wordAtStart(view, start + region, end, c.areaKept) === 0 ? region : 0;
  }
  // An actor is dropped only before a whole verb, not one cut out of a word (…服务中心覆盖率 is no 覆盖).
  const pattern = c.q.indicator.subjectPattern;
  // Every match holds one of a few words (财政, 政府…): a phrase holding none is not run through the pattern.
  const n = pattern && (!c.subjectNeeds || c.subjectNeeds.in(view, start, end)) ? pattern.exec(view.slice(start, end))?.[0].length ?? 0 : 0;
  const word = n > 0 ? wordAtStart(view, start + n, end, c.leading) : 0;
  return word > 0 && wordAtStart(view, start + n, end, c.words) <= word ? n : 0;
}

/**
 * The name a figure whose own clause is its verb alone (…，达到4.2万元) takes from the clause [from, to) before it
 * (城镇居民人均可支配收入稳步增长, quantities.yaml indicator.clauseSubject): that clause, trimmed, up to the last measure
 * noun (innerVerbs.measure) that leaves no change word and no digit in the name (城镇居民人均可支配收入增长快于农村居民
 * 收入 → 城镇居民人均可支配收入); null when there is none.
 */
export function clauseSubject(read: ReadingView, from: number, to: number, c: Compiled): Indicated | null {
  const rule = c.q.indicator.clauseSubject;
  const measure = c.q.indicator.innerVerbs?.measure;
  if (!rule || !measure || to - from > rule.maxClause) return null;
  if (read.hasBreak(from, to)) {
    const u = read.range(from, to);
    const r = subjectIn(u.text, 0, u.text.length, measure, c);
    if (!r) return null;
    const back = u.back(r);
    return { start: from + back.start, end: from + back.end, by: 'clause-subject' };
  }
  return subjectIn(read.view, from, to, measure, c);
}

/** clauseSubject over [from, to) of a text with no line breaks in it. */
function subjectIn(view: string, from: number, to: number, measure: RegExp, c: Compiled): Indicated | null {
  const { start, end } = trim(view, { start: from, end: to }, c);
  for (let at = end; at - start >= 2; at--) {
    const name = view.slice(start, at);
    if (!measure.test(name)) continue;
    if (!DIGIT.test(name) && !c.growthAny.test(name)) return { start, end: at, by: 'clause-subject' };
  }
  return null;
}

/**
 * A name without the verb between its subject and the measure it reports (规模以上工业企业实现利润 → 规模以上工业企业利润,
 * quantities.yaml indicator.innerVerbs): the verb needs two characters before it and a measure noun closing what
 * follows, and is kept before 的 and where it opens a statistic's name (完成投资).
 */
export function withoutInnerVerb(name: string, c: Compiled): string {
  const inner = c.q.indicator.innerVerbs;
  if (inner === null) return name;
  // Read as the view reads it (實現 is 实现), one unit for one, so its positions are the written name's.
  const read = readAs(name, c.shift);
  for (let at = 2; at < read.length - 3; at++) {
    const verb = inner.verbs.find((v) => read.startsWith(v, at));
    if (verb === undefined) continue;
    const rest = read.slice(at + verb.length);
    if (rest.length < 2 || rest.charCodeAt(0) === 0x7684 || inner.kept.some((k) => read.startsWith(k, at)) || !inner.measure.test(rest)) continue;
    return name.slice(0, at) + name.slice(at + verb.length);
  }
  return name;
}

/**
 * The object of a 将/把 in a phrase that ends on a verb reaching a level (引导合作机构逐步将平均担保费率降至: 平均担保费率,
 * quantities.yaml indicator.disposal), trimmed; else the phrase as trimmed.
 */
function disposed(view: string, r: Range, phrase: Range, c: Compiled): Range {
  const d = c.q.indicator.disposal;
  if (d === null || r.end - r.start < 4) return r;
  // (Most phrases hold no 将 or 把: the pattern is run only on those that do.)
  const text = view.slice(r.start, phrase.end);
  if (!d.words.some((w) => text.includes(w)) || !d.reachedBy.test(text)) return r;
  for (let i = r.end - 3; i > r.start; i--) {
    const w = d.words.find((x) => view.startsWith(x, i));
    if (w === undefined) continue;
    const t = trim(view, { start: i + w.length, end: r.end }, c);
    return t.end - t.start >= 2 ? t : r;
  }
  return r;
}

/**
 * An indicator opening with one of the document's own places (西安市规模以上工业增加值, 柳河镇现有大棚): the rest, trimmed
 * again (现有 is dropped after the place), when two characters or more are left; else the indicator as it is.
 */
export function withoutOwnPlace(view: string, r: Indicated, places: readonly string[], c: Compiled): Indicated {
  for (const place of places) {
    if (!view.startsWith(place, r.start) || r.end - r.start - place.length < 2) continue;
    const t = trim(view, { start: r.start + place.length, end: r.end }, c);
    return t.end - t.start >= 2 ? { start: t.start, end: t.end, by: r.by } : r;
  }
  return r;
}

/**
 * Trim cue words, verbs and comparator words from both ends of a phrase, and spaces and dashes around it. One
 * thing is dropped per round, in this order: a list marker, a leading word, a subject, a trailing word.
 */
function trim(view: string, r: Range, c: Compiled): Range {
  let { start, end } = r;
  const marker = c.q.indicator.marker;
  for (let guard = 0; guard < 40 && start < end; guard++) {
    if (isIn(view.charCodeAt(start), LEAD)) { start++; continue; }
    if (isIn(view.charCodeAt(end - 1), END)) { end--; continue; }
    // A note reference after the name (“三类500强”企业[3], “两金免收”⑧), or a year (增加到2025年).
    const note = noteEndAt(view, start, end);
    if (note > 0) { end -= note; continue; }
    // An opening quote or parenthesis whose closing one is not in the phrase.
    if (isIn(view.charCodeAt(start), OPENER) && !/[”")]/.test(view.slice(start, end))) { start++; continue; }
    // The marker pattern is anchored: the first character rules most phrases out before any slicing.
    let n = marker && (c.markerFirst === null || c.markerFirst.has(view.charCodeAt(start))) ? patternAtStart(view, start, end, marker) : 0;
    // A dropped word is not cut out of a longer whole word (有 of 有机产品, 在 of 在建项目, 共 of 共同富裕).
    if (n === 0) n = wordAtStart(view, start, end, c.leading);
    if (n > 0 && wordAtStart(view, start, end, c.words) <= n) { start += n; continue; }
    // A subject before a verb the phrase ends with (中央财政安排) goes before the verb does, or it would stay alone.
    n = subjectBeforeWord(view, start, end, c);
    if (n > 0) { start += n; continue; }
    n = wordAtEnd(view, start, end, c.trailing);
    if (n === 0 || wordAtEnd(view, start, end, c.words) > n) break;
    end -= n;
  }
  return { start, end };
}

/** A phrase ending in a quoted name (确保保有税收“千万元楼”) is that name (the opening quote is looked for in it only). */
function quoted(view: string, r: Range): Range {
  if (r.end <= r.start || view.charCodeAt(r.end - 1) !== 0x201d) return r;
  let open = r.end - 2;
  while (open >= r.start && view.charCodeAt(open) !== 0x201c) open--;
  return open >= r.start && r.end - open > 3 ? { start: open + 1, end: r.end - 1 } : r;
}

/**
 * How much of `rest` (the text after a count, up to the next figure) can be the noun naming what is counted: up to
 * a stop word. A quoted name may open it (25个“口袋公园”, 三张“零关税”清单); a quote later on ends it (企业“零跑腿”).
 */
function nounLength(rest: string, stop: RegExp): number {
  const m = stop.exec(rest);
  if (m && m.index === 0 && m[0] === '“') {
    const close = rest.indexOf('”', 1);
    if (close < 0) return 0;
    const n = stop.exec(rest.slice(close + 1));
    return n ? close + 1 + n.index : rest.length;
  }
  return m ? m.index : rest.length;
}

/**
 * The indicator of a mention: the phrase before it in its clause (from `from`, the end of the previous figure or
 * list item), trimmed; for counts followed by a noun, that noun. The text after the mention and its comparator
 * word runs from `afterStart` to `afterEnd` (the end of the clause or the next figure, whichever comes first).
 * Returns a range of the view and what delimited it, or null when nothing is left. A phrase longer than `maxLength`
 * (rules/quantities.yaml indicator.maxLength) keeps only its tail.
 */
export function indicatorRange(read: ReadingView, from: number, start: number, afterStart: number, afterEnd: number, dimension: string, c: Compiled, maxLength = c.q.indicator.maxLength): Indicated | null {
  // In a hard-wrapped paragraph the phrase is read with its line breaks taken out (改\n造 is 改造), then mapped back.
  const view = read.view;
  const end = Math.max(afterEnd, Math.min(view.length, start + 4));
  if (read.hasBreak(from, end)) {
    const u = read.range(from, end);
    const r = indicatorIn(u.text, 0, u.of(start - from), u.of(afterStart - from), u.of(afterEnd - from), dimension, c, maxLength);
    if (!r) return null;
    const back = u.back(r);
    return { start: from + back.start, end: from + back.end, by: r.by };
  }
  return indicatorIn(view, from, start, afterStart, afterEnd, dimension, c, maxLength);
}

function indicatorIn(view: string, from: number, start: number, afterStart: number, afterEnd: number, dimension: string, c: Compiled, maxLength: number): Indicated | null {
  let before: Range = { start: from, end: start };
  // The cut's lookahead may need the number itself (由53.9亿元), so it reads a little past the phrase.
  const cut = c.cutAt?.first(view.slice(from, start + 4))[0];
  if (cut && cut.index < start - from) before = { start: from, end: from + cut.index };
  const etc = before.end > before.start && view.charCodeAt(before.end - 1) === 0x7b49; // 等
  // The phrase as cut, before trimming: whether it ends in an object verb is asked only of a figure followed by 的.
  const phrase = before;
  before = quoted(view, trim(view, before, c));
  before = disposed(view, before, phrase, c);
  // Examples named before their category (“三下乡”“文化八进”等各类群众文化活动): the category is the indicator.
  // Searched inside the phrase only: a search back through the whole view made a line of figures quadratic.
  const etcAt = lastIndexWithin(view, '等', before.start, before.end);
  if (etcAt >= 0 && before.end - etcAt > 2 && !etcInWord(view, etcAt, c)) before = trim(view, { start: etcAt + 1, end: before.end }, c);
  // A bare subject (全县59万亩宜林山地) names no indicator: the noun after the figure does. Nor does a phrase left
  // hanging on a conjunction (31万亩林果及10万亩蔬菜: 林果及 ends the previous item, 蔬菜 is this one's).
  const bare = isWord(view, before.start, before.end, c.subjects);
  const dangling = before.end > before.start && isIn(view.charCodeAt(before.end - 1), CONJUNCTION);
  const hasBefore = before.end - before.start >= 2 && !etc && !bare && !dangling;
  // With nothing named before it, or a verb taking it as its object, a figure written as a modifier (给予不超过1万元
  // 的一次性创业补贴, 每年对不少于5%的毕业生, 提供不少于32学时的创业培训) measures the noun after its 的. With a
  // name before it, that name stays (总投资5亿元的汇源项目: 总投资).
  const modifies = afterStart < view.length && view.charCodeAt(afterStart) === 0x7684 && (!hasBefore || endsInObjectVerb(view, phrase, c)); // 的
  const modified = modifies ? ofNoun(view, afterStart + 1, afterEnd, c) : null;
  if (modified) return { start: modified.start, end: modified.end, by: 'of-noun' };
  // The noun after the figure is read only where it can be picked: after a count, or with no name before it.
  // An amount given by a verb to someone (给予企业20万元奖励, 对…企业给予50万元补助): the noun after it names the money,
  // not the one given it.
  if (dimension === 'currency' && givenTo(view, phrase, c)) {
    const given = nounAfter(view, afterStart, afterEnd, c);
    if (given) return { start: given.start, end: given.end, by: 'after' };
  }
  const counted = COUNTED.has(dimension);
  // People counted after the kinds of them listed with 等 (知名企业家等2500余人齐聚赣州, 专家学者等300余人参加): the kinds
  // name them; what follows the count is what they did.
  if (etc && dimension === 'people') {
    const kinds = trim(view, { start: before.start, end: Math.min(before.end, phrase.end - 1) }, c);
    if (kinds.end - kinds.start >= 2) return { start: kinds.start, end: kinds.end, by: 'before' };
  }
  const after = counted || !hasBefore ? nounAfter(view, afterStart, afterEnd, c) : null;
  const pick = counted ? after ?? (hasBefore ? before : null) : hasBefore ? before : after;
  if (!pick) return null;
  // Too long a phrase keeps what follows its last 的 or 等 (…等各类群众文化活动 → 群众文化活动).
  if (pick.end - pick.start > maxLength) {
    const t = tail(view, pick, maxLength, c);
    return t && { start: t.start, end: t.end, by: 'tail' };
  }
  return { start: pick.start, end: pick.end, by: pick === after ? 'after' : 'before' };
}

/**
 * The noun after a figure (from `start`, up to `end`: the next figure or the end of the clause) naming what it
 * counts (打造15个城市街心花园 → 城市街心花园), or the head of a clause closed by 的 there (relativeHead); null when
 * there is none.
 */
function nounAfter(view: string, start: number, end: number, c: Compiled): Range | null {
  const head = relativeHead(view, start, end, c);
  if (head) return head;
  const ind = c.q.indicator;
  const len = nounLength(view.slice(start, end), ind.nounStop);
  // A one-character noun counts only if it is one of the short names of things counted (38个村, 16个县（市）).
  const single = len === 1 && ind.singleNouns.includes(view[start]!);
  if (len < 2 && !single) return null;
  let r = single ? { start, end: start + 1 } : trim(view, { start, end: start + len }, c);
  // A quoted name followed by what its things do (58个“15分钟公服圈”提升百姓幸福感): the name alone (indicator.afterQuote).
  if (view.charCodeAt(r.start) === 0x201c) {
    const close = view.indexOf('\u201d', r.start + 1);
    if (close > r.start && close + 1 < r.end && ind.afterQuote.some((w) => view.startsWith(w, close + 1))) r = { start: r.start, end: close + 1 };
  }
  // What follows a count names the thing counted only if it is a noun phrase: no number (but 4A级, 5G), no
  // change verb.
  const noun = view.slice(r.start, r.end);
  // A generic word after a count names nothing (迈上3万亿元台阶: 台阶).
  if (c.q.indicator.generic.includes(noun)) return null;
  return (single || r.end - r.start >= 2) && r.start === start && !numbered(noun) && !changeVerbIn(noun, c) ? quoted(view, r) : null;
}

/**
 * Whether a noun after a figure is a clause with a change verb (增加学位2000个, …费用增长), not a noun: the verb opens
 * or closes it. Inside it, between words of the name, a change word names a kind of thing (生活垃圾压缩转运站).
 */
function changeVerbIn(noun: string, c: Compiled): boolean {
  if (!c.growthAny.test(noun)) return false;
  // (Not one read out of a word that names a thing: 提质增效, 倍增; quantities.yaml notGrowth. Nor a word of one
  // character, which opens many nouns: 高校, 高标准农田, 增城.)
  const all = c.growthWords.all(noun);
  for (const m of all[1]!) {
    if (m[0].length < 2) continue;
    const end = m.index + m[0].length;
    if ((m.index === 0 || noun.length - end < 2) && !all[0]!.some((w) => w.index < end && m.index < w.index + w[0].length)) return true;
  }
  return false;
}

/**
 * After a count, a clause saying what its things have or do, closed by 的 (具有博士、硕士学位的企业紧缺人才): the noun
 * after the last 的 of the clause, or null when no such clause stands there.
 */
function relativeHead(view: string, start: number, end: number, c: Compiled): Range | null {
  if (wordAtStart(view, start, end, c.relativeVerbs) === 0) return null;
  // [start, end) lies in the figure's clause: the describing clause runs on past list commas (博士、硕士) up to its 的.
  const at = lastIndexWithin(view, '的', start, end);
  if (at < 0) return null;
  const len = nounLength(view.slice(at + 1, end), c.q.indicator.nounStop);
  if (len < 2) return null;
  const r = trim(view, { start: at + 1, end: at + 1 + len }, c);
  return r.end - r.start >= 2 && r.start === at + 1 ? quoted(view, r) : null;
}

/**
 * Whether the phrase ends in a verb whose object the figure opens, comparator and other trailing words aside
 * (提供不少于32学时的创业培训, 安排了1000万元的专项资金).
 */
/** Whether a phrase ends on an object verb, or on one and the party it gives to (给予企业, 给予每户): at most four after it. */
function givenTo(view: string, r: Range, c: Compiled): boolean {
  for (let end = r.end; end >= Math.max(r.start, r.end - 4); end--) if (wordAtEnd(view, r.start, end, c.objectVerbs) > 0) return true;
  return false;
}

function endsInObjectVerb(view: string, r: Range, c: Compiled): boolean {
  let end = r.end;
  for (let k = 0; k < 3 && end > r.start; k++) {
    if (wordAtEnd(view, r.start, end, c.objectVerbs) > 0) return true;
    const n = wordAtEnd(view, r.start, end, c.trailing);
    if (n === 0) return false;
    end -= n;
  }
  return false;
}

/** The noun phrase at [start, end) after a figure's 的, unless it is a generic word (水平, 标准) or names a change. */
function ofNoun(view: string, start: number, end: number, c: Compiled): Range | null {
  const len = nounLength(view.slice(start, end), c.q.indicator.nounStop);
  if (len < 2) return null;
  const r = trim(view, { start, end: start + len }, c);
  const noun = view.slice(r.start, r.end);
  if (r.start !== start || noun.length < 2 || numbered(noun) || changeVerbIn(noun, c)) return null;
  // A generic word (1500元的标准给予…补助) names nothing, nor does a phrase that opens with one.
  return c.q.indicator.generic.some((g) => noun.startsWith(g)) ? null : quoted(view, r);
}

function tail(view: string, r: Range, max: number, c: Compiled): Range | null {
  for (const mark of ['的', '等']) {
    const at = lastIndexWithin(view, mark, r.start, r.end);
    if (at < 0) continue;
    const t = trim(view, { start: at + 1, end: r.end }, c);
    if (t.end - t.start >= 2 && t.end - t.start <= max) return t;
  }
  return null;
}

/** Whether [start, end) holds a character that joins the parts of a list subject (JOINER). */
function hasJoiner(view: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isIn(view.charCodeAt(i), JOINER)) return true;
  return false;
}

/**
 * Hand one part of a list subject to each member of a list sharing one verb: 一产、二产、三产增加值 分别增长
 * 6%、5.2%、5.2% gives 一产增加值, 二产增加值, 三产增加值 (short leading parts take the last part's tail);
 * null unless the subject has exactly as many parts as the list has members.
 */
export function distribute(read: ReadingView, subject: Range, k: number, c: Compiled): string[] | null {
  const view = read.view;
  const whole = read.written(subject.start, subject.end);
  const pair = c.q.indicator.pairs.find((p) => p.parts.length === k && whole.includes(p.word));
  // A pair written with its joiner (存、贷款余额) names the two things itself, whatever else the subject joins.
  if (pair && (hasJoiner(pair.word, 0, pair.word.length) || !hasJoiner(view, subject.start, subject.end))) return pair.parts.map((p) => whole.replace(pair.word, p));
  // In a hard-wrapped paragraph the parts are found with the breaks taken out (两大主导产业营业\n收入), then mapped
  // back onto the text as written.
  const u = read.range(subject.start, subject.end);
  const v = u.text;
  const written = (r: Range) => {
    const b = u.back(r);
    return read.written(subject.start + b.start, subject.start + b.end);
  };
  // Parts split at every joiner; where that gives more than the figures, a part may hold its own 和/及 (医疗保健和个人
  // 用品、娱乐教育文化用品及服务、居住的价格分别上涨…): split at the enumeration commas alone.
  let parts = splitParts(v, JOINER_ANY);
  // (Such parts are names of their own, however long: the head the last one ends with is theirs too.)
  const byComma = parts !== null && parts.length > k;
  if (byComma) parts = splitParts(v, JOINER_COMMA);
  if (parts === null || parts.length !== k) return null;
  const last = parts.at(-1)!;
  // 第一、二、三产业增加值: the ordinal's 第 is every part's, and what follows the last numeral is too.
  const ordinal = c.q.indicator.ordinalList;
  if (ordinal && ordinal.first.test(v.slice(parts[0]!.start, parts[0]!.end)) && parts.slice(1).every((p) => ordinal.next.test(v.slice(p.start, p.end)))) {
    const mark = written({ start: parts[0]!.start, end: parts[0]!.end - 1 });
    const rest = written({ start: last.start + 1, end: last.end });
    return parts.map((p, i) => (i === 0 ? written(p) : mark + written({ start: p.start, end: p.start + 1 })) + rest);
  }
  const len = parts[0]!.end - parts[0]!.start;
  const short = len <= 3 && parts.slice(0, -1).every((p) => p.end - p.start === len) && last.end - last.start > len;
  const tailStart = short ? last.start + len : last.end - sharedHead(v, parts, c, byComma ? Infinity : MAX_MODIFIER);
  const tail = tailStart < last.end ? written({ start: tailStart, end: last.end }) : '';
  // The first part may also carry a head the others share before them (花生种植、收获机械化率: 花生 of 花生种植 is
  // 花生收获's too; 农作物耕、种、收综合机械化率): when the modifiers after it are all as short as the last one's,
  // and the first is that and a word of two to four characters more (高技术制造业、装备制造业 shares no 高).
  const modifier = tailStart - last.start;
  const first = parts[0]!;
  const lead = first.end - first.start - modifier;
  const shared = tail !== '' && !short && modifier > 0 && modifier <= MAX_SHARED_MODIFIER && lead >= 2 && lead <= MAX_LEAD
    && parts.slice(1, -1).every((p) => p.end - p.start === modifier);
  const head = shared ? written({ start: first.start, end: first.start + lead })
    : tail === '' && !short ? written({ start: first.start, end: first.start + countedLead(v, parts, c) }) : '';
  return parts.map((p, i) => (i > 0 ? head : '') + written(p) + (i < k - 1 ? tail : ''));
}

/**
 * The length of the subject the first part counts or measures (生产安全事故 of 生产安全事故起数) when every later part
 * is a count standing alone (死亡人数, 受伤人数: at most two characters before a count head) other than the first's own
 * head; else 0.
 */
function countedLead(v: string, parts: Range[], c: Compiled): number {
  const first = parts[0]!;
  const own = Math.max(wordAtEnd(v, first.start, first.end, c.heads), wordAtEnd(v, first.start, first.end, c.countHeads));
  const lead = first.end - first.start - own;
  if (own === 0 || lead < 2) return 0;
  const ownHead = v.slice(first.end - own, first.end);
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i]!;
    const n = wordAtEnd(v, p.start, p.end, c.countHeads);
    if (n === 0 || p.end - p.start - n > 2 || v.endsWith(ownHead, p.end)) return 0;
  }
  return lead;
}

const JOINER_ANY = 0;
const JOINER_COMMA = 1;

/** The parts of a list subject between joiners (any: 、和及与; comma: 、 alone), or null where one is empty. */
function splitParts(v: string, by: typeof JOINER_ANY | typeof JOINER_COMMA): Range[] | null {
  const parts: Range[] = [];
  let start = 0;
  for (let i = 0; i <= v.length; i++) {
    const code = i < v.length ? v.charCodeAt(i) : 0;
    if (i === v.length || (by === JOINER_ANY ? isIn(code, JOINER) : code === 0x3001)) {
      if (i - start < 1) return null;
      parts.push({ start, end: i });
      start = i + 1;
    }
  }
  return parts;
}

/** The most characters of a head the parts of a list share before them (马铃薯, 农作物), and of each modifier after it. */
const MAX_LEAD = 4;
const MAX_SHARED_MODIFIER = 3;

/** Leading parts longer than this are names of their own, not modifiers waiting for the last part's head. */
const MAX_MODIFIER = 8;

/**
 * The length of the head word the last part ends with (增加值 of 建材产业增加值) when every leading part is short and
 * ends in no head's last character, so each is a modifier of it (纺织服装、食品、建材产业增加值); else 0.
 */
function sharedHead(view: string, parts: Range[], c: Compiled, maxModifier: number): number {
  const last = parts.at(-1)!;
  const n = wordAtEnd(view, last.start + 1, last.end, c.heads);
  const leading = parts.slice(0, -1);
  // A leading part ending the way a head does (事故起数 beside 死亡人数, 空气综合指数) is a measure of its own.
  const named = (p: Range) => p.end - p.start > maxModifier || c.heads.byLast.has(view.charCodeAt(p.end - 1));
  if (n === 0 || leading.some(named)) return 0;
  return n;
}
