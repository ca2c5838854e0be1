import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import type { BatchSummary } from '../batch/index.js';
import { DEFAULT_EXTENSIONS, parseExtensions } from '../util/glob.js';
import { formatStats, formatSummary } from '../batch/progress.js';
import { progressLine } from './progress.js';
import { BatchError } from '../batch/sink.js';
import { FORMATS } from '../emit/index.js';
import { RuleError } from '../rules/load.js';
import { CliError } from './errors.js';
import { forceOption, readerOptions, type Io } from './shared.js';
import { examples } from './examples.js';

interface Options {
  outDir: string;
  format: string;
  jobs: string;
  quiet?: boolean;
  skipExisting?: boolean;
  rules: string[];
  encoding?: string;
  force?: boolean;
  ext: string;
  timeout: string;
  shard?: string;
  stats?: boolean;
}

/** Entries that look like reports and could not be read (dangling symlinks, directories named x.txt): always named. */
function unreadable(summary: BatchSummary): string[] {
  return summary.notRead.entries.map((e) => `cnreport: ${e.path}: not read: ${e.reason}`);
}

/** Lines after the summary: other extensions left in the directories, leftovers cleaned. */
function notReadNotes(summary: BatchSummary): string[] {
  const lines: string[] = [];
  const counts = Object.entries(summary.notRead.byExtension).sort(([a], [b]) => (a < b ? -1 : 1)).map(([ext, n]) => `${n} ${ext}`);
  if (counts.length) lines.push(`cnreport: skipped ${counts.join(', ')}: use --ext to read other extensions`);
  if (summary.staleRemoved) lines.push(`cnreport: removed ${summary.staleRemoved} temporary file${summary.staleRemoved === 1 ? '' : 's'} left by an interrupted run`);
  return lines;
}

/**
 * V8's budget for inlining into one optimised function, set for a batch run (V8's default is 920 bytes of bytecode).
 * Each worker thread is a V8 isolate of its own that compiles the pipeline afresh, and V8's optimising compiler, on
 * helper threads that compete with the workers for the cores, recompiles the large extraction functions several
 * times while their type feedback settles: about 30% of a `batch -j 2` run's CPU time over 40 MB of real reports
 * (perf). With the smaller budget each compilation costs less: in alternating runs the helper threads took 3.0 s
 * instead of 4.2 s and the whole run about a tenth less CPU (the workers' own time the same, or a little more).
 * Inlining changes how fast code runs, never what it computes: the outputs are the same bytes. Set in the command,
 * not in the library's `batch`: V8's flags hold for the whole process, which the command owns.
 */
const V8_FLAGS = '--max-inlined-bytecode-size-cumulative=250';

/** Seconds a file may take by default (batch/index.ts DEFAULT_TIMEOUT_SECONDS, not imported: the batch code loads on demand). */
const DEFAULT_TIMEOUT = 60;

export function commandBatch(program: Command, io: Io): void {
  forceOption(readerOptions(program.command('batch')))
    .description('extract every matched report into one output file per input, on worker threads')
    .argument('<glob...>', 'report files, directories (every *.txt below them, see --ext) or glob patterns')
    .requiredOption('--out-dir <dir>', 'directory for the outputs, mirroring the inputs\' folders (- with -f jsonl: standard output)')
    .option('-f, --format <format>', `output format: ${Object.keys(FORMATS).join(', ')}`, 'json')
    .option('-j, --jobs <n>', 'worker threads', String(availableParallelism()))
    .option('--quiet', 'no progress bar and no summary line (failures are still reported)')
    .option('--skip-existing', 'leave inputs whose output already exists (resumes an interrupted run; removes its leftover temporary files)')
    .option('--ext <list>', 'extensions read inside a directory, comma-separated (e.g. txt,md,html)', DEFAULT_EXTENSIONS.join(','))
    .option('--timeout <seconds>', 'a file taking longer fails and its worker is replaced (0: no limit)', String(DEFAULT_TIMEOUT))
    .option('--shard <K/N>', 'process only share K of N of the sorted input list (to split a corpus across machines)')
    .option('--stats', 'after the summary (also with --quiet), how each worker thread spent the run and where the CPU time went')
    .action(async (patterns: string[], opts: Options) => {
      const format = io.format(opts.format);
      const jobs = Number(opts.jobs);
      if (!Number.isInteger(jobs) || jobs < 1) throw new CliError(`-j expects a whole number of threads, 1 or more, got "${opts.jobs}"`, 2);
      const timeout = Number(opts.timeout);
      if (opts.timeout.trim() === '' || !Number.isFinite(timeout) || timeout < 0) throw new CliError(`--timeout expects a number of seconds (0 for no limit), got "${opts.timeout}"`, 2);
      const extensions = parseExtensions(opts.ext);
      if (extensions.length === 0) throw new CliError(`--ext expects extensions such as txt,md,html, got "${opts.ext}"`, 2);
      const shardMatch = opts.shard === undefined ? null : /^(\d+)\/(\d+)$/.exec(opts.shard.trim());
      const shard = shardMatch ? { index: Number(shardMatch[1]), count: Number(shardMatch[2]) } : undefined;
      if (opts.shard !== undefined && (!shard || shard.index < 1 || shard.index > shard.count)) throw new CliError(`--shard expects K/N with 1 <= K <= N (e.g. 2/4), got "${opts.shard}"`, 2);
      // Tests hand in an Io that says whether it is a terminal; otherwise ask the real stderr.
      const tty = (io as Partial<{ isTTY: boolean }>).isTTY ?? Boolean(process.stderr.isTTY);
      const progress = progressLine(io, tty && !opts.quiet);
      // The first Ctrl-C lets the files in hand finish (each written whole) and skips the rest; a second one kills.
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.once('SIGINT', onSigint);
      let summary: BatchSummary;
      setFlagsFromString(V8_FLAGS); // before the workers start: each compiles its own code
      try {
        // Loaded on demand: fast-glob and the worker pool would otherwise slow every cold `extract`.
        const { batch } = await import('../batch/index.js');
        summary = await batch(
          { patterns, outDir: opts.outDir, format, jobs, skipExisting: opts.skipExisting, rules: opts.rules, encoding: opts.encoding, force: opts.force, extensions, timeout, shard, signal: controller.signal },
          {
            start: progress.start,
            file: (outcome) => progress.file(outcome.bytes, outcome.error === undefined ? undefined : () => {
              io.stderr(`cnreport: ${outcome.path}: ${outcome.error}\n`);
              io.failed = true;
            }),
            write: (text) => io.stdout(text),
          },
        );
      } catch (error) {
        if (error instanceof BatchError || error instanceof RuleError) throw new CliError(error.message, 2);
        throw error;
      } finally {
        process.removeListener('SIGINT', onSigint);
        progress.clear();
      }
      for (const line of unreadable(summary)) io.stderr(`${line}\n`);
      if (!opts.quiet) for (const line of [formatSummary(summary), ...notReadNotes(summary)]) io.stderr(`${line}\n`);
      if (opts.stats) for (const line of formatStats(summary)) io.stderr(`cnreport: ${line}\n`);
      if (summary.interrupted) throw new CliError('interrupted', 2);
    })
    .addHelpText('after', examples([
      ['cnreport batch reports/ --out-dir out/', 'one JSON per report, folders mirrored under out/'],
      ["cnreport batch 'reports/**/*.txt' --out-dir out/ -f csv -j 2", 'CSV, on two worker threads'],
      ['cnreport batch reports/ --out-dir - -f jsonl --quiet | wc -l', 'one JSON line per report on standard output'],
    ]));
}
