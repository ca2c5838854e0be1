import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Format } from '../emit/index.js';
import { loadRules } from '../rules/load.js';
import { ENCODING_NAMES, encodingName } from '../stages/read.js';
import { discoverAll, type NotRead } from '../util/glob.js';
import { EscapeError, OutputWriter, removeStaleTemps } from '../util/write.js';
import { plan, type Job } from './plan.js';
import { Pool, threadCpuMs, type Reply, type WorkerStats } from './pool.js';
import { BatchError, JsonlSink, prepareOutDir } from './sink.js';

export { BatchError };
export type { WorkerStats };
export { formatProgress, formatStats, formatSummary } from './progress.js';

export interface BatchOptions {
  /** Files, directories (every *.txt below them) and glob patterns. */
  patterns: string[];
  /** Output directory; `-` sends a jsonl stream to `events.write` instead. */
  outDir: string;
  format?: Format;
  /** Worker threads; defaults to the number of cores. */
  jobs?: number;
  /** Leave inputs whose output already exists alone (resumes an interrupted run). */
  skipExisting?: boolean;
  /** Rule directories layered over the built-in rules. */
  rules?: string[];
  encoding?: string;
  /** With a forced encoding that does not fit a file: keep it with a warning instead of failing it. */
  force?: boolean;
  /** Extensions of the report files read inside a directory (`txt` by default). */
  extensions?: string[];
  /** Seconds a file may take before it fails and its worker is replaced (DEFAULT_TIMEOUT_SECONDS); 0: no limit. */
  timeout?: number;
  /** Take only share `index` (from 1) of `count` of the sorted input list (see `shardOf`). */
  shard?: { index: number; count: number };
  cwd?: string;
  /** Aborting finishes the files being processed, skips the rest and resolves with `interrupted: true`. */
  signal?: AbortSignal;
}

export interface FileOutcome {
  path: string;
  bytes: number;
  /** Why the file failed; absent when it succeeded. */
  error?: string;
}

export interface BatchEvents {
  /** Once, after discovery: how much work there is. */
  start?(total: { files: number; bytes: number; skipped: number }): void;
  /** After each file, in completion order. */
  file?(outcome: FileOutcome): void;
  /** The jsonl stream when `outDir` is `-`, in input order. */
  write?(text: string): void;
}

export interface BatchSummary {
  files: number;
  failed: number;
  skipped: number;
  bytes: number;
  seconds: number;
  interrupted: boolean;
  /** What the directories held that was not read: other extensions (counted), entries that are not files (named). */
  notRead: NotRead;
  /** Temporary files of killed runs removed by `skipExisting`. */
  staleRemoved: number;
  /** How each worker thread spent the run (see WorkerStats). */
  workers: WorkerStats[];
  /**
   * CPU seconds of the run: the whole process (the workers, this thread, and V8's helper threads that compile and
   * collect garbage for them) and, on Linux, this thread alone.
   */
  cpu: { processSeconds: number; mainSeconds?: number };
}

export const DEFAULT_TIMEOUT_SECONDS = 60;

/** The buffers outputs are encoded into on their way to the main thread: nearly every report's JSON fits (0.5 MB at most on the real reports). */
const SPARE_BYTES = 1 << 20;

/**
 * Share `index` of `count` (1 ≤ index ≤ count) of a sorted list: a contiguous run, so every machine of a split run
 * takes a fixed, disjoint part, the parts together are the whole list, and their jsonl outputs concatenated in
 * shard order are the unsharded output.
 */
export function shardOf<T>(list: readonly T[], index: number, count: number): T[] {
  return list.slice(Math.floor(((index - 1) * list.length) / count), Math.floor((index * list.length) / count));
}

/**
 * Extract every matched file on worker threads and write one output per input (or one jsonl stream). Results are
 * never collected: each is written as it comes, and at most a few jobs per worker are in flight, so memory stays
 * flat however many files there are. Throws BatchError (exit code 2) for usage and output-directory problems.
 */
