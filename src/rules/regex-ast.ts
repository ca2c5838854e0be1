/** A small parser for the `u`-mode regular expressions of rule files, enough to reason about their repeats. */
export type Node =
  | { t: 'atom'; src: string; at: number; end: number }
  | { t: 'empty'; body?: Node; at: number; end: number }
  | { t: 'seq'; items: Node[]; at: number; end: number }
  | { t: 'alt'; alts: Node[]; at: number; end: number }
  | { t: 'rep'; body: Node; min: number; max: number; at: number; end: number; backref?: true };

const QUANT = /(?:([*+?])|\{(\d+)(,(\d*))?\})\??/y;
const GROUP = /\((\?(:|=|!|<=|<!|<[A-Za-z_$][\w$]*>))?/y;
const ESCAPE = /\\(?:[bB]|\d+|k<[^>]+>|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[pP]\{[^}]+\}|c[A-Za-z]|[\s\S])/y;

/** Code units the parser branches on. */
const PIPE = 0x7c, OPEN = 0x28, CLOSE = 0x29, STAR = 0x2a, PLUS = 0x2b, QUESTION = 0x3f, BRACE = 0x7b, BACKSLASH = 0x5c;

/** Trees by pattern source while a rule set is compiled (`sharingTrees`), undefined at any other time. */
let shared: Map<string, Node> | undefined;

/**
 * Run `compile` with each pattern source parsed once: the analysers that build a rule set's prefilters (required
 * texts, edges, gates) ask for the trees of the same patterns two or three times each. The trees are read, never
 * written, by every analyser; the map is dropped when `compile` returns.
 */
export function sharingTrees<T>(compile: () => T): T {
  if (shared) return compile();
  shared = new Map();
  try {
    return compile();
  } finally {
    shared = undefined;
  }
}

/** The tree of a pattern that compiles (the RegExp constructor has already rejected bad syntax). */
export function parse(src: string): Node {
  let tree = shared?.get(src);
  if (!tree) {
    tree = parseTree(src);
    shared?.set(src, tree);
  }
  return tree;
}

/**
 * The tree of one pattern. It reads code units, not regexes, where it can: every rule pattern is parsed at each
 * start, in still cold code.
 */
function parseTree(src: string): Node {
  let i = 0;
  const alt = (): Node => {
    const at = i;
    const alts = [seq()];
    while (i < src.length && src.charCodeAt(i) === PIPE) { i++; alts.push(seq()); }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts, at, end: i };
  };
  const seq = (): Node => {
    const at = i;
    const items: Node[] = [];
    // Every read is bounded by the length: a read past the end deoptimised the parser at each pattern's end.
    while (i < src.length) {
      const c = src.charCodeAt(i);
      if (c === PIPE || c === CLOSE) break;
      items.push(quantified(atom()));
    }
    return { t: 'seq', items, at, end: i };
  };
  const quantified = (node: Node): Node => {
    // Only these open a quantifier: the sticky regex runs after an atom only when one follows.
    const c = i < src.length ? src.charCodeAt(i) : 0;
    if (c !== STAR && c !== PLUS && c !== QUESTION && c !== BRACE) return node;
    QUANT.lastIndex = i;
    const q = QUANT.exec(src);
    if (!q || node.t === 'empty') return node;
    i += q[0].length;
    const min = q[1] ? (q[1] === '+' ? 1 : 0) : Number(q[2]);
    const max = q[1] ? (q[1] === '?' ? 1 : Infinity) : q[3] === undefined ? min : q[4] === '' ? Infinity : Number(q[4]);
    return { t: 'rep', body: node, min, max, at: node.at, end: i };
  };
  const atom = (): Node => {
    const at = i;
    const c = src.charCodeAt(i);
    if (c === OPEN) {
      GROUP.lastIndex = i;
      const head = GROUP.exec(src)![0];
      i += head.length;
      const body = alt();
      i++;
      const last = head[head.length - 1];
      if (last === '=' || last === '!') return { t: 'empty', body, at, end: i };
      // The group's own node spans the parentheses; alt() made it afresh, so it is rewritten in place.
      body.at = at;
      body.end = i;
      return body;
    }
    if (c === 0x5e || c === 0x24) { i++; return { t: 'empty', at, end: i }; } // ^ $
    if (c === 0x5b) { // [
      i++;
      while (i < src.length && src.charCodeAt(i) !== 0x5d) i += src.charCodeAt(i) === BACKSLASH ? 2 : 1;
      i++;
    } else if (c === BACKSLASH) {
      ESCAPE.lastIndex = i;
      const e = ESCAPE.exec(src)![0];
      i += e.length;
      const kind = e[1]!;
      if (e.length === 2 && (kind === 'b' || kind === 'B')) return { t: 'empty', at, end: i };
      // A back-reference can match any text of any length.
      if ((kind >= '1' && kind <= '9') || (kind === 'k' && e[2] === '<')) return { t: 'rep', body: { t: 'atom', src: '[\\s\\S]', at, end: i }, min: 0, max: Infinity, at, end: i, backref: true };
    } else {
      // One code point: a surrogate pair is two units.
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < src.length && (src.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    }
    return { t: 'atom', src: src.slice(at, i), at, end: i };
  };
  return alt();
}

