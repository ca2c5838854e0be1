import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Format } from '../emit/index.js';
import { loaderSource } from './code-cache.js';
import type { Job } from './plan.js';

/** What every worker is started with; it loads the rules once from these directories. */
export interface WorkerConfig {
  format: Format;
  rulesDirs: string[];
  encoding?: string;
  /** Send each output as text (for standard output) rather than as UTF-8 bytes (for a file). */
  text: boolean;
  /** With `--force`: a forced encoding's undecodable bytes are a warning in `messages`, not a failure. */
  force?: boolean;
  /** One Int32: set to 1 to make workers skip the jobs still queued (a graceful stop). */
  stop: SharedArrayBuffer;
  /**
   * Two Int32s of this worker's own: the job it is running (IDLE between jobs) and when that job started, in
   * milliseconds after `epoch`. The parent reads them for --timeout, so a job costs no message when it starts.
   */
  clock: SharedArrayBuffer;
  /** `performance.timeOrigin + performance.now()` when the pool started, the same instant in every thread. */
  epoch: number;
  /** Set in the worker by the bundle's loader when its code cache wants writing (see code-cache.ts). */
  saveCodeCache?: () => void;
}

/** The calling thread's CPU time in milliseconds, where Linux tells it (/proc/thread-self/schedstat, in ns). */
export function threadCpuMs(): number | undefined {
  const clock = threadClock();
  try {
    return clock.ms();
  } finally {
    clock.close();
  }
}

/**
 * `threadCpuMs` for a thread that asks after every job: the file is opened once and read again from its start
 * (a reopen for every job took about 3% of a batch worker's time, an open on procfs being slow; a read alone costs a
 * tenth of that). /proc/thread-self is resolved when opened, so the clock is made on the thread it measures. Where
 * the file cannot be opened, the clock tells nothing. `close` lets the file go.
 */
