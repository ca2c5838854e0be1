/**
 * A static check for regular expressions that backtrack catastrophically on a near-miss: a repetition whose
 * iterations can split the same text in more than one way (`(a+)+`, `(\d+\.?)+`, `(a|a)*`, `(.*,)*`), or two
 * adjacent open-ended repeats over the same characters (`\d+\d+`, `.*.*`). It is conservative: a rejected
 * pattern can always be written unambiguously or with small bounds such as `{0,3}`. Character sets are
 * compared by testing a sample of characters (ASCII, spaces, some CJK and every character of the pattern).
 */
import { literal, parse, type Node } from './regex-ast.js';

/** Repeats allowing at least this many iterations count as open-ended. */
const LARGE = 100;

const BASE = [...Array(128).keys(), 0xa0, 0x2003, 0x3000, 0x3001, 0x3002, 0x4e00, 0x5e74, 0x9fa5, 0xff08, 0xff1a];

/** Character sets are bit masks over the sample characters, so unions and overlaps are cheap. */
type CharSet = bigint;

class Analyzer {
  private readonly universe: string[];
  private readonly memo = new Map<string, Map<Node, CharSet | boolean | Node[]>>();
  constructor(private readonly src: string) {
    this.universe = [...new Set([...BASE, ...[...src].map((ch) => ch.codePointAt(0)!)])].map((c) => String.fromCodePoint(c));
  }

  private cached<T extends CharSet | boolean | Node[]>(key: string, n: Node, compute: () => T): T {
    let table = this.memo.get(key);
    if (!table) this.memo.set(key, (table = new Map()));
    if (!table.has(n)) table.set(n, compute());
    return table.get(n) as T;
  }

  private atomSet(n: Node & { t: 'atom' }): CharSet {
    return this.cached('atom', n, () => {
      const lit = [...n.src].length === 1 && n.src !== '.' ? n.src : /^\\[^\w\s]$/.test(n.src) ? n.src[1]! : null;
      if (lit !== null) return 1n << BigInt(this.universe.indexOf(lit));
      const re = new RegExp(`^(?:${n.src})$`, 'u');
      let set = 0n;
      this.universe.forEach((ch, k) => { if (re.test(ch)) set |= 1n << BigInt(k); });
      return set;
    });
  }

  nullable(n: Node): boolean {
    return this.cached('nullable', n, () => {
      if (n.t === 'atom') return false;
      if (n.t === 'empty') return true;
      if (n.t === 'seq') return n.items.every((x) => this.nullable(x));
      if (n.t === 'alt') return n.alts.some((x) => this.nullable(x));
      return n.min === 0 || this.nullable(n.body);
    });
  }

  /** Characters that can open (`side` 'first') or close ('last') a match of `n`. */
  edge(n: Node, side: 'first' | 'last'): CharSet {
    return this.cached(side, n, () => {
      if (n.t === 'atom') return this.atomSet(n);
      if (n.t === 'empty') return 0n;
      if (n.t === 'rep') return this.edge(n.body, side);
      if (n.t === 'alt') return union(n.alts.map((x) => this.edge(x, side)));
      return union(this.edgeItems(n.items, side).map((x) => this.edge(x, side)));
    });
  }

  /** The items of a sequence that can be at its start (or end): up to and including the first non-nullable one. */
  edgeItems(items: Node[], side: 'first' | 'last'): Node[] {
    const ordered = side === 'first' ? items : [...items].reverse();
    const k = ordered.findIndex((x) => !this.nullable(x));
    return k < 0 ? ordered : ordered.slice(0, k + 1);
  }

  /** Every character `n` can consume. */
  chars(n: Node): CharSet {
    return this.cached('chars', n, () => {
      if (n.t === 'atom') return this.atomSet(n);
      if (n.t === 'empty') return 0n;
      if (n.t === 'rep') return this.chars(n.body);
      return union((n.t === 'seq' ? n.items : n.alts).map((x) => this.chars(x)));
    });
  }

  /** Open-ended repeats that can consume the first (or last) characters of a match of `n`. */
  edgeReps(n: Node, side: 'first' | 'last'): Node[] {
    return this.cached(`reps-${side}`, n, () => {
      if (n.t === 'atom' || n.t === 'empty') return [];
      if (n.t === 'rep') return [...(n.max >= LARGE ? [n] : []), ...this.edgeReps(n.body, side)];
      if (n.t === 'alt') return n.alts.flatMap((x) => this.edgeReps(x, side));
      return this.edgeItems(n.items, side).flatMap((x) => this.edgeReps(x, side));
    });
  }