/** Top-level shape of a pattern: an alternation outside any group, a backreference anywhere. */
export function shape(src: string): { alternation: boolean; backref: boolean } {
  const tree = parse(src);
  const backref = (n: Node): boolean => {
    switch (n.t) {
      case 'rep': return n.backref === true || backref(n.body);
      case 'seq': return n.items.some(backref);
      case 'alt': return n.alts.some(backref);
      case 'empty': return n.body !== undefined && backref(n.body);
      default: return false;
    }
  };
  return { alternation: tree.t === 'alt', backref: backref(tree) };
}

/**
 * The pattern source with `\d` written as the characters it stands for, for an edge analysis (edgeUnits reads no
 * such escape): [0-9] outside a class, the range 0-9 inside one (left as it is next to a `-`, where the range would
 * read differently). The same pattern, only for telling its first and last characters.
 */
export function digitsSpelled(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const escape = source.slice(i, i + 2);
      if (escape !== '\\d') out += escape;
      else if (!inClass) out += '[0-9]';
      else out += source[i - 1] !== '-' && source[i + 2] !== '-' ? '0-9' : escape;
      i++;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    out += ch;
  }
  return out;
}

/** The character an atom stands for when it is one plain character or an escaped punctuation mark (\.), else null. */
function literalAtom(src: string): string | null {
  const c = src.charCodeAt(0);
  // One code point other than \, [ and . (an atom of two units that is no escape is a surrogate pair).
  if (src.length === 1) return c === BACKSLASH || c === 0x5b || c === 0x2e ? null : src;
  if (c !== BACKSLASH) return src.length === 2 && c !== 0x5b ? src : null;
  return /^\\[^\w\s]$/u.test(src) ? src.slice(1) : null;
}

/** The text a node matches when it is a plain run of literal characters, else null. */
export function literal(n: Node): string | null {
  if (n.t === 'rep' && n.max === 0) return '';
  if (n.t === 'empty' && !n.body) return '';
  if (n.t === 'atom') return literalAtom(n.src);
  if (n.t !== 'seq') return null;
  // Read by index, and given up at the first part that is no literal: the rule set's analysers ask this of every
  // sequence, in the cold code of a start.
  let text = '';
  for (let i = 0; i < n.items.length; i++) {
    const part = literal(n.items[i]!);
    if (part === null) return null;
    text += part;
  }
  return text;
}

/** Most texts a prefilter looks for: a pattern needing one of more is not worth filtering. */
const MAX_NEEDS = 12;

/**
 * Ways to tell that a text cannot hold a match of a node: each is a list of literal texts of which every match
 * holds at least one (a run of literal characters is a list of one; an alternation, its alternatives' own lists).
 */
