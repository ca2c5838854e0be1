import type { Range } from '../../document.js';
import type { Rules } from '../../rules/schema.js';
import { isNumber } from './cells.js';
import type { Line, RawTable } from './layout.js';

type Bars = NonNullable<Rules['tables']['barCells']>;

/** The written lines of one cell: the first and the last (inclusive); null stands for an empty cell (`|` right after `|`). */
interface CellLines {
  first: number;
  last: number;
}

/**
 * Cells separated by lines holding only a bar (rules/tables.yaml barCells), as a page flattened with one cell per
 * block writes a table, often with no header row: `1` / `|` / `一、…` / `|` / task / `|` / units / `|` / person / `|` / …
 * A row opens with the next serial number after a bar; a cell may run over several lines (units one a line); the
 * cell after the last bar is its first line. A group cell (一、…) is written in the first row of its group only: it
 * gets a column of its own, empty in the other rows, and may stand as a heading. At least two rows of `minCells`; a
 * header written the same way right above the first row is its header (headerAbove).
 * `taken` marks lines an earlier table took (1).
 */
export function barCells(lines: Line[], rules: Rules['tables'], taken: Uint8Array): RawTable[] {
  const g = rules.barCells;
  if (!g) return [];
  const out: RawTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    // Most lines are no `1`: a string compare rules them out.
    if (lines[i]!.body !== '1' || taken[i] || lines[i]!.removed) continue;
    const found = tableAt(lines, i, g, taken);
    if (!found) continue;
    out.push(found.table);
    i = found.last;
  }
  return out;
}

function tableAt(lines: Line[], i: number, g: Bars, taken: Uint8Array): { table: RawTable; last: number } | null {
  const usable = (k: number) => k < lines.length && !lines[k]!.removed && !taken[k];
  // A bar alone on its line is furniture to the cleaner (removed): here it is the separator.
  const isBar = (k: number) => k < lines.length && !taken[k] && lines[k]!.body === g.bar;
  const cells: (CellLines | null)[] = [];
  // Where each cell stands when it is empty: the start of the bar line that closes it.
  const empty: number[] = [];
  // Cells since the last one that could open a row (the next serial number): a row has at most maxRowCells.
  let since = 0;
  let n = 1;
  let k = i;
  for (;;) {
    if (since > g.maxRowCells) break;
    let e = k;
    let first = -1;
    let last = -1;
    let written = 0;
    while (usable(e) && !isBar(e) && written <= g.maxCellLines) {
      if (lines[e]!.body) {
        if (first < 0) first = e;
        last = e;
        written++;
      }
      e++;
    }
    if (isBar(e) && written <= g.maxCellLines) {
      if (first >= 0 && first === last && lines[first]!.body === String(n + 1)) [since, n] = [0, n + 1];
      since++;
      cells.push(first < 0 ? null : { first, last });
      empty.push(lines[e]!.start);
      k = e + 1;
      continue;
    }
    // No bar after it: the last cell, its first written line.
    if (first >= 0) {
      cells.push({ first, last: first });
      empty.push(lines[first]!.start);
    }
    break;
  }
  const text = (c: CellLines | null) => (c ? (c.first === c.last ? lines[c.first]!.body : null) : '');
  // Rows: each opens with the next serial number, once the row before has its cells.
  const rows: number[][] = [];
  let row: number[] = [];
  for (let c = 0; c < cells.length; c++) {
    if (c === 0 || (row.length >= g.minCells && text(cells[c] ?? null) === String(rows.length + 2))) {
      if (c > 0) rows.push(row);
      row = [];
    }
    row.push(c);
  }
  if (row.length >= g.minCells) rows.push(row);
  // A row of more cells than any row has is no row: the table ends before it.
  const over = rows.findIndex((r) => r.length > g.maxRowCells);
  if (over >= 0) rows.length = over;
  if (rows.length < 2) return null;
  const range = (c: number): Range => {
    const cell = cells[c];
    return cell ? { start: lines[cell.first]!.start, end: lines[cell.last]!.end } : { start: empty[c]!, end: empty[c]! };
  };
  const isGroup = (c: number | undefined) => {
    const cell = c === undefined ? null : cells[c];
    return !!cell && g.groupCell.test(lines[cell.first]!.body);
  };
  const grouped = rows.some((r) => isGroup(r[1]));
  const headings: Range[] = [];
  let lastGroup = '';
  const tableRows = rows.map((r) => {
    const own = r.map(range);
    let placed = own;
    // A group cell repeated in the rows of its group heads it once.
    const group = isGroup(r[1]) ? lines[cells[r[1]!]!.first]!.body : null;
    if (group !== null && group !== lastGroup) headings.push(own[1]!);
    if (group !== null) lastGroup = group;
    if (grouped && group === null) placed = [own[0]!, { start: own[0]!.end, end: own[0]!.end }, ...own.slice(1)];
    const written = own.filter((x) => x.end > x.start);
    return { span: { start: own[0]!.start, end: written.at(-1)!.end }, cells: placed };
  });
  const lastCell = cells[rows.at(-1)!.filter((c) => cells[c]).at(-1)!]!;
  const header = headerAbove(lines, i, g, taken);
  const at = (k: number): Range => ({ start: lines[k]!.start, end: lines[k]!.end });
  const headerRow = header.length ? [{ span: { start: lines[header[0]!]!.start, end: lines[header.at(-1)!]!.end }, cells: header.map(at) }] : [];
  const table: RawTable = { rule: g.id, first: header[0] ?? i, lines: [...headerRow, ...tableRows], headerCount: headerRow.length, placed: true };
  if (headings.length) table.headings = headings;
  return { table, last: lastCell.last };
}

/**
 * The header cells written the same way right above the first row (序号 / | / 目标任务 / | / 责任单位 / | / 1): short
 * lines, no figures, a bar after each, the first one a serial header (序号). Their line indices, or none.
 */
function headerAbove(lines: Line[], i: number, g: Bars, taken: Uint8Array): number[] {
  const written = (k: number) => {
    while (k >= 0 && !lines[k]!.body && !lines[k]!.removed) k--;
    return k;
  };
  const header: number[] = [];
  for (let h = i; header.length <= g.maxRowCells; ) {
    const bar = written(h - 1);
    if (bar < 0 || taken[bar] || lines[bar]!.body !== g.bar) break;
    const c = written(bar - 1);
    if (c < 0 || taken[c] || lines[c]!.removed || lines[c]!.body === g.bar || lines[c]!.body.length > g.maxHeaderCell || isNumber(lines[c]!.body)) break;
    header.unshift(c);
    h = c;
  }
  // The header opens with the serial column's header: cut what stands above it.
  const opens = header.findIndex((k) => g.serialHeaders.includes(lines[k]!.body.replace(/\s+/gu, '')));
  return opens >= 0 && header.length - opens >= g.minCells ? header.slice(opens) : [];
}
