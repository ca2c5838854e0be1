import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
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
  /** Force an encoding (utf-8, utf-16le, utf-16be, gb18030, big5, shift_jis) instead of detecting it. */
  encoding?: string;
  /** With a forced encoding that does not fit the file: keep the text (U+FFFD for what cannot be decoded) with a warning instead of failing. */
  force?: boolean;
  /** The path recorded in `source.path` when the input is bytes or text. */
  path?: string | null;
  /** Also report why candidates were left out (an `info` message per excluded number, naming its rule). */
  explain?: boolean;
}

/** Where a report comes from: its bytes, its decoded text, or a file path. */
export type Input = Uint8Array | { text: string } | { path: string };

/** Inputs larger than this (files, standard input) are refused rather than read into memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

const CHUNK = 1 << 20;

/**
 * Everything readable from `fd`, refused once it passes `limit` bytes: files, pipes and terminals alike, however
 * their size is (or is not) announced. A non-blocking descriptor that has nothing yet is waited for.
 */
export function readAllBounded(fd: number, limit = MAX_INPUT_BYTES, label = 'input', sizeHint = CHUNK - 1): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  // A regular file's announced size (plus one byte, to see its end) is read at once: one buffer, no copy.
  let size = Math.min(sizeHint + 1, limit + 1);
  for (;;) {
    const chunk = Buffer.allocUnsafe(size);
    let n: number;
    try {
      n = readSync(fd, chunk, 0, size, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      continue;
    }
    if (n === 0) break;
    total += n;
    if (total > limit) throw new InputError(`${label} too large (more than ${limit} bytes, the limit)`);
    chunks.push(n === size ? chunk : chunk.subarray(0, n));
    // A full buffer: more may come, read in large chunks; a short read (the end of a file, a pipe's batch): smaller.
    size = n === size ? CHUNK : 1 << 16;
  }
  const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
}

/**
 * A report file's bytes. Only regular files are read: a FIFO, a device (/dev/zero) or a socket is refused at
 * once (opened non-blocking, so a FIFO without a writer cannot hang the run); standard input goes through `-`.
 */
function readPath(path: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new InputError(describeFsError(error));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new InputError('is a directory, not a file');
    if (!stat.isFile()) throw new InputError('not a regular file (a FIFO, device or socket); pipe it to standard input with - instead');
    if (stat.size > MAX_INPUT_BYTES) throw new InputError(`file too large (${stat.size} bytes; the limit is ${MAX_INPUT_BYTES})`);
    return readAllBounded(fd, MAX_INPUT_BYTES, 'file', stat.size);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error));
  } finally {
    closeSync(fd);
  }
}

function readInput(input: Input): { bytes: Uint8Array; path: string | null; text?: string } {
  if (input instanceof Uint8Array) return { bytes: input, path: null };
  if ('text' in input) return { bytes: new TextEncoder().encode(input.text), path: null, text: input.text };
  return { bytes: readPath(input.path), path: input.path };
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
  const ctx: StageContext = { rules: options.rules ?? loadRules(), encoding: options.encoding, force: options.force, explain: options.explain };
  let doc = newDoc(bytes, options.path !== undefined ? options.path : path, text);
  for (const stage of PIPELINE) doc = stage(doc, ctx);
  return doc;
}

/** Extract one report: the validated result of the output contract. Throws InputError for input that is not text. */
export function extract(input: Input, options: ExtractOptions = {}): Result {
  return assemble(run(input, options));
}
