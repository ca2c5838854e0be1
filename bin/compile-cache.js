import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';

/**
 * Load a CommonJS bundle through V8's code cache, kept beside it (what v8-compile-cache does; Node 20 has no
 * built-in compile cache). V8 checks only the source's length, so the cache starts with the SHA-256 of the source
 * it was made from and is used only for exactly that source. It is written after the first run, or again when
 * stale or rejected, through a temporary file and a rename; a read-only install simply runs without it.
 */
export function requireCached(file) {
  const cacheFile = `${file}.v8cache`;
  // The digest of the file's bytes as read: hashing the decoded source encoded it back to UTF-8 first, a copy of the
  // whole bundle at each start.
  const bytes = readFileSync(file);
  const digest = createHash('sha256').update(bytes).digest();
  const source = bytes.toString('utf8');
  let cachedData;
  try {
    const cache = readFileSync(cacheFile);
    if (cache.subarray(0, digest.length).equals(digest)) cachedData = cache.subarray(digest.length);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  const save = () => {
    if (cachedData && !script.cachedDataRejected) return;
    try {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.concat([digest, script.createCachedData()]));
      renameSync(tmp, cacheFile);
    } catch {
      // Not writable: fine, the next run compiles again.
    }
  };
  return { exports: module.exports, save };
}
