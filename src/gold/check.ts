import { readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { run } from '../api.js';
import { assemble } from '../assemble.js';
import { json } from '../emit/json.js';
import { loadRules } from '../rules/load.js';
import type { Rules } from '../rules/schema.js';
import type { Result } from '../schema.js';
import { diffResults, type ResultDiff } from './diff.js';
import { loadGoldDir, type GoldEntry } from './load.js';
import { scoreGold, type GoldReport, type Scorable } from './report.js';
import { failureReason } from '../failure.js';

/** A check that cannot start: a missing directory, inputs that would share one expected or gold file. Exit code 2. */
export class CheckError extends Error {
  readonly exitCode = 2;
  override name = 'CheckError';
}

export interface CheckOptions {
  rules?: Rules;
  /** Directory of expected outputs, `<input basename without extension>.json`. */
  expected?: string;
  /** (Re)write the expected files instead of comparing with them. */
  update?: boolean;
  /** Directory of gold files to score against. */
  gold?: string;
  /** Also report items whose only change is their span (offsets, line, column, mentions). */
  spans?: boolean;
  /** Writes one expected file atomically; needed with `update` (the CLI passes its own). */
  write?: (path: string, data: string) => void;
}

export interface FileOutcome {
  path: string;
  /** Why the file did not parse or its output did not validate. */
  error?: string;
  /** How the output differs from its expected file, item by item; `problem` when the file is missing or not JSON. */
  difference?: Difference;
  /** The expected file written with `update`. */
  updated?: string;
}

export interface Difference extends ResultDiff {
  expected: string;
  problem?: string;
}

export interface CheckReport {
  files: FileOutcome[];
  gold: GoldReport | null;
  /** Some file failed or differed from its expected output. */
  failed: boolean;
}

/** Only `source.path` may differ from an expected file: it records where the input happened to be. */
const IGNORED = ['source.path'];

const expectedName = (input: string) => `${basename(input, extname(input))}.json`;

function extractWithText(path: string, rules: Rules): { text: string; result: Result } | string {
  try {
    const doc = run({ path }, { rules, path });
    return { text: doc.text, result: assemble(doc) };
  } catch (error) {
    return failureReason(error);
  }
}

function compareExpected(file: string, result: Result, spans: boolean): Difference | undefined {
  const problem = (text: string): Difference => ({ expected: file, problem: text, changes: [], common: [], moved: 0, total: 1 });
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return problem('no expected file (run with --update to write it)');
  }
  let expected: unknown;
  try {
    expected = JSON.parse(text);
  } catch (error) {
    return problem(`expected file is not JSON: ${(error as Error).message}`);
  }
  const diff = diffResults(expected, JSON.parse(JSON.stringify(result)), { ignore: IGNORED, spans });
  return diff.total ? { expected: file, ...diff } : undefined;
}

function requireDirectory(dir: string, what: string): void {
  let ok = false;
  try {
    ok = statSync(dir).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new CheckError(`${dir}: cannot read ${what} directory (missing or not a directory)`);
}

/** Two inputs that would share one expected or gold file make the comparison meaningless. */
function requireDistinct(paths: string[], key: (p: string) => string, what: string): void {
  const seen = new Map<string, string>();
  for (const p of paths) {
    const other = seen.get(key(p));
    if (other !== undefined) throw new CheckError(`${other} and ${p} would share the ${what} ${key(p)}`);
    seen.set(key(p), p);
  }
}

/**
 * Extract every file; compare each output with its expected file (or rewrite it) and score the ones that have a
 * gold file. A file that fails is recorded and the rest go on. Throws CheckError or GoldError before any work when
 * a directory or gold file is unusable.
 */
export function check(paths: string[], options: CheckOptions = {}): CheckReport {
  if (options.update && (!options.expected || !options.write)) throw new CheckError('--update needs --expected DIR');
  if (options.expected && !options.update) requireDirectory(options.expected, 'expected-output');
  if (options.expected) requireDistinct(paths, expectedName, 'expected file');
  let golds: Map<string, GoldEntry> | null = null;
  if (options.gold) {
    golds = loadGoldDir(options.gold);
    const withGold = paths.filter((p) => golds!.has(basename(p)));
    requireDistinct(withGold, (p) => basename(p), 'gold file for');
    if (golds.size === 0) throw new CheckError(`${options.gold}: no gold files (*.yaml) in this directory`);
    if (withGold.length === 0) throw new CheckError(`${options.gold}: no gold file names any of the inputs (it has gold for: ${[...golds.keys()].join(', ')})`);
  }
  const rules = options.rules ?? loadRules();
  const files: FileOutcome[] = [];
  // Only inputs that have gold are kept in memory with their text, until they are scored at the end.
  const scorable: Scorable[] = [];
  for (const path of paths) {
    const outcome: FileOutcome = { path };
    files.push(outcome);
    const got = extractWithText(path, rules);
    if (typeof got === 'string') {
      outcome.error = got;
      continue;
    }
    if (options.expected) {
      const file = join(options.expected, expectedName(path));
      if (options.update) {
        options.write!(file, json({ ...got.result, source: { ...got.result.source, path: basename(path) } }));
        outcome.updated = file;
      } else outcome.difference = compareExpected(file, got.result, options.spans ?? false);
    }
    if (golds?.has(basename(path))) scorable.push({ path, ...got });
  }
  const gold = golds ? scoreGold(scorable, golds) : null;
  return { files, gold, failed: files.some((f) => f.error || f.difference) };
}
