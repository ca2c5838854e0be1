import type { Quantity } from '../schema.js';
import { normaliseText } from '../stages/normalise.js';
import { fold } from './fold.js';
import type { GoldPassage, GoldQuantity } from './load.js';
import { counts, record, sameNumber, tally, type Counts, type Tally } from './metrics.js';

export const QUANTITY_FIELDS = ['value', 'unit', 'normalized', 'comparator', 'measure', 'direction', 'kind', 'year', 'period', 'indicator'] as const;
export type QuantityField = (typeof QUANTITY_FIELDS)[number];

export interface QuantityScore {
  match: Counts;
  /** Agreement among matched mentions, per field; a field left out of a gold entry is not counted. */
  fields: Record<QuantityField, Tally>;
  /** Lenient indicator agreement: one folded indicator contains the other. */
  indicatorOverlap: Tally;
}

export const quantityScore = (): QuantityScore => ({
  match: counts(),
  fields: Object.fromEntries(QUANTITY_FIELDS.map((f) => [f, tally()])) as Record<QuantityField, Tally>,
  indicatorOverlap: tally(),
});

interface Located {
  gold: GoldQuantity;
  start: number;
  end: number;
}

/** Offset of the n-th (from 1) occurrence of `needle` in `hay`, counting overlapping matches, or -1. */
function nth(hay: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = hay.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

/**
 * The gold core as written, counted in the passage as written. Only when the passage does not hold it at all are
 * both folded to ASCII width (an annotator who typed 7% for 7％); mixing the two counts would shift occurrences.
 */
function locate(text: string, passage: GoldPassage, q: GoldQuantity): Located | null {
  const slice = text.slice(passage.start, passage.end);
  const at = slice.includes(q.core) ? nth(slice, q.core, q.occurrence) : nth(normaliseText(slice), normaliseText(q.core), q.occurrence);
  return at < 0 ? null : { gold: q, start: passage.start + at, end: passage.start + at + q.core.length };
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.min(a.end, b.end) - Math.max(a.start, b.start);

/** Whether each field of a matched mention agrees with gold; `undefined` where gold does not give the field. */
function compare(g: GoldQuantity, q: Quantity): Partial<Record<QuantityField, boolean>> {
  const has = (k: keyof GoldQuantity) => g[k] !== undefined;
  const value = g.range
    ? q.range !== null && sameNumber(g.range[0], q.range[0]) && sameNumber(g.range[1], q.range[1])
    : has('value') ? sameNumber(g.value, q.value) && (g.value === null || q.range === null) : undefined;
  const n = g.normalized;
  return {
    value,
    unit: has('unit') ? g.unit === q.unit : undefined,
    normalized: n ? (n.value === undefined || sameNumber(n.value, q.normalized.value)) && (n.unit === undefined || n.unit === q.normalized.unit) : undefined,
    comparator: has('comparator') ? g.comparator === q.comparator : undefined,
    measure: has('measure') ? g.measure === q.measure : undefined,
    direction: has('direction') ? g.direction === q.direction : undefined,
    kind: has('kind') ? g.kind === q.kind : undefined,
    year: has('year') ? g.year === q.year : undefined,
    // Gold leaves period out where it is null; it is scored wherever gold dates the figure at all (year or period).
    period: has('period') || has('year') ? samePeriod(g.period ?? null, q.period) : undefined,
    indicator: has('indicator') ? g.indicator === q.indicator : undefined,
  };
}

/**
 * Score extracted quantities against the passages of one gold file. A gold mention is matched to the extracted
 * mention whose core overlaps it most (one to one, greedily, widest overlap first). Precision counts only
 * extracted mentions whose core lies inside a passage, since only there is every mention listed.
 */
export function scoreQuantities(text: string, passages: GoldPassage[], extracted: Quantity[], notes: string[], warnings: string[]): QuantityScore {
  const score = quantityScore();
  const gold: Located[] = [];
  for (const p of passages) {
    for (const q of p.quantities) {
      const found = locate(text, p, q);
      if (found) gold.push(found);
      else {
        score.match.fn++;
        warnings.push(`gold quantity ${q.core} (occurrence ${q.occurrence}) is not in passage ${p.start}-${p.end}: counted as missed`);
      }
    }
  }
  const pairs: [number, number, number][] = [];
  gold.forEach((g, i) => extracted.forEach((q, j) => {
    const o = overlap(g, q.core.span);
    if (o > 0) pairs.push([o, i, j]);
  }));
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const goldTaken = new Map<number, number>();
  const taken = new Set<number>();
  for (const [, i, j] of pairs) {
    if (goldTaken.has(i) || taken.has(j)) continue;
    goldTaken.set(i, j);
    taken.add(j);
  }

  gold.forEach((g, i) => {
    const j = goldTaken.get(i);
    if (j === undefined) {
      score.match.fn++;
      notes.push(`missed quantity ${g.gold.core} at ${g.start}`);
      return;
    }
    score.match.tp++;
    const q = extracted[j]!;
    const result = compare(g.gold, q);
    for (const f of QUANTITY_FIELDS) {
      if (result[f] === undefined) continue;
      record(score.fields[f], result[f]!);
      if (!result[f]) notes.push(`quantity ${g.gold.core} at ${g.start}: ${f} expected ${show(g.gold, f)}, got ${show(q, f)}`);
    }
    if (g.gold.indicator !== undefined) record(score.indicatorOverlap, looselySame(g.gold.indicator, q.indicator));
  });
  const inside = (q: Quantity) => passages.some((p) => q.core.span.start >= p.start && q.core.span.end <= p.end);
  extracted.forEach((q, j) => {
    if (taken.has(j) || !inside(q)) return;
    score.match.fp++;
    notes.push(`extra quantity ${q.core.text} at ${q.core.span.start}`);
  });
  return score;
}

function samePeriod(a: readonly number[] | null, b: readonly number[] | null): boolean {
  return a === null || b === null ? a === b : a[0] === b[0] && a[1] === b[1];
}

function looselySame(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const [x, y] = [fold(a), fold(b)];
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}

function show(item: GoldQuantity | Quantity, field: QuantityField): string {
  if (field === 'value' && item.range) return JSON.stringify(item.range);
  return JSON.stringify((item as Record<string, unknown>)[field] ?? null);
}
