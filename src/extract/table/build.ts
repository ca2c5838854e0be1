import type { Doc, DraftMessage, Range } from '../../document.js';
import type { Rules } from '../../rules/schema.js';
import type { Cell, Column, Table } from '../../schema.js';
import { spanOf, textSpan } from '../../span.js';
import { columnOf, isLevelLabel, isNumber, isYear, parseCell } from './cells.js';
import { headerPaths } from './header.js';
import type { RawTable } from './layout.js';

/** What stands above the table lines: `附表1`, the caption, a `单位:亿元` line. */
export interface Preamble {
  start: number;
  label: string | null;
  title: string | null;
  unit: string | null;
}

type Slot = { range: Range; merged: boolean } | null;

const RATE_UNIT = /^(%|‰|个?百分点)$/u;
const MARKDOWN_RULE = /^:?-{3,}:?$/u;

function trimTrailing(cells: Range[]): Range[] {
  let n = cells.length;
  while (n > 0 && cells[n - 1]!.end === cells[n - 1]!.start) n--;
  return cells.slice(0, n);
}

/**
 * Place a short row's cells. A flat copy drops cells merged with the row above (`与经济增长基本同步` spanning two
 * rows); when exactly as many cells are missing as the row above has text cells, those columns are the merged ones.
 */
function place(cells: Range[], prev: Slot[] | null, columns: Column[], doc: Pick<Doc, 'view'>, rules: Rules['tables']): { slots: Slot[]; short: boolean } {
  const n = columns.length;
  const direct = (): Slot[] => Array.from({ length: n }, (_, j) => (cells[j] ? { range: cells[j]!, merged: false } : null));
  if (cells.length >= n || !prev) return { slots: direct(), short: cells.length < n && cells.length > 0 && !!prev };
  const wordy = (slot: Slot) => {
    const text = slot ? doc.view.slice(slot.range.start, slot.range.end) : '';
    return !!text && parseCell(text).value === null && !rules.placeholders.includes(text);
  };
  const merged = columns.flatMap((c, j) => (c.kind === 'data' && wordy(prev[j]!) ? [j] : []));
  if (merged.length !== n - cells.length) return { slots: direct(), short: true };
  const rest = [...cells];
  return { slots: columns.map((_, j) => (merged.includes(j) ? { range: prev[j]!.range, merged: true } : rest.length ? { range: rest.shift()!, merged: false } : null)), short: false };
}

function cellOf(doc: Pick<Doc, 'view' | 'text' | 'lineStarts'>, slot: NonNullable<Slot>, j: number, col: Column, rowUnit: string | null, tableUnit: string | null, rules: Rules['tables']): Cell {
  const { text, span } = textSpan(doc, slot.range.start, slot.range.end);
  const parsed = parseCell(doc.view.slice(slot.range.start, slot.range.end), rules);
  if (col.kind !== 'data') return { column: j, text, span, value: col.kind === 'index' ? parsed.value : null, comparator: null, unit: null, measure: null, merged: slot.merged };
  // A rate (unit %) under a growth header is the rate's level: its change would be written in 百分点.
  const rateRow = !!rowUnit && RATE_UNIT.test(rowUnit);
  const measure = col.measure === 'growth' && !rateRow ? 'growth' : 'level';
  const unit = parsed.unit ?? (measure === 'growth' ? col.unit : rateRow ? rowUnit : (col.unit ?? rowUnit ?? tableUnit));
  return { column: j, text, span, value: parsed.value, comparator: parsed.value === null ? null : parsed.comparator, unit, measure, merged: slot.merged };
}

/**
 * A one-line header writes the group once: 2023年完成 | 增长 | 2024年目标 | 增长. A data column that names only a
 * measure (no year, no plan/actual) belongs to the column before it, and takes its year and role.
 */
function inheritGroups(columns: Column[]): Column[] {
  return columns.map((c, j) => {
    const before = columns[j - 1];
    if (c.kind !== 'data' || !c.measure || c.year !== null || c.role !== null || !before || before.kind !== 'data') return c;
    return before.year === null && before.role === null ? c : { ...c, year: before.year, role: before.role };
  });
}

/** A found run of lines → the output table, with header paths, column meanings and parsed cells. */
export function buildTable(doc: Pick<Doc, 'view' | 'text' | 'lineStarts'>, raw: RawTable, pre: Preamble, id: string, section: string | null, rules: Rules['tables']): { table: Table; messages: DraftMessage[] } {
  const textOf = (r: Range) => doc.view.slice(r.start, r.end);
  const lines = raw.lines.filter((l) => !l.cells.every((c) => MARKDOWN_RULE.test(textOf(c)) || !textOf(c))).map((l) => ({ ...l, cells: trimTrailing(l.cells) }));
  const headerLike = (l: (typeof lines)[number]) => l.cells.every((c) => !isNumber(textOf(c)) || isYear(textOf(c)));
  let headerCount = raw.headerCount ?? 0;
  if (raw.headerCount === null) {
    while (headerCount < Math.min(3, lines.length - 1) && headerLike(lines[headerCount]!)) headerCount++;
    if (headerCount === lines.length - 1 && lines.every(headerLike)) headerCount = 1;
  }
  const n = Math.max(...lines.map((l) => l.cells.length));
  const header = headerPaths(lines.slice(0, headerCount).map((l) => l.cells.map(textOf)), n, (s) => isLevelLabel(s, rules));
  const columns = inheritGroups(header.paths.map((p) => columnOf(p, rules)));
  const messages: DraftMessage[] = [];
  const end = lines.at(-1)!.span.end;
  if (header.guessed) messages.push({ severity: 'info', code: 'table.header-guessed', message: `table ${id}: the grouping of its header lines was guessed`, range: { start: lines[0]!.span.start, end: lines[headerCount - 1]!.span.end } });
  let prev: Slot[] | null = null;
  const rows: Table['rows'] = [];
  for (const line of lines.slice(headerCount)) {
    const { slots, short } = place(line.cells, raw.placed ? null : prev, columns, doc, rules);
    // A layout that knows which cells are another row's (merged.ts) says so.
    line.merged?.forEach((m, j) => { if (m && slots[j]) slots[j] = { ...slots[j]!, merged: true }; });
    if (short) messages.push({ severity: 'info', code: 'table.short-row', message: `table ${id}: a row has fewer cells than columns; cells were placed from the left`, range: line.span });
    const unitAt = columns.findIndex((c, j) => c.kind === 'unit' && slots[j]);
    const rowUnit = unitAt >= 0 ? textOf(slots[unitAt]!.range) || null : null;
    const cells = slots.flatMap((s, j) => (s && s.range.end > s.range.start ? [cellOf(doc, s, j, columns[j]!, rowUnit, pre.unit, rules)] : []));
    // With a group column beside the name (类别 | 指标), the name is the row's label: the last label cell written.
    let labelAt = -1;
    columns.forEach((c, j) => { if (c.kind === 'label' && slots[j] && slots[j]!.range.end > slots[j]!.range.start) labelAt = j; });
    const label = labelAt >= 0 ? doc.text.slice(slots[labelAt]!.range.start, slots[labelAt]!.range.end) : (cells.find((c) => columns[c.column]!.kind !== 'index' && c.value === null && !c.merged)?.text ?? null);
    rows.push({ label, span: spanOf(doc, line.span.start, line.span.end), cells });
    prev = slots;
  }
  const whole = textSpan(doc, pre.start, end);
  return { table: { id, section, label: pre.label, title: pre.title, unit: pre.unit, ...whole, columns, rows, rule: raw.rule }, messages };
}
