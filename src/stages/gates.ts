import { alternation, escapeRegExp } from '../rules/pattern.js';
import { digitsSpelled, edgeUnits, literal, parse, type Node } from '../rules/regex-ast.js';

/**
 * Cheap tests, built once from rule patterns in the compile step, that rule a text out before its rule's regex runs:
 * the characters a match can open or close with, and how long a whole-line match can be.
 */

/**
 * The UTF-16 code units a text must open (`first`) or close (`last`) with for an anchored pattern to match it
 * (edgeUnits, with `\d` read as its ten digits); null when any may.
 */
export function edgeSet(re: RegExp, side: 'first' | 'last'): ReadonlySet<number> | null {
  const own = edgeUnits(re, side);
  if (own || !re.source.includes('\\d')) return own;
  try {
    return edgeUnits(new RegExp(digitsSpelled(re.source), re.flags), side);
  } catch {
    return null;
  }
}

/** Most UTF-16 units a node can match (a character of a class or `.` may be a surrogate pair under `u`). */
function maxUnits(n: Node): number {
  switch (n.t) {
    case 'empty': return 0;
    case 'atom': {
      const code = n.src.codePointAt(0)!;
      // A plain character stands for itself; anything else (class, escape, `.`) for at most one code point.
      return n.src.length <= 2 && !/^[\\[.]/.test(n.src) ? (code > 0xffff ? 2 : 1) : 2;
    }
    case 'seq': return n.items.reduce((s, i) => s + maxUnits(i), 0);
    case 'alt': return Math.max(...n.alts.map(maxUnits));
    case 'rep': return n.max === 0 ? 0 : n.max === Infinity ? Infinity : n.max * maxUnits(n.body);
  }
}

/** The longest text a pattern anchored at both ends (`^…$`, no top-level `|`) can match whole; Infinity otherwise. */
export function maxWhole(re: RegExp): number {
  if (re.multiline) return Infinity;
  const root = parse(re.source);
  if (root.t !== 'seq' || root.items.length < 2) return Infinity;
  const [head, tail] = [root.items[0]!, root.items.at(-1)!];
  const anchor = (n: Node, a: string) => n.t === 'empty' && !n.body && re.source.slice(n.at, n.end) === a;
  return anchor(head, '^') && anchor(tail, '$') ? maxUnits(root) : Infinity;
}

/**
 * Items indexed by the first code unit of the texts they can match: `of(c)` lists, in their own order, the items
 * whose first set holds c or is unknown. A text then only tries the items that could match it.
 */
export interface FirstIndex<T> {
  of: (code: number) => readonly T[];
}

export function byFirst<T>(items: readonly T[], first: (item: T) => ReadonlySet<number> | null): FirstIndex<T> {
  const sets = items.map(first);
  const rest = items.filter((_, k) => sets[k] === null);
  const at = new Map<number, T[]>();
  // One bit per UTF-16 unit, set for those with a list of their own: most texts open with a unit that has none, and
  // the bit answers for it at less cost than the map (the code of an empty text, NaN, reads bit 0: the map decides).
  const listed = new Uint32Array(0x10000 >> 5);
  for (const s of sets) {
    for (const c of s ?? []) {
      at.set(c, items.filter((_, k) => sets[k] === null || sets[k]!.has(c)));
      listed[c >> 5]! |= 1 << (c & 31);
    }
  }
  return { of: (code) => ((listed[code >> 5]! >>> (code & 31)) & 1 ? (at.get(code) ?? rest) : rest) };
}

/**
 * Required texts (requiredText) as one test: a single text by `includes`, several by one regex scan (several
 * `includes` of CJK texts cost more than one scan for all of them). Null when there are none to look for.
 */
export type NeedsTest = { readonly one: string } | { readonly any: RegExp } | null;

export function needsTest(needs: readonly string[] | null): NeedsTest {
  if (!needs || needs.length === 0) return null;
  if (needs.length === 1) return { one: needs[0]! };
  // Single characters as one class, which the engine tests faster than an alternation.
  if (needs.every((t) => t.length === 1)) return { any: new RegExp(`[${needs.map((t) => t.replace(/[\\\]\[^-]/g, '\\$&')).join('')}]`, 'u') };
  return { any: new RegExp(alternation(needs), 'u') };
}

/** One regex for the required texts of several rules (a text holding none matches no rule); null when one has none. */
export function anyOfNeeds(lists: readonly (readonly string[] | null)[]): RegExp | null {
  if (lists.length === 0 || lists.some((l) => !l || l.length === 0)) return null;
  const t = needsTest([...new Set(lists.flatMap((l) => l!))]);
  return t && 'any' in t ? t.any : t ? new RegExp(escapeRegExp(t.one), 'u') : null;
}

/** The items of a pattern's top-level sequence, nested sequences flattened (`^(?:a)b` → ^, a, b). */
function topItems(re: RegExp): Node[] {
  const items: Node[] = [];
  const flatten = (n: Node) => {
    if (n.t === 'seq') for (const i of n.items) flatten(i);
    else items.push(n);
  };
  flatten(parse(re.source));
  return items;
}

/** Whether a text holds one of the required texts (always true with none). */
export function holds(text: string, t: NeedsTest): boolean {
  return t === null || ('one' in t ? text.includes(t.one) : t.any.test(text));
}

/**
 * For a pattern anchored at the start (`^…`): texts one of which a match must hold within its first `window` code
 * units, read from the first required literal (or alternation of literals) after items of bounded length
 * (`^\S{1,12}(记者|通讯员)` → 记者 or 通讯员 within the first 27). Null when there is none to be sure of.
 */
export function leadNeeds(re: RegExp): { texts: readonly string[]; window: number } | null {
  if (re.multiline || re.ignoreCase) return null;
  const items = topItems(re);
  const head = items[0];
  if (!head || head.t !== 'empty' || head.body || re.source.slice(head.at, head.end) !== '^') return null;
  let before = 0;
  for (const item of items.slice(1)) {
    const own = literal(item);
    if (own) return { texts: [own], window: before + own.length };
    if (item.t === 'alt') {
      const alts = item.alts.map(literal);
      if (alts.every((a): a is string => !!a)) return { texts: alts, window: before + Math.max(...alts.map((a) => a.length)) };
    }
    before += maxUnits(item);
    if (before === Infinity) return null;
  }
  return null;
}

/** Whether the first `window` units of a text hold one of the texts. */
export function leadHolds(text: string, lead: { texts: readonly string[]; window: number }): boolean {
  const head = text.length > lead.window ? text.slice(0, lead.window) : text;
  for (const t of lead.texts) if (head.includes(t)) return true;
  return false;
}

/**
 * Where, around the texts of one of its items, every match of an unanchored pattern lies: `texts` (a literal item,
 * or an alternation of literals, of the pattern's top-level sequence: the one whose shortest text is longest), at
 * most `before` code units after the match's start, with at most `after` units of the match past the text. Null for
 * a pattern that reads around its match (an anchor, a lookaround, \b), has a back-reference or flags other than
 * u, or that no such item bounds (a `*` or `+` before or after it).
 */
export interface NearNeeds {
  texts: readonly string[];
  before: number;
  after: number;
}

export function nearNeeds(re: RegExp): NearNeeds | null {
  if (re.flags.replace('u', '') !== '') return null;
  const items = topItems(re);
  const free = (n: Node): boolean =>
    n.t === 'empty' ? false
      : n.t === 'seq' ? n.items.every(free)
      : n.t === 'alt' ? n.alts.every(free)
      : n.t === 'rep' ? !n.backref && free(n.body)
      : !/^\\(?:\d|k<)/.test(n.src);
  if (!items.every(free)) return null;
  // Adjacent literal characters as one text (年度 is one item, not two).
  const merged: Node[] = [];
  for (const item of items) {
    const prev = merged.at(-1);
    if (prev && literal(prev) && literal(item)) merged[merged.length - 1] = { t: 'seq', items: [prev, item], at: prev.at, end: item.end };
    else merged.push(item);
  }
  let pick: { at: number; texts: string[] } | null = null;
  const score = (texts: string[]) => Math.min(...texts.map((t) => t.length));
  merged.forEach((item, at) => {
    const own = literal(item);
    const texts = own ? [own] : item.t === 'alt' ? item.alts.map(literal) : null;
    if (!texts || !texts.every((t): t is string => !!t)) return;
    if (!pick || score(texts) > score(pick.texts) || (score(texts) === score(pick.texts) && texts.length < pick.texts.length)) pick = { at, texts };
  });
  if (!pick) return null;
  const { at, texts } = pick as { at: number; texts: string[] };
  const before = merged.slice(0, at).reduce((s, i) => s + maxUnits(i), 0);
  const after = merged.slice(at + 1).reduce((s, i) => s + maxUnits(i), 0);
  return before === Infinity || after === Infinity ? null : { texts, before, after };
}

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** [from, to) widened, if need be, to code point boundaries (a surrogate pair kept whole), so that a u-flag pattern reads the same characters as in the text. */
function stretch(text: string, from: number, to: number): { from: number; text: string } {
  if (from > 0 && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from--;
  if (to < text.length && isHigh(text.charCodeAt(to - 1)) && isLow(text.charCodeAt(to))) to++;
  return { from, text: text.slice(from, to) };
}

/**
 * The first match of `re` in `text`, as `re.exec(text)` finds it (groups included, `index` in `text`; `input` is only
 * the stretch read), found by running the regex only on the stretches around the needed texts (`near`, nearNeeds of
 * `re`): a text holding none of them is searched natively and no regex runs. The pattern reads nothing outside its
 * match, so a match in a stretch is one in the text, and the first match of the text, which lies whole in the
 * stretch around its own needed text, starts where the earliest match found in any stretch starts. The match the
 * text gives at that start is then read from there, as far as a match can reach.
 */
export function firstNear(re: RegExp, text: string, near: NearNeeds): RegExpExecArray | null {
  let start = Infinity;
  for (const t of near.texts) {
    for (let p = text.indexOf(t); p >= 0; p = text.indexOf(t, p + 1)) {
      const s = stretch(text, Math.max(0, p - near.before), Math.min(text.length, p + t.length + near.after));
      if (s.from >= start) break;
      const m = re.exec(s.text);
      if (m) start = Math.min(start, s.from + m.index);
    }
  }
  if (start === Infinity) return null;
  const longest = near.before + Math.max(...near.texts.map((t) => t.length)) + near.after;
  const s = stretch(text, start, Math.min(text.length, start + longest));
  const m = re.exec(s.text);
  if (m) m.index += s.from;
  return m;
}
