import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { locate } from '../rules/locate.js';
import { Comparator } from '../schema.js';
import { loadGoldYaml, YamlSyntaxError } from './yaml.js';

/** A gold file or directory that cannot be used; exit code 2, with the file and line where known. */
export class GoldError extends Error {
  readonly exitCode = 2;
  constructor(readonly file: string, readonly line: number | null, detail: string) {
    super(`${file}${line ? `:${line}` : ''}: ${detail}`);
    this.name = 'GoldError';
  }
}

/** The gold file schemas, built when first needed: only `check --gold` reads gold files. */
function goldSchemas() {
  // Hand-written YAML turns a title such as 2023 into a number; text fields take any scalar as its string.
  const text = z.preprocess((v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v), z.string());
  const names = z.array(text);
  const nullableText = text.nullable();

  // A field left out of a gold entry is not scored for that entry; a field written as null is scored as null.
  const GoldQuantity = z.looseObject({
    core: text.pipe(z.string().min(1)),
    occurrence: z.number().int().positive().default(1),
    value: z.number().nullable().optional(),
    range: z.tuple([z.number(), z.number()]).nullable().optional(),
    unit: text.optional(),
    normalized: z.looseObject({ value: z.number().nullable().optional(), unit: text.nullable().optional() }).optional(),
    comparator: Comparator.nullable().optional(),
    measure: z.enum(['level', 'growth']).optional(),
    direction: z.enum(['up', 'down']).nullable().optional(),
    kind: z.enum(['target', 'actual', 'other']).optional(),
    year: z.number().int().nullable().optional(),
    period: z.tuple([z.number().int(), z.number().int()]).nullable().optional(),
    indicator: nullableText.optional(),
  });

  const GoldTask = z.looseObject({
    marker: nullableText.default(null),
    title: text,
    lead: names.optional(),
    responsible: names.optional(),
    cooperating: names.optional(),
  });

  const Passage = z
    .looseObject({
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      anchor: text.optional(),
      // Every item inside a passage is listed, so a passage without a list has none of that kind.
      quantities: z.array(GoldQuantity).nullable().default([]).transform((v) => v ?? []),
      tasks: z.array(GoldTask).nullable().default([]).transform((v) => v ?? []),
    })
    .refine((p) => p.end >= p.start, { message: 'passage end is before its start', path: ['end'] });

  const GoldMeta = z.looseObject({
    title: nullableText.optional(),
    docType: nullableText.optional(),
    level: nullableText.optional(),
    region: z.looseObject({ province: nullableText.optional(), city: nullableText.optional(), district: nullableText.optional() }).nullable().optional(),
    date: nullableText.optional(),
    issuer: nullableText.optional(),
  });

  const GoldFile = z.looseObject({
    file: text.pipe(z.string().min(1)),
    meta: GoldMeta.nullable().optional(),
    headings: z.array(z.looseObject({ text, depth: z.number().int().positive() })).nullable().optional(),
    passages: z.array(Passage).nullable().default([]).transform((v) => v ?? []),
  });

  return { GoldFile, GoldQuantity, GoldTask };
}

type Schemas = ReturnType<typeof goldSchemas>;
export type GoldFile = z.infer<Schemas['GoldFile']>;
export type GoldQuantity = z.infer<Schemas['GoldQuantity']>;
export type GoldTask = z.infer<Schemas['GoldTask']>;
export type GoldPassage = GoldFile['passages'][number];

/**
 * Read and validate one gold file; a problem is a GoldError naming the file and line. `schema` lets a caller that
 * reads many files build it once.
 */
export function readGold(file: string, schema: Schemas['GoldFile'] = goldSchemas().GoldFile): GoldFile {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new GoldError(file, null, `cannot read gold file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let data: unknown;
  try {
    data = loadGoldYaml(source, file);
  } catch (error) {
    if (error instanceof YamlSyntaxError) throw new GoldError(file, error.line, error.message);
    throw error;
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path as (string | number)[];
  const where = path.length ? ` at ${path.join('.')}` : '';
  throw new GoldError(file, locate(source, path).line, `not a valid gold file: ${issue.message}${where}`);
}

export interface GoldEntry {
  /** Path of the gold file. */
  path: string;
  gold: GoldFile;
}

/** Every `*.yaml`/`*.yml` gold file of a directory, keyed by the basename of the input its `file:` names. */
export function loadGoldDir(dir: string): Map<string, GoldEntry> {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new GoldError(dir, null, 'not a directory of gold files');
    names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n) && !n.startsWith('.')).sort();
  } catch (error) {
    if (error instanceof GoldError) throw error;
    throw new GoldError(dir, null, `cannot read gold directory: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const byInput = new Map<string, GoldEntry>();
  const schema = goldSchemas().GoldFile;
  for (const name of names) {
    const path = join(dir, name);
    const gold = readGold(path, schema);
    const input = basename(gold.file);
    const other = byInput.get(input);
    if (other) throw new GoldError(path, 1, `names the same input (${input}) as ${other.path}`);
    byInput.set(input, { path, gold });
  }
  return byInput;
}