export function threadClock(): { ms: () => number | undefined; close: () => void } {
  let fd: number | null;
  try {
    fd = openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    fd = null;
  }
  const buffer = Buffer.alloc(64);
  return {
    ms: () => {
      if (fd === null) return undefined;
      try {
        const n = readSync(fd, buffer, 0, buffer.length, 0);
        const space = buffer.indexOf(0x20);
        const ns = Number(buffer.toString('latin1', 0, space >= 0 && space < n ? space : n));
        return Number.isFinite(ns) ? ns / 1e6 : undefined;
      } catch {
        return undefined;
      }
    },
    close: () => {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}

/** In a worker's clock: no job running. */
export const IDLE = -1;

/** What the pool sends a worker: a job, and maybe a buffer to encode its output into (see PoolOptions.spareBytes). */
export interface Task {
  job: Job;
  spare?: ArrayBuffer;
}

/**
 * What a worker measured of a job it ran, in milliseconds: its wall time, and (Linux only, from
 * /proc/thread-self/schedstat; absent elsewhere) the CPU time the thread used since its previous reply (the job and
 * the handing over between) and since it started.
 */
export interface Timing {
  ms?: number;
  cpuMs?: number;
  threadCpuMs?: number;
}

export type Reply =
  /** `bytes`: the input's size; the output as UTF-8 bytes (moved, not copied, from the worker) or as text. */
  | ({ id: number; status: 'ok'; bytes: number; output?: Uint8Array; text?: string } & Timing)
  | ({ id: number; status: 'failed'; reason: string } & Timing)
  | { id: number; status: 'skipped' };

/**
 * How one worker thread spent the run, for `batch`'s summary (`--stats`) and the bench: so a slow run shows whether
 * its workers waited (busy well under alive), warmed up (the first WARM_BYTES far slower than the rest) or simply
 * had that much to do. Seconds; the CPU figures only where the thread's own CPU time can be read (Linux).
 */
export interface WorkerStats {
  files: number;
  bytes: number;
  /** From the thread's start to its last reply. */
  aliveSeconds: number;
  /** Time spent on jobs, by the worker's own clock. */
  busySeconds: number;
  /**
   * Replies after which the worker had no job waiting: it then idled until the main thread sent one. Once at the
   * end of a run; more often means the main thread (writing outputs, handing out jobs) did not keep up.
   */
  starved: number;
  /** The thread's CPU time up to its last reply: start-up, jobs and everything between. */
  cpuSeconds?: number;
  /** The CPU time from the thread's first job to its last reply (its start-up left out). */
  jobCpuSeconds?: number;
  /** The CPU time of the thread's first WARM_BYTES of input (or a little more: whole files), and how many bytes. */
  warm?: { bytes: number; cpuSeconds: number };
}

/** The first bytes a fresh worker runs, while V8 is still compiling the pipeline: counted apart in WorkerStats.warm. */
export const WARM_BYTES = 4 * 1024 * 1024;

/**
 * Workers run the built code: the bundled worker when the build made one (a thread then loads one file instead of
 * the module graph, through V8's code cache: code-cache.ts), else dist/batch/worker.js. From src/batch (under vitest), dist/batch and dist/bundle alike
 * these resolve the same way, because all three folders sit two levels below the package root.
 */
const WORKER_URLS = [new URL('../../dist/bundle/worker.cjs', import.meta.url), new URL('../../dist/batch/worker.js', import.meta.url)];

interface Slot {
  worker: Worker;
  /** When the thread was started (performance.now()), and its figures so far. */
  started: number;
  stats: WorkerStats;
  /** Jobs sent to this worker and not answered yet, in the order sent. */
  pending: Map<number, { job: Job; resolve: (reply: Reply) => void }>;
  /** The worker's clock (WorkerConfig.clock): the job it is running and since when. */
  clock: Int32Array;
}

export interface PoolOptions {
  /** Jobs queued per worker. */
  depth?: number;
  /** A job running longer than this many milliseconds fails, and its worker is replaced; 0: no limit. */
  timeoutMs?: number;
  /**
   * Size of the buffers that travel with the jobs (0: none): a worker encodes an output that fits into the one it
   * was sent and hands it back with the reply, and `recycle` returns it to the pool once written. A few buffers
   * then serve the whole run, instead of one allocation per output left for the main thread's GC to free.
   */
  spareBytes?: number;
}

/** A fixed set of worker threads, each with a short queue so it never waits for the main thread between files. */
export class Pool {
  private readonly stopFlag = new SharedArrayBuffer(4);
  private readonly slots: Slot[] = [];
  private closing = false;
  private readonly workerUrl: URL;
  private readonly epoch = performance.timeOrigin + performance.now();
  /** Looks at the workers' clocks for a job over the time limit (none without a limit). */
  private readonly watch: NodeJS.Timeout | undefined;

  readonly depth: number;
  private readonly timeoutMs: number;
  private readonly spareBytes: number;
  private readonly spares: ArrayBuffer[] = [];
  /** Workers being stopped; `close` waits for them so that no thread outlives the pool. */
  private readonly stopping = new Set<Promise<unknown>>();
  /** The figures of workers that were replaced (see `stats`). */
  private readonly retired: WorkerStats[] = [];

  constructor(size: number, private readonly config: Omit<WorkerConfig, 'stop' | 'clock' | 'epoch'>, options: PoolOptions = {}) {
    this.depth = options.depth ?? 2;
    this.timeoutMs = options.timeoutMs ?? 0;
    this.spareBytes = options.spareBytes ?? 0;
    const url = WORKER_URLS.find((u) => existsSync(fileURLToPath(u)));
    if (!url) throw new Error(`built worker not found at ${fileURLToPath(WORKER_URLS[1]!)}; run \`npm run build\` first`);
    this.workerUrl = url;
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
    // One buffer per job in flight, and one more per worker for the reply on its way back.
    if (this.spareBytes > 0) for (let i = 0; i < size * (this.depth + 1); i++) this.spares.push(new ArrayBuffer(this.spareBytes));
    // A job fails at most a tenth of its limit (and never more than 0.25 s) after the limit.
    if (this.timeoutMs > 0) this.watch = setInterval(() => this.overdue(), Math.max(10, Math.min(250, this.timeoutMs / 10)));
  }

  /** The number of worker threads. */
  get size(): number {
    return this.slots.length;
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
    const spare = this.spares.pop();
    slot.worker.postMessage({ job, spare } satisfies Task, spare ? [spare] : []);
  }

  /** Take back a buffer a reply's output came in, once written (one of the pool's size; others are left to GC). */
  recycle(buffer: ArrayBufferLike): void {
    if (buffer instanceof ArrayBuffer && this.spareBytes > 0 && buffer.byteLength === this.spareBytes && this.spares.length < this.capacity + this.slots.length) this.spares.push(buffer);
  }

  /** How each worker spent the run so far: those running, then those replaced (one that answered nothing left out). */
  stats(): WorkerStats[] {
    return [...this.slots.map((s) => s.stats), ...this.retired].filter((s) => s.files > 0);
  }

  /** Stop the workers beyond the first `size` (at least one), before any job is sent: a run with fewer files. */
  shrink(size: number): void {
    for (const slot of this.slots.splice(Math.max(1, size))) {
      const stopped: Promise<unknown> = slot.worker.terminate().catch(() => undefined).finally(() => this.stopping.delete(stopped));
      this.stopping.add(stopped);
    }
  }

  /** Ask the workers to skip what is queued; the job each is running finishes and is written whole. */
  halt(): void {
    Atomics.store(new Int32Array(this.stopFlag), 0, 1);
  }

  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.watch);
    await Promise.all([...this.slots.map((s) => s.worker.terminate()), ...this.stopping]);
  }

  /** The job a worker is running, or undefined between jobs. */
  private running(slot: Slot): { id: number; since: number } | undefined {
    const id = Atomics.load(slot.clock, 0);
    const since = Atomics.load(slot.clock, 1);
    // The worker writes the time before the job: the same job before and after the time was read is that job's time.
    return id !== IDLE && Atomics.load(slot.clock, 0) === id ? { id, since } : undefined;
  }

  /** Fail the job a worker has run for longer than the limit, and replace the worker. */
  private overdue(): void {
    const now = performance.timeOrigin + performance.now() - this.epoch;
    for (const slot of [...this.slots]) {
      const job = this.running(slot);
      if (job && now - job.since > this.timeoutMs) this.replace(slot, `timed out after ${this.timeoutMs / 1000} s (see --timeout)`, job.id);
    }
  }

  private spawn(): Slot {
    const clock = new SharedArrayBuffer(8);
    new Int32Array(clock)[0] = IDLE;
    const workerData = { ...this.config, stop: this.stopFlag, clock, epoch: this.epoch } satisfies WorkerConfig;
    const bundled = this.workerUrl.pathname.endsWith('.cjs');
    const worker = bundled ? new Worker(loaderSource(fileURLToPath(this.workerUrl)), { eval: true, workerData }) : new Worker(this.workerUrl, { workerData });
    const slot: Slot = { worker, pending: new Map(), clock: new Int32Array(clock), started: performance.now(), stats: { files: 0, bytes: 0, aliveSeconds: 0, busySeconds: 0, starved: 0 } };
    worker.on('message', (reply: Reply) => {
      if (!this.slots.includes(slot)) return; // a replaced worker's last words
      const entry = slot.pending.get(reply.id);
      if (entry && reply.status !== 'skipped') count(slot, entry.job.bytes, reply);
      if (slot.pending.size === 1) slot.stats.starved++; // this reply's job was the last one it held
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
  private replace(slot: Slot, reason: string, overdue?: number): void {
    const index = this.slots.indexOf(slot);
    if (this.closing || index < 0) return;
    // The job that ran over the limit, or the one the worker was running when it died; between jobs (a crash while
    // loading, or after its last reply) the first job sent and not answered is the one it was on.
    const current = overdue ?? this.running(slot)?.id;
    this.slots[index] = this.spawn();
    this.retired.push(slot.stats);
    const lost = [...slot.pending.values()];
    slot.pending.clear();
    const failed = lost.find((x) => x.job.id === (current ?? lost[0]?.job.id));
    // Workers write nothing (the main thread writes the outputs): a stopped one leaves no file behind.
    const stopped: Promise<unknown> = slot.worker.terminate().catch(() => undefined).finally(() => this.stopping.delete(stopped));
    this.stopping.add(stopped);
    for (const { job, resolve } of lost) {
      if (job === failed?.job) resolve({ id: job.id, status: 'failed', reason });
      else this.send(job, resolve);
    }
  }
}

/** Add a job a worker answered to its figures. */
function count(slot: Slot, bytes: number, timing: Timing): void {
  const stats = slot.stats;
  if (timing.cpuMs !== undefined) {
    stats.jobCpuSeconds = (stats.jobCpuSeconds ?? 0) + timing.cpuMs / 1000;
    if (stats.bytes < WARM_BYTES) {
      stats.warm ??= { bytes: 0, cpuSeconds: 0 };
      stats.warm.bytes += bytes;
      stats.warm.cpuSeconds += timing.cpuMs / 1000;
    }
  }
  if (timing.threadCpuMs !== undefined) stats.cpuSeconds = timing.threadCpuMs / 1000;
  stats.files++;
  stats.bytes += bytes;
  stats.busySeconds += (timing.ms ?? 0) / 1000;
  stats.aliveSeconds = (performance.now() - slot.started) / 1000;
}
