import { parentPort, workerData } from 'node:worker_threads';
import { extract } from '../api.js';
import { emit, emitParts } from '../emit/index.js';
import { loadRules } from '../rules/load.js';
import type { Result } from '../schema.js';
import type { Job } from './plan.js';
import { IDLE, threadClock, type Reply, type Task, type Timing, type WorkerConfig } from './pool.js';
import { Utf8Encoder } from '../util/write.js';
import { failureReason } from '../failure.js';

// Runs in a worker thread for one run: the rules are loaded once here and serve every file this worker is given.
// The worker extracts and encodes; the main thread writes (batch/index.ts), so no worker waits on the file system.
const config = workerData as WorkerConfig;
const rules = loadRules(config.rulesDirs, undefined, { checked: true }); // the parent checked the patterns once
const stop = new Int32Array(config.stop);
const clock = new Int32Array(config.clock);
const encoder = new Utf8Encoder();
/** Buffers the pool sent with the jobs, for their outputs (see PoolOptions.spareBytes). */
const spares: ArrayBuffer[] = [];
/**
 * The code cache (code-cache.ts) is written once this thread has read this many bytes of input: by then it has
 * compiled what nearly every report needs, and the cache holds it. A smaller run leaves the cache as it was.
 */
const CACHE_AFTER_BYTES = 1 << 20;
let bytesRead = 0;

/**
 * The thread's CPU time at its last reply (or when it was ready for work), where it can be read. The kernel brings a
 * thread's CPU time up to date only at its clock ticks and when it switches threads, so a single job's own share is
 * not measured exactly; a job is charged what the thread used from the reply before to its own, which adds up
 * right over many jobs.
 */
const cpuClock = threadClock();
process.once('exit', () => cpuClock.close());
let lastCpu = cpuClock.ms();

function handle(job: Job): Reply {
  if (Atomics.load(stop, 0) === 1) return { id: job.id, status: 'skipped' };
  // The parent's --timeout clock starts: when, then which job (the parent reads them in the other order).
  const started = performance.now();
  Atomics.store(clock, 1, Math.floor(performance.timeOrigin + started - config.epoch));
  Atomics.store(clock, 0, job.id);
  let reply: Reply & Timing;
  try {
    reply = run(job);
  } finally {
    Atomics.store(clock, 0, IDLE);
  }
  reply.ms = performance.now() - started;
  bytesRead += job.bytes;
  if (config.saveCodeCache && bytesRead >= CACHE_AFTER_BYTES) {
    config.saveCodeCache();
    config.saveCodeCache = undefined;
  }
  const cpu = lastCpu === undefined ? undefined : cpuClock.ms();
  if (cpu !== undefined) [reply.cpuMs, reply.threadCpuMs, lastCpu] = [cpu - lastCpu!, cpu, cpu];
  return reply;
}

function run(job: Job): Reply {
  let result: Result;
  try {
    result = extract({ path: job.abs }, { rules, encoding: config.encoding, force: config.force, path: job.input });
  } catch (error) {
    return { id: job.id, status: 'failed', reason: failureReason(error) };
  }
  // Standard output takes text; a file takes the UTF-8 bytes, made here and handed over without a copy: in a
  // buffer the pool sent when the output fits, else in one of its own.
  if (config.text) return { id: job.id, status: 'ok', bytes: job.bytes, text: emit(result, config.format) };
  const pieces = emitParts(result, config.format);
  const spare = spares.pop();
  if (spare) {
    const output = encoder.encode(pieces, Buffer.from(spare));
    if (output.buffer !== spare) spares.push(spare); // too large for it: the output came in a buffer of its own
    return { id: job.id, status: 'ok', bytes: job.bytes, output };
  }
  return { id: job.id, status: 'ok', bytes: job.bytes, output: encoder.encodeOwn(pieces) };
}

parentPort!.on('message', ({ job, spare }: Task) => {
  if (spare) spares.push(spare);
  const reply = handle(job);
  parentPort!.postMessage(reply, reply.status === 'ok' && reply.output ? [reply.output.buffer as ArrayBuffer] : []);
});
