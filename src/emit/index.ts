import type { Result } from '../schema.js';
import { csv } from './csv.js';
import { json } from './json.js';
import { jsonl } from './jsonl.js';
import { yamlFormat } from './yaml.js';

export const FORMATS = { json, yaml: yamlFormat, jsonl, csv } as const satisfies Record<string, (result: Result) => string>;
export type Format = keyof typeof FORMATS;

export function emit(result: Result, format: Format): string {
  return FORMATS[format](result);
}
