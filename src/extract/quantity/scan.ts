import type { Range } from '../../document.js';
import type { ReadingView } from '../../util/reading.js';
import type { Compiled, NumberMatch } from './compile.js';
import type { UnitEntry } from '../../rules/files/units.js';
import { amend, bareNumeral, readAmount, type Amount } from './amount.js';
import { Bounds, type Stops } from './bounds.js';
import { convert, scaleDecimal } from './numbers.js';
import { POINTS } from './meaning.js';

/** A number-plus-unit mention found in the view, before its meaning is read. */
export interface Mention {
  /** The core: number and unit as written (for a number that borrows the next one's unit, the number only). */
  start: number;
  end: number;
  value: number | null;
  range: [number, number] | null;
  unit: string;
  /** Null for a magnitude with no unit (贫困人口减少1240万). */
  normalUnit: string | null;
  normalValue: number | null;
  /** ISO code of a currency amount, else null. */
  currency: string | null;
  /** The value in the base unit of its dimension (168cm → 1.68 米), or null when the unit has no base factor. */
  base: { value: number; unit: string } | null;
  dimension: string;
  rule: string;
  /** 余/多 inside the core: more than. */
  approx: boolean;
  /** The (first) number as written, for exclusions such as the indefinite 一. */
  numberText: string;
  /** The unit entry's `needs` pattern (time units). */
  needs: RegExp | undefined;
}

/**
 * The value in the base unit of the unit's dimension (units.yaml `base` and `dimensions`): 168厘米 → {1.68, 米},
 * 2万亩 → {13333333.3333333, 平方米}; null for a range, and for a unit without a base factor (counts, money, %).
 */
function baseOf(value: number | null, u: UnitEntry, word: string, c: Compiled): { value: number; unit: string } | null {
  // Most units (counts, money, %) have no base factor: the dimensions are looked up (by a key that varies) only for one.
  if (value === null || u.base === undefined) return null;
  const unit = c.units.dimensions[u.dimension];
  if (!unit) return null;
  const factor = typeof u.base === 'number' ? u.base : u.base[word];
  return factor === undefined ? null : { value: convert(value, factor, c.factors.get(factor)), unit };
}

/** The longest word of the unit that the written unit starts with (元 of 元/吨), or null (a sign: $). */
function unitWordAt(written: string, u: UnitEntry, c: Compiled): string | null {
  // Usually the unit is written as one of its words, the longest that can start it: one lookup, not a loop.
  if (c.unitOf.get(written) === u) return written;
  let best: string | null = null;
  for (const w of u.words) if (written.startsWith(w) && (best === null || w.length > best.length)) best = w;
  return best;
}

function mention(a: Amount, unitFrom: Amount, end: number, range: [number, number] | null, c: Compiled, form: string | null = a.form ?? unitFrom.form): Mention {
  const u = unitFrom.unit!;
  if (!range && a.high !== null) range = [a.value, a.high];
  const magnitude = a.magnitude || unitFrom.magnitude;
  const exponent = a.magnitude ? a.exponent : unitFrom.exponent;
  // 元/吨: the `/吨` after the unit word makes a rate; a unit whose own word holds a slash (微克/立方米) is none.
  const own = unitWordAt(unitFrom.unitWord, u, c);
  const per = own !== null && own.length < unitFrom.unitWord.length ? unitFrom.unitWord.slice(own.length) : '';
  const word = own ?? unitFrom.unitWord;
  const signed = unitFrom.form === 'number.sign';
  const factor = u.factor ?? 1;
  const normalValue = range ? null : convert(scaleDecimal(a.value, exponent), factor, c.factors.get(factor));
  return {
    start: a.start, end, value: range ? null : a.value, range,
    // A sign is written before the number and its magnitude: $20亿 is in $亿.
    unit: signed ? word + magnitude : magnitude + word + per,
    normalUnit: (u.normal ?? (signed ? u.words[0]! : word)) + per,
    normalValue,
    currency: u.currency ?? null,
    base: per || signed ? null : baseOf(normalValue, u, word, c),
    dimension: per ? 'rate' : u.dimension,
    rule: form ?? u.id,
    approx: a.approx !== null,
    // A range is tested as a whole: 一至二个 is not the indefinite 一.
    numberText: range ? `${a.numberText}-${unitFrom.numberText}` : a.numberText,
    // A number the unit may not take (a year, 2015年) is told as a `needs` never met.
    needs: u.notNumber?.test(a.numberText) ? NEVER : u.needs,
  };
}

