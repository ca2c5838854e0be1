import type { Block, Doc, Range } from '../../document.js';
import type { ReadingView } from '../../util/reading.js';
import type { Quantity } from '../../schema.js';
import { trimRange } from '../../span.js';
import { readAs } from '../../stages/normalise.js';
import { Bounds } from './bounds.js';
import type { Compiled } from './compile.js';
import { kindOf, openingBareYear, openingYear, Sentence, targetsFrom, yearOf, type Frame, type KindOf, type Opening, type When } from './context.js';
import { clauseSubject, COUNTED, distribute, indicatorRange, withoutInnerVerb, withoutOwnPlace } from './indicator.js';
import { comparatorOf, gapAfter, growthOf, lastGrowthWord, POINTS, type Growth } from './meaning.js';
import type { Mention } from './scan.js';
import { FILLER } from '../../util/breaks.js';
import { COLON, COMMA, ENUMERATION, FULL_STOP, SEMICOLON } from '../../rules/punctuation.js';

const FILLER_CODE = FILLER.charCodeAt(0);

/** A quantity before ids are given in document order. */
export type Draft = Quantity;

/** Joiners of a list sharing one verb or qualifier (分别增长4.5%、6.5%、7%以上), standing alone between two figures. */
// (Five codes in a list: a search of it is inlined where a lookup in a Set was a call for every figure after another.)
const LIST_JOINERS = [...'、和及与或'].map((ch) => ch.charCodeAt(0));
/**
 * Whether [from, to) joins two members of a list: a joiner alone, or one and a word that stretches the goal for the
 * later member (增长6.5%、力争7%: quantities.yaml indicator.listStretch).
 */
function listGap(view: string, from: number, to: number, c: Compiled): boolean {
  // (Spaces and fillers around the joiner aside: 39159 元和 20598 元 in a copy spaced between digits and characters.)
  while (from < to && isGapSpace(view.charCodeAt(from))) from++;
  while (to > from && isGapSpace(view.charCodeAt(to - 1))) to--;
  return LIST_JOINERS.includes(view.charCodeAt(from)) && (to - from === 1 || (to - from <= 5 && c.q.indicator.listStretch.includes(view.slice(from + 1, to))));
}

const isGapSpace = (code: number) => code === 0x20 || code === FILLER_CODE;

/**
 * Just past the last 、 in [from, to) outside parentheses, or `from` when there is none (a backward scan that stops
 * at `from`): the 、 of 丘陵山区县(市、区)农作物…机械化率 separates no list items.
 */
function afterLastComma(view: string, from: number, to: number): number {
  let depth = 0;
  for (let i = to - 1; i >= from; i--) {
    const ch = view.charCodeAt(i);
    if (ch === 0x29) depth++; // )
    else if (ch === 0x28 && depth > 0) depth--; // (
    else if (ch === 0x3001 && depth === 0) return i + 1;
  }
  return from;
}

