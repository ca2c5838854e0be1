import { edgeUnits, literal, parse, type Node } from '../rules/regex-ast.js';

/**
 * Cheap tests, built once from rule patterns in the compile step, that rule a text out before its rule's regex runs:
 * the characters a match can open or close with, and how long a whole-line match can be.
 */

/** `\d` as the class it stands for, so that an edge analysis reads it as the ten digits (`[\d〇]` → `[0-9〇]`). */
function digitsSpelled(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const e = source[i + 1] ?? '';
      out += e === 'd' ? (inClass ? '0-9' : '[0-9]') : c + e;
      i++;
    } else {
      if (inClass) inClass = c !== ']';
      else if (c === '[') inClass = true;
      out += c;
    }
  }
  return out;
}

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
  for (const s of sets) for (const c of s ?? []) at.set(c, items.filter((_, k) => sets[k] === null || sets[k]!.has(c)));
  return { of: (code) => at.get(code) ?? rest };
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
  return { any: new RegExp(needs.map(escapeText).join('|'), 'u') };
}

/** One regex for the required texts of several rules (a text holding none matches no rule); null when one has none. */
export function anyOfNeeds(lists: readonly (readonly string[] | null)[]): RegExp | null {
  if (lists.length === 0 || lists.some((l) => !l || l.length === 0)) return null;
  const t = needsTest([...new Set(lists.flatMap((l) => l!))]);
  return t && 'any' in t ? t.any : t ? new RegExp(escapeText(t.one), 'u') : null;
}

const escapeText = (t: string) => t.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

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
  const root = parse(re.source);
  const items: Node[] = [];
  const flatten = (n: Node) => {
    if (n.t === 'seq') for (const i of n.items) flatten(i);
    else items.push(n);
  };
  flatten(root);
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
