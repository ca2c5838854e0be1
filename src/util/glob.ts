import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, resolve, sep } from 'node:path';

// fast-glob is required when a command first globs, not at start-up: `extract` of one file never needs it.
// (Node keeps required modules, so a later call costs a lookup.)
const require = createRequire(import.meta.url);
const fg = (): typeof import('fast-glob') => require('fast-glob') as typeof import('fast-glob');

/** The one place that knows about fast-glob, so that swapping it touches this file only. */
export interface DiscoverOptions {
  /** Directory that relative patterns and paths are taken from; the process's working directory by default. */
  cwd?: string;
  /** Extensions (without the dot) of the report files read inside a directory given as a plain path; `txt` by default. */
  extensions?: string[];
  /** An absolute directory whose contents are neither read nor counted (batch's output directory). */
  exclude?: string;
}

/** What discovery met and did not take, so that nothing is skipped without a word. */
export interface NotRead {
  /** Files inside the directories walked whose extension was not asked for, counted by extension (`.md`, `(none)`). */
  byExtension: Record<string, number>;
  /** Entries that look like reports but cannot be read as files: dangling symlinks, directories named `x.txt`, FIFOs. */
  entries: { path: string; reason: string }[];
}

export const DEFAULT_EXTENSIONS = ['txt'];

/** `txt,md,.HTML` → ['txt', 'md', 'html']. */
export function parseExtensions(list: string): string[] {
  return [...new Set(list.split(',').map((e) => e.trim().replace(/^\./, '').toLowerCase()).filter(Boolean))];
}

function kindOf(path: string): 'file' | 'directory' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}


interface Entry {
  path: string;
  dirent: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean };
}

async function entries(pattern: string, cwd: string): Promise<Entry[]> {
  return fg()(pattern, { cwd, dot: false, onlyFiles: false, followSymbolicLinks: false, unique: true, suppressErrors: true, objectMode: true }) as Promise<Entry[]>;
}

/** What an entry is once symlinks are followed: a file to read, or why it cannot be read. */
function classify(entry: Entry, cwd: string): 'file' | 'directory' | string {
  if (entry.dirent.isFile()) return 'file';
  if (entry.dirent.isDirectory()) return 'directory';
  try {
    const stat = statSync(resolve(cwd, entry.path));
    if (stat.isFile()) return 'file';
    if (stat.isDirectory()) return entry.dirent.isSymbolicLink() ? 'symlink to a directory (not followed)' : 'directory';
    return 'not a regular file (FIFO, socket or device)';
  } catch {
    return entry.dirent.isSymbolicLink() ? 'dangling symlink' : 'cannot be read';
  }
}

/**
 * Like `discover`, and says what it left: files of other extensions inside the directories walked (counted), and
 * entries named like reports that are not files (listed). Symlinks to files are read; symlinked directories are not
 * walked, so a link loop cannot make discovery run forever.
 */
export async function discoverAll(patterns: string[], options: DiscoverOptions = {}): Promise<{ files: string[]; notRead: NotRead }> {
  const cwd = options.cwd ?? process.cwd();
  const wanted = new Set((options.extensions ?? DEFAULT_EXTENSIONS).map((e) => e.toLowerCase()));
  const found = new Set<string>();
  const notRead: NotRead = { byExtension: {}, entries: [] };
  const skip = (path: string, reason: string) => notRead.entries.push({ path, reason });
  const excluded = (path: string) => options.exclude !== undefined && (resolve(cwd, path) + sep).startsWith(options.exclude + sep);
  for (const pattern of patterns) {
    const kind = kindOf(resolve(cwd, pattern));
    if (kind === 'directory') {
      const base = fg().convertPathToPattern(pattern.replace(/[\\/]+$/, '') || '/');
      for (const entry of await entries(`${base.replace(/\/$/, '')}/**/*`, cwd)) {
        if (excluded(entry.path)) continue;
        const ext = extname(entry.path).slice(1).toLowerCase();
        const what = classify(entry, cwd);
        if (!wanted.has(ext)) {
          if (what === 'file') notRead.byExtension[ext ? `.${ext}` : '(no extension)'] = (notRead.byExtension[ext ? `.${ext}` : '(no extension)'] ?? 0) + 1;
        } else if (what === 'file') found.add(entry.path);
        else skip(entry.path, what);
      }
    } else if (kind === 'file' || !fg().isDynamicPattern(pattern)) {
      found.add(pattern);
    } else {
      for (const entry of await entries(pattern, cwd)) {
        const what = classify(entry, cwd);
        if (what === 'file') found.add(entry.path);
        else if (what !== 'directory' || /\.[^/.]+$/.test(entry.path)) skip(entry.path, what);
      }
    }
  }
  notRead.entries = notRead.entries.filter((e) => !found.has(e.path));
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  notRead.entries.sort((a, b) => order(a.path, b.path));
  return { files: [...found].sort(order), notRead };
}

/**
 * Plain paths and glob patterns → file paths, deduplicated and sorted (code-unit order) so runs are repeatable.
 * A path that exists is taken literally even when it looks like a glob (`report(1).txt`); a directory expands to
 * the files under it with one of `extensions` (`.txt`). A plain path that does not exist is kept, so the caller reports it as a missing file
 * instead of it silently vanishing. Paths come back relative when given relative (to `cwd`), absolute otherwise.
 */
export async function discover(patterns: string[], options: DiscoverOptions = {}): Promise<string[]> {
  return (await discoverAll(patterns, options)).files;
}
