import { MAX_INPUT_BYTES, readAllBounded } from '../api.js';
import { InputError } from '../stages/read.js';
import { writeFileAtomic } from '../util/write.js';
import { CliError } from './errors.js';

/** Write an output atomically (see util/write.ts); a failure is an I/O error of the run (exit 2). */
export function writeAtomic(path: string, data: string): void {
  try {
    writeFileAtomic(path, data);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'ENOENT, no such directory and it cannot be made' : code === 'EACCES' || code === 'EPERM' ? `${code}, permission denied` : (code ?? (error as Error).message);
    throw new CliError(`${path}: cannot write output: ${why}`, 2);
  }
}

/** Standard input, up to the input limit (beyond it the input fails like a too large file). */
export function readStdin(): Uint8Array {
  try {
    return readAllBounded(0, MAX_INPUT_BYTES, 'standard input');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new CliError(`-: cannot read standard input: ${(error as Error).message}`, 2);
  }
}