/**
 * Two amounts joined by a range sign: 1-2个, 一至二个, 3000—5000万元, 20万至30万元, 2千元到2万元 (the first in the
 * second's unit). A first end with no magnitude shares the second's when that keeps it the lower (三百到五百万元 is
 * 300万–500万元), else it is in plain units (从6000到2万元 is 0.6万–2万元).
 */
function asRange(a: Amount, b: Amount, c: Compiled): Mention | null {
  if (!b.unit || (a.unit && a.unitWord !== b.unitWord) || a.high !== null || b.high !== null) return null;
  let low = a.magnitude ? scaleDecimal(a.value, a.exponent - b.exponent) : a.value;
  if (!a.magnitude && b.magnitude && !(low < b.value)) low = scaleDecimal(a.value, -b.exponent);
  if (!(low < b.value)) return null;
  return mention(amend(a, a.end, a.value, a.form, a.numberText, a.unit, a.unitWord, b.magnitude, b.exponent), b, b.end, [low, b.value], c, 'number.range');
}

/** Where a scan goes on after a number: set by `mentionAt`, one record per scan rather than one per number. */
interface Cursor { next: number }

/** The mention whose number was found at `m.index` (or null); where scanning goes on is set in `cursor`. */
function mentionAt(view: string, m: NumberMatch, limit: number, c: Compiled, cursor: Cursor): Mention | null {
  const a = readAmount(view, m.index, limit, c, m);
  if (!a) {
    // Split digits that make no amount are skipped whole: their last digit alone would be a wrong value (1 2 % is not 2%).
    cursor.next = m.index + m.text.length;
    return null;
  }
  let next = Math.max(a.end, m.index + 1);
  let found: Mention | null = null;
  const inclusive = c.inclusive.at(view, a.end);
  const at = a.end + (inclusive?.length ?? 0);
  const join = c.rangeJoin.at(view, at);
  // A unit written before the number (百分之, a currency sign) is the second end's too: 百分之三至四, 百分之八到百分之九.
  const unitBefore = a.unit !== null && a.numberEnd === a.end;
  if (join && !(a.unit && join === '到' && !unitBefore)) {
    let b = readAmount(view, at + join.length, limit, c) ?? (unitBefore ? bareNumeral(view, at + join.length, c) : null);
    if (b && unitBefore && !b.unit && !b.magnitude && b.high === null) b = amend(b, b.end, b.value, b.form, b.numberText, a.unit, a.unitWord);
    found = b ? asRange(a, b, c) : null;
    if (found) next = b!.end;
  }
  if (!found && !a.unit && a.arabic) {
    const b = unitLater(view, a, limit, c);
    if (b) found = mention(a, b, a.numberEnd, null, c);
  }
  if (!found && a.unit) {
    const points = pointsLater(view, a, limit, c);
    found = mention(a, points ?? a, a.end, null, c);
  }
  if (!found && !a.unit && a.magnitude) found = bareMagnitude(view, a, c);
  cursor.next = next;
  return found && a.arabic ? signed(view, found) : found;
}

/** A minus sign written before a list member's digits (分别为0.15、-5.64、1.34个百分点). */
const isMinus = (code: number) => code === 0x2d || code === 0x2212;

/**
 * 高于全省22.7和28.8个百分点, 分别为0.15、-5.64、1.34个百分点: a bare number joined to later members of its list takes
 * the unit of the first of them that has one, through bare members between (signed ones too). That amount, or null.
 */
