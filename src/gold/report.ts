import { basename } from 'node:path';
import type { Result } from '../schema.js';
import { loadGoldDir, type GoldEntry } from './load.js';
import { accuracy, addCounts, addTally, counts, f1, precision, recall, tally, type Counts } from './metrics.js';
import { QUANTITY_FIELDS, quantityScore } from './quantities.js';
import { META_FIELDS, scoreFile, TASK_FIELDS, type FileScore } from './score.js';

/** One input scored against its gold file. */
export interface GoldFileReport {
  /** The input as given on the command line. */
  input: string;
  /** The gold file it was scored against. */
  gold: string;
  score: FileScore;
}

export interface GoldReport {
  files: GoldFileReport[];
  /** Micro-averaged: the counts of every file added up, then divided. */
  total: FileScore;
  /** Gold files whose input was not among the files checked. */
  unused: string[];
}

function emptyScore(): FileScore {
  return {
    headings: { match: counts(), depth: tally() },
    quantities: quantityScore(),
    tasks: { match: counts(), lead: tally(), responsible: tally(), cooperating: tally() },
    meta: Object.fromEntries(META_FIELDS.map((f) => [f, tally()])) as FileScore['meta'],
    notes: [],
    warnings: [],
  };
}

export function totalOf(scores: FileScore[]): FileScore {
  const total = emptyScore();
  for (const s of scores) {
    addCounts(total.headings.match, s.headings.match);
    addTally(total.headings.depth, s.headings.depth);
    addCounts(total.quantities.match, s.quantities.match);
    for (const f of QUANTITY_FIELDS) addTally(total.quantities.fields[f], s.quantities.fields[f]);
    addTally(total.quantities.indicatorOverlap, s.quantities.indicatorOverlap);
    addCounts(total.tasks.match, s.tasks.match);
    for (const f of TASK_FIELDS) addTally(total.tasks[f], s.tasks[f]);
    for (const f of META_FIELDS) addTally(total.meta[f], s.meta[f]);
  }
  return total;
}

function prf(prefix: string, c: Counts): [string, number | null][] {
  return [[`${prefix}.precision`, precision(c)], [`${prefix}.recall`, recall(c)], [`${prefix}.f1`, f1(c)]];
}

/** Every score by name (`quantities.f1`, `tasks.lead`, `meta.date`, …); `null` where there was nothing to score. */
export function metrics(score: FileScore): Record<string, number | null> {
  return Object.fromEntries([
    ...prf('headings', score.headings.match),
    ['headings.depth', accuracy(score.headings.depth)],
    ...prf('quantities', score.quantities.match),
    ...QUANTITY_FIELDS.map((f) => [`quantities.${f}`, accuracy(score.quantities.fields[f])]),
    ['quantities.indicator-overlap', accuracy(score.quantities.indicatorOverlap)],
    ...prf('tasks', score.tasks.match),
    ...TASK_FIELDS.map((f) => [`tasks.${f}`, accuracy(score.tasks[f])]),
    ...META_FIELDS.map((f) => [`meta.${f}`, accuracy(score.meta[f])]),
  ]);
}

/** The names `metrics()` gives, for validating `--min` and listing them in help. */
export const METRIC_NAMES: readonly string[] = Object.keys(metrics(emptyScore()));

/** An extraction to score: its result and the decoded text its offsets point into. */
export interface Scorable {
  path: string;
  text: string;
  result: Result;
}

/**
 * Score extractions against a directory of gold files (or gold files already loaded by `loadGoldDir`), matching
 * each to the gold file whose `file:` names its basename; extractions without a gold file are left out.
 */
export function scoreGold(items: readonly Scorable[], gold: string | Map<string, GoldEntry>): GoldReport {
  const golds = typeof gold === 'string' ? loadGoldDir(gold) : gold;
  const files: GoldFileReport[] = [];
  for (const item of items) {
    const entry = golds.get(basename(item.path));
    if (entry) files.push({ input: item.path, gold: entry.path, score: scoreFile(entry.gold, item.text, item.result) });
  }
  const used = new Set(files.map((f) => f.gold));
  const unused = [...golds.values()].map((g) => g.path).filter((p) => !used.has(p));
  return { files, total: totalOf(files.map((f) => f.score)), unused };
}
