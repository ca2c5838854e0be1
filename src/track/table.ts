import type { IndicatorRules } from '../rules/files/indicators.js';
import type { Comparator, Table } from '../schema.js';
import type { Found } from './observations.js';
import { z } from 'zod';

type Column = Table['columns'][number];
type Cmp = z.infer<typeof Comparator>;

const MAGNITUDES: [string, number][] = [['万亿', 1e12], ['亿', 1e8], ['万', 1e4]];

/** Fold a magnitude into the unit, as quantities do: `亿元` → ×1e8 `元`. (千 is left alone: 千瓦, 千米, 千克 are units.) */
export function foldUnit(value: number, unit: string): { value: number; unit: string; dimension: string } {
  let v = value;
  let u = unit.replace(/^个百分点$/, '百分点');
  for (const [m, f] of MAGNITUDES) {
    if (u.startsWith(m) && u.length > m.length) {
      v = Number((value * f).toPrecision(12));
      u = u.slice(m.length);
      break;
    }
  }
  const dimension = u === '%' ? 'percent' : u === '百分点' ? 'points' : /元$/.test(u) ? 'currency' : '';
  return { value: v, unit: u, dimension };
}

function roleOf(col: Column, rules: IndicatorRules): 'target' | 'actual' | null {
  if (col.role === 'plan') return 'target';
  if (col.role === 'actual') return 'actual';
  const text = col.path.join(' ');
  // A header such as 2021年完成 names the outcome even when 计划 appears in a parent header; check outcome words first.
  if (rules.roles.actual.some((w) => text.includes(w))) return 'actual';
  if (rules.roles.target.some((w) => text.includes(w))) return 'target';
  return null;
}

function yearOf(col: Column): number | null {
  if (col.year !== null) return col.year;
  const m = /(\d{4})年/.exec(col.path.join(''));
  return m ? Number(m[1]) : null;
}

function comparatorIn(text: string, rules: IndicatorRules): Cmp | null {
  for (const [cmp, words] of Object.entries(rules.cellComparators) as [Cmp, string[]][]) {
    if (words.some((w) => text.includes(w))) return cmp;
  }
  return null;
}

function unitColumnOf(table: Table): number {
  return table.columns.findIndex((c) => c.kind === 'unit' || c.path.some((p) => /^单位$|计量单位/.test(p.trim())));
}

/**
 * Targets and outcomes of a table with plan/outcome columns (附表: 2021年计划 | 2021年完成 …). What the tables
 * extractor says of a cell (measure, unit, comparator) comes first; else a row whose unit is % holds levels of a
 * rate (失业率) in every column, a column headed 增长率 holds growth rates in %, and the others levels in the row's unit.
 */
export function tableObservations(table: Table, file: string, rules: IndicatorRules): Found[] {
  const unitColumn = unitColumnOf(table);
  const out: Found[] = [];
  table.rows.forEach((row, r) => {
    if (!row.label) return;
    const rowUnit = row.cells.find((c) => c.column === unitColumn)?.text.trim() || null;
    for (const cell of row.cells) {
      const col = table.columns[cell.column];
      if (!col || cell.value === null || cell.merged || cell.column === unitColumn || (col.kind && col.kind !== 'data')) continue;
      const kind = roleOf(col, rules);
      const year = yearOf(col);
      if (!kind || year === null) continue;
      const growth = cell.measure ? cell.measure === 'growth' : rowUnit !== '%' && col.path.some((p) => rules.growthHeaders.some((w) => p.includes(w)));
      const unit = cell.unit ?? (growth ? '%' : (rowUnit ?? col.unit ?? table.unit ?? ''));
      const value = growth ? Math.abs(cell.value) : cell.value;
      out.push({
        kind, file, origin: 'table', ref: `${table.id}:r${r + 1}:c${cell.column + 1}`, year, period: null, phrase: row.label,
        measure: growth ? 'growth' : 'level', direction: growth ? (cell.value < 0 ? 'down' : 'up') : null,
        comparator: cell.comparator ?? comparatorIn(cell.text, rules), value, range: null, unit,
        normalized: foldUnit(value, unit), text: cell.text, span: cell.span,
      });
    }
  });
  return out;
}
