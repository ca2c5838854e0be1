import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Format } from '../emit/index.js';
import type { Job } from './plan.js';
import { tempName } from '../util/write.js';

/** What every worker is started with; it loads the rules once from these directories. */
export interface WorkerConfig {
  format: Format;
  rulesDirs: string[];
  encoding?: string;
  /** The output directory: every output is written inside it, never through a symlink out of it. */
  outDir: string | null;
  /** With `--force`: a forced encoding's undecodable bytes are a warning in `messages`, not a failure. */
  force?: boolean;
  /** One Int32: set to 1 to make workers skip the jobs still queued (a graceful stop). */
  stop: SharedArrayBuffer;
}

export type Reply =
  | { id: number; status: 'started' }
  | { id: number; status: 'ok'; bytes: number; text?: string }
  | { id: number; status: 'failed'; reason: string }
  | { id: number; status: 'skipped' };

/**
 * Workers run the built code: the bundled worker when the build made one (a thread then loads one file instead of
 * the module graph), else dist/batch/worker.js. From src/batch (under vitest), dist/batch and dist/bundle alike
 * these resolve the same way, because all three folders sit two levels below the package root.
 */
const WORKER_URLS = [new URL('../../dist/bundle/worker.cjs', import.meta.url), new URL('../../dist/batch/worker.js', import.meta.url)];

interface Slot {
  worker: Worker;
  /** Jobs sent to this worker and not answered yet, in the order sent. */
  pending: Map<number, { job: Job; resolve: (reply: Reply) => void }>;
  /** The job the worker is running, and the timer that stops it. */
  current?: number;
  timer?: NodeJS.Timeout;
}

export interface PoolOptions {
  /** Jobs queued per worker. */
  depth?: number;
  /** A job running longer than this many milliseconds fails, and its worker is replaced; 0: no limit. */
  timeoutMs?: number;
}

/** A fixed set of worker threads, each with a short queue so it never waits for the main thread between files. */
export class Pool {
  private readonly stopFlag = new SharedArrayBuffer(4);
  private readonly slots: Slot[] = [];
  private closing = false;
  private readonly workerUrl: URL;

  readonly depth: number;
  private readonly timeoutMs: number;
  /** Workers being stopped; `close` waits for them so that no thread outlives the pool. */
  private readonly stopping = new Set<Promise<unknown>>();

  constructor(size: number, private readonly config: Omit<WorkerConfig, 'stop'>, options: PoolOptions = {}) {
    this.depth = options.depth ?? 2;
    this.timeoutMs = options.timeoutMs ?? 0;
    const url = WORKER_URLS.find((u) => existsSync(fileURLToPath(u)));
    if (!url) throw new Error(`built worker not found at ${fileURLToPath(WORKER_URLS[1]!)}; run \`npm run build\` first`);
    this.workerUrl = url;
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** How many jobs may be in flight at once; callers wait for one to finish before running more. */
  get capacity(): number {
    return this.slots.length * this.depth;
  }

  run(job: Job): Promise<Reply> {
    return new Promise((resolve) => this.send(job, resolve));
  }

  private send(job: Job, resolve: (reply: Reply) => void): void {
    const slot = this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    slot.pending.set(job.id, { job, resolve });
    slot.worker.postMessage(job);
  }

  /** Ask the workers to skip what is queued; the job each is running finishes and is written whole. */
  halt(): void {
    Atomics.store(new Int32Array(this.stopFlag), 0, 1);
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const slot of this.slots) clearTimeout(slot.timer);
    await Promise.all([...this.slots.map((s) => s.worker.terminate()), ...this.stopping]);
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerUrl, { workerData: { ...this.config, stop: this.stopFlag } satisfies WorkerConfig });
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (reply: Reply) => {
      if (!this.slots.includes(slot)) return; // a replaced worker's last words
      if (reply.status === 'started') {
        slot.current = reply.id;
        if (this.timeoutMs > 0) slot.timer = setTimeout(() => this.replace(slot, `timed out after ${this.timeoutMs / 1000} s (see --timeout)`), this.timeoutMs);
        return;
      }
      clearTimeout(slot.timer);
      slot.current = undefined;
      const entry = slot.pending.get(reply.id);
      slot.pending.delete(reply.id);
      entry?.resolve(reply);
    });
    worker.on('error', (error) => this.replace(slot, `internal error: worker crashed (${error.message})`));
    worker.on('exit', (code) => this.replace(slot, `internal error: worker crashed (exited with code ${code})`));
    return slot;
  }

  /**
   * A worker ran out of time, died of a native crash or ran out of memory: the job it was running fails with
   * `reason`, a fresh worker takes its place, and the jobs that were only queued behind it run elsewhere.
   */
  private replace(slot: Slot, reason: string): void {
    const index = this.slots.indexOf(slot);
    if (this.closing || index < 0) return;
    clearTimeout(slot.timer);
    this.slots[index] = this.spawn();
    const lost = [...slot.pending.values()];
    slot.pending.clear();
    // Without a `started` message the worker died before any job began: the first one sent is the one it was on.
    const failed = lost.find((x) => x.job.id === (slot.current ?? lost[0]?.job.id));
    // A worker stopped in the middle of writing leaves its hidden temporary file: remove it once the thread is gone.
    const thread = slot.worker.threadId;
    const stopped: Promise<unknown> = slot.worker.terminate().then(() => {
      if (failed?.job.output) rmSync(tempName(failed.job.output, process.pid, thread), { force: true });
    }).catch(() => undefined).finally(() => this.stopping.delete(stopped));
    this.stopping.add(stopped);
    for (const { job, resolve } of lost) {
      if (job === failed?.job) resolve({ id: job.id, status: 'failed', reason });
      else this.send(job, resolve);
    }
  }
}
