import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import { readGold } from '../src/gold/load.js';
import { scoreQuantities } from '../src/gold/quantities.js';
import { hasShared, rules, SEEDS, SHARED } from './helpers.js';

/** Quantity scores over one gold folder: matching counts and agreement per field among matched mentions. */
function score(goldDir: string, sourceDir: string) {
  const total = { tp: 0, fp: 0, fn: 0 };
  const fields: Record<string, { ok: number; n: number }> = {};
  for (const name of readdirSync(goldDir).filter((f) => f.endsWith('.yaml')).sort()) {
    const gold = readGold(join(goldDir, name));
    const path = join(sourceDir, gold.file);
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    const s = scoreQuantities(text, gold.passages, extract({ path }, { rules }).quantities, [], []);
    total.tp += s.match.tp;
    total.fp += s.match.fp;
    total.fn += s.match.fn;
    for (const [f, t] of Object.entries(s.fields)) {
      fields[f] ??= { ok: 0, n: 0 };
      fields[f]!.ok += t.ok;
      fields[f]!.n += t.n;
    }
  }
  const f1 = (2 * total.tp) / (2 * total.tp + total.fp + total.fn);
  const acc = (f: string) => fields[f]!.ok / fields[f]!.n;
  return { f1, acc };
}

// The targets of the quantities brief, on the seed gold and on the six hand-checked corpus reports.
describe.skipIf(!hasShared)('quantities against the gold files', () => {
  it.each([
    ['seeds', join(SHARED, 'gold'), SEEDS],
    ['corpus', join(SHARED, 'corpus', 'gold'), join(SHARED, 'corpus')],
  ])('%s', (_name, goldDir, sourceDir) => {
    const { f1, acc } = score(goldDir, sourceDir);
    expect(f1).toBeGreaterThanOrEqual(0.95);
    expect(acc('value')).toBeGreaterThanOrEqual(0.98);
    expect(acc('unit')).toBeGreaterThanOrEqual(0.98);
    expect(acc('comparator')).toBeGreaterThanOrEqual(0.95);
    expect(acc('kind')).toBeGreaterThanOrEqual(0.9);
    expect(acc('indicator')).toBeGreaterThanOrEqual(0.85);
  });
});

describe('quantities of the seeds', () => {
  it.each(readdirSync(SEEDS).filter((f) => f.endsWith('.txt')))('%s: every core and clause slices out of the source', (name) => {
    const path = join(SEEDS, name);
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    const result = extract({ path }, { rules });
    expect(result.quantities.length).toBeGreaterThan(0);
    for (const q of result.quantities) {
      expect(text.slice(q.core.span.start, q.core.span.end)).toBe(q.core.text);
      expect(text.slice(q.span.start, q.span.end)).toBe(q.text);
      expect(q.value === null).toBe(q.range !== null);
    }
  });
});
