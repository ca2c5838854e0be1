import { accessSync, closeSync, constants, openSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeDirs, writeAll } from '../util/write.js';

/** A usage or output-directory problem that stops the whole run (exit code 2). */
export class BatchError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'BatchError';
  }
}

/** Check the output directory before any work starts; returns its absolute path, or `-` for standard output. */
export function prepareOutDir(outDir: string, format: string, cwd: string, skipExisting: boolean): string {
  if (outDir === '-') {
    if (format !== 'jsonl') throw new BatchError('--out-dir - (standard output) needs -f jsonl: other formats write one file per input');
    if (skipExisting) throw new BatchError('--skip-existing needs an output directory, not standard output');
    return outDir;
  }
  if (format === 'jsonl' && skipExisting) throw new BatchError('--skip-existing works on one output per input; -f jsonl writes a single all.jsonl');
  const abs = resolve(cwd, outDir);
  try {
    makeDirs(abs); // not mkdirSync's recursive mode, which spins for ever under /proc
    accessSync(abs, constants.W_OK);
  } catch (error) {
    throw new BatchError(`${outDir}: cannot write to the output directory (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return abs;
}

/**
 * The jsonl stream: lines arrive in completion order and leave in input order. Into a directory it goes through
 * a temporary file renamed to all.jsonl only when the run completes, so an interrupted run leaves no partial file.
 */
export class JsonlSink {
  next = 0;
  private readonly ready = new Map<number, Uint8Array | string | null>();
  private readonly final: string | null;
  private readonly tmp: string | null;
  private fd: number | null = null;

  constructor(outDir: string, private readonly write?: (text: string) => void) {
    this.final = outDir === '-' ? null : join(outDir, 'all.jsonl');
    this.tmp = this.final && join(outDir, `.all.jsonl.${process.pid}.tmp`);
    if (this.tmp) {
      try {
        rmSync(this.tmp, { force: true });
        this.fd = openSync(this.tmp, 'wx'); // O_EXCL: never through a symlink planted under the temporary name
      } catch (error) {
        throw new BatchError(`${this.final}: cannot write output (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      }
    }
  }

  /** The line for input `id`: UTF-8 bytes into a file, text to `write` (null when that input failed or was skipped). */
  put(id: number, line: Uint8Array | string | null): void {
    this.ready.set(id, line);
    while (this.ready.has(this.next)) {
      const line = this.ready.get(this.next);
      this.ready.delete(this.next++);
      if (line == null) continue;
      if (this.fd !== null) writeAll(this.fd, typeof line === 'string' ? Buffer.from(line, 'utf8') : line);
      else this.write?.(typeof line === 'string' ? line : Buffer.from(line.buffer, line.byteOffset, line.byteLength).toString('utf8'));
    }
  }

  commit(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    renameSync(this.tmp!, this.final!);
  }

  /** Drop the temporary file unless it was committed. */
  discard(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    rmSync(this.tmp!, { force: true });
  }
}
