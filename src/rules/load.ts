import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { fingerprint, reviveRules, serializeRules } from './cache.js';
import { compileRules, stripDocs } from './compile.js';
import { parseYaml, YamlError } from '../util/yaml.js';
import { locate } from './locate.js';
import { assertSafePatterns } from './safety.js';
import { RULE_FILE_NAMES, ruleSchemas, type RawRules, type RuleFileName, type Rules } from './schema.js';

/** A rule file that cannot be used; `file:line:column` point at the offending place. */
export class RuleError extends Error {
  readonly exitCode = 2;
  constructor(readonly file: string, readonly line: number, readonly column: number, readonly detail: string) {
    super(`${file}:${line}:${column}: ${detail}`);
    this.name = 'RuleError';
  }
}

const HERE = dirname(fileURLToPath(import.meta.url));
export const BUILTIN_RULES_DIR = resolve(HERE, '../../rules');
/** Written by `npm run build` (scripts/cache-rules.mjs); see cache.ts. */
export const RULES_CACHE_FILE = resolve(HERE, '../../dist/rules.cache.json');

type Raw = Record<string, unknown>;

/** A rule file larger than this is refused before it is parsed (the built-in files are a few dozen kB). */
export const MAX_RULE_FILE_BYTES = 1024 * 1024;

