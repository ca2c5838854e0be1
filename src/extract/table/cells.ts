import type { Column } from '../../schema.js';
import type { RawRules, Rules } from '../../rules/schema.js';

type TableRules = Rules['tables'];
type Comparator = '>=' | '<=' | '>' | '<' | '~';

export interface Parsed {
  value: number | null;
  comparator: Comparator | null;
  /** A unit written in the cell itself (`3.02%`, `1441.37亿元`). */
  unit: string | null;
}

const NUMBER = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(%|‰|个百分点|百分点|[^\d\s.,%年月日号]{1,3})?$/u;
const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/u;

const SPACE = /\s/;
const BRACKETED = /^[\[〔［【][^\[\]〔〕［］【】]+[\]〕］】]$/u;

/** The text without white space; most cells have none, and then no copy is made. */
const squeeze = (text: string) => (SPACE.test(text) ? text.replace(/\s+/g, '') : text);

/** First characters of the comparator prefixes and last ones of the suffixes: a cell with neither has no comparator. */
export interface ComparatorEdges {
  heads: Set<string>;
  tails: Set<string>;
}

/** Called once by the rule loader (src/rules/compile.ts): `rules.tables.compiled.edges`. */
export function compileComparatorEdges(comparators: RawRules['tables']['comparators']): ComparatorEdges {
  return { heads: new Set(comparators.flatMap((c) => c.prefix.map((w) => w[0]!))), tails: new Set(comparators.flatMap((c) => c.suffix.map((w) => w.at(-1)!))) };
}

/** Whether some comparator word may stand at the start or the end of `s` (a cheap test before trying each word). */
function mayHaveComparator(s: string, rules?: TableRules): boolean {
  if (!rules?.comparators.length || !s) return false;
  const { heads, tails } = rules.compiled.edges;
  return heads.has(s[0]!) || tails.has(s[s.length - 1]!);
}

/** The bare number of a cell, with a comparator word around it peeled off; `正增长`, `——` give `value: null`. */
export function parseCell(text: string, rules?: TableRules): Parsed {
  let s = squeeze(text);
  // A figure in brackets ([13.5], 〔4.4〕) is a figure: plan tables mark five-year totals so (注：[ ]内为五年累计数).
  if (BRACKETED.test(s)) s = s.slice(1, -1);
  let comparator: Comparator | null = null;
  for (const c of mayHaveComparator(s, rules) ? rules!.comparators : []) {
    const pre = c.prefix.find((w) => s.startsWith(w) && s.length > w.length);
    const suf = c.suffix.find((w) => s.endsWith(w) && s.length > w.length);
    if (!pre && !suf) continue;
    if (pre) s = s.slice(pre.length);
    if (suf) s = s.slice(0, -suf.length);
    comparator = c.comparator;
    break;
  }
  const m = NUMBER.exec(s);
  if (!m) return { value: null, comparator: null, unit: null };
  const digits = m[1]!.includes(',') ? m[1]!.replace(/,/g, '') : m[1]!;
  return { value: Number(digits), comparator, unit: m[2] ?? null };
}

/** A plain number cell (no comparator words): tells data lines from header lines. */
export function isNumber(text: string): boolean {
  return NUMBER.test(squeeze(text));
}

/** A header cell that is only a year (`2021`, `2021年`) is a column header, not data. */
export function isYear(text: string): boolean {
  return /^(19|20)\d{2}年?(度)?$/u.test(squeeze(text));
}

const has = (words: readonly string[], text: string) => words.some((w) => text.includes(w));

/** What a column's header path says: which kind of column, year, plan/actual, growth/level, unit. */
export function columnOf(path: string[], rules: TableRules): Column {
  const leaf = (path.at(-1) ?? '').replace(/\s+/g, '').replace(/\([^()]*\)$/, '');
  const kind = rules.columns.index.includes(leaf) ? 'index' : rules.columns.label.includes(leaf) ? 'label' : rules.columns.unit.includes(leaf) ? 'unit' : 'data';
  if (kind !== 'data') return { path, kind, year: null, role: null, measure: null, unit: null };
  let year: number | null = null;
  let role: Column['role'] = null;
  let measure: Column['measure'] = null;
  let unit: string | null = null;
  for (const part of path) {
    const y = YEAR.exec(part);
    if (y) year = Number(y[1]);
    if (has(rules.roles.neutral, part)) role = null;
    else if (has(rules.roles.actual, part)) role = 'actual';
    else if (has(rules.roles.plan, part)) role = 'plan';
    if (has(rules.measures.level, part)) measure = 'level';
    else if (has(rules.measures.growth, part)) measure = 'growth';
    const u = /\(([^()\d]{1,6})\)\s*$/u.exec(part) ?? /单位\s*[:]\s*([^\s()]{1,6})/u.exec(part);
    if (u) unit = u[1]!;
  }
  if (measure === 'growth' && !unit) unit = '%';
  return { path, kind, year, role, measure, unit };
}

/** Whether a header label names a level (绝对值, 总量): such a label opens a new group of sub-columns. */
export function isLevelLabel(text: string, rules: TableRules): boolean {
  return has(rules.measures.level, text);
}
