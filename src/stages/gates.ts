import { edgeUnits, parse, type Node } from '../rules/regex-ast.js';

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
  return { any: new RegExp(needs.map((t) => t.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('|'), 'u') };
}

/** Whether a text holds one of the required texts (always true with none). */
export function holds(text: string, t: NeedsTest): boolean {
  return t === null || ('one' in t ? text.includes(t.one) : t.any.test(text));
}