function needsOf(n: Node): string[][] {
  if (n.t === 'rep') return n.min >= 1 ? needsOf(n.body) : [];
  if (n.t === 'atom') {
    const text = literal(n);
    if (text) return [[text]];
    const chars = classChars(n.src);
    return chars ? [chars] : [];
  }
  if (n.t === 'alt') {
    const all: string[] = [];
    for (let i = 0; i < n.alts.length; i++) {
      const own = best(needsOf(n.alts[i]!));
      if (!own) return [];
      for (let j = 0; j < own.length; j++) if (!all.includes(own[j]!)) all.push(own[j]!);
      // The list only grows: once too long it is of no use (an alternation of many words need not be read on).
      if (all.length > MAX_NEEDS) return [];
    }
    return [all];
  }
  if (n.t !== 'seq') return [];
  const out: string[][] = [];
  let run = '';
  for (let i = 0; i < n.items.length; i++) {
    const item = n.items[i]!;
    const text = literal(item);
    if (text !== null) { run += text; continue; }
    if (run) out.push([run]);
    run = '';
    const own = needsOf(item);
    for (let j = 0; j < own.length; j++) out.push(own[j]!);
  }
  if (run) out.push([run]);
  return out;
}

const CONTROL: Record<string, string> = { '\\t': '\t', '\\n': '\n', '\\r': '\r' };

/**
 * The characters an atom stands for when it is a control escape (\t) or a small class of plain characters ([ ],
 * [|:]), else null: a range, a negation or any other escape in it can stand for more.
 */
function classChars(src: string, max = MAX_NEEDS, ranges = false): string[] | null {
  if (CONTROL[src]) return [CONTROL[src]];
  if (!src.startsWith('[') || src.startsWith('[^') || !src.endsWith(']')) return null;
  const out: string[] = [];
  for (let i = 1; i < src.length - 1;) {
    let ch: string;
    if (src[i] === '\\') {
      const e = src.slice(i, i + 2);
      if (CONTROL[e]) ch = CONTROL[e];
      else if (/^\\[^\w\s]$/.test(e)) ch = e[1]!;
      else return null;
      i += 2;
    } else {
      ch = String.fromCodePoint(src.codePointAt(i)!);
      if (ch === '-' && i > 1 && i < src.length - 2) {
        // A range a-z (of plain characters): its characters, when ranges are asked for and they are few.
        const from = out.at(-1)!.codePointAt(0)!;
        const to = src.codePointAt(i + 1)!;
        if (!ranges || src[i + 1] === '\\' || to < from || to - from > max) return null;
        for (let cp = from + 1; cp <= to; cp++) if (!out.includes(String.fromCodePoint(cp))) out.push(String.fromCodePoint(cp));
        i += 1 + String.fromCodePoint(to).length;
        continue;
      }
      i += ch.length;
    }
    if (!out.includes(ch)) out.push(ch);
  }
  return out.length > 0 && out.length <= max ? out : null;
}

/**
 * The list likeliest to rule texts out for the fewest `includes`: fewer texts first, a single character counting as
 * three (one character, 年 or 第, is in most texts), then the longest shortest text.
 */
function best(options: string[][], max = Infinity): string[] | null {
  let pick: string[] | null = null;
  let pickCost = 0;
  let pickShortest = 0;
  for (let i = 0; i < options.length; i++) {
    const o = options[i]!;
    if (o.length > max) continue;
    let shortest = Infinity;
    for (let j = 0; j < o.length; j++) if (o[j]!.length < shortest) shortest = o[j]!.length;
    const cost = o.length * (shortest === 1 ? 3 : 1);
    if (!pick || cost < pickCost || (cost === pickCost && shortest > pickShortest)) {
      pick = o;
      pickCost = cost;
      pickShortest = shortest;
    }
  }
  return pick;
}

