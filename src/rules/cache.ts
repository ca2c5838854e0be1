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
  rules: unknown;
}

export function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    hash.update(name).update('\0').update(readFileSync(join(dir, name))).update('\0');
  }
  return hash.digest('hex');
}

export function serializeRules(rules: RawRules, print: string): string {
  const replacer = (_key: string, value: unknown) => (value instanceof RegExp ? { $re: value.source, $flags: value.flags } : value);
  return JSON.stringify({ fingerprint: print, rules } satisfies RulesCache, replacer);
}

/** The cached rules if the cache file exists and was made from exactly these rule files; otherwise null. */
export function reviveRules(cacheFile: string, print: string): RawRules | null {
  let text: string;
  try {
    text = readFileSync(cacheFile, 'utf8');
  } catch {
    return null;
  }
  const reviver = (_key: string, value: unknown) => {
    const re = value as { $re?: string; $flags?: string } | null;
    return re && typeof re === 'object' && typeof re.$re === 'string' ? new RegExp(re.$re, re.$flags) : value;
  };
  try {
    const cache = JSON.parse(text, reviver) as RulesCache;
    return cache.fingerprint === print ? (cache.rules as RawRules) : null;
  } catch {
    return null;
  }
}
