import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

// fast-glob is required when a command first globs, not at start-up: `extract` of one file never needs it.
// (Node keeps required modules, so a later call costs a lookup.)
const require = createRequire(import.meta.url);
const fg = (): typeof import('fast-glob') => require('fast-glob') as typeof import('fast-glob');

/** The one place that knows about fast-glob, so that swapping it touches this file only. */
export interface DiscoverOptions {
  /** Directory that relative patterns and paths are taken from; the process's working directory by default. */
  cwd?: string;
}

/** Report files looked for inside a directory given as a plain path. */
const DIRECTORY_PATTERN = '**/*.txt';

function kindOf(path: string): 'file' | 'directory' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}

async function glob(pattern: string, cwd: string): Promise<string[]> {
  // Symlinks are not followed, so a link loop cannot make discovery run forever; dotfiles are skipped.
  return fg()(pattern, { cwd, dot: false, onlyFiles: true, followSymbolicLinks: false, unique: true, suppressErrors: true });
}

/**
 * Plain paths and glob patterns → file paths, deduplicated and sorted (code-unit order) so runs are repeatable.
 * A path that exists is taken literally even when it looks like a glob (`report(1).txt`); a directory expands to
 * the `.txt` files under it. A plain path that does not exist is kept, so the caller reports it as a missing file
 * instead of it silently vanishing. Paths come back relative when given relative (to `cwd`), absolute otherwise.
 */
export async function discover(patterns: string[], options: DiscoverOptions = {}): Promise<string[]> {
  const cwd = options.cwd ?? process.cwd();
  const found = new Set<string>();
  for (const pattern of patterns) {
    const kind = kindOf(resolve(cwd, pattern));
    if (kind === 'directory') {
      const base = fg().convertPathToPattern(pattern.replace(/[\\/]+$/, '') || '/');
      for (const path of await glob(`${base.replace(/\/$/, '')}/${DIRECTORY_PATTERN}`, cwd)) found.add(path);
    } else if (kind === 'file' || !fg().isDynamicPattern(pattern)) {
      found.add(pattern);
    } else {
      for (const path of await glob(pattern, cwd)) found.add(path);
    }
  }
  return [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
