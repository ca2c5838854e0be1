import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../util/write.js';
import { CliError } from './errors.js';

/** Write an output atomically (see util/write.ts); a failure is an I/O error of the run (exit 2). */
export function writeAtomic(path: string, data: string): void {
  try {
    writeFileAtomic(path, data);
  } catch (error) {
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
