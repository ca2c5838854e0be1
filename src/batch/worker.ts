import { parentPort, workerData } from 'node:worker_threads';
import { extract } from '../api.js';
import { emit, emitParts } from '../emit/index.js';
import { loadRules } from '../rules/load.js';
import type { Result } from '../schema.js';
import type { Job } from './plan.js';
import { IDLE, type Reply, type WorkerConfig } from './pool.js';
import { EscapeError, OutputWriter } from '../util/write.js';
import { failureReason } from '../failure.js';

// Runs in a worker thread for one run: the rules are loaded once here and serve every file this worker is given,
// and one writer keeps the folders it checked and its byte buffer from one output to the next.
const config = workerData as WorkerConfig;
const rules = loadRules(config.rulesDirs, undefined, { checked: true }); // the parent checked the patterns once
const stop = new Int32Array(config.stop);
const clock = new Int32Array(config.clock);
const writer = new OutputWriter(config.outDir ?? undefined);

function handle(job: Job): Reply {
  if (Atomics.load(stop, 0) === 1) return { id: job.id, status: 'skipped' };
  // The parent's --timeout clock starts: when, then which job (the parent reads them in the other order).
  Atomics.store(clock, 1, Math.floor(performance.timeOrigin + performance.now() - config.epoch));
  Atomics.store(clock, 0, job.id);
  try {
    return run(job);
  } finally {
    Atomics.store(clock, 0, IDLE);
  }
}

function run(job: Job): Reply {
  let result: Result;
  try {
    result = extract({ path: job.abs }, { rules, encoding: config.encoding, force: config.force, path: job.input });
  } catch (error) {
    return { id: job.id, status: 'failed', reason: failureReason(error) };
  }
  // The jsonl stream sends its line to the main thread; a file is written here, piece by piece.
  if (job.output === null) return { id: job.id, status: 'ok', bytes: job.bytes, text: emit(result, config.format) };
  try {
    writer.write(job.output, emitParts(result, config.format));
  } catch (error) {
    const why = error instanceof EscapeError ? error.message : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
    return { id: job.id, status: 'failed', reason: `cannot write ${job.output}: ${why}` };
  }
  return { id: job.id, status: 'ok', bytes: job.bytes };
}

parentPort!.on('message', (job: Job) => parentPort!.postMessage(handle(job)));
