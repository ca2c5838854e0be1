import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawRules } from './schema.js';

/**
 * The built-in rules, validated and compiled at build time, saved as JSON beside the compiled code.
 * Validating the rule files with zod and screening every pattern costs ~80 ms a process, a third of the cold
 * `extract` budget, so a process that uses only the built-in rules revives this file instead. The cache carries
 * a fingerprint of the rule files it came from and is ignored as soon as any of them differs.
 */
export interface RulesCache {
  fingerprint: string;
  /** The rules, each RegExp written as its source. */
  rules: unknown;
  /** Where the RegExps were: the path of keys to each, and its flags. */
  patterns: [path: (string | number)[], flags: string][];
}

export function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    hash.update(name).update('\0').update(readFileSync(join(dir, name))).update('\0');
  }
  return hash.digest('hex');
}

export function serializeRules(rules: RawRules, print: string): string {
  const patterns: RulesCache['patterns'] = [];
  const plain = (value: unknown, path: (string | number)[]): unknown => {
    if (value instanceof RegExp) {
      patterns.push([path, value.flags]);
      return value.source;
    }
    if (Array.isArray(value)) return value.map((v, i) => plain(v, [...path, i]));
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v, [...path, k])]));
  };
  return JSON.stringify({ fingerprint: print, rules: plain(rules, []), patterns } satisfies RulesCache);
}

/** The cached rules if the cache file exists and was made from exactly these rule files; otherwise null. */
export function reviveRules(cacheFile: string, print: string): RawRules | null {
  let text: string;
  try {
    text = readFileSync(cacheFile, 'utf8');
  } catch {
    return null;
  }
  try {
    // No reviver: JSON.parse calls one for every value (~6000 of them), where only the patterns need reviving.
    const cache = JSON.parse(text) as RulesCache;
    if (cache.fingerprint !== print) return null;
    for (const [path, flags] of cache.patterns) {
      let holder = cache.rules as Record<string | number, unknown>;
      for (let k = 0; k < path.length - 1; k++) holder = holder[path[k]!] as Record<string | number, unknown>;
      const key = path[path.length - 1]!;
      holder[key] = new RegExp(holder[key] as string, flags);
    }
    return cache.rules as RawRules;
  } catch {
    return null;
  }
}