/**
 * Literal texts of which every match of a pattern holds at least one (受.{0,15}委托 → [委托], (ICP备|公网安备) → [ICP备,
 * 公网安备]), or null when there are none to be sure of (a case-insensitive pattern, an optional or open part) or
 * more than `max`. A cheap `includes` of them before the regex skips texts it cannot match: see `mayHold`. Each
 * `includes` is a pass over the text, as the regex test is: callers take one (`max` 1) where several cost more.
 */
export function requiredText(re: RegExp, max = MAX_NEEDS): readonly string[] | null {
  if (re.ignoreCase) return null;
  return best(needsOf(parse(re.source)), max);
}

/** Whether a text holds one of the required texts (always true with none). */
export function mayHold(text: string, needs: readonly string[] | null | undefined): boolean {
  if (!needs) return true;
  for (const t of needs) if (text.includes(t)) return true;
  return false;
}

/** Most characters an edge set holds ([A-Za-z0-9] has 62). */
const MAX_EDGE = 128;

/** The characters a match of items[from…] (read forwards) or items[…to] (backwards) opens (ends) with, or null. */
function edge(items: readonly Node[], i: number, step: 1 | -1, src: string): Set<string> | null {
  for (; i >= 0 && i < items.length; i += step) {
    const n = items[i]!;
    if (n.t === 'empty' || (n.t === 'rep' && n.max === 0)) continue;
    const own = edgeOf(n, step, src);
    if (!own) return null;
    if (n.t !== 'rep' || n.min >= 1) return own;
    // An optional item: the match opens with it or with what comes after it.
    const rest = edge(items, i + step, step, src);
    return rest ? new Set([...own, ...rest]) : null;
  }
  return null;
}

function edgeOf(n: Node, step: 1 | -1, src: string): Set<string> | null {
  if (n.t === 'atom') {
    const text = literal(n);
    const chars = text ? [text] : classChars(n.src, MAX_EDGE, true);
    return chars ? new Set(chars) : null;
  }
  if (n.t === 'rep') return edgeOf(n.body, step, src);
  if (n.t === 'seq') return edge(n.items, step === 1 ? 0 : n.items.length - 1, step, src);
  if (n.t === 'alt') {
    const out = new Set<string>();
    for (const a of n.alts) {
      const own = edgeOf(a, step, src);
      if (!own) return null;
      for (const ch of own) out.add(ch);
    }
    return out;
  }
  return null;
}

/**
 * For a pattern anchored at the start of the text (`^…`, side 'first') or at its end (`…$`, side 'last'), the UTF-16
 * code units that the text must start (end) with for it to match; null when it is not so anchored or they cannot be
 * told (a range, `.`, an alternative that may match nothing). A test of one character then rules most texts out.
 */
export function edgeUnits(re: RegExp, side: 'first' | 'last'): ReadonlySet<number> | null {
  if (re.ignoreCase || re.multiline) return null;
  const root = parse(re.source);
  if (root.t !== 'seq' || root.items.length === 0) return null;
  const anchor = side === 'first' ? root.items[0]! : root.items.at(-1)!;
  if (anchor.t !== 'empty' || anchor.body || re.source.slice(anchor.at, anchor.end) !== (side === 'first' ? '^' : '$')) return null;
  const chars = side === 'first' ? edge(root.items, 1, 1, re.source) : edge(root.items, root.items.length - 2, -1, re.source);
  if (!chars || chars.size === 0) return null;
  return new Set([...chars].map((ch) => (side === 'first' ? ch.charCodeAt(0) : ch.charCodeAt(ch.length - 1))));
}

/**
 * Whether a pattern reads nothing outside its match: no anchor, lookaround or word boundary. Such a pattern matches
 * a text that contains a string it matches, so a string inside a text already searched need not be searched again.
 */
export function contextFree(re: RegExp): boolean {
  const free = (n: Node): boolean =>
    n.t === 'empty' ? false
      : n.t === 'seq' ? n.items.every(free)
      : n.t === 'alt' ? n.alts.every(free)
      : n.t === 'rep' ? free(n.body)
      : true;
  return free(parse(re.source));
}
