import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The gold and corpus tests read ../shared (the hand-checked answers and the development corpus, which are not part
 * of the repository) and skip without it. Say so once, at the start of the run, rather than let a skipped test
 * count pass for a full run.
 *
 * The tests write their scratch folders under one temporary root for the run (TMPDIR, which the test workers and the
 * command lines they start inherit, and `os.tmpdir()` reads), removed when the run ends: a run leaves nothing behind.
 */
export default function setup(): () => void {
  const shared = join(import.meta.dirname, '..', '..', 'shared');
  if (!existsSync(join(shared, 'gold')) || !existsSync(join(shared, 'corpus'))) {
    process.stderr.write(`note: ${shared} (gold files and corpus) not found: the gold, corpus and corpus-based track/terms tests are skipped\n`);
  }
  const root = mkdtempSync(join(tmpdir(), 'cnreport-test-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