function unitLater(view: string, a: Amount, limit: number, c: Compiled): Amount | null {
  let at = a.end;
  for (let k = 0; k < SHARED_REACH; k++) {
    const joiner = c.sharedJoin.at(view, at);
    if (!joiner) return null;
    const from = at + joiner.length;
    const b = readAmount(view, isMinus(view.charCodeAt(from)) ? from + 1 : from, limit, c);
    if (!b || b.unit) return b?.unit ? b : null;
    if (!b.arabic) return null;
    at = b.end;
  }
  return null;
}

/** How many members of a list a figure looks ahead through for the unit they share (a bound: no list is read twice over). */
const SHARED_REACH = 8;
/** How far before a whole count a growth word is looked for (分别提高3个和4个百分点; 分别高于全省、全国1个和2.2个百分点),
 * within its clause. */
const GROWTH_REACH = 10;
const CLAUSE_BREAK = /[,;:。，；：]/g;

/**
 * 分别拉动经济增长0.1个、0.9个和2.4个百分点: a count of a fraction (no count is of 0.1 个), in a list whose last
 * member's unit opens with the same counter and is one of percentage points, is in that unit too (百分点 written
 * once); so is a whole count joined straight to such a member (分别提高3个和4个百分点). The amount that gives the
 * unit, or null.
 */
function pointsLater(view: string, a: Amount, limit: number, c: Compiled): Amount | null {
  if (a.unit?.dimension !== 'count' || a.high !== null) return null;
  const whole = Number.isInteger(a.value);
  let at = a.end;
  for (let k = 0; k < SHARED_REACH; k++) {
    const joiner = c.sharedJoin.at(view, at);
    // The area the next member is compared with may stand before it (低于全国18.39个、全省4.89个百分点).
    const area = joiner ? c.sharedArea.at(view, at + joiner.length) : null;
    const b = joiner ? readAmount(view, at + joiner.length + (area?.length ?? 0), limit, c) : null;
    if (!b?.unit) return null;
    // A whole count reaches only the next member, and only after a growth word (提高3个和4个百分点; 医院2个和5个百分点
    // counts hospitals).
    if (POINTS.has(b.unit.dimension)) return b.unitWord.startsWith(a.unitWord) && (!whole || c.growthAny.test(clauseTail(view.slice(Math.max(0, a.start - GROWTH_REACH), a.start)))) ? b : null;
    if (whole || b.unitWord !== a.unitWord || Number.isInteger(b.value)) return null;
    at = b.end;
  }
  return null;
}

/** The part of `text` after its last clause break. */
function clauseTail(text: string): string {
  let from = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) from = m.index + 1;
  return text.slice(from);
}

/**
 * 农村贫困人口减少1240万: a magnitude with no unit, where the words before it name what is counted; or 5575万农村贫困人口:
 * where the words right after it name the people counted.
 */
function bareMagnitude(view: string, a: Amount, c: Compiled): Mention | null {
  const rule = c.units.bareMagnitude;
  if (!rule) return null;
  // (The window holds the longest noun and the 16 characters the rule lets stand after it.)
  const named = rule.before.test(view.slice(Math.max(0, a.start - 22), a.start)) && rule.after.test(view.slice(a.numberEnd, a.numberEnd + 4));
  if (!named && !rule.counted?.test(view.slice(a.numberEnd, a.numberEnd + 12))) return null;
  return {
    start: a.start, end: a.numberEnd, value: a.value, range: null, unit: a.magnitude, normalUnit: null,
    normalValue: scaleDecimal(a.value, a.exponent), currency: null, base: null, dimension: rule.dimension, rule: rule.id,
    approx: a.approx !== null, numberText: a.numberText, needs: undefined,
  };
}

