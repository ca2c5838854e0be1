import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { threadId } from 'node:worker_threads';

/** The encoder's buffer to start with: it holds nearly every report's JSON (0.5 MB at most on the real reports). */
const BUFFER_BYTES = 1 << 20;

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
 * half-written output under its final name. Used by the CLI's outputs; batch keeps one `OutputWriter` per run.
 * `data` may come in pieces (emit/json.ts `jsonParts`): they are written in order, never joined into one string.
 */
export function writeFileAtomic(path: string, data: string | readonly string[] | Uint8Array, options: WriteOptions = {}): void {
  new OutputWriter(options.root).write(path, data);
}

/**
 * UTF-8 for text that comes in pieces, through one byte buffer kept from one text to the next: a fresh Buffer for
 * each output (Buffer.from) costs an allocation and its page faults every time. Not shared between threads.
 */
export class Utf8Encoder {
  private buffer: Buffer | undefined;

  /**
   * The pieces as UTF-8, in `into` or else the encoder's own buffer (valid until the next call), or, when too large
   * for that, in a new one.
   */
  encode(pieces: readonly string[], into?: Buffer): Buffer {
    let chars = 0;
    for (const piece of pieces) chars += piece.length;
    let buffer = into ?? (this.buffer ??= Buffer.allocUnsafeSlow(BUFFER_BYTES));
    // A UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair, 2 units, takes 4). A text that may not
    // fit has its size counted, and one too large gets a buffer of its own, not kept: memory stays flat.
    if (3 * chars > buffer.length) {
      let bytes = 0;
      for (const piece of pieces) bytes += Buffer.byteLength(piece, 'utf8');
      if (bytes > buffer.length) buffer = Buffer.allocUnsafeSlow(bytes);
    }
    let used = 0;
    for (const piece of pieces) used += buffer.write(piece, used, 'utf8');
    return buffer.subarray(0, used);
  }

  /** The pieces as UTF-8 in memory of their own (an ArrayBuffer of exactly that size), to hand to another thread. */
  encodeOwn(pieces: readonly string[]): Uint8Array {
    const view = this.encode(pieces);
    if (view.buffer !== this.buffer?.buffer) return view; // already its own (Buffer.allocUnsafeSlow, no pool)
    const own = Buffer.allocUnsafeSlow(view.length);
    view.copy(own);
    return own;
  }
}

/**
 * Writes the outputs of one run, each atomically (a hidden temporary file in the same folder, then a rename). It
 * keeps what a run of many outputs would otherwise redo for each: the folders it has made or checked under its root
 * (each folder's real path is checked once per run, not once per file) and its encoder's byte buffer. One writer
 * per run, on one thread; it lives no longer than the run.
 *
 * Caching the checked folders means a folder checked at its first output is trusted for the rest of the run. A
 * symlink planted in the out-dir before the run is still refused; one swapped in while the run is going could
 * race the check before as it can now, only over a longer window (Node has no openat to close the race).
 */
export class OutputWriter {
  /** Folders known to exist inside the root, as their absolute paths. */
  private readonly checked = new Set<string>();
  private realRoot: string | undefined;
  private readonly encoder = new Utf8Encoder();

  constructor(private readonly root?: string) {}

  /** Text (whole or in pieces) is written as UTF-8; bytes as they are. */
  write(path: string, data: string | readonly string[] | Uint8Array): void {
    const tmp = tempName(path);
    let fd: number | null = null;
    try {
      this.dirFor(dirname(resolve(path)));
      const bytes = data instanceof Uint8Array ? data : this.encoder.encode(typeof data === 'string' ? [data] : data);
      fd = openTemp(tmp);
      writeAll(fd, bytes);
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

  /** Make (or check) the output's folder once per run; a failed check is not remembered, so it fails again. */
  private dirFor(dir: string): void {
    if (this.checked.has(dir)) return;
    if (this.root === undefined) {
      makeDirs(dir);
      this.checked.add(dir);
      return;
    }
    this.realRoot ??= realpathSync.native(this.root);
    makeDirs(dir, this.root, this.realRoot, this.checked); // adds each folder it checked
    this.checked.add(dir); // already there, unless dir is the root itself
  }
}

/**
 * Open a fresh temporary file with O_EXCL, which never opens through a symlink planted under its name. A file left
 * under the name by a killed process of the same pid and thread is removed and the open tried once more.
 */
function openTemp(tmp: string): number {
  try {
    return openSync(tmp, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    rmSync(tmp, { force: true });
    return openSync(tmp, 'wx');
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
 * every folder from the root down is checked by its real path (`realRoot`: the root's, when the caller has it).
 * Folders in `known` were checked before in the same run and are passed over; each folder checked is added to it.
 */
export function makeDirs(dir: string, root?: string, realRoot?: string, known?: Set<string>): void {
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
  realRoot ??= realpathSync.native(root);
  const rel = relative(resolve(root), dir);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new EscapeError(dir, root);
  const inside = realRoot.endsWith(sep) ? realRoot : realRoot + sep;
  let at = resolve(root);
  for (const part of rel === '' ? [] : rel.split(sep)) {
    at = join(at, part);
    if (known?.has(at)) continue; // checked earlier in this run
    if (!exists(at)) mkdirOnce(at);
    const real = realpathSync.native(at);
    if (real !== realRoot && !real.startsWith(inside)) throw new EscapeError(at, root);
    if (!statSync(at).isDirectory()) throw Object.assign(new Error(`${at} is not a directory`), { code: 'ENOTDIR' });
    known?.add(at);
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

/** write(2) may write less than asked (a full disk, a signal): go on from where it stopped. */
export function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}
