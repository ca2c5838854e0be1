import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/api.js';
import { assemble } from '../src/assemble.js';
import type { Result } from '../src/schema.js';
import { countDocument, loadSegmenter, tokensOf, type DocTerms, type Segmenter } from '../src/terms/index.js';
import { rules, SHARED } from './helpers.js';

// The three national work reports of the development corpus (manifest.tsv: 2023, 2024, 2025).
const NATIONAL = ['c041.txt', 'c042.txt', 'c032.txt'].map((f) => join(SHARED, 'corpus', f));
const present = NATIONAL.every((f) => existsSync(f));
const grepCount = (word: string, file: string): number => {
  try {
    return execFileSync('grep', ['-o', word, file], { encoding: 'utf8' }).split('\n').filter(Boolean).length;
  } catch (error) {
    if ((error as { status?: number }).status === 1) return 0; // grep found nothing
    throw error;
  }
};
let hasGrep = true;
try {
  execFileSync('grep', ['--version']);
} catch {
  hasGrep = false;
}

// Long, specific terms: no word of jieba's dictionary contains them, so no token can swallow them.
const WHOLE = ['人工智能', '数字经济', '乡村振兴', '碳达峰', '高质量发展'];
// Short words that stand inside longer dictionary words (生态环境, 污染物, 义务教育, 深化改革).
const PARTS = ['生态', '污染', '环境', '教育', '改革'];

describe.skipIf(!present || !hasGrep)('terms against grep -o on three national reports', () => {
  // Built before the tests run, not while they are collected: without ../shared nothing here is touched.
  let segmenter: Segmenter;
  let docs: { file: string; text: string; result: Result; counts: DocTerms }[] = [];
  beforeAll(() => {
    segmenter = loadSegmenter({ keywords: [...WHOLE, ...PARTS] });
    docs = NATIONAL.map((file) => {
      const doc = run({ path: file }, { rules, path: file });
      const result = assemble(doc);
      return { file, text: doc.text, result, counts: countDocument(doc.text, result, segmenter, { keywords: [...WHOLE, ...PARTS], by: 'document', nouns: false }) };
    });
  });

  it('counts five keywords jieba cannot split exactly as grep -o | wc -l', () => {
    for (const d of docs) {
      for (const k of WHOLE) {
        const c = d.counts.parts[0]!.keywords.find((x) => x.keyword === k)!;
        expect(`${d.file} ${k} ${c.count}`).toBe(`${d.file} ${k} ${grepCount(k, d.file)}`);
      }
    }
    expect(docs.reduce((n, d) => n + d.counts.parts[0]!.keywords.reduce((m, k) => m + (WHOLE.includes(k.keyword) ? k.count : 0), 0), 0)).toBeGreaterThan(50);
  });

  it('counts fewer tokens than grep for words inside longer words, and each missing one is inside a longer token', () => {
    let missing = 0;
    for (const d of docs) {
      const tokens = tokensOf(d.text, d.result, segmenter, false);
      for (const k of PARTS) {
        const c = d.counts.parts[0]!.keywords.find((x) => x.keyword === k)!;
        expect(c.occurrences).toBe(grepCount(k, d.file));
        const hits = new Set(c.hits.map((h) => h.start));
        for (let i = d.text.indexOf(k); i >= 0; i = d.text.indexOf(k, i + k.length)) {
          if (hits.has(i)) continue;
          missing++;
          const t = tokens.find((x) => x.start <= i && i < x.start + x.word.length)!;
          // The token holding this occurrence is a longer word that contains the keyword whole.
          expect(t.word.length).toBeGreaterThan(k.length);
          expect(t.start <= i && i + k.length <= t.start + t.word.length).toBe(true);
        }
      }
    }
    expect(missing).toBeGreaterThan(20);
  });

  it('reads the sources as given: every hit slices to its keyword', () => {
    for (const d of docs) {
      const source = readFileSync(d.file, 'utf8');
      for (const k of d.counts.parts[0]!.keywords) for (const h of k.hits) expect(source.slice(h.start, h.end)).toBe(k.keyword);
    }
  });
});
