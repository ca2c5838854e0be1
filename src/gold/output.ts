import type { CheckReport, FileOutcome } from './check.js';
import { formatGold } from './format.js';
import { metrics } from './report.js';
import type { Shortfall } from './thresholds.js';

function formatDifference(f: FileOutcome): string {
  const d = f.difference!;
  const more = d.total > d.lines.length ? [`… and ${d.total - d.lines.length} more`] : [];
  const count = `${d.total} difference${d.total === 1 ? '' : 's'}`;
  return `${f.path}: differs from ${d.expected} (${count}):\n${[...d.lines, ...more].map((l) => `  ${l}`).join('\n')}\n`;
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
