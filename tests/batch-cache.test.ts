// The batch workers' loader (src/batch/code-cache.ts): a bundle loaded through V8's code cache kept beside it,
// written when missing or stale, used when it fits the source exactly.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { cacheFileOf, loaderSource } from '../src/batch/code-cache.js';

/** A small CommonJS "bundle" that reports whether the loader asked for a cache, then writes it when asked. */
function bundle(dir: string, answer: number): string {
  const file = join(dir, 'bundle.cjs');
  writeFileSync(file, `const { parentPort, workerData } = require('node:worker_threads');
function answer() { return ${answer}; }
const wanted = typeof workerData.saveCodeCache === 'function';
if (wanted) workerData.saveCodeCache();
parentPort.postMessage({ answer: answer(), wanted, file: __filename });
`);
  return file;
}

function load(file: string): Promise<{ answer: number; wanted: boolean; file: string }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(loaderSource(file), { eval: true, workerData: {} });
    worker.once('message', (m) => void worker.terminate().then(() => resolve(m)));
    worker.once('error', reject);
  });
}

describe('the workers\' code cache', () => {
  it('is written when missing, used when it fits the source, and written again when the source changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnreport-cache-'));
    const file = bundle(dir, 1);
    expect(await load(file)).toEqual({ answer: 1, wanted: true, file });
    const cache = readFileSync(cacheFileOf(file));
    // The cache starts with the SHA-256 of the source it was made from.
    expect(cache.subarray(0, 32).equals(createHash('sha256').update(readFileSync(file, 'utf8')).digest())).toBe(true);
    expect(await load(file)).toEqual({ answer: 1, wanted: false, file });

    bundle(dir, 2); // another source: the old cache is not used, and is replaced
    expect(await load(file)).toEqual({ answer: 2, wanted: true, file });
    expect(readFileSync(cacheFileOf(file)).equals(cache)).toBe(false);
    expect(await load(file)).toEqual({ answer: 2, wanted: false, file });
    expect(readdirSync(dir).sort()).toEqual(['bundle.cjs', 'bundle.cjs.v8cache']); // no temporary file left
  });

  it('runs without a cache where it cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnreport-cache-'));
    const file = bundle(dir, 3);
    // A directory where the cache would go: the write fails, quietly, and the bundle runs all the same.
    mkdirSync(cacheFileOf(file));
    expect(await load(file)).toEqual({ answer: 3, wanted: true, file });
    expect(await load(file)).toEqual({ answer: 3, wanted: true, file });
    expect(statSync(cacheFileOf(file)).isDirectory()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['bundle.cjs', 'bundle.cjs.v8cache']); // no temporary file left
  });
});
