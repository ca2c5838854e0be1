import type { CheckReport, FileOutcome } from './check.js';
import type { CommonChange, FieldChange, ItemChange, ResultDiff } from './diff.js';
import { formatGold } from './format.js';
import { metrics } from './report.js';
import type { Shortfall } from './thresholds.js';

/** A value for one line: strings quoted, long ones cut around where the other differs. */
function show(value: unknown, other: unknown): string {
  if (value === undefined) return '(missing)';
  if (typeof value !== 'string' || typeof other !== 'string') {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  }
  const a = [...value];
  const b = [...other];
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const from = Math.max(0, head - 8);
  const to = Math.min(a.length, Math.max(a.length - tail + 8, from + 16));
  const cut = a.slice(from, to).join('');
  return JSON.stringify(`${from > 0 ? '…' : ''}${cut.length > 60 ? `${cut.slice(0, 59)}…` : cut}${to < a.length ? '…' : ''}`);
}

const fieldLine = (f: FieldChange) => `${f.path} ${show(f.expected, f.actual)} → ${show(f.actual, f.expected)}`;
const SIGN = { added: '+', removed: '-', changed: '~' } as const;

/** `~ quantities q12 国内生产总值 2024: value 6.5 → 7`; `+`/`-` for an added or removed item. */
export function changeLine(c: ItemChange): string {
  const name = [c.collection, c.id, c.label].filter(Boolean).join(' ');
  const plain = c.fields.filter((f) => !/(^|\.)(text|heading)$/.test(f.path));
  const texts = c.fields.filter((f) => /(^|\.)(text|heading)$/.test(f.path));
  return `${SIGN[c.change]} ${name}${c.fields.length ? `: ${[...plain, ...texts].map(fieldLine).join('; ')}` : ''}`;
}

/** Every line of a difference, the shared changes first. */
export function differenceLines(d: ResultDiff): string[] {
  const items = (c: CommonChange) => `${c.count} items: ${c.items.slice(0, 3).join(', ')}${c.count > 3 ? ', …' : ''}`;
  return [...d.common.map((c) => `~ ${c.collection} (${items(c)}): ${fieldLine(c)}`), ...d.changes.map(changeLine)];
}

const LIMIT = 40;

function formatDifference(f: FileOutcome): string {
  const d = f.difference!;
  if (d.problem) return `${f.path}: differs from ${d.expected}:\n  ${d.problem}\n`;
  const lines = differenceLines(d);
  const more = lines.length > LIMIT ? [`… and ${lines.length - LIMIT} more`] : [];
  const moved = d.moved ? [`(${d.moved} item${d.moved === 1 ? '' : 's'} only moved: see them with --spans)`] : [];
  const count = `${d.total} difference${d.total === 1 ? '' : 's'}`;
  return `${f.path}: differs from ${d.expected} (${count}):\n${[...lines.slice(0, LIMIT), ...more, ...moved].map((l) => `  ${l}`).join('\n')}\n`;
}

/** The plain-text report: differences, the gold tables, then one summary line. Parse failures go to stderr apart. */
export function formatCheck(report: CheckReport, options: { mins: Record<string, number>; shortfalls: Shortfall[]; details?: boolean }): string {
  const parts = report.files.filter((f) => f.difference).map(formatDifference);
  if (report.gold) parts.push(formatGold(report.gold, { shortfalls: options.shortfalls, thresholds: Object.keys(options.mins).length, details: options.details }));
  const failed = report.files.filter((f) => f.error).length;
  const differ = report.files.filter((f) => f.difference).length;
  const updated = report.files.filter((f) => f.updated).length;
  const summary = [`checked ${report.files.length} file${report.files.length === 1 ? '' : 's'}: ${report.files.length - failed - differ} ok`];
  if (failed) summary.push(`${failed} failed`);
  if (differ) summary.push(`${differ} differ from expected`);
  if (updated) summary.push(`${updated} expected file${updated === 1 ? '' : 's'} written`);
  if (options.shortfalls.length) summary.push(`${options.shortfalls.length} score${options.shortfalls.length === 1 ? '' : 's'} below threshold`);
  parts.push(`${summary.join(', ')}\n`);
  return parts.join('\n');
}

/** The same report for machines: every score by name per file and in total, with the counts behind them. */
export function checkJson(report: CheckReport, mins: Record<string, number>, shortfalls: Shortfall[]): object {
  const gold = report.gold && {
    files: report.gold.files.map((f) => ({ input: f.input, gold: f.gold, scores: metrics(f.score), score: f.score })),
    total: { scores: metrics(report.gold.total), score: { ...report.gold.total, notes: undefined, warnings: undefined } },
    unused: report.gold.unused,
  };
  return { ok: !report.failed && shortfalls.length === 0, files: report.files, gold, thresholds: { min: mins, shortfalls } };
}
