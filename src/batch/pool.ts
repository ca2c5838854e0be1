import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Format } from '../emit/index.js';
import type { Job } from './plan.js';

/** What every worker is started with; it loads the rules once from these directories. */
export interface WorkerConfig {
  format: Format;
  rulesDirs: string[];
  encoding?: string;
  /** One Int32: set to 1 to make workers skip the jobs still queued (a graceful stop). */
  stop: SharedArrayBuffer;
}

export type Reply =
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
  pending: Map<number, (reply: Reply) => void>;
}

/** A fixed set of worker threads, each with a short queue so it never waits for the main thread between files. */
export class Pool {
  private readonly stopFlag = new SharedArrayBuffer(4);
  private readonly slots: Slot[] = [];
  private closing = false;
  private readonly workerUrl: URL;

  constructor(size: number, private readonly config: Omit<WorkerConfig, 'stop'>, readonly depth = 2) {
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
    const slot = this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    return new Promise((resolve) => {
      slot.pending.set(job.id, resolve);
      slot.worker.postMessage(job);
    });
  }

  /** Ask the workers to skip what is queued; the job each is running finishes and is written whole. */
  halt(): void {
    Atomics.store(new Int32Array(this.stopFlag), 0, 1);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerUrl, { workerData: { ...this.config, stop: this.stopFlag } satisfies WorkerConfig });
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (reply: Reply) => {
      const resolve = slot.pending.get(reply.id);
      slot.pending.delete(reply.id);
      resolve?.(reply);
    });
    worker.on('error', (error) => this.crashed(slot, error.message));
    worker.on('exit', (code) => this.crashed(slot, `exited with code ${code}`));
    return slot;
  }

  /** A worker died (a native crash, running out of memory): its jobs fail, a fresh worker takes its place. */
  private crashed(slot: Slot, why: string): void {
    const index = this.slots.indexOf(slot);
    if (this.closing || index < 0) return;
    const lost = [...slot.pending];
    slot.pending.clear();
    this.slots[index] = this.spawn();
    for (const [id, resolve] of lost) resolve({ id, status: 'failed', reason: `internal error: worker crashed (${why})` });
  }
}
