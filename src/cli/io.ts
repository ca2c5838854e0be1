import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { CliError } from './errors.js';

/** Write through a temporary file and a rename, so an interrupted run never leaves a half-written output. */
export function writeAtomic(path: string, data: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (error) {
    try { rmSync(tmp, { force: true }); } catch { /* the temporary file was never created */ }
    throw new CliError(`${path}: cannot write output: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 2);
  }
}

export function readStdin(): Uint8Array {
  try {
    return readFileSync(0);
  } catch (error) {
    throw new CliError(`-: cannot read standard input: ${(error as Error).message}`, 2);
  }
}
