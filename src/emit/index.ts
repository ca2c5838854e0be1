import type { Result } from '../schema.js';
import { csv } from './csv.js';
import { json, jsonParts } from './json.js';
import { jsonl } from './jsonl.js';
import { yamlFormat, yamlParts } from './yaml.js';

export const FORMATS = { json, yaml: yamlFormat, jsonl, csv } as const satisfies Record<string, (result: Result) => string>;
export type Format = keyof typeof FORMATS;

export function emit(result: Result, format: Format): string {
  return FORMATS[format](result);
}

/**
 * The same text as `emit`, in pieces for writing to a file (util/write.ts): a large JSON or YAML document is never
 * built as one string (see `jsonParts`). The other formats come as one piece.
 */
export function emitParts(result: Result, format: Format): string[] {
  if (format === 'json') return jsonParts(result);
  return format === 'yaml' ? yamlParts(result) : [emit(result, format)];
}
