import { basename } from 'node:path';
import { accuracy, f1, precision, recall, type Counts, type Tally } from './metrics.js';
import type { GoldReport } from './report.js';
import { META_FIELDS, TASK_FIELDS, type FileScore } from './score.js';
import type { Shortfall } from './thresholds.js';

type Cell = string | number | null;

/** Display width: CJK and full-width characters take two columns in a terminal. */
const width = (s: string) => [...s].reduce((n, c) => n + (c.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
const num = (v: number | null) => (v === null ? '-' : v.toFixed(3));

function table(title: string, head: string[], rows: Cell[][]): string {
  const cells = [[title, ...head], ...rows.map((r) => r.map((c) => (typeof c === 'number' ? String(c) : (c ?? '-'))))];
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => width(r[i]!))));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c + ' '.repeat(widths[i]! - width(c)) : ' '.repeat(widths[i]! - width(c)) + c)).join('  ').trimEnd();
  return cells.map(line).join('\n');
}

const matchCells = (c: Counts): Cell[] => [c.tp + c.fn, c.tp + c.fp, c.tp, num(precision(c)), num(recall(c)), num(f1(c))];
const MATCH_HEAD = ['gold', 'out', 'tp', 'prec', 'rec', 'f1'];

/** One row per file plus TOTAL, for each kind of item. */
function sections(rows: [string, FileScore][]): string[] {
  const q = rows.map(([name, s]) => {
    const f = s.quantities.fields;
    const acc = (t: Tally) => num(accuracy(t));
    return [name, ...matchCells(s.quantities.match), acc(f.value), acc(f.unit), acc(f.normalized), acc(f.comparator), acc(f.measure),
      acc(f.direction), acc(f.kind), acc(f.year), acc(f.period), acc(f.indicator), acc(s.quantities.indicatorOverlap)];
  });
  const h = rows.map(([name, s]) => [name, ...matchCells(s.headings.match), num(accuracy(s.headings.depth))]);
  const t = rows.map(([name, s]) => [name, ...matchCells(s.tasks.match), ...TASK_FIELDS.map((f) => num(accuracy(s.tasks[f])))]);
  const m = rows.map(([name, s]) => [name, ...META_FIELDS.map((f) => num(accuracy(s.meta[f])))]);
  return [
    table('quantities', [...MATCH_HEAD, 'value', 'unit', 'norm', 'cmp', 'measure', 'dir', 'kind', 'year', 'period', 'ind', 'ind~'], q),
    table('headings', [...MATCH_HEAD, 'depth'], h),
    table('tasks', [...MATCH_HEAD, 'lead', 'resp', 'coop'], t),
    table('meta', [...META_FIELDS], m),
  ];
}

/**
 * The gold scores as plain-text tables. Field columns are accuracies among matched items (`ind~`: one indicator
 * contains the other); `-` means nothing to score. With `details`, every miss and disagreement is listed per file.
 */
export function formatGold(report: GoldReport, options: { shortfalls: Shortfall[]; thresholds: number; details?: boolean }): string {
  const { shortfalls, details = false } = options;
  const rows: [string, FileScore][] = [...report.files.map((f): [string, FileScore] => [basename(f.input), f.score]), ['TOTAL', report.total]];
  const out = [sections(rows).join('\n\n')];
  for (const f of report.files) {
    const lines = [...f.score.warnings.map((w) => `warning: ${w}`), ...(details ? f.score.notes : [])];
    if (lines.length) out.push(`${f.input} (gold ${f.gold}):\n${lines.map((l) => `  ${l}`).join('\n')}`);
  }
  if (report.unused.length) out.push(`gold files with no input checked: ${report.unused.join(', ')}`);
  if (shortfalls.length) out.push(shortfalls.map((s) => `below threshold: ${s.name} ${num(s.value)} < ${num(s.min)} (TOTAL)`).join('\n'));
  else out.push(options.thresholds ? `thresholds: all ${options.thresholds} met (TOTAL)` : 'thresholds: none set');
  return `${out.join('\n\n')}\n`;
}
