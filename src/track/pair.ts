import type { IndicatorRules } from '../rules/files/indicators.js';
import { closeness, identify, type Identity } from './identity.js';
import type { Found } from './observations.js';
import type { Explanation, Pair, Unpaired } from './schema.js';
import { statusOf, type Prefer } from './status.js';

interface Item {
  obs: Found;
  id: Identity;
  order: number;
  /** The year of the report it came from (outcomes from the next year's review are the authoritative ones). */
  fileYear: number | null;
}

interface Candidate {
  t: Item;
  a: Item;
  strength: number;
  rule: string;
  score: number[];
}

/** Same unit, or the same known dimension (then paired, but the status is unknown). */
function comparable(t: Found, a: Found): boolean {
  if (t.normalized.unit === a.normalized.unit) return true;
  return t.normalized.dimension !== '' && t.normalized.dimension === a.normalized.dimension;
}

/** 2: one vocabulary entry or one phrase; 1: unlisted phrases of which one ends the other (地方税收收入 / 税收收入). */
function identityMatch(t: Identity, a: Identity): { strength: number; rule: string } | null {
  if (t.key === a.key) return { strength: 2, rule: t.rule ?? 'phrase' };
  if (t.rule || a.rule) return null;
  const [short, long] = t.matched.length <= a.matched.length ? [t.matched, a.matched] : [a.matched, t.matched];
  return short.length >= 3 && long.endsWith(short) ? { strength: 1, rule: 'phrase.suffix' } : null;
}

const spanOf = (o: Found) => (o.period ? `${o.period[0]}–${o.period[1]}` : String(o.year));

/** Why an outcome of the target's indicator cannot be its pair, or null when it can. */
function rejection(t: Item, a: Item): string | null {
  const [tp, ap] = [t.obs.period, a.obs.period];
  if (!tp !== !ap) return tp ? `the target covers ${spanOf(t.obs)}, the outcome one year (${a.obs.year})` : `the outcome covers ${spanOf(a.obs)}, the target one year (${t.obs.year})`;
  if (tp && ap && (tp[0] !== ap[0] || tp[1] !== ap[1])) return `different spans: ${spanOf(t.obs)} against ${spanOf(a.obs)}`;
  if (t.obs.year !== a.obs.year) return `different years: ${t.obs.year} against ${a.obs.year}`;
  if (t.obs.measure !== a.obs.measure) return `a ${t.obs.measure} against a ${a.obs.measure}`;
  if (!comparable(t.obs, a.obs)) return `units cannot be compared: ${t.obs.unit} against ${a.obs.unit}`;
  return null;
}

function candidate(t: Item, a: Item): Candidate | null {
  if (rejection(t, a) !== null) return null;
  const m = identityMatch(t.id, a.id);
  if (!m) return null;
  const score = [
    m.strength,
    closeness(t.obs.phrase, a.obs.phrase),
    t.obs.origin === a.obs.origin ? 1 : 0,
    a.fileYear === t.obs.year + 1 ? 1 : 0,
    -t.order,
    -a.order,
  ];
  return { t, a, strength: m.strength, rule: m.rule, score };
}

function byScore(x: Candidate, y: Candidate): number {
  for (let i = 0; i < x.score.length; i++) if (x.score[i] !== y.score[i]) return y.score[i]! - x.score[i]!;
  return 0;
}

export function preferFor(t: Item): Prefer {
  return t.id.prefer ?? (t.obs.measure === 'growth' && t.obs.direction === 'down' ? 'lower' : 'higher');
}

/** Strip the internal kind: the output says which side an observation is on by where it stands. */
function plain(o: Found): Omit<Found, 'kind'> {
  const { kind: _kind, ...rest } = o;
  return rest;
}

/** Two observations that say the same figure of one report (the text and its 附表, or a target said twice). */
function sameFigure(i: Item): string {
  const o = i.obs;
  return [o.file, o.kind, o.year, o.period?.join('-'), i.id.key, o.measure, o.direction, o.comparator, o.normalized.value, o.normalized.unit, o.range].join('|');
}

