import type { Range } from '../../document.js';
import type { ReadingView } from '../../util/reading.js';
import type { Compiled, Tagged } from './compile.js';
import type { Mention } from './scan.js';
import { digitWithin } from '../../util/find.js';

type Op = '>=' | '<=' | '>' | '<' | '~';

/**
 * How a mention is bounded: a word right after it (以上; `after` is the comparator word read there, or '', and
 * `afterLength` how far it reaches in the view) wins
 * over 余/多 in the core, which wins over one before (超过).
 */
export function comparatorOf(read: ReadingView, m: Mention, clause: Range, after: string, afterLength: number, c: Compiled): Tagged<Op> | null {
  if (after && m.end + afterLength <= clause.end) return c.cmpOf.get(`>${after}`) ?? null;
  if (m.approx) return { id: c.q.approximate.id, value: '>' };
  const from = Math.max(clause.start, m.start - 12);
  // Most figures have no comparator word before them: told in place where the text reads as the view, unsliced.
  if (!read.hasBreak(from, m.start) && !c.cmpBeforeWords.in(read.view, from, m.start)) return null;
  const text = read.slice(from, m.start);
  const before = c.cmpBefore.exec(text) ?? c.cmpAdverb.exec(text);
  if (!before) return null;
  // (签约12个 is no 约 before 12个.)
  const not = c.cmpNotAfter.get(before[1]!);
  if (not && before.index > 0 && not.includes(text[before.index - 1]!)) return null;
  return c.cmpOf.get(`<${before[1]}`) ?? null;
}

export interface Growth {
  measure: 'level' | 'growth';
  direction: 'up' | 'down' | null;
  rule: string | null;
}

const SPACES = /\s+/g;
/** The text after a word, spaces out (年均增长 8.2 %, in texts with spaced-out figures); one regexp, not one per call. */
export const gapAfter = (text: string, from: number): string => text.slice(from).replace(SPACES, '');

const LEVEL: Growth = { measure: 'level', direction: null, rule: null };
const RATE_DIMENSIONS = new Set(['percent', 'percentage-points', 'permille-points', 'ratio', 'permille']);
/** Dimensions of a difference of rates (个百分点, 个千分点): a change unless the text says otherwise. */
export const POINTS = new Set(['percentage-points', 'permille-points']);

/** Whether `text` (the clause before a figure) ends in a baseline (同比, 比上年) and only gap words after it (分别). */
function afterBaseline(text: string, c: Compiled): boolean {
  const baselines = c.baselines;
  if (!baselines) return false;
  let end = -1;
  baselines.lastIndex = 0;
  for (let m = baselines.exec(text); m; m = baselines.exec(text)) {
    end = m.index + m[0].length;
    if (m[0].length === 0) baselines.lastIndex++;
  }
  return end >= 0 && c.q.growthGap.test(gapAfter(text, end));
}

/** Whether the text ends with a word no growth word may be read out of (notGrowth: 拉动经济增长, 增加值), modifiers aside. */
function endsInNotGrowth(text: string, c: Compiled): boolean {
  const last = c.growthWords.first(text).at(-1);
  return !!last && c.q.growthGap.test(gapAfter(text, last.index + last[0].length));
}

/** Whether `rest` holds nothing but growth modifiers (quantities.yaml growthGap) before its end or its first digit. */
function beforeFigure(rest: string, c: Compiled): boolean {
  const digit = digitWithin(rest, 0, rest.length);
  return c.q.growthGap.test(digit < 0 ? rest : rest.slice(0, digit));
}

/** The last growth word in `text` that is not part of a word such as 增加值, or null. */
export function lastGrowthWord(text: string, c: Compiled): { word: string; end: number } | null {
  const all = c.growthWords.all(text);
  // Most clauses before a figure hold no growth word, nor a word one could be cut out of.
  if (!c.growthWords.holds(all)) return null;
  const notGrowth = all[0]!;
  const growth = all[1]!;
  // The last match is found by index, and its record made once (not one record and one closure per match).
  for (let i = growth.length - 1; i >= 0; i--) {
    const m = growth[i]!;
    const end = m.index + m[0].length;
    // A word of one character (高, 低, 增) is one only right before a figure (this one, or the first of a list it
    // belongs to: 分别低0.7个和0.5个百分点), modifiers aside: elsewhere it is most often part of another word (高中,
    // 低保, 增城).
    if (m[0].length === 1 && !beforeFigure(gapAfter(text, end), c)) continue;
    if (!overlapsAny(notGrowth, m.index, end)) return { word: m[0], end };
  }
  return null;
}

/** Whether [start, end) overlaps one of some matches. */
function overlapsAny(matches: readonly RegExpExecArray[], start: number, end: number): boolean {
  for (let i = 0; i < matches.length; i++) {
    const b = matches[i]!;
    if (start < b.index + b[0].length && end > b.index) return true;
  }
  return false;
}

/** A rate the words after it name a growth (5.5%左右的增长目标, quantities.yaml growthAfter), else a level. */
function grownAfter(read: ReadingView, m: Mention, clause: Range, c: Compiled): Growth {
  const after = c.q.growthAfter;
  // Most rates are followed by no 的 within reach: nothing is sliced for them.
  if (!after || m.end >= clause.end) return LEVEL;
  const found = after.exec(read.slice(m.end, Math.min(clause.end, m.end + 16)));
  return found ? { measure: 'growth', direction: found.groups?.down ? 'down' : 'up', rule: c.ids.measure.after } : LEVEL;
}

/**
 * Growth or level: a % (or 百分点, 倍) figure is a rate of change when a growth word stands before it in its clause
 * with nothing but modifiers between (增长7%, 同比下降1.7%, 涨幅控制在3%以内), unless 到/至 follows the word
 * (降至5.5%, 提高到45%: the level reached). A 百分点 figure is always a change; its direction defaults to up.
 */
export function growthOf(read: ReadingView, m: Mention, clause: Range, c: Compiled): Growth {
  if (!RATE_DIMENSIONS.has(m.dimension)) return LEVEL;
  const text = read.slice(clause.start, m.start);
  const cue = lastGrowthWord(text, c);
  const points = POINTS.has(m.dimension);
  // No growth word: a 百分点 figure is still a change (the decision rule growth.points says so), and so is a rate
  // right after a baseline (同比-6.2%: growth.baseline), up or down by its sign.
  // A share of growth (第一产业拉动经济增长0.1个百分点: notGrowth) right before it is a contribution, a level.
  if (!cue && points) return endsInNotGrowth(text, c) ? LEVEL : { measure: 'growth', direction: 'up', rule: c.ids.measure.points };
  if (!cue) return afterBaseline(text, c) && m.value !== null ? { measure: 'growth', direction: m.value < 0 ? 'down' : 'up', rule: c.ids.measure.baseline } : grownAfter(read, m, clause, c);
  const tag = c.growthOf.get(cue.word)!;
  // 低于5%: a bound on a level, not a fall (but 低于全国1个百分点 is a gap between rates).
  if (!points && cue.end === text.length && c.cmpOf.has(`<${cue.word}`)) return LEVEL;
  c.toLevel.lastIndex = cue.end;
  if (c.toLevel.exec(text)?.index === cue.end && !points) return LEVEL;
  // Spaces in the gap are ignored (年均增长 8.2 %, in texts with spaced-out figures).
  if (points || c.q.growthGap.test(gapAfter(text, cue.end))) return { measure: 'growth', direction: tag.value, rule: tag.id };
  return LEVEL;
}
