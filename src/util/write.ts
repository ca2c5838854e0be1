import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** Pieces are joined up to this many characters before each write: well below V8's large-object size. */
const CHUNK = 16_384;

/**
 * Write through a hidden temporary file in the same folder and a rename, so an interrupted run never leaves a
 * half-written output under its final name. Used by the CLI's outputs and by batch workers (hence the thread id).
 * `data` may come in pieces (emit/json.ts `jsonParts`): they are written in order, never joined into one string.
 */
export function writeFileAtomic(path: string, data: string | readonly string[]): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}-${threadId}.tmp`);
  let fd: number | null = null;
  try {
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(tmp, 'w');
    writePieces(fd, typeof data === 'string' ? [data] : data);
    closeSync(fd);
    fd = null;
    renameSync(tmp, path);
  } catch (error) {
    try {
      if (fd !== null) closeSync(fd);
      rmSync(tmp, { force: true });
    } catch { /* the temporary file was never created */ }
    throw error;
  }
}

function writePieces(fd: number, pieces: readonly string[]): void {
  let chunk = '';
  for (const piece of pieces) {
    if (chunk.length > 0 && chunk.length + piece.length > CHUNK) {
      writeAll(fd, chunk);
      chunk = '';
    }
    chunk += piece;
  }
  if (chunk.length > 0) writeAll(fd, chunk);
}

/** write(2) may write less than asked (a full disk, a signal): go on from where it stopped. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}
