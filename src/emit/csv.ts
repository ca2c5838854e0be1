import type { Organization, Quantity, Result, Task } from '../schema.js';

/**
 * CSV for spreadsheets: UTF-8 with a BOM (without it Excel reads Chinese as mojibake), RFC 4180 quoting and CRLF
 * row ends. Organisation lists in the tasks table are joined with ASCII `;`: `、` may occur inside a unit's
 * parentheses (区委组织部(区人才办、区编办)) and Chinese text writes the full-width `；`, so `;` splits back cleanly.
 */
export type CsvTable = 'quantities' | 'tasks' | 'organizations';
export const CSV_TABLES: readonly CsvTable[] = ['quantities', 'tasks', 'organizations'];
export const LIST_SEPARATOR = ';';

type Cell = string | number | null;
type Row = Record<string, Cell>;

const BOM = '\uFEFF';
const QUANTITY_COLUMNS = ['file', 'id', 'section', 'task', 'indicator', 'comparator', 'value', 'range_min', 'range_max', 'unit', 'normalized_value', 'normalized_unit', 'base_value', 'base_unit', 'measure', 'direction', 'kind', 'year', 'period_from', 'period_to', 'core', 'text', 'line', 'rule'] as const;
const TASK_COLUMNS = ['file', 'id', 'section', 'marker', 'title', 'lead', 'responsible', 'cooperating', 'quantities', 'text', 'line', 'rule'] as const;
const ORGANIZATION_COLUMNS = ['file', 'name', 'aliases', 'lead', 'responsible', 'cooperating', 'tasks', 'mentions'] as const;

/** A field starting like a formula (=, +, -, @) would be run by a spreadsheet: the text is untrusted, so defuse it. */
function defuse(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvField(cell: Cell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? String(cell) : defuse(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: readonly Cell[]): string => `${cells.map(csvField).join(',')}\r\n`;

/** `二、2022年度重点工作 > (一)…`: the headings from the top of the tree down to the section. */
export function sectionPaths(result: Result): Map<string, string> {
  const byId = new Map(result.sections.map((s) => [s.id, s]));
  const paths = new Map<string, string>();
  for (const s of result.sections) {
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let at: typeof s | undefined = s; at && !seen.has(at.id); at = at.parent ? byId.get(at.parent) : undefined) {
      seen.add(at.id);
      chain.unshift(at.heading.replace(/\s+/g, ' ').trim());
    }
    paths.set(s.id, chain.join(' > '));
  }
  return paths;
}

function quantityRows(result: Result): Row[] {
  const paths = sectionPaths(result);
  const markers = new Map(result.tasks.map((t) => [t.id, t.marker ?? t.id]));
  const file = result.source.path ?? '';
  return result.quantities.map((q: Quantity) => ({
    file, id: q.id,
    section: q.section ? paths.get(q.section) ?? q.section : null,
    task: q.task ? markers.get(q.task) ?? q.task : null,
    indicator: q.indicator, comparator: q.comparator,
    value: q.value, range_min: q.range?.[0] ?? null, range_max: q.range?.[1] ?? null,
    unit: q.unit, normalized_value: q.normalized.value, normalized_unit: q.normalized.unit,
    base_value: q.normalized.base?.value ?? null, base_unit: q.normalized.base?.unit ?? null,
    measure: q.measure, direction: q.direction, kind: q.kind, year: q.year,
    period_from: q.period?.[0] ?? null, period_to: q.period?.[1] ?? null,
    core: q.core.text, text: q.text, line: q.span.line, rule: q.rule,
  }));
}

function taskRows(result: Result): Row[] {
  const paths = sectionPaths(result);
  const file = result.source.path ?? '';
  const list = (names: string[]) => names.join(LIST_SEPARATOR);
  return result.tasks.map((t: Task) => ({
    file, id: t.id, section: t.section ? paths.get(t.section) ?? t.section : null,
    marker: t.marker, title: t.title, lead: list(t.lead), responsible: list(t.responsible), cooperating: list(t.cooperating),
    quantities: list(t.quantities), text: t.text, line: t.span.line, rule: t.rule,
  }));
}

/**
 * One row per organisation: how many tasks it leads, is responsible for, cooperates on, and in all. Generic entries
 * (各有关单位, X等单位) name no one unit, so they have no row here (they stay in the JSON, marked `generic`).
 */
function organizationRows(result: Result): Row[] {
  const file = result.source.path ?? '';
  return result.organizations.filter((o) => !o.generic).map((o: Organization) => ({
    file, name: o.name, aliases: o.aliases.join(LIST_SEPARATOR),
    lead: o.roles.lead.length, responsible: o.roles.responsible.length, cooperating: o.roles.cooperating.length,
    tasks: new Set([...o.roles.lead, ...o.roles.responsible, ...o.roles.cooperating]).size, mentions: o.mentions.length,
  }));
}

const TABLES = {
  quantities: { columns: QUANTITY_COLUMNS, rows: quantityRows },
  tasks: { columns: TASK_COLUMNS, rows: taskRows },
  organizations: { columns: ORGANIZATION_COLUMNS, rows: organizationRows },
} as const;

/** The columns of each table, in order (documented in docs/csv.md). */
export const CSV_COLUMNS: Readonly<Record<CsvTable, readonly string[]>> = {
  quantities: QUANTITY_COLUMNS,
  tasks: TASK_COLUMNS,
  organizations: ORGANIZATION_COLUMNS,
};

/** One CSV, one header, the rows of one document or of every document in order (for `extract a.txt b.txt -f csv`). */
export function csvOf(results: Result | readonly Result[], table: CsvTable = 'quantities'): string {
  const { columns, rows } = TABLES[table];
  const all: readonly Result[] = Array.isArray(results) ? results : [results as Result];
  const body = all.flatMap((r) => rows(r).map((row) => line(columns.map((c) => row[c] ?? null))));
  return BOM + line(columns) + body.join('');
}

/** The `csv` format: one row per quantity. */
export const csv = (result: Result): string => csvOf([result], 'quantities');

/** One row per task, with its lead, responsible and cooperating units. */
export const tasksCsv = (result: Result): string => csvOf([result], 'tasks');

/** One row per organisation (generic entries left out), with its task counts by role. */
export const organizationsCsv = (result: Result): string => csvOf([result], 'organizations');
