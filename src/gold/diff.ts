/** Differences between two JSON values, as `path: expected X, got Y` lines. */
export interface Diff {
  /** The first differences in document order, at most the limit given. */
  lines: string[];
  /** How many differences there are in all. */
  total: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const MISSING = Symbol('missing');

function show(value: Json | typeof MISSING): string {
  if (value === MISSING) return '(missing)';
  if (Array.isArray(value)) return `[${value.length} items]`;
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const isObject = (v: unknown): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
const keyPath = (path: string, key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${path ? `${path}.` : ''}${key}` : `${path}[${JSON.stringify(key)}]`);

/**
 * Walk both values in step. Arrays are compared index by index (with one line for a length difference), objects
 * key by key in the expected file's order, then keys only the new output has. `ignore` lists paths to skip.
 */
export function diffJson(expected: unknown, actual: unknown, options: { limit?: number; ignore?: readonly string[] } = {}): Diff {
  const limit = options.limit ?? 10;
  const ignore = new Set(options.ignore ?? []);
  const out: Diff = { lines: [], total: 0 };
  const note = (path: string, line: string) => {
    out.total++;
    if (out.lines.length < limit) out.lines.push(`${path || '(top)'}: ${line}`);
  };
  const walk = (path: string, a: Json | typeof MISSING, b: Json | typeof MISSING): void => {
    if (ignore.has(path)) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) note(path, `expected ${a.length} items, got ${b.length}`);
      for (let i = 0; i < Math.min(a.length, b.length); i++) walk(`${path}[${i}]`, a[i]!, b[i]!);
      return;
    }
    if (isObject(a) && isObject(b)) {
      for (const key of Object.keys(a)) walk(keyPath(path, key), a[key]!, key in b ? b[key]! : MISSING);
      for (const key of Object.keys(b)) if (!(key in a)) walk(keyPath(path, key), MISSING, b[key]!);
      return;
    }
    if (a === b) return;
    note(path, `expected ${show(a)}, got ${show(b)}`);
  };
  walk('', expected as Json, actual as Json);
  return out;
}