export async function batch(options: BatchOptions, events: BatchEvents = {}): Promise<BatchSummary> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const mainStarted = threadCpuMs();
  const format = options.format ?? 'json';
  const cwd = options.cwd ?? process.cwd();
  const outDir = prepareOutDir(options.outDir, format, cwd, Boolean(options.skipExisting));
  if (options.encoding && !encodingName(options.encoding)) throw new BatchError(`unknown encoding "${options.encoding}", expected one of: ${ENCODING_NAMES}`);
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_SECONDS;
  if (!(timeout >= 0 && Number.isFinite(timeout))) throw new BatchError(`--timeout expects a number of seconds (0 for no limit), got "${options.timeout}"`);
  if (options.shard && !(Number.isInteger(options.shard.index) && Number.isInteger(options.shard.count) && options.shard.index >= 1 && options.shard.index <= options.shard.count)) {
    throw new BatchError(`--shard expects K/N with 1 <= K <= N, got ${options.shard.index}/${options.shard.count}`);
  }
  const rulesDirs = (options.rules ?? []).map((dir) => resolve(cwd, dir));
  loadRules(rulesDirs); // a bad or unsafe rule file fails here, once, rather than in every worker
  const stream = format === 'jsonl';
  // The threads start now and load while the inputs are found and planned (a run with fewer files stops the rest).
  const pool = new Pool(Math.max(1, options.jobs ?? availableParallelism()), { format, rulesDirs, encoding: options.encoding, force: options.force, text: outDir === '-' }, { timeoutMs: timeout * 1000, spareBytes: stream ? 0 : SPARE_BYTES });
  let running = false;
  let sink: JsonlSink | null = null;
  let summary: BatchSummary;
  try {
    const discovered = await discoverAll(options.patterns, { cwd, extensions: options.extensions, exclude: stream || outDir === '-' ? undefined : outDir });
    const found = options.shard ? shardOf(discovered.files, options.shard.index, options.shard.count) : discovered.files;
    const staleRemoved = options.skipExisting && !stream ? removeStaleTemps(outDir).length : 0;
    const { jobs, skipped } = plan(options.patterns, found, { cwd, outDir: stream ? null : outDir, format, skipExisting: Boolean(options.skipExisting) });
    // An empty share of a split run is no error: there were more machines than files.
    if (jobs.length === 0 && skipped === 0 && !(options.shard && discovered.files.length > 0)) throw new BatchError(`no input files matched: ${options.patterns.join(' ')}${describeNotRead(discovered.notRead)}`);
    summary = { files: 0, failed: 0, skipped, bytes: 0, seconds: 0, interrupted: false, notRead: discovered.notRead, staleRemoved, workers: [], cpu: { processSeconds: 0 } };
    const report = (outcome: FileOutcome) => {
      summary.files++;
      summary.bytes += outcome.bytes;
      if (outcome.error !== undefined) summary.failed++;
      events.file?.(outcome);
    };
    events.start?.({ files: jobs.length, bytes: jobs.reduce((n, j) => n + j.bytes, 0), skipped });
    sink = stream ? new JsonlSink(outDir, events.write) : null;
    if (jobs.length > 0) {
      pool.shrink(jobs.length);
      running = true; // runJobs closes the pool
      summary.interrupted = await runJobs(jobs, pool, sink ?? new OutputWriter(outDir), report, options.signal);
    }
    if (!summary.interrupted) sink?.commit();
  } finally {
    sink?.discard();
    if (!running) await pool.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  summary.workers = pool.stats();
  const cpu = process.cpuUsage(cpuStarted);
  const main = threadCpuMs();
  summary.cpu = { processSeconds: (cpu.user + cpu.system) / 1e6, mainSeconds: main === undefined || mainStarted === undefined ? undefined : (main - mainStarted) / 1000 };
  return summary;
}

/** ` (not read: 2 .md, 1 .html; use --ext)` for a run that found nothing it reads. */
function describeNotRead(notRead: NotRead): string {
  const counts = Object.entries(notRead.byExtension).map(([ext, n]) => `${n} ${ext}`);
  return counts.length ? ` (not read: ${counts.join(', ')}; choose extensions with --ext)` : '';
}

/**
 * Write one output: the worker made its bytes, the main thread writes them (atomically, see OutputWriter), so the
 * workers never wait on the file system while the main thread, otherwise idle, does. Returns why it failed.
 */
function writeOutput(writer: OutputWriter, job: Job, reply: Reply): string | undefined {
  if (reply.status !== 'ok' || !job.output || !reply.output) return undefined;
  try {
    writer.write(job.output, reply.output);
    return undefined;
  } catch (error) {
    const why = error instanceof EscapeError ? error.message : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
    return `cannot write ${job.output}: ${why}`;
  }
}

/**
 * The order jobs are handed out in: the large inputs first (largest first), the rest in input order. A file large
 * against a worker's share of the run, started last, would keep one worker busy long after the others ran out of
 * work. The others keep their order: V8 tunes the workers' code to the inputs they see first, and a run sorted by
 * size would show it many alike files in a row (copies, one series), then change, where input order mixes them.
 * (The jsonl stream keeps input order throughout: its lines leave in that order and only a bounded window waits.)
 */
export function largeFirst(jobs: Job[], workers: number): Job[] {
  const total = jobs.reduce((n, j) => n + j.bytes, 0);
  const large = total / (LARGE_SHARE * Math.max(1, workers));
  const first = jobs.filter((j) => j.bytes > large).sort((a, b) => b.bytes - a.bytes);
  return first.length === 0 ? jobs : [...first, ...jobs.filter((j) => j.bytes <= large)];
}

/** An input is large when it holds more than 1/LARGE_SHARE of a worker's share of the run's bytes. */
const LARGE_SHARE = 16;

/** Feed the pool, at most `capacity` jobs in flight; returns whether the run was aborted. */
async function runJobs(jobs: Job[], pool: Pool, out: OutputWriter | JsonlSink, report: (o: FileOutcome) => void, signal?: AbortSignal): Promise<boolean> {
  const onAbort = () => pool.halt();
  signal?.addEventListener('abort', onAbort);
  const inflight = new Set<Promise<void>>();
  const sink = out instanceof JsonlSink ? out : null;
  const settle = (job: Job, reply: Reply) => {
    if (sink) sink.put(job.id, reply.status === 'ok' ? (reply.output ?? reply.text ?? null) : null);
    const error = reply.status === 'failed' ? reply.reason : out instanceof OutputWriter ? writeOutput(out, job, reply) : undefined;
    if (!sink && reply.status === 'ok' && reply.output) pool.recycle(reply.output.buffer);
    if (reply.status !== 'skipped') report({ path: job.input, bytes: job.bytes, error });
  };
  const order = sink ? jobs : largeFirst(jobs, pool.size);
  try {
    for (const job of order) {
      // The jsonl stream leaves in input order, so a slow file holds back only a bounded window of results.
      while (inflight.size >= pool.capacity || (sink && job.id >= sink.next + 4 * pool.capacity)) await Promise.race(inflight);
      if (signal?.aborted) break;
      if (job.conflict) {
        settle(job, { id: job.id, status: 'failed', reason: job.conflict });
        continue;
      }
      const p: Promise<void> = pool.run(job).then((reply) => settle(job, reply)).finally(() => inflight.delete(p));
      inflight.add(p);
    }
    await Promise.all(inflight);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await pool.close();
  }
  return Boolean(signal?.aborted);
}
