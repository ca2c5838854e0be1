import { existsSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** One input file and where its output goes (null: the combined jsonl stream). */
export interface Job {
  id: number;
  /** The path as discovered (relative to cwd when the pattern was); recorded as `source.path`. */
  input: string;
  abs: string;
  bytes: number;
  output: string | null;
  /** Set when the job cannot run (its output would overwrite another's); reported as a failure. */
  conflict?: string;
}

const GLOB_CHARS = /[*?[\]{}()!]/;

export function isGlob(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

/** The fixed directory a pattern starts from: a directory itself, a file's folder, or a glob's leading static part. */
export function patternBase(pattern: string, cwd: string): string {
  const abs = resolve(cwd, pattern);
  // An existing path is literal even when it looks like a glob (report(1).txt), as discovery takes it.
  if (existsSync(abs)) return statSync(abs).isDirectory() ? abs : dirname(abs);
  if (!isGlob(pattern)) return dirname(abs);
  const parts = pattern.split('/');
  const fixed = parts.slice(0, parts.findIndex((p) => isGlob(p)));
  return resolve(cwd, fixed.join('/') || '.');
}

/** The deepest directory that contains every one of `dirs` (all absolute). */
export function commonBase(dirs: string[]): string {
  if (dirs.length === 0) return sep;
  const split = dirs.map((d) => d.split(sep));
  const first = split[0]!;
  let n = 0;
  while (n < first.length && split.every((s) => s[n] === first[n])) n++;
  return first.slice(0, n).join(sep) || sep;
}

/**
 * Where an input's output goes: its path relative to `base`, mirrored under `outDir` with the format's extension.
 * Null when that would leave `outDir` (an input outside the base), so nothing is ever written outside it.
 */
export function outputPath(abs: string, base: string, outDir: string, format: string): string | null {
  const rel = relative(base, abs);
  if (rel === '' || rel.split(sep).includes('..') || isAbsolute(rel)) return null;
  const out = join(outDir, rel.slice(0, rel.length - extname(rel).length) + `.${format}`);
  const back = relative(outDir, out);
  return back.startsWith('..') || isAbsolute(back) ? null : out;
}

export interface PlanOptions {
  cwd: string;
  /** Absolute output directory, or null when every document goes into one stream. */
  outDir: string | null;
  format: string;
  skipExisting: boolean;
}

/** Turn discovered paths into jobs; earlier outputs in the out-dir are never taken as inputs. */
export function plan(patterns: string[], found: string[], options: PlanOptions): { jobs: Job[]; skipped: number } {
  const { cwd, outDir, format } = options;
  const base = commonBase(patterns.filter((p) => !p.startsWith('!')).map((p) => patternBase(p, cwd)));
  const jobs: Job[] = [];
  const owners = new Map<string, string>();
  let skipped = 0;
  for (const input of found) {
    const abs = resolve(cwd, input);
    if (outDir && (abs + sep).startsWith(outDir + sep)) continue;
    const output = outDir ? outputPath(abs, base, outDir, format) : null;
    let conflict: string | undefined;
    if (outDir && !output) conflict = `cannot place the output inside ${outDir} (the input is outside ${base})`;
    else if (output && owners.has(output)) conflict = `its output ${output} is already the output of ${owners.get(output)}`;
    if (output && !conflict) owners.set(output, input);
    if (output && !conflict && options.skipExisting && existsSync(output)) {
      skipped++;
      continue;
    }
    jobs.push({ id: jobs.length, input, abs, bytes: sizeOf(abs), output, conflict });
  }
  return { jobs, skipped };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

