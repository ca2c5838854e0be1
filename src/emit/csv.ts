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
/** A row: one cell per column, in the columns' order (a tuple of their number, so none is missing or extra). */
type Row<Columns extends readonly string[]> = { -readonly [K in keyof Columns]: Cell };

const BOM = '\uFEFF';
const QUANTITY_COLUMNS = ['file', 'id', 'section', 'task', 'indicator', 'comparator', 'value', 'range_min', 'range_max', 'unit', 'normalized_value', 'normalized_unit', 'base_value', 'base_unit', 'measure', 'direction', 'kind', 'year', 'period_from', 'period_to', 'core', 'text', 'line', 'rule'] as const;
const TASK_COLUMNS = ['file', 'id', 'section', 'marker', 'title', 'lead', 'responsible', 'cooperating', 'quantities', 'text', 'line', 'rule'] as const;
const ORGANIZATION_COLUMNS = ['file', 'name', 'aliases', 'lead', 'responsible', 'cooperating', 'tasks', 'mentions'] as const;

/** A field starting like a formula (=, +, -, @) would be run by a spreadsheet: the text is untrusted, so defuse it. */
const FORMULA = /^[=+\-@\t\r]/;
/** What a field must be quoted for. */
const QUOTE = /[",\r\n]/;
/** Either: most text has neither, and is then written as it is after one test. */
const FORMULA_OR_QUOTE = /^[=+\-@\t\r]|[",\r\n]/;

export function csvField(cell: Cell): string {
  if (cell === null) return '';
  // A number is never defused (-3 stays a number) and holds nothing to quote.
  if (typeof cell === 'number') return String(cell);
  if (!FORMULA_OR_QUOTE.test(cell)) return cell;
  const text = FORMULA.test(cell) ? `'${cell}` : cell;
  return QUOTE.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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

// Each row below lists its cells in the order of its table's columns, named alongside.
function quantityRows(result: Result): Row<typeof QUANTITY_COLUMNS>[] {
  const paths = sectionPaths(result);
  const markers = new Map(result.tasks.map((t) => [t.id, t.marker ?? t.id]));
  const file = result.source.path ?? '';
  return result.quantities.map((q: Quantity) => [
    /* file, id */ file, q.id,
    /* section */ q.section ? paths.get(q.section) ?? q.section : null,
    /* task */ q.task ? markers.get(q.task) ?? q.task : null,
    /* indicator, comparator */ q.indicator, q.comparator,
    /* value, range_min, range_max */ q.value, q.range?.[0] ?? null, q.range?.[1] ?? null,
    /* unit, normalized_value, normalized_unit */ q.unit, q.normalized.value, q.normalized.unit,
    /* base_value, base_unit */ q.normalized.base?.value ?? null, q.normalized.base?.unit ?? null,
    /* measure, direction, kind, year */ q.measure, q.direction, q.kind, q.year,
    /* period_from, period_to */ q.period?.[0] ?? null, q.period?.[1] ?? null,
    /* core, text, line, rule */ q.core.text, q.text, q.span.line, q.rule,
  ]);
}

function taskRows(result: Result): Row<typeof TASK_COLUMNS>[] {
  const paths = sectionPaths(result);
  const file = result.source.path ?? '';
  const list = (names: string[]) => names.join(LIST_SEPARATOR);
  return result.tasks.map((t: Task) => [
    /* file, id, section */ file, t.id, t.section ? paths.get(t.section) ?? t.section : null,
    /* marker, title */ t.marker, t.title,
    /* lead, responsible, cooperating */ list(t.lead), list(t.responsible), list(t.cooperating),
    /* quantities, text, line, rule */ list(t.quantities), t.text, t.span.line, t.rule,
  ]);
}

/**
 * One row per organisation: how many tasks it leads, is responsible for, cooperates on, and in all. Generic entries
 * (各有关单位, X等单位) name no one unit, so they have no row here (they stay in the JSON, marked `generic`).
 */
function organizationRows(result: Result): Row<typeof ORGANIZATION_COLUMNS>[] {
  const file = result.source.path ?? '';
  return result.organizations.filter((o) => !o.generic).map((o: Organization) => [
    /* file, name, aliases */ file, o.name, o.aliases.join(LIST_SEPARATOR),
    /* lead, responsible, cooperating */ o.roles.lead.length, o.roles.responsible.length, o.roles.cooperating.length,
    /* tasks */ new Set([...o.roles.lead, ...o.roles.responsible, ...o.roles.cooperating]).size,
    /* mentions */ o.mentions.length,
  ]);
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
  const body = all.flatMap((r) => rows(r).map(line));
  return BOM + line(columns) + body.join('');
}

/** The `csv` format: one row per quantity. */
export const csv = (result: Result): string => csvOf([result], 'quantities');

/** One row per task, with its lead, responsible and cooperating units. */
export const tasksCsv = (result: Result): string => csvOf([result], 'tasks');

/** One row per organisation (generic entries left out), with its task counts by role. */
export const organizationsCsv = (result: Result): string => csvOf([result], 'organizations');
