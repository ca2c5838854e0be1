import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { threadId } from 'node:worker_threads';

/** Pieces are joined up to this many characters before each write: well below V8's large-object size. */
const CHUNK = 16_384;

/** The hidden temporary name an output is written under before its rename: `.NAME.PID-THREAD.tmp`. */
export function tempName(path: string, pid = process.pid, thread = threadId): string {
  return join(dirname(path), `.${basename(path)}.${pid}-${thread}.tmp`);
}

/** The writer's own temporary names for outputs, and the jsonl sink's `.all.jsonl.PID.tmp`; group 1 or 2 is the pid. */
const TEMP = /^\.(?:.+\.(?:json|yaml|csv)\.(\d+)-\d+|all\.jsonl\.(\d+))\.tmp$/;

export interface WriteOptions {
  /**
   * The directory the output must stay in (batch's `--out-dir`). Missing folders below it are created one by one,
   * and a folder that exists must really be inside it: a symlink leading elsewhere is refused, never followed.
   */
  root?: string;
}

/**
 * Write through a hidden temporary file in the same folder and a rename, so an interrupted run never leaves a
 * half-written output under its final name. Used by the CLI's outputs and by batch workers (hence the thread id).
 * `data` may come in pieces (emit/json.ts `jsonParts`): they are written in order, never joined into one string.
 */
export function writeFileAtomic(path: string, data: string | readonly string[], options: WriteOptions = {}): void {
  const tmp = tempName(path);
  let fd: number | null = null;
  try {
    makeDirs(dirname(resolve(path)), options.root);
    rmSync(tmp, { force: true }); // a leftover of a killed process of the same id
    fd = openSync(tmp, 'wx'); // O_EXCL: never opens through a symlink planted under the temporary name
    writePieces(fd, typeof data === 'string' ? [data] : data);
    closeSync(fd);
    fd = null;
    renameSync(tmp, path); // replaces a symlink at `path` itself, never what it points to
  } catch (error) {
    try {
      if (fd !== null) closeSync(fd);
      rmSync(tmp, { force: true });
    } catch { /* the temporary file was never created */ }
    throw error;
  }
}

/** An output that would leave its root through a symlink. */
export class EscapeError extends Error {
  readonly code = 'ESCAPE';
  constructor(dir: string, root: string) {
    super(`${dir} leads outside ${root} (through a symlink); refused`);
    this.name = 'EscapeError';
  }
}

/**
 * `mkdir -p` that cannot spin: Node's recursive mkdir loops forever under /proc (ENOENT for ever), so the missing
 * folders are made one at a time from the nearest existing ancestor and the first error is thrown. With `root`,
 * every folder from the root down is checked by its real path.
 */
export function makeDirs(dir: string, root?: string): void {
  if (root === undefined) {
    const missing: string[] = [];
    let at = dir;
    while (!exists(at)) {
      missing.push(at);
      const up = dirname(at);
      if (up === at) break;
      at = up;
    }
    for (const d of missing.reverse()) mkdirOnce(d);
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error(`${dir} is not a directory`), { code: 'ENOTDIR' });
    return;
  }
  const realRoot = realpathSync(root);
  const rel = relative(resolve(root), dir);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new EscapeError(dir, root);
  let at = resolve(root);
  for (const part of rel === '' ? [] : rel.split(sep)) {
    at = join(at, part);
    if (!exists(at)) mkdirOnce(at);
    const real = realpathSync(at);
    if (real !== realRoot && !real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep)) throw new EscapeError(at, root);
    if (!statSync(at).isDirectory()) throw Object.assign(new Error(`${at} is not a directory`), { code: 'ENOTDIR' });
  }
}

/** mkdir that lets another writer (a second batch worker) make the same folder first: its type is checked after. */
function mkdirOnce(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the temporary files a killed run left under `dir` (the writer's own `.NAME.PID-THREAD.tmp` names, whose
 * process is gone); returns their paths. Symlinked folders are not entered.
 */
export function removeStaleTemps(dir: string): string[] {
  const removed: string[] = [];
  let names: import('node:fs').Dirent[];
  try {
    names = readdirSync(dir, { withFileTypes: true });
  } catch {
    return removed;
  }
  for (const entry of names) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removed.push(...removeStaleTemps(path));
    const m = entry.isFile() ? TEMP.exec(entry.name) : null;
    if (m && !alive(Number(m[1] ?? m[2]))) {
      rmSync(path, { force: true });
      removed.push(path);
    }
  }
  return removed;
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
