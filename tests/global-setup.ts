import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The gold and corpus tests read ../shared (the hand-checked answers and the development corpus, which are not part
 * of the repository) and skip without it. Say so once, at the start of the run, rather than let a skipped test
 * count pass for a full run.
 */
export default function setup(): void {
  const shared = join(import.meta.dirname, '..', '..', 'shared');
  if (!existsSync(join(shared, 'gold')) || !existsSync(join(shared, 'corpus'))) {
    process.stderr.write(`note: ${shared} (gold files and corpus) not found: the gold, corpus and corpus-based track/terms tests are skipped\n`);
  }
}
