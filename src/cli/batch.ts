import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import type { BatchSummary, FileOutcome } from '../batch/index.js';
import { formatProgress, formatSummary } from '../batch/progress.js';
import { BatchError } from '../batch/sink.js';
import { FORMATS } from '../emit/index.js';
import { RuleError } from '../rules/load.js';
import { CliError } from './errors.js';
import { readerOptions, type Io } from './shared.js';
import { examples } from './examples.js';

interface Options {
  outDir: string;
  format: string;
  jobs: string;
  quiet?: boolean;
  skipExisting?: boolean;
  rules: string[];
  encoding?: string;
}

/** Redraws one status line on a terminal, at most ten times a second; failures are printed above it. */
function progressLine(io: Io, enabled: boolean) {
  const state = { done: 0, total: 0, bytes: 0, totalBytes: 0, seconds: 0 };
  const started = performance.now();
  let drawn = 0;
  const draw = (force = false) => {
    const now = performance.now();
    if (!enabled || (!force && now - drawn < 100)) return;
    drawn = now;
    io.stderr(`\r${formatProgress({ ...state, seconds: (now - started) / 1000 })}\x1b[K`);
  };
  return {
    start(total: { files: number; bytes: number }) {
      state.total = total.files;
      state.totalBytes = total.bytes;
      draw(true);
    },
    file(outcome: FileOutcome) {
      state.done++;
      state.bytes += outcome.bytes;
      if (outcome.error !== undefined) {
        if (enabled) io.stderr('\r\x1b[K');
        io.stderr(`cnreport: ${outcome.path}: ${outcome.error}\n`);
        io.failed = true;
        draw(true);
      } else draw();
    },
    clear: () => enabled && io.stderr('\r\x1b[K'),
  };
}

export function commandBatch(program: Command, io: Io): void {
  readerOptions(program.command('batch'))
    .description('extract every matched report into one output file per input, on worker threads')
    .argument('<glob...>', 'report files, directories (every *.txt below them) or glob patterns')
    .requiredOption('--out-dir <dir>', 'directory for the outputs, mirroring the inputs\' folders (- with -f jsonl: standard output)')
    .option('-f, --format <format>', `output format: ${Object.keys(FORMATS).join(', ')}`, 'json')
    .option('-j, --jobs <n>', 'worker threads', String(availableParallelism()))
    .option('--quiet', 'no progress bar and no summary line (failures are still reported)')
    .option('--skip-existing', 'leave inputs whose output already exists (resumes an interrupted run)')
    .action(async (patterns: string[], opts: Options) => {
      const format = io.format(opts.format);
      const jobs = Number(opts.jobs);
      if (!Number.isInteger(jobs) || jobs < 1) throw new CliError(`-j expects a whole number of threads, 1 or more, got "${opts.jobs}"`, 2);
      // Tests hand in an Io that says whether it is a terminal; otherwise ask the real stderr.
      const tty = (io as Partial<{ isTTY: boolean }>).isTTY ?? Boolean(process.stderr.isTTY);
      const progress = progressLine(io, tty && !opts.quiet);
      // The first Ctrl-C lets the files in hand finish (each written whole) and skips the rest; a second one kills.
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.once('SIGINT', onSigint);
      let summary: BatchSummary;
      try {
        // Loaded on demand: fast-glob and the worker pool would otherwise slow every cold `extract`.
        const { batch } = await import('../batch/index.js');
        summary = await batch(
          { patterns, outDir: opts.outDir, format, jobs, skipExisting: opts.skipExisting, rules: opts.rules, encoding: opts.encoding, signal: controller.signal },
          { start: progress.start, file: progress.file, write: (text) => io.stdout(text) },
        );
      } catch (error) {
        if (error instanceof BatchError || error instanceof RuleError) throw new CliError(error.message, 2);
        throw error;
      } finally {
        process.removeListener('SIGINT', onSigint);
        progress.clear();
      }
      if (!opts.quiet) io.stderr(`${formatSummary(summary)}\n`);
      if (summary.interrupted) throw new CliError('interrupted', 2);
    })
    .addHelpText('after', examples([
      ['cnreport batch reports/ --out-dir out/', 'one JSON per report, folders mirrored under out/'],
      ["cnreport batch 'reports/**/*.txt' --out-dir out/ -f csv -j 2", 'CSV, on two worker threads'],
      ['cnreport batch reports/ --out-dir - -f jsonl --quiet | wc -l', 'one JSON line per report on standard output'],
    ]));
}
