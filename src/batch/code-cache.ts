/**
 * Worker threads load the bundled worker through V8's code cache, kept beside it (`worker.cjs.v8cache`), as the CLI
 * loads its own bundle (bin/compile-cache.js). A cache written after a worker has run a few files holds the bytecode
 * of every function those files needed, so the next run's workers neither parse nor compile them again: their
 * start-up and first megabytes cost less (on 40 MB of real reports, `batch -j 2` used about a tenth less CPU).
 *
 * V8 checks only the source's length, so the cache starts with the SHA-256 of the source it was made from and is
 * used only for exactly that source; V8 itself rejects one made under other V8 flags. A missing, stale or rejected
 * cache is written again by the run's workers, each through a temporary file of its own and a rename, so two
 * workers writing at once leave one whole cache; a read-only install runs without it.
 */

/** Where a bundle's code cache is kept. */
export function cacheFileOf(bundle: string): string {
  return `${bundle}.v8cache`;
}

/**
 * The worker thread's entry (run with `eval: true`, as CommonJS): load `bundle` through its code cache, and leave
 * on `workerData.saveCodeCache` a function that writes the cache when it was missing, stale or rejected. The
 * worker calls it once it has run enough to have compiled what a run needs (batch/worker.ts).
 */
export function loaderSource(bundle: string): string {
  return `'use strict';
const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createHash } = require('node:crypto');
const Module = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');
const { threadId, workerData } = require('node:worker_threads');
const file = ${JSON.stringify(bundle)};
const cacheFile = ${JSON.stringify(cacheFileOf(bundle))};
const bytes = readFileSync(file);
const digest = createHash('sha256').update(bytes).digest();
const source = bytes.toString('utf8');
let cachedData;
try {
  const cache = readFileSync(cacheFile);
  if (cache.subarray(0, digest.length).equals(digest)) cachedData = cache.subarray(digest.length);
} catch {}
const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
if (!cachedData || script.cachedDataRejected) {
  workerData.saveCodeCache = () => {
    const tmp = cacheFile + '.' + process.pid + '-' + threadId + '.tmp';
    try {
      writeFileSync(tmp, Buffer.concat([digest, script.createCachedData()]));
      renameSync(tmp, cacheFile);
    } catch {
      try { rmSync(tmp, { force: true }); } catch {}
    }
  };
}
const module = { exports: {} };
script.runInThisContext().call(module.exports, module.exports, Module.createRequire(file), module, file, dirname(file));
`;
}
