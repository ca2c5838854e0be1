import type { Observation, TrackResult } from './schema.js';

const SIDE = ['comparator', 'value', 'unit', 'normalized_value', 'normalized_unit', 'file', 'start', 'end', 'line', 'text'] as const;
const HEADER = ['status', 'indicator', 'year', 'measure', 'rule', ...SIDE.map((f) => `target_${f}`), ...SIDE.map((f) => `actual_${f}`)];

/** RFC 4180: quote a field holding a comma, quote or line break; double the quotes inside. */
function field(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function side(o: Observation | null): unknown[] {
  if (!o) return SIDE.map(() => '');
  const value = o.range ? `${o.range[0]}-${o.range[1]}` : o.value;
  return [o.comparator, value, o.unit, o.normalized.value, o.normalized.unit, o.file, o.span.start, o.span.end, o.span.line, o.text];
}

/**
 * One row per pair, then one per target without an outcome (status `no-outcome`) and per outcome without a target
 * (status `no-target`), so a spreadsheet shows everything track found.
 */
export function trackCsv(result: TrackResult): string {
  const rows: unknown[][] = [HEADER];
  for (const p of result.pairs) rows.push([p.status, p.indicator, p.year, p.measure, p.match.rule, ...side(p.target), ...side(p.actual)]);
  for (const u of result.targetsWithoutOutcome) {
    rows.push(['no-outcome', u.indicator, u.observation.year, u.observation.measure, u.rule, ...side(u.observation), ...side(null)]);
  }
  for (const u of result.outcomesWithoutTarget) {
    rows.push(['no-target', u.indicator, u.observation.year, u.observation.measure, u.rule, ...side(null), ...side(u.observation)]);
  }
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