/** Each target and outcome at most once, best candidates first; candidates only within one year. */
function choose(targets: Item[], actuals: Item[]): Candidate[] {
  const byYear = new Map<number, Item[]>();
  for (const a of actuals) byYear.set(a.obs.year, [...(byYear.get(a.obs.year) ?? []), a]);
  const cands: Candidate[] = [];
  for (const t of targets) for (const a of byYear.get(t.obs.year) ?? []) { const c = candidate(t, a); if (c) cands.push(c); }
  cands.sort(byScore);
  const used = new Set<Item>();
  const chosen: Candidate[] = [];
  for (const c of cands) {
    if (used.has(c.t) || used.has(c.a)) continue;
    used.add(c.t).add(c.a);
    chosen.push(c);
  }
  return chosen.sort((x, y) => x.t.obs.year - y.t.obs.year || x.t.order - y.t.order);
}

/**
 * Pair targets with outcomes of the same year: the best candidates first (same indicator entry over a phrase that
 * ends the other, then wording closeness, same origin, an outcome from the next year's report, document order),
 * each target and each outcome used once. A figure a report states twice is listed once among the unpaired.
 */
/** Per target, the outcomes of its indicator it was not paired with and why (for `--explain`). */
function explain(targets: Item[], actuals: Item[], chosen: Candidate[]): Explanation[] {
  const pairOf = new Map(chosen.map((c) => [c.t, c.a]));
  const takenBy = new Map(chosen.map((c) => [c.a, c.t]));
  return targets.map((t) => {
    const mine = pairOf.get(t);
    // The outcomes of its indicator for its year: those of other years were never candidates.
    const rejected = actuals.filter((a) => a !== mine && a.obs.year === t.obs.year && identityMatch(t.id, a.id)).map((a) => {
      const other = takenBy.get(a);
      const reason = rejection(t, a) ?? (other ? `paired with a better-matching target (${other.obs.file} ${other.obs.ref})` : 'a better-matching outcome was taken');
      return { file: a.obs.file, ref: a.obs.ref, phrase: a.obs.phrase, year: a.obs.year, reason };
    });
    return { file: t.obs.file, ref: t.obs.ref, indicator: t.id.name, year: t.obs.year, paired: mine ? `${mine.obs.file} ${mine.obs.ref}` : null, rejected };
  });
}

export function pairUp(found: { obs: Found; fileYear: number | null }[], rules: IndicatorRules, withExplain = false) {
  const items: Item[] = [];
  let unnamed = 0;
  found.forEach(({ obs, fileYear }, order) => {
    const id = identify(obs.phrase, rules);
    if (id) items.push({ obs, id, order, fileYear });
    else unnamed++;
  });
  const targets = items.filter((i) => i.obs.kind === 'target');
  const actuals = items.filter((i) => i.obs.kind === 'actual');
  const chosen = choose(targets, actuals);
  const pairs = chosen.map((c): Pair => ({
    indicator: c.t.id.name, year: c.t.obs.year, measure: c.t.obs.measure, target: plain(c.t.obs), actual: plain(c.a.obs),
    ...statusOf(c.t.obs, c.a.obs, preferFor(c.t), rules), match: { rule: c.rule, target: c.t.id.matched, actual: c.a.id.matched },
  }));
  const said = new Set(chosen.flatMap((c) => [sameFigure(c.t), sameFigure(c.a)]));
  const used = new Set(chosen.flatMap((c) => [c.t, c.a]));
  const unpaired = (kind: 'target' | 'actual'): Unpaired[] => items
    .filter((i) => i.obs.kind === kind && !used.has(i))
    .filter((i) => !said.has(sameFigure(i)) && (said.add(sameFigure(i)), true))
    .sort((x, y) => x.obs.year - y.obs.year || x.order - y.order)
    .map((i) => ({ indicator: i.id.name, rule: i.id.rule, observation: plain(i.obs) }));
  const explained = withExplain ? { explain: explain(targets, actuals, chosen) } : {};
  return { pairs, targetsWithoutOutcome: unpaired('target'), outcomesWithoutTarget: unpaired('actual'), unnamed, ...explained };
}
