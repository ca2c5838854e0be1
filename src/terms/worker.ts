import { parentPort, workerData } from 'node:worker_threads';
import { loadRules } from '../rules/load.js';
import { InputError } from '../stages/read.js';
import { countInput, type CountSettings } from './index.js';
import { loadSegmenter } from './jieba.js';
import type { TermsJob, TermsReply, TermsWorkerConfig } from './pool.js';

// Runs in a worker thread: rules and jieba are loaded once here and serve every file this worker is given.
const config = workerData as TermsWorkerConfig;
const rules = loadRules(config.rulesDirs);
const settings: CountSettings = config.settings;
const segmenter = loadSegmenter({ keywords: settings.keywords, fullDictionary: config.fullDictionary });

function handle(job: TermsJob): TermsReply {
  try {
    return { id: job.id, status: 'ok', doc: countInput({ path: job.abs }, segmenter, settings, rules, { encoding: config.encoding, path: job.path }) };
  } catch (error) {
    const reason = error instanceof InputError ? error.message : `internal error: ${(error as Error).message}`;
    return { id: job.id, status: 'failed', reason };
  }
}

parentPort!.on('message', (job: TermsJob) => parentPort!.postMessage(handle(job)));
