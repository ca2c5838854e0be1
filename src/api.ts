import { readFileSync, statSync } from 'node:fs';
import { assemble } from './assemble.js';
import { newDoc, type Doc, type StageContext } from './document.js';
import { PIPELINE } from './pipeline.js';
import { loadRules } from './rules/load.js';
import type { Rules } from './rules/schema.js';
import type { Result } from './schema.js';
import { InputError } from './stages/read.js';

export interface ExtractOptions {
  /** Rules from `loadRules()`; loaded from the built-in rules when absent. */
  rules?: Rules;
  /** Force an encoding (utf-8, utf-16le, utf-16be, gb18030) instead of detecting it. */
  encoding?: string;
  /** The path recorded in `source.path` when the input is bytes or text. */
  path?: string | null;
  /** Also report why candidates were left out (an `info` message per excluded number, naming its rule). */
  explain?: boolean;
}

/** Where a report comes from: its bytes, its decoded text, or a file path. */
export type Input = Uint8Array | { text: string } | { path: string };

/** Files larger than this are refused rather than read into memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

function readInput(input: Input): { bytes: Uint8Array; path: string | null; text?: string } {
  if (input instanceof Uint8Array) return { bytes: input, path: null };
  if ('text' in input) return { bytes: new TextEncoder().encode(input.text), path: null, text: input.text };
  let size: number;
  try {
    const stat = statSync(input.path);
    if (stat.isDirectory()) throw new InputError('is a directory, not a file');
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error));
  }
  if (size > MAX_INPUT_BYTES) throw new InputError(`file too large (${size} bytes; the limit is ${MAX_INPUT_BYTES})`);
  try {
    return { bytes: readFileSync(input.path), path: input.path };
  } catch (error) {
    throw new InputError(describeFsError(error));
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return (error as Error).message;
}

/** Run the pipeline over one document and return the internal document object (for views and tools). */
export function run(input: Input, options: ExtractOptions = {}): Doc {
  const { bytes, path, text } = readInput(input);
  const ctx: StageContext = { rules: options.rules ?? loadRules(), encoding: options.encoding, explain: options.explain };
  let doc = newDoc(bytes, options.path !== undefined ? options.path : path, text);
  for (const stage of PIPELINE) doc = stage(doc, ctx);
  return doc;
}

/** Extract one report: the validated result of the output contract. Throws InputError for input that is not text. */
export function extract(input: Input, options: ExtractOptions = {}): Result {
  return assemble(run(input, options));
}
