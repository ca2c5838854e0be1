import type { Rules } from '../../rules/schema.js';
import { alternation } from '../../rules/pattern.js';
import type { UnitEntry } from '../../rules/files/units.js';
import type { QuantityRules } from '../../rules/files/quantities.js';
import { ARABIC_NUMERAL, CN_NUMERAL } from './numbers.js';

type Op = '>=' | '<=' | '>' | '<' | '~';
export interface Tagged<T> { id: string; value: T }

/** The quantity rules turned into regular expressions and lookup maps, built once per rules object. */
export interface Compiled {
  q: QuantityRules;
  /** Global: 1 = numeral after 百分之, 2 = Arabic numeral, 3 = Chinese numeral. */
  number: RegExp;
  /** The same, sticky: a number exactly here (the second half of a range). */
  numberAt: RegExp;
  unit: RegExp;
  unitOf: Map<string, UnitEntry>;
  /** The unit of 百分之X. */
  percent: UnitEntry | null;
  magnitude: RegExp;
  magnitudeOf: Map<string, { exponent: number; arabicOnly: boolean }>;
  approx: RegExp;
  /** `/吨`, `/平方米` after a unit: a rate such as 元/吨. */
  per: RegExp;
  rangeJoin: RegExp;
  sharedJoin: RegExp;
  cmpAfter: RegExp;
  cmpBefore: RegExp;
  cmpOf: Map<string, Tagged<Op>>;
  growth: RegExp;
  growthOf: Map<string, Tagged<'up' | 'down'>>;
  notGrowth: RegExp;
  toLevel: RegExp;
  kind: RegExp;
  kindOf: Map<string, Tagged<'target' | 'actual' | 'other'>>;
  /** Year cues, global copies of the rule patterns. */
  years: { rule: QuantityRules['years'][number]; re: RegExp }[];
  leading: WordSet;
  trailing: WordSet;
  subjects: WordSet;
}

/** Words looked up by the ends of a phrase: a set and its word lengths, longest first (no regexp scan per try). */
export interface WordSet { words: Set<string>; lengths: number[]; firsts: Set<number>; lasts: Set<number> }
const wordSet = (words: readonly string[]): WordSet => ({
  words: new Set(words),
  lengths: [...new Set(words.map((w) => w.length))].sort((a, b) => b - a),
  firsts: new Set(words.map((w) => w.charCodeAt(0))),
  lasts: new Set(words.map((w) => w.charCodeAt(w.length - 1))),
});

// No `u` flag on these: every word is in the BMP, and V8 runs non-unicode sticky regexps several times faster.
const sticky = (words: readonly string[]) => new RegExp(`(?:${alternation(byLength(words))})`, 'y');
const global = (words: readonly string[]) => new RegExp(`(?:${alternation(byLength(words))})`, 'g');
/**
 * Numbers: 1 = after 百分之, 2 = Arabic, 3 = Chinese. A Chinese numeral must be followed by something that can
 * continue an amount (`next`: first characters of units, magnitudes, 余/多, range signs), so the many 一 and 二 of
 * ordinary words (统一, 一批) are skipped by the regexp itself rather than read one by one.
 */
const numberSource = (next: string) => `百分之(${ARABIC_NUMERAL}|${CN_NUMERAL})|(${ARABIC_NUMERAL})|(${CN_NUMERAL})(?=[${next}])`;
const byLength = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);
/** A regexp that never matches, for an empty word list. */
const NEVER = /(?!)/y;

function build(rules: Rules): Compiled {
  const q = rules.quantities;
  const unitOf = new Map<string, UnitEntry>();
  for (const u of rules.units.units) for (const w of u.words) if (!unitOf.has(w)) unitOf.set(w, u);
  const magnitudeOf = new Map(rules.units.magnitudes.map((m) => [m.word, { exponent: m.exponent, arabicOnly: m.arabicOnly }]));
  const cmpOf = new Map<string, Tagged<Op>>();
  const before: string[] = [];
  const after: string[] = [];
  for (const c of q.comparators) {
    for (const w of c.before) { before.push(w); cmpOf.set(`<${w}`, { id: c.id, value: c.op }); }
    for (const w of c.after) { after.push(w); cmpOf.set(`>${w}`, { id: c.id, value: c.op }); }
  }
  const growthOf = new Map<string, Tagged<'up' | 'down'>>();
  for (const g of q.growth) for (const w of g.words) growthOf.set(w, { id: g.id, value: g.direction });
  const kindOf = new Map<string, Tagged<'target' | 'actual' | 'other'>>();
  for (const k of q.kinds) for (const w of k.words) kindOf.set(w, { id: k.id, value: k.kind });
  const units = [...unitOf.keys()];
  const starts = [...units, ...magnitudeOf.keys(), ...q.approximate.words, ...q.rangeJoiners, ' '].map((w) => w[0]!);
  const next = [...new Set(starts)].map((ch) => ch.replace(/[\\\]^-]/g, '\\$&')).join('');
  return {
    q,
    number: new RegExp(numberSource(next), 'g'),
    numberAt: new RegExp(numberSource(next), 'y'),
    unit: units.length ? sticky(units) : NEVER,
    unitOf,
    percent: unitOf.get('%') ?? null,
    magnitude: magnitudeOf.size ? sticky([...magnitudeOf.keys()]) : NEVER,
    magnitudeOf,
    approx: q.approximate.words.length ? sticky(q.approximate.words) : NEVER,
    per: new RegExp(`/(?:${alternation(byLength([...units, '年', '月', '日', '人', '户', '亩']))})`, 'y'),
    rangeJoin: q.rangeJoiners.length ? sticky(q.rangeJoiners) : NEVER,
    sharedJoin: q.sharedUnitJoiners.length ? sticky(q.sharedUnitJoiners) : NEVER,
    cmpAfter: after.length ? sticky(after) : NEVER,
    cmpBefore: before.length ? new RegExp(`(${alternation(byLength(before))})(?:了|在|为)?$`) : /(?!)/,
    cmpOf,
    growth: growthOf.size ? global([...growthOf.keys()]) : /(?!)/g,
    growthOf,
    notGrowth: q.notGrowth.length ? global(q.notGrowth) : /(?!)/g,
    toLevel: q.toLevel.length ? sticky(q.toLevel) : NEVER,
    kind: kindOf.size ? global([...kindOf.keys()]) : /(?!)/g,
    kindOf,
    years: q.years.map((rule) => ({ rule, re: new RegExp(rule.pattern.source, 'gu') })),
    leading: wordSet(q.indicator.leading),
    trailing: wordSet(q.indicator.trailing),
    subjects: wordSet(q.indicator.subjects),
  };
}

const cache = new WeakMap<Rules, Compiled>();

/** Compiled rules for this rules object; a WeakMap keyed by it, so a reloaded rule set compiles afresh. */
export function compiled(rules: Rules): Compiled {
  let c = cache.get(rules);
  if (!c) cache.set(rules, (c = build(rules)));
  return c;
}