/** A minus sign that stands after a word, not inside a code or a span of years (增长-2.3%, not 2020-2025). */
const MINUS = new Set([0x2d, 0x2212]);
const CODE_CHAR = /[A-Za-z0-9.#_/-]/;

/** The mention with a minus sign before it taken in: 增长-2.3% is a growth of -2.3 (value as written). */
function signed(view: string, m: Mention): Mention {
  if (m.range || m.start === 0 || !MINUS.has(view.charCodeAt(m.start - 1))) return m;
  if (m.start >= 2 && CODE_CHAR.test(view[m.start - 2]!)) return m;
  return {
    start: m.start - 1, end: m.end, value: m.value === null ? null : -m.value, range: m.range, unit: m.unit, normalUnit: m.normalUnit,
    normalValue: m.normalValue === null ? null : -m.normalValue, currency: m.currency, base: m.base && { value: -m.base.value, unit: m.base.unit },
    dimension: m.dimension, rule: m.rule, approx: m.approx, numberText: `-${m.numberText}`, needs: m.needs,
  };
}

/**
 * The mention with its core at [start, end). Every mention is written out field by field in one order (here, in
 * `mention`, `bareMagnitude` and `signed`): a spread copy with fields overridden gave mentions other shapes, and
 * the optimised code reading them was thrown away when one first came by.
 */
function moved(m: Mention, start: number, end: number): Mention {
  return {
    start, end, value: m.value, range: m.range, unit: m.unit, normalUnit: m.normalUnit, normalValue: m.normalValue, currency: m.currency,
    base: m.base, dimension: m.dimension, rule: m.rule, approx: m.approx, numberText: m.numberText, needs: m.needs,
  };
}

/**
 * The mentions of a hard-wrapped paragraph (one block over several lines): read with the line breaks taken out, so
 * a number or unit broken over two lines (15\n6个) is read whole, then placed back on the view; the core then
 * slices the source with its break, as written.
 */
function scanWrapped(read: ReadingView, block: Range, c: Compiled): Mention[] {
  const u = read.range(block.start, block.end);
  const out: Mention[] = [];
  const cursor: Cursor = { next: 0 };
  for (let m = c.number.from(u.text, 0, u.text.length); m; m = c.number.from(u.text, cursor.next, u.text.length)) {
    const found = mentionAt(u.text, m, u.text.length, c, cursor);
    if (found) {
      const back = u.back(found);
      out.push(moved(found, block.start + back.start, block.start + back.end));
    }
  }
  return out;
}

/**
 * Every candidate mention in the blocks (in document order, not overlapping), one list per block, left to right:
 * single amounts with a unit, ranges, and bare numbers that borrow the unit of the next one in a list (高于全省
 * 22.7和28.8个百分点). One pass of the number finder over the whole view, so the cost is linear in its length;
 * hard-wrapped paragraphs are read on their own (scanWrapped). Exclusions are applied by the caller.
 */
export function scanBlocks(read: ReadingView, blocks: readonly Range[], c: Compiled): (readonly Mention[])[] {
  const view = read.view;
  // Built by push: `map` makes a holey array once V8 has optimised the call, and the code indexing these lists
  // then met arrays of two kinds and was thrown out of optimised code. Most blocks hold no figure: they share one
  // empty list, and a block's own list is made at its first figure.
  const out: (readonly Mention[])[] = [];
  // Blocks in order; a number is looked for from where the last one read ended, never before the block's start
  // (what lies between blocks is no block's), and one starting past its end belongs to a later block.
  const cursor: Cursor = { next: 0 };
  for (let bi = 0; bi < blocks.length; bi++) {
    const block = blocks[bi]!;
    if (read.hasBreak(block.start, block.end)) {
      out.push(scanWrapped(read, block, c));
      continue;
    }
    let found: Mention[] | null = null;
    for (let m = c.number.from(view, Math.max(cursor.next, block.start), block.end); m; m = c.number.from(view, cursor.next, block.end)) {
      const mention = mentionAt(view, m, block.end, c, cursor);
      if (mention) (found ??= []).push(mention);
    }
    out.push(found ?? NO_MENTIONS);
  }
  return out;
}

/** The list of every block holding no figure (shared, so read only). */
const NO_MENTIONS: readonly Mention[] = [];

/** A `needs` no text meets. */
const NEVER = /(?!)/;

/** Whether the clause text before the mention satisfies its unit's `needs` (time units: 优良天数302天). */
export function unitNeedsMet(view: string, m: Mention, block: Range, needs: RegExp | undefined, stops: Stops): boolean {
  if (!needs) return true;
  return needs.test(view.slice(Bounds.clauseStart(view, m, block, stops), m.start));
}
