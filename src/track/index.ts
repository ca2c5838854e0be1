import { loadRules } from '../rules/load.js';
import type { Rules } from '../rules/schema.js';
import type { Result } from '../schema.js';
import { fileLabel, observationsOf } from './observations.js';
import { pairUp } from './pair.js';
import { TRACK_SCHEMA_VERSION, TrackResult, type TrackMessage } from './schema.js';

export interface TrackOptions {
  /** Rules from `loadRules()` (only `indicators` is read); the built-in rules when absent. */
  rules?: Pick<Rules, 'indicators'>;
  /** Pair reports even when their regions differ (e.g. when a region was not found in one of them). */
  anyRegion?: boolean;
  /** Pair reports of different administrative levels (a national report with a provincial one). */
  anyLevel?: boolean;
  /** List, for each target, the outcomes it was not paired with and why. */
  explain?: boolean;
}

type Region = Result['meta']['region'];

const LEVELS = ['province', 'city', 'district'] as const;

/**
 * Two reports are of one region when their most specific levels agree (官渡区 and 昆明市 reports differ) and no level
 * named in both differs; a level missing from one (the province left unsaid) is no conflict.
 */
function sameRegion(a: Region, b: Region): boolean {
  const deepest = (r: Region) => (r.district ? 2 : r.city ? 1 : r.province ? 0 : -1);
  return deepest(a) === deepest(b) && LEVELS.every((l) => a[l] === null || b[l] === null || a[l] === b[l]);
}

function regionName(region: Region): string {
  return [region.province, region.city, region.district].filter(Boolean).join('') || '(no region: national, or not found)';
}

function checkInputs(results: Result[], labels: string[], anyRegion: boolean, anyLevel: boolean): TrackMessage[] {
  const out: TrackMessage[] = [];
  if (results.length === 0) return [{ severity: 'error', code: 'no-reports', message: 'no reports to track' }];
  if (results.length === 1) {
    out.push({ severity: 'warning', code: 'single-report', message: `only one report (${labels[0]}): targets pair only with outcomes in the same report, such as a table with plan and outcome columns; pass the next year's report too to pair its review with these targets` });
  }
  const first = results[0]!.meta.region;
  if (results.some((r) => !sameRegion(first, r.meta.region))) {
    const list = results.map((r, i) => `${regionName(r.meta.region)} (${labels[i]})`).join(', ');
    out.push({ severity: anyRegion ? 'warning' : 'error', code: 'mixed-regions', message: `the reports are from different regions: ${list}${anyRegion ? '' : '; track pairs reports of one region (pass --any-region to pair them anyway)'}` });
  }
  const levels = new Set(results.map((r) => r.meta.level).filter((l) => l != null));
  if (levels.size > 1) {
    const list = results.map((r, i) => `${r.meta.level ?? 'unknown'} (${labels[i]})`).join(', ');
    out.push({ severity: anyLevel ? 'warning' : 'error', code: 'mixed-levels', message: `the reports are of different administrative levels: ${list}${anyLevel ? '' : '; track pairs reports of one level (pass --any-level to pair them anyway)'}` });
  }
  const years = new Map<number, string[]>();
  results.forEach((r, i) => {
    if (r.meta.year === null) out.push({ severity: 'warning', code: 'no-year', message: `${labels[i]}: the report's year was not found; its figures are placed by their own years` });
    else years.set(r.meta.year, [...(years.get(r.meta.year) ?? []), labels[i]!]);
  });
  for (const [year, files] of years) {
    if (files.length > 1) out.push({ severity: 'warning', code: 'same-year', message: `several reports for ${year}: ${files.join(', ')}` });
  }
  return out;
}

/**
 * Pair every target for a year with the outcome for that year found in any of the reports (one region, any years,
 * any order). Never throws on odd input: a problem with the set of reports is an `error` message and no pairs.
 */
export function track(results: Result[], options: TrackOptions = {}): TrackResult {
  const rules = (options.rules ?? loadRules()).indicators;
  const labels = results.map(fileLabel);
  const messages = checkInputs(results, labels, options.anyRegion ?? false, options.anyLevel ?? false);
  const files = results.map((r, i) => ({ file: labels[i]!, year: r.meta.year, level: r.meta.level ?? null, region: r.meta.region, title: r.meta.title }));
  const empty = { pairs: [], targetsWithoutOutcome: [], outcomesWithoutTarget: [] };
  if (messages.some((m) => m.severity === 'error')) return TrackResult.parse({ schemaVersion: TRACK_SCHEMA_VERSION, files, ...empty, messages });
  const found = results.flatMap((r, i) => observationsOf(r, i, rules).map((obs) => ({ obs, fileYear: r.meta.year })));
  const { unnamed, ...paired } = pairUp(found, rules, options.explain ?? false);
  const yearless = results.reduce((n, r) => n + r.quantities.filter((q) => q.kind !== 'other' && q.year === null && !q.period).length, 0);
  if (yearless > 0) messages.push({ severity: 'info', code: 'no-figure-year', message: `${yearless} target(s) or outcome(s) say no year and were left out` });
  if (unnamed > 0) messages.push({ severity: 'info', code: 'no-indicator', message: `${unnamed} target(s) or outcome(s) name no indicator and were left out` });
  if (paired.pairs.length === 0) messages.push({ severity: 'warning', code: 'no-pairs', message: 'no target could be paired with an outcome' });
  return TrackResult.parse({ schemaVersion: TRACK_SCHEMA_VERSION, files, ...paired, messages });
}

export { TrackResult, TRACK_SCHEMA_VERSION } from './schema.js';
export type { Pair, Observation, Unpaired, TrackMessage, Status, Explanation } from './schema.js';
export { trackCsv } from './csv.js';
