import { METRIC_NAMES } from './report.js';

/** Minimum scores from the issue, checked against the TOTAL (micro-averaged) row. */
export const DEFAULT_THRESHOLDS: Readonly<Record<string, number>> = {
  'quantities.f1': 0.95,
  'quantities.value': 0.98,
  'quantities.unit': 0.98,
  'quantities.comparator': 0.95,
  'quantities.kind': 0.9,
  'quantities.indicator': 0.85,
  'quantities.period': 0.95,
  'meta.level': 0.95,
  'tasks.f1': 0.98,
  'tasks.lead': 0.95,
  'tasks.responsible': 0.95,
  'headings.f1': 0.95,
};

/** A `--min` that names no score or gives no number between 0 and 1. */
export class ThresholdError extends Error {
  readonly exitCode = 2;
  override name = 'ThresholdError';
}

/** A metric by its full name, or by a suffix only one metric has (`value` → `quantities.value`). */
function resolveName(name: string): string {
  if (METRIC_NAMES.includes(name)) return name;
  const found = METRIC_NAMES.filter((m) => m.endsWith(`.${name}`));
  if (found.length === 1) return found[0]!;
  const hint = found.length ? `it could be ${found.join(', ')}` : `expected one of: ${METRIC_NAMES.join(', ')}`;
  throw new ThresholdError(`--min ${name}: ${found.length ? 'ambiguous score name' : 'unknown score name'}; ${hint}`);
}

/** `name=value` settings on top of the defaults (or of nothing, when the defaults are switched off). */
export function thresholds(specs: readonly string[], useDefaults = true): Record<string, number> {
  const out: Record<string, number> = useDefaults ? { ...DEFAULT_THRESHOLDS } : {};
  for (const spec of specs) {
    const m = /^\s*([\w.-]+)\s*=\s*([0-9.]+)\s*$/.exec(spec);
    const value = m ? Number(m[2]) : NaN;
    if (!m || !Number.isFinite(value) || value < 0 || value > 1) {
      throw new ThresholdError(`--min ${spec}: expected name=value with a value from 0 to 1, e.g. quantities.f1=0.9`);
    }
    out[resolveName(m[1]!)] = value;
  }
  return out;
}

export interface Shortfall {
  name: string;
  min: number;
  value: number;
}

/** Scores below their minimum; a score with nothing to measure (`null`) never falls short. */
export function shortfalls(scores: Record<string, number | null>, mins: Record<string, number>): Shortfall[] {
  const out: Shortfall[] = [];
  for (const [name, min] of Object.entries(mins)) {
    const value = scores[name];
    if (value != null && value < min - 1e-12) out.push({ name, min, value });
  }
  return out;
}