  check(n: Node): string | null {
    if (n.t === 'atom') return null;
    if (n.t === 'empty') return n.body ? this.check(n.body) : null;
    const show = (x: Node) => `\`${this.src.slice(x.at, x.end)}\``;
    if (n.t === 'rep' && n.max > 1) {
      const b = n.body;
      for (const x of this.edgeReps(b, 'last')) if (meets(this.chars(x), this.edge(b, 'first'))) return `${show(n)} can split the same text between ${show(x)} and its next round`;
      for (const x of this.edgeReps(b, 'first')) if (meets(this.chars(x), this.edge(b, 'last'))) return `${show(n)} can split the same text between ${show(x)} and its previous round`;
      const alt = this.ambiguousAlt(b);
      if (alt) return `${show(n)} repeats ${show(alt)}, whose alternatives can match the same text`;
    }
    if (n.t === 'seq') {
      for (let k = 0; k < n.items.length; k++) {
        for (let j = k + 1; j < n.items.length; j++) {
          for (const x of this.edgeReps(n.items[k]!, 'last')) for (const y of this.edgeReps(n.items[j]!, 'first')) {
            // A repeat that ends the pattern never has to give characters back, so it cannot make the match slow.
            if (y.end < this.src.length && meets(this.chars(x), this.chars(y))) return `${show(x)} and ${show(y)} are adjacent open-ended repeats over the same characters`;
          }
          if (!this.nullable(n.items[j]!)) break;
        }
      }
    }
    for (const x of n.t === 'rep' ? [n.body] : n.t === 'seq' ? n.items : n.alts) {
      const found = this.check(x);
      if (found) return found;
    }
    return null;
  }

  /** An alternation inside `n` whose branches may match the same text: overlapping openings, or literal words that can split a text two ways. */
  private ambiguousAlt(n: Node): Node | null {
    if (n.t === 'atom' || n.t === 'empty') return null;
    if (n.t === 'alt') {
      // An empty branch never repeats (a round that matches nothing ends the loop), so it cannot cause ambiguity.
      const alts = n.alts.filter((x) => literal(x) !== '');
      const words = alts.map((x) => literal(x));
      const clash = words.every((w) => w !== null)
        ? !uniquelyDecodable(words as string[])
        : alts.some((x, a) => alts.some((y, b) => a < b && meets(this.edge(x, 'first'), this.edge(y, 'first'))));
      if (clash) return n;
    }
    const kids = n.t === 'rep' ? [n.body] : n.t === 'seq' ? n.items : n.alts;
    for (const k of kids) {
      const found = this.ambiguousAlt(k);
      if (found) return found;
    }
    return null;
  }
}

/** Sardinas–Patterson: whether every concatenation of the words splits into them in only one way. */
function uniquelyDecodable(words: string[]): boolean {
  if (new Set(words).size < words.length || words.includes('')) return false;
  const dangling = (a: string, b: string) => (a !== b && b.startsWith(a) ? [b.slice(a.length)] : []);
  let suffixes = new Set(words.flatMap((a) => words.flatMap((b) => dangling(a, b))));
  const seen = new Set<string>();
  while (suffixes.size > 0) {
    const next = new Set<string>();
    for (const s of suffixes) {
      if (words.includes(s)) return false;
      if (seen.has(s)) continue;
      seen.add(s);
      for (const w of words) for (const d of [...dangling(s, w), ...dangling(w, s)]) next.add(d);
    }
    suffixes = next;
  }
  return true;
}

function union(sets: CharSet[]): CharSet {
  return sets.reduce((a, b) => a | b, 0n);
}

function meets(a: CharSet, b: CharSet): boolean {
  return (a & b) !== 0n;
}

/** Why `source` (a valid `u`-mode pattern) risks catastrophic backtracking, or null when it does not. */
export function backtrackingRisk(source: string): string | null {
  // Without a repeat of more than one round there is nothing to backtrack over.
  if (!/[*+]|\{\d+,\d*\}/.test(source)) return null;
  const analyzer = new Analyzer(source);
  return analyzer.check(parse(source));
}
