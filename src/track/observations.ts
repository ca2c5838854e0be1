import type { IndicatorRules } from '../rules/files/indicators.js';
import type { Quantity, Result } from '../schema.js';
import type { Observation } from './schema.js';
import { tableObservations } from './table.js';

export type Kind = 'target' | 'actual';
export interface Found extends Observation {
  kind: Kind;
}

/** A label for a report in the output: its path, or its place among the inputs. */
export function fileLabel(result: Result, index: number): string {
  return result.source.path ?? `#${index + 1}`;
}

function fromQuantity(q: Quantity, file: string): Found | null {
  // A figure over several years is placed at the end of its span, and pairs only with one over the same span.
  const period = q.period ?? null;
  const year = q.year ?? period?.[1] ?? null;
  if ((q.kind !== 'target' && q.kind !== 'actual') || year === null) return null;
  if (q.value === null && q.range === null) return null;
  return {
    kind: q.kind, file, origin: 'text', ref: q.id, year, period, phrase: q.indicator ?? '',
    measure: q.measure, direction: q.measure === 'growth' ? q.direction : null, comparator: q.comparator,
    value: q.value, range: q.range, unit: q.unit, normalized: q.normalized, text: q.text, span: q.span,
  };
}

/** Every target and outcome of one report that has a year and a number: quantities of the running text and
 * table cells whose column says plan or outcome. */
export function observationsOf(result: Result, index: number, rules: IndicatorRules): Found[] {
  const file = fileLabel(result, index);
  return [
    ...result.quantities.map((q) => fromQuantity(q, file)).filter((o): o is Found => o !== null),
    ...result.tables.flatMap((t) => tableObservations(t, file, rules)),
  ];
}