/** The most characters a part of a list of modifiers before one head can have (国控、省控地表水…, 城乡低保、特困人员补助). */
const MAX_MODIFIER = 6;
const NOT_IN_MODIFIER = /[\d\s()“”"'《》〈〉【】\[\],;:。!?]/;

/** Whether [start, end) of the view is a list of short modifiers joined by 、 (国控、省控, 县, 脱贫人口). */
function modifierList(view: string, start: number, end: number): boolean {
  if (end <= start) return false;
  const parts = view.slice(start, end).split('、');
  return parts.every((p) => p.length >= 1 && p.length <= MAX_MODIFIER && !NOT_IN_MODIFIER.test(p));
}

/**
 * The indicator of a figure: the phrase before it from the last 、 (the items of a list before it are no part of
 * its name), unless what comes before that 、 is a list of short modifiers of the same head and the figure is for
 * them all (国控、省控地表水考核断面水质优良比例达到90%, 脱贫人口、困难群众参保率稳定在99%以上). Not after another
 * figure of the clause (`afterFigure`), whose own noun may stand before the 、 (走向184个国家和地区、累计货值…).
 */
function indicatorOf(read: ReadingView, from: number, start: number, afterStart: number, afterEnd: number, dimension: string, c: Compiled, afterFigure: boolean): ReturnType<typeof indicatorRange> {
  const view = read.view;
  const cut = afterLastComma(view, from, start);
  const ind = indicatorRange(read, cut, start, afterStart, afterEnd, dimension, c);
  if (cut === from || afterFigure || ind?.by !== 'before') return ind;
  const whole = indicatorRange(read, from, start, afterStart, afterEnd, dimension, c);
  if (!whole || whole.by !== 'before' || whole.end !== ind.end || whole.start >= cut - 1) return ind;
  return modifierList(view, whole.start, cut - 1) ? whole : ind;
}

/** A run of mentions joined only by list joiners, sharing the first one's verb and subject. */
interface Group {
  members: Draft[];
  /**
   * Where the first member's whole subject phrase (一产、二产、三产增加值) is read from, for handing out parts: the
   * arguments `indicatorRange` reads it with, kept rather than a closure over them (a closure made the loop over the
   * figures allocate a context for every figure).
   */
  subject: { from: number; start: number; afterStart: number; afterEnd: number };
  /** The first member's comparator is a word before it (超过5%、6%), shared by the list unless a tail word is. */
  head: boolean;
  /** The last member so far carries its own comparator word after it (…、7%以上). */
  tail: boolean;
  /** Where the sentence holding the list starts. */
  sentence: number;
}

/** 等, closing a list of examples before their category. */
const ETC = 0x7b49;

/** The parts of a subject handed out to the last list of a sentence, for a later list there that has none. */
interface Handed { sentence: number; parts: string[] }

/**
 * Close a list: members without a comparator take the one written after the last; subjects are handed out. A list
 * with no subject of its own takes the parts handed to the list before it in the sentence, one by one (城乡居民收入
 * 分别达到42350元和19870元,增长4.9%和6.7%). Returns what this list handed out, or `handed` unchanged.
 */
function close(doc: Doc, g: Group, c: Compiled, frame: Frame, handed: Handed | null, done: readonly Draft[]): Handed | null {
  if (g.members.length < 2) return handed;
  const last = g.members.at(-1)!;
  const sharer = g.tail ? last : g.head ? g.members[0]! : null;
  for (const d of g.members) {
    if (d.comparator !== null || !sharer) continue;
    d.comparator = sharer.comparator;
    d.rules.comparator = sharer.rules.comparator;
  }
  const s = g.subject;
  const subject = indicatorRange(doc.reading, s.from, s.start, s.afterStart, s.afterEnd, 'level', c, Infinity);
  let parts = subject ? distribute(doc.reading, subject, g.members.length, c) : null;
  let by = frame.ids.indicator.parts;
  // Examples listed before the category that names them (新能源汽车、光伏电池、工业机器人等绿色低碳产品产量分别增长…):
  // each figure is its example's, when they are as many as the figures, with what the category ends with (产量).
  if (subject && subject.start > s.from && doc.view.charCodeAt(subject.start - 1) === ETC) {
    const at = subject.start - 1;
    const examples = indicatorRange(doc.reading, s.from, at, at, at, 'level', c, Infinity);
    const listed = examples ? distribute(doc.reading, examples, g.members.length, c) : null;
    const tail = c.q.indicator.examplesTail?.exec(doc.reading.written(subject.start, subject.end))?.[0] ?? '';
    if (listed) parts = listed.map((p) => p + tail);
  }
  if (!subject && handed?.sentence === g.sentence && handed.parts.length === g.members.length) parts = handed.parts;
  // A list of shares after 分别 (…男性人口23.85万人，女性人口22.61万人，分别占总人口的51.3%和48.7%) names the base it
  // is a share of, not its subject: the figures before it are what the shares measure, as with no subject at all.
  const share = subject !== null && c.q.indicator.share !== null && doc.view.startsWith(c.q.indicator.share.word, subject.start);
  if ((!subject || share) && !parts) {
    const named = respectively(doc.view, g, done, c);
    if (named || !share) [parts, by] = [named, frame.ids.indicator.respectively];
  }
  // The subjects in the clause before, with no figure of their own (A和B，分别实际增长58.3%和29.2%).
  if (!subject && !parts) {
    const lead = leadClause(doc.view, g, done, c);
    const range = lead ? indicatorRange(doc.reading, lead.start, lead.end, lead.end, lead.end, 'level', c, Infinity) : null;
    parts = range ? distribute(doc.reading, range, g.members.length, c) : null;
    by = frame.ids.indicator.parts;
  }
  const byYears = frame.ids.year.respectively;
  if (byYears !== null) yearsRespectively(doc.view, g, byYears, c);
  if (!parts) return handed;
  g.members.forEach((d, i) => {
    d.indicator = withoutInnerVerb(parts[i]!, c);
    d.rules.indicator = by;
  });
  return { sentence: g.sentence, parts };
}

/**
 * A list whose members 分别 matches with as many years named before it (2024年、2025年分别发行1万亿元、1.3万亿元): each
 * member is of its own year, not the last year named.
 */
function yearsRespectively(view: string, g: Group, id: string, c: Compiled): void {
  const k = g.members.length;
  const before = view.slice(g.subject.from, g.subject.start);
  const at = before.lastIndexOf('分别');
  if (at < 0) return;
  const listed = c.q.indicator.listedYears;
  if (listed === null) return;
  const years = [...before.slice(0, at).matchAll(listed.year)].map((m) => Number(m[1]));
  if (years.length !== k || !listed.only.test(before.slice(before.indexOf(String(years[0])), at))) return;
  g.members.forEach((d, i) => {
    [d.year, d.period, d.rules.year] = [years[i]!, null, id];
  });
}

/**
 * The figures before `actual` in its sentence that had nothing to go by are reported as it is (全年水资源总量23763亿
 * 立方米，比上年减少13.4%): the actual cue of the later figure (比上年, 同比…) makes them actuals too, and one whose year
 * was only the plan year its kind gave takes the later figure's. Empties `defaulted`.
 */
function compareAfter(defaulted: Draft[], actual: Draft, ids: Compiled['ids']): void {
  for (const d of defaulted) {
    [d.kind, d.rules.kind] = ['actual', ids.kind['compared-after']];
    if (d.rules.year === ids.year['report-plan']) [d.year, d.period, d.rules.year] = [actual.year, actual.period, actual.rules.year];
  }
  defaulted.length = 0;
}


/**
 * The clause right before a list's 分别 clause in its sentence (城镇居民人均可支配收入和农村居民人均纯收入，分别实际增长…),
 * when no figure of the sentence stands in or after it before the list: its range up to the comma, else null.
 */
function leadClause(view: string, g: Group, done: readonly Draft[], c: Compiled): Range | null {
  const first = g.members[0]!.core.span.start;
  const at = view.lastIndexOf('分别', first);
  if (at < g.sentence) return null;
  let comma = at - 1;
  while (comma > g.sentence && (view.charCodeAt(comma) === 0x20)) comma--;
  if (comma <= g.sentence || !c.punct.is(view.charCodeAt(comma), COMMA)) return null;
  let start = comma - 1;
  while (start > g.sentence && !c.punct.is(view.charCodeAt(start - 1), CLAUSE_END)) start--;
  if (done.some((d) => d.core.span.start >= start && d.core.span.start < first)) return null;
  return start < comma ? { start, end: comma } : null;
}

/** What ends the clause before a list's 分别 clause: a comma, semicolon, colon or full stop. */
const CLAUSE_END = COMMA | SEMICOLON | COLON | FULL_STOP;

/**
 * 接待游客1260万人次、实现旅游综合收入118亿元，分别增长11.2%和9.6%: a list with no subject, after 分别, names as many
 * figures just before it in its sentence (quantities.yaml indicator.respectively); their indicators, one by one (null
 * unless all are named).
 */
function respectively(view: string, g: Group, done: readonly Draft[], c: Compiled): string[] | null {
  const first = g.members[0]!.core.span.start;
  const before = done.filter((d) => d.core.span.start >= g.sentence && d.core.span.start < first);
  const named = before.slice(-g.members.length);
  if (named.length !== g.members.length || named.some((d) => d.indicator === null)) return null;
  // 分别 must follow the last of them right away (…118亿元，分别增长…), a comparator word aside.
  if (!c.q.indicator.respectively?.test(view.slice(named.at(-1)!.core.span.end, first))) return null;
  return named.map((d) => d.indicator!);
}

/** No comparator word after a mention (most figures): one shared record, read only. */
const NO_WORD = { word: '', length: 0 };

/**
 * The comparator word right after a mention (以上, 左右) and how far it reaches in the view; read across the line
 * break of a hard-wrapped paragraph (以\n上) when there is one.
 */
function afterWord(read: ReadingView, end: number, limit: number, c: Compiled): { word: string; length: number } {
  const view = read.view;
  // 10万元(含)以上: the mark of an included bound stands between the figure and its comparator.
  const mark = c.inclusive.at(view, end);
  if (mark) {
    const bound = c.cmpAfter.at(view, end + mark.length);
    if (bound && end + mark.length + bound.length <= limit) return { word: bound, length: mark.length + bound.length };
  }
  const word = c.cmpAfter.at(view, end);
  if (word) return { word, length: word.length };
  // One space before it, as a copy may leave (70% 以上).
  const spaced = view.charCodeAt(end) === 0x20 && end + 1 < limit ? c.cmpAfter.at(view, end + 1) : undefined;
  if (spaced && end + 1 + spaced.length <= limit) return { word: spaced, length: spaced.length + 1 };
  if (!read.hasBreak(end, Math.min(limit, end + 4))) return NO_WORD;
  const u = read.range(end, Math.min(limit, end + 12));
  const w = c.cmpAfter.at(u.text, 0);
  return w ? { word: w, length: u.back({ start: 0, end: w.length }).end } : NO_WORD;
}

const RATES = new Set(['percent', 'percentage-points', 'permille-points', 'ratio', 'permille']);

/** A subject of two characters or more before a gap word, once the adverbs of a list (分别, 均, 都) are off it. */
const SUBJECT = /[\u4e00-\u9fff]{2}/;

/**
 * A gap in points against another area right after a rate that is a level (占比21.6%，低于全国10个百分点), or the next
 * member of a list of such gaps (低于全国18.39个、全省4.89个百分点): it compares levels, so it is a level with no
 * direction (decision rule level.gap); null otherwise.
 */
function levelGap(read: ReadingView, m: Mention, clauseStart: number, previous: Draft | null, window: string, c: Compiled): Growth | null {
  if (!POINTS.has(m.dimension)) return null;
  const gap = { measure: 'level' as const, direction: null, rule: c.ids.measure['level-gap'] };
  // 城镇化率比全国低12个百分点: a level; 增速比全省高0.5个百分点, 较全省快1.5个百分点 (快/慢 say a speed): a change,
  // up or down by the word.
  const clause = read.slice(clauseStart, m.start);
  const compared = c.q.gapCompared?.exec(clause);
  if (compared) {
    const word = compared.groups!.word!;
    const speed = word === '快' || word === '慢';
    // (What it is compared with may name the rate itself: 比规上工业增加值增速高5.0个百分点.)
    const rate = c.q.indicator.rateNouns.some((w) => compared[0].includes(w));
    if (!speed && !rate && lastGrowthWord(clause.slice(0, compared.index), c) === null) return gap;
    return { measure: 'growth', direction: word === '高' || word === '快' ? 'up' : 'down', rule: c.ids.measure.points };
  }
  // 入学率高于全省平均3.15个百分点, 占比高于全省22.7个百分点: a gap in a level its clause names, a level (ANNOTATION);
  // 增速高于全省0.5个百分点 compares a change, and 快于/慢于 a speed (growth, by growthOf).
  // The clause must name what it compares: one that opens with the gap (增长12.6%，分别高于全省平均水平2.1个…) compares
  // the change before it.
  const after = c.gapAfterSubject.exec(clause);
  if (after && !after[1]!.startsWith('快') && !after[1]!.startsWith('慢')) {
    const subject = clause.slice(0, after.index);
    if (SUBJECT.test(subject.replace(c.listAdverbsEnd, '')) && lastGrowthWord(subject, c) === null) return gap;
  }
  if (previous === null || previous.measure !== 'level' || !RATES.has(previous.normalized.dimension ?? '')) return null;
  if (c.gap.test(window)) return gap;
  const joiner = previous.rules.measure === gap.rule ? c.sharedJoin.at(window, 0) : null;
  return joiner !== null && joiner.length + (c.sharedArea.at(window, joiner.length)?.length ?? 0) === window.length ? gap : null;
}

/**
 * An amount (not a rate) that is a change against a baseline: a growth word right before it, and a baseline named up
 * to that word in the clause (比上年增加1万亿元, 同比减少30元, 年均增长13.14亿元) or implied by it (增产74亿斤). A
 * clause that opens with the word takes the baseline of its sentence (收入5亿元，同比增长8%，增加0.4亿元), and one
 * right after a level of the same unit implies it (播种面积135.5千公顷，增加0.3千公顷: `afterLevel`).
 * Null when the figure is no such amount (its measure is then read as for any figure).
 */
function amountChange(read: ReadingView, m: Mention, clause: Range, sentence: Range, c: Compiled, afterLevel = false): Growth | null {
  const rule = c.q.amountChange;
  if (!rule || RATES.has(m.dimension)) return null;
  const text = read.slice(clause.start, m.start);
  const cue = lastGrowthWord(text, c);
  if (!cue || rule.except.includes(cue.word)) return null;
  c.toLevel.lastIndex = cue.end;
  if (c.toLevel.exec(text)?.index === cue.end) return null;
  if (!c.q.growthGap.test(gapAfter(text, cue.end))) return null;
  const opens = cue.end === cue.word.length;
  const implied = (afterLevel && opens) || rule.implied.some((i) => i.words.includes(cue.word) && (i.dimensions.includes(m.dimension) || i.rules.includes(m.rule)));
  // The clauses of a sentence after a clause that is its baseline (与上年相比，…) are read with it.
  const fronted = !opens && clause.start > sentence.start && rule.fronted?.test(read.slice(sentence.start, clause.start));
  const scope = opens ? read.slice(sentence.start, clause.start) + cue.word : fronted ? read.slice(sentence.start, clause.start) + text.slice(0, cue.end) : text.slice(0, cue.end);
  if (!implied && !rule.baseline.test(scope)) return null;
  return { measure: 'growth', direction: c.growthOf.get(cue.word)!.value, rule: rule.id };
}

/**
 * A share named without what it is a share of (…增加值146419万元，占地区生产总值比重为26.4%): the figure before it in
 * its sentence names it (第一产业增加值占地区生产总值比重). Shares handed out to several figures (…，分别占…的33.6%和
 * 27.9%) are not given one subject (`before` null).
 */
function shareOf(indicator: string, m: Mention, before: Draft | null, c: Compiled): string {
  const s = c.q.indicator.share;
  if (s === null) return indicator;
  const share = indicator.startsWith(s.word) && (m.dimension === 'percent' || s.nouns.some((n) => indicator.endsWith(n)));
  return share && before?.indicator && !before.indicator.includes(s.word) ? before.indicator + indicator : indicator;
}

/** The figure two before the one being described, when it is in the same sentence (the subject a base stands after). */
function subjectBefore(out: readonly Draft[], sentence: Range): Draft | null {
  const d = out.length > 1 ? out[out.length - 2]! : null;
  return d !== null && d.core.span.start >= sentence.start ? d : null;
}

/**
 * A clause that opens with a relation word (对GDP增长的贡献率为0.7%) after a figure of its sentence: the figure is named by
 * that figure's subject (its indicator less the head it ends with: 第一产业增加值 → 第一产业), the word and the phrase.
 */
function related(read: ReadingView, clauseStart: number, ind: Range, previous: Draft | null, c: Compiled): string | null {
  const words = c.q.indicator.relations;
  if (!words.length || previous === null || previous.indicator === null) return null;
  const opening = read.view.slice(clauseStart, ind.start).trim();
  if (!words.includes(opening)) return null;
  const named = previous.indicator;
  let subject = named;
  for (const h of c.q.indicator.heads) if (named.length > h.length && named.endsWith(h) && named.length - h.length < subject.length) subject = named.slice(0, named.length - h.length);
  return subject + read.written(clauseStart, ind.end).trim();
}

/** The name of the figure before it for a figure whose phrase only qualifies that one (不含雄安增长7.3%), else null. */
function qualified(read: ReadingView, ind: Range, previous: Draft | null, c: Compiled): string | null {
  if (previous === null || previous.indicator === null) return null;
  const named = read.written(ind.start, ind.end);
  if (!c.q.indicator.qualifiers.some((w) => named.startsWith(w))) return null;
  for (const end of c.q.indicator.qualifierEnds) {
    const at = named.indexOf(end);
    if (at > 0 && named.length - at - end.length >= 2) return named.slice(at + end.length);
  }
  return previous.indicator;
}

/**
 * The name of a rate of the figure before it, compared with another time (，增速比前11个月加快0.2个百分点; 增速由前三季度
 * 的2.1%回升): that figure's name and the rate's noun (quantities.yaml indicator.rateNouns), else null.
 */
function rateOf(read: ReadingView, ind: Range, previous: Draft | null, c: Compiled): string | null {
  if (previous === null || previous.indicator === null) return null;
  const named = read.written(ind.start, ind.end);
  const noun = c.q.indicator.rateNouns.find((w) => named.startsWith(w) && c.q.indicator.rateCompared.some((t) => named.startsWith(t, w.length)));
  return noun === undefined ? null : previous.indicator.endsWith(noun) ? previous.indicator : previous.indicator + noun;
}


/**
 * A bare head named after its partner in the paragraph (…一般公共预算收入5881968万元，…；支出10827534万元): the partner's
 * subject with this head (…一般公共预算支出), from the nearest earlier figure of the paragraph named so; else null.
 */
function counterpart(named: string, out: readonly Draft[], from: number, c: Compiled): string | null {
  const pairs = c.q.indicator.counterparts;
  if (pairs.length === 0) return null;
  for (const [a, b] of pairs) {
    const partner = named === a ? b : named === b ? a : null;
    if (partner === null) continue;
    for (let i = out.length - 1; i >= 0 && out[i]!.span.start >= from; i--) {
      const name = out[i]!.indicator;
      if (name !== null && name.length > partner.length && name.endsWith(partner)) return name.slice(0, -partner.length) + named;
    }
  }
  return null;
}

/** The name lent by the figure before it; a bare share of it (，占3.7%) is that figure's share (…比重, as statistics name it). */
function lentName(lent: Draft, window: string, m: Mention, c: Compiled): string | null {
  if (lent.indicator === null) return null;
  const s = c.q.indicator.share;
  return s !== null && m.dimension === 'percent' && bareShare(window, s.word, c) && !lent.indicator.includes(s.word) ? lent.indicator + s.name : lent.indicator;
}

/** A clause holding nothing but the share's word (占) before a percentage, a comma or semicolon before it: ，占3.7%. */
function bareShare(window: string, word: string, c: Compiled): boolean {
  let t = window.trim();
  if (t.length > 0 && c.punct.is(t.charCodeAt(0), COMMA | SEMICOLON)) t = t.slice(1).trim();
  return t === word;
}

/** Whether a text names a year or span of its own (a year cue of quantities.yaml `years`). */
const hasYearCue = (text: string, c: Compiled): boolean => c.yearCues.patterns.any(text);

/** The id of the task holding `pos`, or null (never indexes the list with -1: a slow property lookup). */
function taskId(frame: Frame, pos: number): string | null {
  if (!frame.hasTasks) return null;
  const i = frame.taskAt.at(pos);
  return i >= 0 ? frame.taskIds[i]! : null;
}

/**
 * The unit as written (萬元 beside capital numerals, 個百分點 in a traditional copy, where the view reads 万元 and
 * 个百分点): the text's own characters where the view's core ends with the unit as read, width folded as the view
 * folds them (％ → %); one read through fillers (a pinyin reading inside it) as written without them; else the unit
 * as read (one read across a break).
 */
function writtenUnit(view: string, source: string, m: Mention, frame: Frame, reading: ReadingView): string {
  const from = m.end - m.unit.length;
  if (from < m.start || !view.startsWith(m.unit, from)) return unitThroughFillers(view, m, reading) ?? m.unit;
  // Most units are written as read: told in place, with no slice made.
  if (source.startsWith(m.unit, from)) return m.unit;
  const written = source.slice(from, m.end);
  let read = frame.writtenUnits.get(written);
  if (read === undefined) frame.writtenUnits.set(written, (read = readAs(written)));
  return read;
}

/**
 * A unit read through fillers (萬(wàn)美元, a pinyin reading inside it): as written, the fillers left out, when the
 * characters read before the mention's end are the unit; else null.
 */
function unitThroughFillers(view: string, m: Mention, reading: ReadingView): string | null {
  let start = m.end;
  let n = 0;
  while (n < m.unit.length && start > m.start) if (view.charCodeAt(--start) !== FILLER_CODE) n++;
  if (n < m.unit.length || view.slice(start, m.end).replaceAll(FILLER, '') !== m.unit) return null;
  return readAs(reading.written(start, m.end));
}

/** Marks that end a clause or sentence for the list readers: comma, semicolon, colon, full stop. */
const STOPS = COMMA | SEMICOLON | COLON | FULL_STOP;

/** Whether `text` opens with punctuation of `opens` and runs on, for at most `max` characters, with no clause mark. */
function openedRun(text: string, opens: number, max: number, c: Compiled): boolean {
  return text.length > 0 && text.length <= max + 1 && c.punct.is(text.charCodeAt(0), opens) && c.punct.indexIn(text, 1, text.length, STOPS) < 0;
}

/**
 * Whether a figure listed right after a total over a span (五年来，累计建成高标准农田2709万亩、高效节水灌溉353万亩；
 * 五年来，全省累计新增城镇就业200多万人，安排下岗失业人员再就业117万人) is a total over it too: both levels of one
 * kind, the figure dated by nothing but the span's end, and its phrase or clause reaching no level (…、城镇化率达到
 * 60%: of the span's end). A phrase after 、 holds a figure of the same dimension; a clause, an amount or count.
 */
function totalListed(previous: Draft | null, dated: When, m: Mention, measure: string | null, kind: string, window: string, c: Compiled): boolean {
  if (previous === null || previous.period === null || dated.period !== null || dated.year !== previous.period[1]) return false;
  if (previous.measure !== 'level' || measure !== 'level' || previous.kind !== kind || c.span.reached.test(window)) return false;
  // A figure's own phrase after an enumeration comma (、高效节水灌溉), or its own clause after a comma or a semicolon of the
  // same sentence (,安排下岗失业人员再就业), with no clause break in it.
  if (openedRun(window, ENUMERATION, 24, c)) return previous.normalized.dimension === m.dimension;
  return openedRun(window, COMMA | SEMICOLON, 30, c) && !RATES.has(m.dimension) && !RATES.has(previous.normalized.dimension ?? '');
}

/**
 * A later change in a sentence whose earlier change ran from a base year (比2002年增长60.98%，实现利润增长2.23倍): the
 * same span, when nothing in its own window names a year and it was dated by the span's end alone (or by a span
 * ending then); null otherwise.
 */
function baseCarried(base: When | null, dated: When, measure: string | null, window: string, c: Compiled): When | null {
  // (Dated by the span of its part, “十五”时期工作回顾, it ends the same year: the base's span is the closer one.)
  const end = dated.period !== null ? dated.period[1] : dated.year;
  if (base === null || measure !== 'growth' || end !== base.period![1]) return null;
  return c.yearCues.patterns.any(window) ? null : base;
}

/** A growth word alone between a base's level and its change (…的12.98亿吨增长5%): 增长, 增加了, 分别下降. */
const bareGrowth = (window: string, c: Compiled): boolean => window.length <= 6 && c.punct.indexIn(window, 0, window.length, STOPS) < 0;

/**
 * A change written right after the level of its base (比2015年的12.98亿吨增长5%, 较“十三五”末的9323.1亿元增加4374.4亿元)
 * runs from the base's year to the end of the span it is in; null for any other figure.
 */
function fromBase(previous: Draft | null, dated: When, measure: string | null, window: string, c: Compiled): When | null {
  const by = previous?.rules.year ?? null;
  if (previous === null || measure !== 'growth' || previous.year === null || by === null || !(c.baseYearIds.has(by) || by === c.q.baselineLevel?.id)) return null;
  // (Against the year before, 较上年28899万元增长9.9%, it is a year's change: the year alone, as it was dated.)
  const end = dated.period?.[1] ?? dated.year;
  return end !== null && end > previous.year + 1 && bareGrowth(window, c) ? { year: null, period: [previous.year, end], rule: by } : null;
}

/**
 * The subject of the clause before a figure's own when that one is its verb alone (城镇居民人均可支配收入稳步增长，
 * 达到4.2万元: quantities.yaml indicator.clauseSubject), in the same sentence; null otherwise.
 */
function subjectClause(read: ReadingView, clause: Range, m: Mention, sentence: Range, c: Compiled): ReturnType<typeof clauseSubject> {
  const rule = c.q.indicator.clauseSubject;
  const view = read.view;
  if (!rule || clause.start - 1 <= sentence.start || !c.punct.is(view.charCodeAt(clause.start - 1), COMMA)) return null;
  if (!rule.reach.test(read.written(clause.start, m.start).trim())) return null;
  let from = clause.start - 1;
  while (from > sentence.start && !c.punct.is(view.charCodeAt(from - 1), CLAUSE_END)) from--;
  return clauseSubject(read, from, clause.start - 1, c);
}

/**
 * Where a figure's phrase goes on past the noun the count before it was named by and a verb those things do
 * (19家企业|发放|社会保险补贴497.1万元: quantities.yaml indicator.actorVerbs), or -1.
 */
function actorEnd(read: ReadingView, from: number, start: number, out: readonly Draft[], sentence: Range, c: Compiled): number {
  const verbs = c.q.indicator.actorVerbs;
  const last = out.length > 0 ? out[out.length - 1]! : null;
  if (verbs.length === 0 || last === null || last.span.start < sentence.start || last.rules.indicator !== c.ids.indicator.after || last.indicator === null) return -1;
  const noun = last.indicator;
  if (!read.view.startsWith(noun, from)) return -1;
  const at = from + noun.length;
  const verb = verbs.find((v) => read.view.startsWith(v, at));
  return verb !== undefined && start - at - verb.length >= 2 ? at + verb.length : -1;
}

/** Whether the sentence at `start` opens with a word saying it goes on with the one before (其中: partOfBefore). */
function partOfBefore(view: string, start: number, c: Compiled): boolean {
  let at = start;
  while (at < view.length && (view.charCodeAt(at) === 0x20 || view.charCodeAt(at) === 0x3000)) at++;
  return c.q.partOfBefore.some((w) => view.startsWith(w, at));
}

/** Describe the mentions of one block: comparator, measure, kind, year, indicator; lists share what they share. */
export function describe(doc: Doc, block: Block, found: Mention[], frame: Frame, c: Compiled, carried: number | null = null): Draft[] {
  const ids = frame.ids;
  const deadline = (year: number | null, evidence: 'opening-deadline' | 'opening-year' | 'carried-deadline' | 'sentence-year'): Opening | null => (year === null ? null : { year, rule: ids.year[evidence] });
  const view = doc.view;
  const read = doc.reading;
  const source = doc.text;
  const out: Draft[] = [];
  let prevEnd = -1;
  // One list record for the block, started over at each figure that opens a list: most lists have a single member
  // and are closed right away, and a record made per figure was mostly thrown away.
  const group: Group = { members: [], subject: { from: 0, start: 0, afterStart: 0, afterEnd: 0 }, head: false, tail: false, sentence: 0 };
  let handed: Handed | null = null;
  // The deadline the paragraph opens with, or the one the paragraph introducing its list did (see carriedYears).
  const bareYear = openingBareYear(view, block);
  const opening = deadline(openingYear(view, block), 'opening-deadline') ?? deadline(bareYear, 'opening-year') ?? deadline(carried, 'carried-deadline');
  // A paragraph that opens on the past (过去一年，… / 去年，…, or a year the report reviews alone: 2024年，… in a 2025
  // report) is what figures with nothing else to go by take.
  const past = c.q.reviewParagraph?.test(view.slice(block.start, Math.min(block.end, block.start + 16)));
  let lastKind: KindOf | null = past ? { kind: 'actual', rule: ids.kind['review-paragraph'], evidence: 'review-paragraph' }
    : bareYear !== null && frame.reviewYear !== null && bareYear <= frame.reviewYear ? { kind: 'actual', rule: ids.kind['past-year'], evidence: 'past-year' }
    : null;
  const targets = targetsFrom(view, block, c);
  const bounds = new Bounds(view, block, c.stops);
  const bareMagnitude = c.units.bareMagnitude;
  // The figures of the current sentence whose kind is the default target so far (kindOf had nothing to go by).
  const defaulted: Draft[] = [];
  // What a sentence says is read once for all its figures (figures come in order, so a sentence's are together).
  let sentence: Sentence | null = null;
  // The deadline the current sentence opens with, or the one a sentence before it opened its semicolon list with.
  let sentenceDeadline: Opening | null = null;
  // The year named last in the current sentence (2001年全省旅游收入100亿元，比上年增长23%): its later figures' year.
  let sentenceYear: Opening | null = null;
  // The year of the sentences before the current one, when they were items of one list (…；…；…).
  let listYear: Opening | null = null;
  // The base-to-year span of a change in the current sentence (比2002年增长60.98%), for its later changes.
  let sentenceBase: When | null = null;
  for (let k = 0; k < found.length; k++) {
    const m = found[k]!;
    const clause = bounds.clause(m);
    const range = bounds.sentence(m);
    if (!sentence || sentence.start !== range.start || sentence.end !== range.end) {
      // A deadline a sentence opens with holds on over the semicolons after it (力争到2020年，A达到…；B达到…；…。).
      // (So does a sentence opening with 其中 after a full stop: quantities.yaml partOfBefore.)
      const listed = sentence !== null && range.start > sentence.end && (c.punct.is(view.charCodeAt(sentence.end), SEMICOLON) || partOfBefore(view, range.start, c));
      const carried: Opening | null = listed ? sentenceDeadline : null;
      // So does a year it names, for figures with nothing else to go by (2020年度全乡蔬菜播种面积96公顷，产量3106吨；
      // 水果种植面积25.3公顷…).
      listYear = listed && !carried ? sentenceYear ?? deadline(sentence!.openingBare, 'sentence-year') ?? listYear : null;
      sentence = new Sentence(range.start, range.end, read, c);
      sentenceDeadline = deadline(sentence.opening, 'opening-deadline') ?? carried;
      sentenceYear = null;
      sentenceBase = null;
    }
    const { word, length } = afterWord(read, m.end, block.end, c);
    const cmp = comparatorOf(read, m, clause, word, length, c);
    const afterStart = Math.min(clause.end, m.end + length);
    const inList = group.members.length > 0 && prevEnd >= clause.start && listGap(view, prevEnd, m.start, c);
    const from = prevEnd >= clause.start ? prevEnd : clause.start;
    // What follows a count may name it, up to the next figure (13个保交楼项目近7000套房 → 保交楼项目), and a bare
    // magnitude counting people named after it up to them (5575万农村贫困人口实现脱贫 → 农村贫困人口).
    const bare = m.rule === bareMagnitude?.id ? bareMagnitude.counted?.exec(view.slice(m.end, m.end + 12)) : null;
    // (The next figure is read only where there is one: a read past the list's end is a slow load.)
    const next = k + 1 < found.length ? found[k + 1]!.start : Infinity;
    const afterEnd = Math.max(afterStart, Math.min(clause.end, next, bare ? m.end + bare[0].length : Infinity));
    // A list member takes the first member's indicator (below): its own is not read.
    // After a count named by the noun after it, that noun and a verb it does (19家企业发放社会保险补贴497.1万元) are no
    // part of this figure's name: what follows the verb is.
    const acted = inList ? -1 : actorEnd(read, from, m.start, out, sentence, c);
    const named = inList ? null : indicatorOf(read, acted >= 0 ? acted : from, m.start, afterStart, afterEnd, m.dimension, c, from !== clause.start);
    // (Before the figure only: after a count the place may name what is counted, 3家昆明市国际科技合作基地.)
    const ind = named !== null && named.by === 'before' && frame.places.length > 0 ? withoutOwnPlace(view, named, frame.places, c) : named;
    // The figure before this one when it is in the same sentence (it may lend its indicator, year or subject), told once.
    const last = out.length > 0 ? out[out.length - 1]! : null;
    const previous = last !== null && last.span.start >= sentence.start ? last : null;
    const afterLevel = previous !== null && previous.measure === 'level' && previous.normalized.unit === m.normalUnit && previous.normalized.unit !== null;
    const window = sentence.between(Math.max(sentence.start, prevEnd), m.start);
    const growth = levelGap(read, m, clause.start, previous, window, c) ?? amountChange(read, m, clause, sentence, c, afterLevel) ?? growthOf(read, m, clause, c);
    // A figure with nothing to go by takes the kind of the figure before it in the paragraph, if that one had.
    const own = kindOf(frame, c, m.start, block, sentence, targets);
    const nothing = own.evidence === 'default' || own.evidence === 'background';
    const kind = nothing && lastKind ? lastKind : own;
    if (!nothing) lastKind = own;
    if (defaulted.length > 0 && defaulted[0]!.core.span.start < sentence.start) defaulted.length = 0;
    const text = trimRange(view, clause.start, clause.end);
    // The base of a share (完成年初预算数60999万元的40.4%, 比上年减收…) lends the subject before it, not its own name.
    const lent = ind ? null : previous !== null && previous.indicator !== null && c.q.indicator.bases.includes(readAs(previous.indicator, c.shift)) ? subjectBefore(out, sentence) : previous;
    // A figure whose clause is its verb alone (…，达到4.2万元) is named by the clause before it (城镇居民人均可支配收入稳步增长).
    const subject = ind || lent || inList ? null : subjectClause(read, clause, m, sentence, c);
    // Whether the figure's own text names a year or span (read once, only when a gap or a list member asks).
    let cued: boolean | null = null;
    const opens = sentenceDeadline ?? deadline(sentence.openingBare, 'opening-year') ?? opening;
    // (A count of the plan's own indicators describes the plan: it is of no year.)
    const ownDated = kind.evidence === 'plan-count' ? { year: null, period: null, rule: null } : yearOf(view, frame, c, window, block, kind.kind, sentenceYear ?? opens, m);
    const partDated = ownDated.year === null && ownDated.period === null && listYear !== null && kind.evidence !== 'plan-count' ? { year: listYear.year, period: null, rule: listYear.rule } : ownDated;
    // The targets a review part's paragraph sets out (…提出今年的主要预期目标是：…) are of the plan year, not the part's.
    const dated = kind.evidence === 'target-paragraph' && block.role === 'review' && partDated.period === null && partDated.rule === block.roleRule && frame.planYear !== null
      ? { year: frame.planYear, period: null, rule: ids.year['report-plan'] } : partDated;
    // A deadline named inside a sentence (提出到2020年研发经费…达到2.54%，…16%以上，…60%) holds for its later figures too,
    // as a year named in it does (the nearer of the two).
    if (dated.year !== null && dated.rule !== null) {
      if (c.deadlineIds.has(dated.rule)) {
        sentenceYear = null;
        sentenceDeadline ??= deadline(dated.year, 'carried-deadline');
      } else if (c.namedYearIds.has(dated.rule) && dated.year !== opens?.year && !(c.q.spanFigures.fromYear?.test(window) ?? false)) sentenceYear = deadline(dated.year, 'sentence-year');
    }
    // A gap against another area right after a rate of the sentence (年均增长6.7%，高于全省0.2个百分点) is of its year or span.
    const rate = previous !== null && previous.measure === 'growth' ? previous : null;
    const gapped = rate && c.gap.test(window) && !(cued ??= hasYearCue(window, c)) ? { year: rate.year, period: rate.period, rule: rate.rules.year } : null;
    const when: When = gapped ?? (totalListed(previous, dated, m, growth.measure, kind.kind, window, c) && !(cued ??= hasYearCue(window, c))
      ? { year: null, period: previous!.period, rule: previous!.rules.year }
      : fromBase(previous, dated, growth.measure, window, c) ?? baseCarried(sentenceBase, dated, growth.measure, window, c) ?? dated);
    // A change against a base year named in the sentence (比2002年增长60.98%，…利润增长2.23倍，…) is the base of its later changes too.
    if (growth.measure === 'growth' && when.period !== null && when.rule !== null && c.baseYearIds.has(when.rule)) sentenceBase = when;
    // (A verb between the subject and the measure, 企业实现利润, is no part of the name: withoutInnerVerb.)
    const name = ind ? counterpart(read.written(ind.start, ind.end), out, block.start, c) ?? related(read, text.start, ind, previous, c) ?? qualified(read, ind, previous, c) ?? rateOf(read, ind, previous, c) ?? shareOf(read.written(ind.start, ind.end), m, previous !== null && !window.includes('分别') ? previous : null, c) : lent ? lentName(lent, window, m, c) : subject ? read.written(subject.start, subject.end) : null;
    const draft: Draft = {
      id: '',
      section: block.section,
      task: taskId(frame, m.start),
      text: source.slice(text.start, text.end),
      span: frame.lines.span(text.start, text.end),
      core: { text: source.slice(m.start, m.end), span: frame.lines.span(m.start, m.end) },
      indicator: name === null ? null : withoutInnerVerb(name, c),
      comparator: cmp?.value ?? null,
      value: m.value,
      range: m.range,
      unit: writtenUnit(view, source, m, frame, read),
      normalized: { value: m.normalValue, unit: m.normalUnit, dimension: m.dimension, currency: m.currency, base: m.base },
      measure: growth.measure,
      direction: growth.direction,
      kind: kind.kind,
      year: when.year,
      period: when.period,
      rule: m.rule,
      rules: {
        unit: m.rule,
        comparator: cmp?.id ?? null,
        measure: growth.rule,
        kind: kind.rule,
        year: when.rule,
        indicator: ind ? ids.indicator[ind.by] : lent?.indicator != null ? ids.indicator.previous : subject ? ids.indicator['clause-subject'] : null,
      },
    };
    if (inList) {
      const first = group.members[0]!;
      draft.indicator = first.indicator;
      draft.rules.indicator = first.indicator === null ? null : ids.indicator.list;
      // A member takes the first's growth, or its level where it is a 百分点 that is a change only by default
      // (拉动经济增长分别为2.18个百分点、-1.96个百分点: contributions, all three).
      const byDefault = draft.measure === 'growth' && draft.rules.measure === c.ids.measure.points;
      if ((draft.measure === 'level' && first.measure === 'growth') || (byDefault && first.measure === 'level')) {
        draft.measure = first.measure;
        draft.direction = first.direction;
        draft.rules.measure = first.rules.measure;
      }
      // A member naming no year of its own is of the first member's year or span (年均增长8.1%、9.5%; 分别从32875元、
      // 15000元提高到…: both of the year before the span).
      if (!(cued ??= hasYearCue(window, c))) {
        draft.year = first.year;
        draft.period = first.period;
        draft.rules.year = first.rules.year;
      }
      group.members.push(draft);
    } else {
      handed = close(doc, group, c, frame, handed, out);
      const head = cmp !== null && !word && !m.approx;
      // The subject of a list is read whole, however long: it is handed out in parts (规上工业增加值、固定资产投资、
      // 社会消费品零售总额、一般公共预算收入分别增长…).
      // A new list of members, not the old one emptied: setting an array's length is a call into the runtime that
      // shrinks its store, and the next push grows it again.
      group.members = [draft];
      const s = group.subject;
      s.from = from;
      s.start = m.start;
      s.afterStart = afterStart;
      s.afterEnd = afterEnd;
      group.head = head;
      group.sentence = sentence.start;
    }
    group.tail = word.length > 0 && cmp !== null;
    if ((kind.evidence === 'default' && draft.kind === 'target') || kind.evidence === 'background') defaulted.push(draft);
    else if (defaulted.length > 0 && own.kind === 'actual' && own.evidence === null) compareAfter(defaulted, draft, ids);
    // Two counts of one thing side by side (431户684人低保对象): the first is named by what the second counts.
    if (last !== null && k > 0 && found[k - 1]!.end === m.start && draft.rules.indicator === ids.indicator.after && (last.indicator === null || last.rules.indicator === ids.indicator.before)
      && COUNTED.has(m.dimension) && COUNTED.has(found[k - 1]!.dimension)) {
      last.indicator = draft.indicator;
      last.rules.indicator = ids.indicator.after;
    }
    out.push(draft);
    prevEnd = afterStart;
  }
  close(doc, group, c, frame, handed, out);
  return out;
}
