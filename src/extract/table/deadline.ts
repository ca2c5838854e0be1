import type { Range } from '../../document.js';
import type { Table } from '../../schema.js';

/** A table row with the year of its deadline cell. */
export interface RowYear extends Range {
  year: number;
}

/**
 * The rows of tables that have a deadline cell (2024年底前, 2024年12月底: rules/tables.yaml `deadline`, matched whole),
 * with its year, in document order: the year the row's figures are for when nothing nearer names one.
 */
export function rowYears(tables: readonly Table[], deadline: RegExp | null): RowYear[] {
  const out: RowYear[] = [];
  if (!deadline) return out;
  for (const t of tables) {
    for (const row of t.rows) {
      for (const c of row.cells) {
        if (c.value !== null) continue;
        const m = deadline.exec(c.text.replace(/\s+/gu, ''));
        if (!m) continue;
        out.push({ start: row.span.start, end: row.span.end, year: Number(m[1]) });
        break;
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * `carried` (each block's carried deadline year, see quantity/context.ts carriedYears) with the year of the table row a
 * block stands in, where the block carries none. Blocks come in document order.
 */
export function withRowYears(carried: (number | null)[], blocks: readonly Range[], rows: readonly RowYear[]): (number | null)[] {
  if (!rows.length) return carried;
  const out = [...carried];
  let k = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    while (k < rows.length && rows[k]!.end <= b.start) k++;
    const row = rows[k];
    if (row && out[i] === null && b.start >= row.start && b.end <= row.end) out[i] = row.year;
  }
  return out;
}
