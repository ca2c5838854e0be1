/** A small parser for the `u`-mode regular expressions of rule files, enough to reason about their repeats. */
export type Node =
  | { t: 'atom'; src: string; at: number; end: number }
  | { t: 'empty'; body?: Node; at: number; end: number }
  | { t: 'seq'; items: Node[]; at: number; end: number }
  | { t: 'alt'; alts: Node[]; at: number; end: number }
  | { t: 'rep'; body: Node; min: number; max: number; at: number; end: number };

const QUANT = /(?:([*+?])|\{(\d+)(,(\d*))?\})\??/y;
const GROUP = /\((\?(:|=|!|<=|<!|<[A-Za-z_$][\w$]*>))?/y;
const ESCAPE = /\\(?:[bB]|\d+|k<[^>]+>|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[pP]\{[^}]+\}|c[A-Za-z]|[\s\S])/y;

/** The tree of a pattern that compiles (the RegExp constructor has already rejected bad syntax). */
export function parse(src: string): Node {
  let i = 0;
  const alt = (): Node => {
    const at = i;
    const alts = [seq()];
    while (src[i] === '|') { i++; alts.push(seq()); }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts, at, end: i };
  };
  const seq = (): Node => {
    const at = i;
    const items: Node[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') items.push(quantified(atom()));
    return { t: 'seq', items, at, end: i };
  };
  const quantified = (node: Node): Node => {
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
    const c = src[i]!;
    if (c === '(') {
      GROUP.lastIndex = i;
      const head = GROUP.exec(src)![0];
      i += head.length;
      const body = alt();
      i++;
      return /[=!]$/.test(head) ? { t: 'empty', body, at, end: i } : { ...body, at, end: i };
    }
    if (c === '^' || c === '$') { i++; return { t: 'empty', at, end: i }; }
    if (c === '[') {
      i++;
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '\\') {
      ESCAPE.lastIndex = i;
      const e = ESCAPE.exec(src)![0];
      i += e.length;
      if (/^\\[bB]$/.test(e)) return { t: 'empty', at, end: i };
      // A back-reference can match any text of any length.
      if (/^\\([1-9]|k<)/.test(e)) return { t: 'rep', body: { t: 'atom', src: '[\\s\\S]', at, end: i }, min: 0, max: Infinity, at, end: i };
    } else {
      i += String.fromCodePoint(src.codePointAt(i)!).length;
    }
    return { t: 'atom', src: src.slice(at, i), at, end: i };
  };
  return alt();
}

/** The text a node matches when it is a plain run of literal characters, else null. */
export function literal(n: Node): string | null {
  if (n.t === 'rep' && n.max === 0) return '';
  if (n.t === 'empty' && !n.body) return '';
  if (n.t === 'atom') return /^(\\[^\w\s]|[^\\[.])$/u.test(n.src) ? n.src.replace(/^\\/, '') : null;
  if (n.t !== 'seq') return null;
  const parts = n.items.map(literal);
  return parts.every((p) => p !== null) ? parts.join('') : null;
}

/** The runs of literal text that every match of a node contains, as written one after another. */
function mandatoryRuns(n: Node): string[] {
  if (n.t === 'rep') return n.min >= 1 ? mandatoryRuns(n.body) : [];
  if (n.t === 'atom') {
    const text = literal(n);
    return text ? [text] : [];
  }
  if (n.t !== 'seq') return [];
  const out: string[] = [];
  let run = '';
  for (const item of n.items) {
    const text = literal(item);
    if (text !== null) { run += text; continue; }
    if (run) out.push(run);
    run = '';
    out.push(...mandatoryRuns(item));
  }
  if (run) out.push(run);
  return out;
}

/**
 * The longest literal text that every match of a pattern contains (受.{0,15}委托 → 委托), or null when there is none
 * to be sure of (an alternation at the top, a case-insensitive pattern). A cheap `includes` of it before the regex
 * skips texts the regex cannot match.
 */
export function requiredText(re: RegExp): string | null {
  if (re.ignoreCase) return null;
  let best = '';
  for (const run of mandatoryRuns(parse(re.source))) if (run.length > best.length) best = run;
  return best || null;
}
