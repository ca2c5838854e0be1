import type { IndicatorRules } from '../rules/files/indicators.js';
import type { Observation, Status } from './schema.js';
import { foldUnit } from './table.js';

/** A set of numbers [lo, hi]; a strict end excludes the bound itself. */
interface Interval {
  lo: number;
  hi: number;
  loStrict: boolean;
  hiStrict: boolean;
}

const ALL: Interval = { lo: -Infinity, hi: Infinity, loStrict: false, hiStrict: false };

/**
 * Values compare on a signed scale: a fall (direction down) is negative, so 下降3%以上 ("a fall of at least 3%")
 * becomes "at most -3" and 下降2.5% misses it. On that scale the comparator flips.
 */
function signed(o: Observation): { sign: 1 | -1; value: number | null; range: [number, number] | null } {
  const sign = o.measure === 'growth' && o.direction === 'down' ? -1 : 1;
  // Ranges carry the written numbers only; fold the magnitude of the unit into them as `normalized` does.
  const scale = o.unit === o.normalized.unit ? 1 : foldUnit(1, o.unit).value;
  const value = o.normalized.value === null ? null : sign * o.normalized.value;
  const range = o.range ? ([Math.min(sign * o.range[0] * scale, sign * o.range[1] * scale), Math.max(sign * o.range[0] * scale, sign * o.range[1] * scale)] as [number, number]) : null;
  return { sign, value, range };
}

function flip(cmp: Observation['comparator'], sign: 1 | -1): Observation['comparator'] {
  if (sign === 1 || cmp === null || cmp === '~') return cmp;
  return ({ '>=': '<=', '<=': '>=', '>': '<', '<': '>' } as const)[cmp];
}

/** What the outcome may be, as far as the report says: 超过3% is "more than 3", 约5% is 5. */
function actualInterval(o: Observation): Interval | null {
  const { sign, value, range } = signed(o);
  if (range) return { lo: range[0], hi: range[1], loStrict: false, hiStrict: false };
  if (value === null) return null;
  const cmp = flip(o.comparator, sign);
  if (cmp === '>=' || cmp === '>') return { ...ALL, lo: value };
  if (cmp === '<=' || cmp === '<') return { ...ALL, hi: value };
  return { lo: value, hi: value, loStrict: false, hiStrict: false };
}

export type Prefer = 'higher' | 'lower' | 'neutral';

function tolerance(o: Observation, base: number, rules: IndicatorRules): number {
  const points = o.normalized.unit === '%' || o.normalized.unit === '百分点';
  return points ? rules.tolerance.points : Math.abs(base) * rules.tolerance.relative;
}

/** The outcomes that meet the target. A point target without 左右 is met exactly or bettered. */
function targetInterval(o: Observation, prefer: Prefer, rules: IndicatorRules): Interval | null {
  const { sign, value, range } = signed(o);
  const cmp = flip(o.comparator, sign);
  const [lo, hi] = range ?? (value === null ? [NaN, NaN] : [value, value]);
  if (Number.isNaN(lo)) return null;
  if (cmp === '>=' || cmp === '>') return { ...ALL, lo, loStrict: cmp === '>' };
  if (cmp === '<=' || cmp === '<') return { ...ALL, hi, hiStrict: cmp === '<' };
  const tol = cmp === '~' ? tolerance(o, (lo + hi) / 2, rules) : 0;
  if (prefer === 'higher') return { ...ALL, lo: lo - tol };
  if (prefer === 'lower') return { ...ALL, hi: hi + tol };
  return { lo: lo - tol, hi: hi + tol, loStrict: false, hiStrict: false };
}

const EPS = 1e-9;
const above = (x: number, bound: number, strict: boolean) => (strict ? x > bound + EPS : x >= bound - EPS);
const below = (x: number, bound: number, strict: boolean) => (strict ? x < bound - EPS : x <= bound + EPS);

/** met when every value the outcome may have lies in the target's set, missed when none does, else unknown. */
export function statusOf(targetAsWritten: Observation, actualAsWritten: Observation, prefer: Prefer, rules: IndicatorRules): { status: Status; reason: string } {
  const common = onCommonScale(targetAsWritten, actualAsWritten);
  if (!common) {
    const [t, a] = [targetAsWritten.normalized.unit, actualAsWritten.normalized.unit];
    return { status: 'unknown', reason: `units cannot be compared: ${t || '(none)'} vs ${a || '(none)'}` };
  }
  const [target, actual] = common;
  const want = targetInterval(target, prefer, rules);
  const got = actualInterval(actual);
  if (!want || !got) return { status: 'unknown', reason: 'a value is missing' };
  const inside = above(got.lo, want.lo, want.loStrict) && below(got.hi, want.hi, want.hiStrict);
  if (inside) return { status: 'met', reason: describe(target, prefer) };
  const outside = below(got.hi, want.lo, !want.loStrict) || above(got.lo, want.hi, !want.hiStrict);
  if (outside) return { status: 'missed', reason: describe(target, prefer) };
  return { status: 'unknown', reason: 'the outcome is given only as a bound that straddles the target' };
}

/**
 * The two figures on one scale: as they are when their units agree, else through their amounts in the base unit
 * of their dimension (`normalized.base`: 公里 and 千米, 万亩 and 公顷, 吨 and 千克), else none.
 */
function onCommonScale(target: Observation, actual: Observation): [Observation, Observation] | null {
  if (target.normalized.unit === actual.normalized.unit) return [target, actual];
  const [tb, ab] = [target.normalized.base, actual.normalized.base];
  if (!tb || !ab || tb.unit !== ab.unit) return null;
  const inBase = (o: Observation, b: { value: number; unit: string }): Observation => ({ ...o, unit: b.unit, normalized: { ...o.normalized, value: b.value, unit: b.unit } });
  return [inBase(target, tb), inBase(actual, ab)];
}

function describe(target: Observation, prefer: Prefer): string {
  const cmp = target.comparator;
  if (cmp && cmp !== '~') return `outcome ${cmp} target`;
  const approx = cmp === '~' ? 'within tolerance of ' : '';
  if (prefer === 'lower') return `outcome at or below ${approx}target (lower is better)`;
  if (prefer === 'higher') return `outcome at or above ${approx}target`;
  return `outcome ${approx || 'equal to '}target`;
}
