import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadRules, RuleError } from './load.js';
import { locate } from './locate.js';

/**
 * Patterns from a user's `--rules` files are proven safe or refused. Each one has already compiled and passed the
 * quick static screen (backtrack.ts), which misses bounded nestings such as `^(\d{1,3},?)+x`; here the ReDoS
 * checker recheck (automaton analysis, then fuzzing) decides. Refused: exponential backtracking, polynomial of
 * degree 3 or more, and any pattern recheck cannot settle within its time limit. Quadratic patterns are accepted:
 * every ordinary unanchored search such as `\d+%` is quadratic on a long enough near-miss, the built-in rules
 * included, and `batch --timeout` bounds what a file may cost. The built-in rules are trusted: they pass the static
 * screen when the rule cache is built (scripts/cache-rules.mjs) and never pay this cost at run time.
 */

/** How long recheck may think about one pattern; a pattern it cannot settle in this time is refused. */
export const PATTERN_CHECK_MS = 10_000;

interface Diagnostics {
  status: 'safe' | 'vulnerable' | 'unknown';
  complexity?: { type: 'constant' | 'linear' | 'safe' | 'polynomial' | 'exponential'; degree?: number };
  attack?: { string: string };
  error?: { kind: string; message?: string };
}

// recheck (a 5 MB Scala.js build plus a native helper) is loaded only when a user rule file is checked.
const recheck = () => createRequire(import.meta.url)('recheck') as { checkSync(source: string, flags: string, params?: object): Diagnostics };

/** Why `source` is unsafe, or null when it is proven safe enough (see above). */
export function patternRisk(source: string, timeout = PATTERN_CHECK_MS): string | null {
  let d: Diagnostics;
  try {
    d = recheck().checkSync(source, 'u', { timeout });
  } catch (error) {
    return `made the ReDoS checker fail (${(error as Error).message.split('\n')[0]})`;
  }
  if (d.status === 'safe') return null;
  if (d.status === 'unknown') {
    const why = d.error?.kind === 'timeout' ? `could not be proven safe within ${timeout / 1000} s` : `could not be analysed (${d.error?.kind ?? 'unknown'}${d.error?.message ? `: ${d.error.message}` : ''})`;
    return why;
  }
  const c = d.complexity;
  if (c?.type === 'polynomial' && (c.degree ?? 2) < 3) return null;
  const shape = c?.type === 'exponential' ? 'exponential' : `polynomial (degree ${c?.degree})`;
  const attack = d.attack ? `; e.g. ${d.attack.string.length} characters such as ${JSON.stringify(d.attack.string.slice(0, 24))}…` : '';
  return `takes ${shape} time on a near-miss${attack}`;
}

type Path = (string | number)[];

function* stringsOf(value: unknown, path: Path = []): Generator<[Path, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* stringsOf(value[i], [...path, i]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* stringsOf(v, [...path, k]);
}

function* regexesOf(value: unknown, seen = new Set<unknown>()): Generator<RegExp> {
  if (value instanceof RegExp) yield value;
  else if (value && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    for (const v of value instanceof Map ? value.values() : Object.values(value)) yield* regexesOf(v, seen);
  }
}

/**
 * Throw a RuleError at `file:line:column` of the first unsafe pattern of a user rule file. `raw` is the file as
 * parsed, `compiled` what validation made of it: every string of `raw` that became one of its regular expressions
 * is a pattern (whatever shape the compiled rules take).
 */
export function assertSafePatterns(file: string, raw: unknown, compiled: unknown): void {
  const sources = new Set([...regexesOf(compiled)].map((re) => re.source));
  if (sources.size === 0) return;
  // A pattern copied unchanged from the built-in rules is as trusted as they are (an override often copies a file).
  const builtin = new Set([...regexesOf(loadRules())].map((re) => re.source));
  const checked = new Set<string>();
  for (const [path, text] of stringsOf(raw)) {
    if (checked.has(text)) continue;
    let source: string;
    try {
      source = new RegExp(text, 'u').source;
    } catch {
      continue;
    }
    if (!sources.has(source) || builtin.has(source)) continue;
    checked.add(text);
    const risk = patternRisk(text);
    if (risk) {
      const { line, column } = locate(readFileSync(file, 'utf8'), path);
      throw new RuleError(file, line, column, `pattern ${JSON.stringify(text)} refused: it ${risk}; make the repetition unambiguous (each character matched by one part only)`);
    }
  }
}
