import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocTerms } from './count.js';
import type { CountSettings } from './index.js';

export interface TermsWorkerConfig {
  settings: CountSettings;
  rulesDirs: string[];
  encoding?: string;
  fullDictionary?: boolean;
}

export interface TermsJob {
  id: number;
  /** The path as given (recorded in the output). */
  path: string;
  abs: string;
}

export type TermsReply = { id: number; status: 'ok'; doc: DocTerms } | { id: number; status: 'failed'; reason: string };

/**
 * The built worker: the bundled one when the build made it (a thread then loads one file instead of the module
 * graph), else dist/terms/worker.js; src/terms (under vitest), dist/terms and dist/bundle resolve them alike.
 */
const WORKER_URLS = [new URL('../../dist/bundle/terms-worker.cjs', import.meta.url), new URL('../../dist/terms/worker.js', import.meta.url)];

/**
 * Count files on worker threads, each loading rules and jieba once; `done` is called as each file finishes.
 * Results come back in input order.
 */
export async function countOnWorkers(jobs: TermsJob[], size: number, config: TermsWorkerConfig, done: (job: TermsJob, reply: TermsReply) => void): Promise<TermsReply[]> {
  const url = WORKER_URLS.find((u) => existsSync(fileURLToPath(u)));
  if (!url) throw new Error(`built worker not found at ${fileURLToPath(WORKER_URLS[1]!)}; run \`npm run build\` first`);
  const replies: TermsReply[] = new Array(jobs.length);
  let next = 0;
  const one = () => new Promise<void>((resolve) => {
    const worker = new Worker(url, { workerData: config });
    let current: TermsJob | undefined;
    const feed = () => {
      current = jobs[next++];
      if (current) worker.postMessage(current);
      else void worker.terminate().then(() => resolve());
    };
    worker.on('message', (reply: TermsReply) => {
      const job = current!;
      replies[job.id] = reply;
      done(job, reply);
      feed();
    });
    // A worker that dies (a native crash, a dictionary that cannot be read) fails its file and every file left.
    const died = (why: string) => {
      for (let job = current; job; job = jobs[next++]) {
        const reply: TermsReply = { id: job.id, status: 'failed', reason: `internal error: worker failed (${why})` };
        replies[job.id] = reply;
        done(job, reply);
      }
      current = undefined;
      resolve();
    };
    worker.on('error', (error) => died(error.message));
    worker.on('exit', (code) => {
      if (current) died(`exited with code ${code}`);
    });
    feed();
  });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, jobs.length)) }, one));
  return replies;
}