function parseFile(file: string): Raw {
  let text: string;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new RuleError(file, 1, 1, 'not a regular file');
    const size = stat.size;
    if (size > MAX_RULE_FILE_BYTES) throw new RuleError(file, 1, 1, `rule file too large (${size} bytes; the limit is ${MAX_RULE_FILE_BYTES})`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof RuleError) throw error;
    throw new RuleError(file, 1, 1, `cannot read rule file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  // An empty file (or one of comments only) is an empty override, not an error.
  if (text.split('\n').every((line) => /^\s*(?:#|$)/.test(line))) return {};
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    if (!(error instanceof YamlError)) throw error;
    throw new RuleError(file, error.line, error.column, `YAML syntax error: ${error.reason}`);
  }
  if (data == null) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new RuleError(file, 1, 1, 'expected a mapping at the top of the rule file');
  return data as Raw;
}

function validate<T extends z.ZodType>(schema: T, data: Raw, file: string): z.output<T> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  // A misspelt key also leaves a required key missing: report the misspelling, it says what to fix.
  const issue = parsed.error.issues.find((i) => i.code === 'unrecognized_keys') ?? parsed.error.issues[0]!;
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
  const { line, column } = locate(existsSync(file) ? readFileSync(file, 'utf8') : '', path as (string | number)[], issue.code === 'unrecognized_keys');
  const where = issue.path.length ? ` at ${issue.path.join('.')}` : '';
  throw new RuleError(file, line, column, `${issue.message}${where}`);
}

/** Two rules with one id in one file would make `rule` on an item ambiguous, and the later one silently unreachable by overrides. */
function checkIds(data: Raw, file: string): void {
  for (const [key, list] of Object.entries(data)) {
    if (!Array.isArray(list)) continue;
    const seen = new Set<unknown>();
    list.forEach((entry, index) => {
      const id = entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
      if (id === undefined) return;
      if (seen.has(id)) {
        const { line, column } = locate(readFileSync(file, 'utf8'), [key, index, 'id']);
        throw new RuleError(file, line, column, `duplicate rule id "${String(id)}" in ${key}`);
      }
      seen.add(id);
    });
  }
}

/** Rule lists merge by `id`: an entry of the override replaces the built-in entry with that id, new ids are appended. */
function merge(base: unknown, over: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(over)) {
    const byId = (x: unknown) => (x && typeof x === 'object' ? (x as { id?: unknown }).id : undefined);
    const out = base.map((b) => over.find((o) => byId(o) !== undefined && byId(o) === byId(b)) ?? b);
    for (const o of over) if (byId(o) === undefined || !base.some((b) => byId(b) === byId(o))) out.push(o);
    return out;
  }
  if (base && over && typeof base === 'object' && typeof over === 'object' && !Array.isArray(base) && !Array.isArray(over)) {
    const out: Raw = { ...(base as Raw) };
    for (const [k, v] of Object.entries(over as Raw)) out[k] = k in out ? merge(out[k], v) : v;
    return out;
  }
  return over;
}

function ruleFilesIn(dir: string): Map<RuleFileName, string> {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new RuleError(dir, 1, 1, 'not a directory of rule files');
    names = readdirSync(dir);
  } catch (error) {
    if (error instanceof RuleError) throw error;
    throw new RuleError(dir, 1, 1, `cannot read rules directory: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const found = new Map<RuleFileName, string>();
  for (const name of names.filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort()) {
    const key = basename(name).replace(/\.ya?ml$/, '');
    if (!(RULE_FILE_NAMES as string[]).includes(key)) {
      throw new RuleError(join(dir, name), 1, 1, `unknown rule file "${name}", expected one of: ${RULE_FILE_NAMES.map((k) => `${k}.yaml`).join(', ')}`);
    }
    found.set(key as RuleFileName, join(dir, name));
  }
  return found;
}

/** The built-in rule set, compiled on the first `loadRules()` of a process: the one cache the loader keeps. */
let builtin: Rules | undefined;

/**
 * Load the built-in rules, then each directory in `extra` on top of them (merged by rule id), and compile them once
 * into the immutable rule set the stages read. Every file is validated on its own first, so an error names the file
 * that has it and points into that file. The built-in set is compiled once per process and returned again after.
 */
export function loadRules(extra: string[] = [], builtinDir: string = BUILTIN_RULES_DIR, options: LoadOptions = {}): Rules {
  if (extra.length === 0 && builtinDir === BUILTIN_RULES_DIR) {
    // The build-time cache holds the rules with their examples already stripped.
    return (builtin ??= compileRules(reviveRules(RULES_CACHE_FILE, fingerprint(builtinDir)) ?? stripDocs(validateRules([], builtinDir))));
  }
  return compileRules(stripDocs(validateRules(extra, builtinDir, options)));
}

export interface LoadOptions {
  /** Skip the ReDoS check of the `extra` patterns (safety.ts): a batch worker loads rules its parent already checked. */
  checked?: boolean;
}

/** The built-in rules, validated (examples left out), as the JSON text of the build-time cache. */
export function rulesCacheText(): string {
  return serializeRules(stripDocs(validateRules([], BUILTIN_RULES_DIR)), fingerprint(BUILTIN_RULES_DIR));
}

/** The rule files validated and merged, as plain data: examples included, nothing compiled yet. */
export function validateRules(extra: string[] = [], builtinDir: string = BUILTIN_RULES_DIR, options: LoadOptions = {}): RawRules {
  const layers = [builtinDir, ...extra].map(ruleFilesIn);
  const out: Partial<Record<RuleFileName, unknown>> = {};
  const schemas = ruleSchemas();
  for (const name of RULE_FILE_NAMES) {
    const schema = schemas[name];
    let merged: Raw = {};
    let single: unknown;
    let files = 0;
    for (const layer of layers) {
      const file = layer.get(name);
      if (!file) continue;
      const data = parseFile(file);
      single = validate(schema, data, file);
      if (layer !== layers[0] && !options.checked) assertSafePatterns(file, data, single); // user rules only: the built-in ones are trusted
      checkIds(data, file);
      merged = files === 0 ? data : (merge(merged, data) as Raw);
      files++;
    }
    // One file is already validated; merged layers are checked again as a whole (compiling each pattern once more).
    out[name] = files === 1 ? single : validate(schema, merged, layers.map((l) => l.get(name)).filter(Boolean).at(-1) ?? join(builtinDir, `${name}.yaml`));
  }
  return out as RawRules;
}
