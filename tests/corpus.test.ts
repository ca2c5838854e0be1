import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml as load } from '../src/util/yaml.js';
import { describe, expect, it } from 'vitest';
import { extract, run } from '../src/api.js';
import type { Doc, Range } from '../src/document.js';
import { Result } from '../src/schema.js';
import { badSpans, rules, SEEDS, SHARED } from './helpers.js';

const CORPUS = join(SHARED, 'corpus');
const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;

describe.skipIf(!existsSync(CORPUS))('corpus: every real report', () => {
  const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((n) => n.endsWith('.txt')).sort() : [];
  for (const name of files) {
    it(`${name}: extracts, validates, spans slice, nothing taken from removed furniture`, () => {
      const path = join(CORPUS, name);
      const result = extract({ path }, { rules });
      expect(Result.safeParse(result).success).toBe(true);
      expect(badSpans(result, readFileSync(path, 'utf8'))).toEqual([]);
      const removed = result.removed.map((r) => r.span);
      const inside = [
        ...result.sections.map((s) => ['section', s.heading, s.span] as const),
        ...result.tasks.map((t) => ['task', t.title, t.span] as const),
        ...result.quantities.map((q) => ['quantity', q.core.text, q.core.span] as const),
        ...result.glossary.map((g) => ['glossary', g.term, g.span] as const),
      ].filter(([, , span]) => removed.some((r) => overlaps(r, span)));
      expect(inside.map(([kind, text, span]) => `${kind} ${text} @${span.line}`)).toEqual([]);
    });
  }
});

/** Non-blank lines (1-based) wholly inside removed spans. */
function removedLines(doc: Doc): number[] {
  const out: number[] = [];
  doc.lineStarts.forEach((start, k) => {
    const end = k + 1 < doc.lineStarts.length ? doc.lineStarts[k + 1]! : doc.text.length;
    const body = /\S/.exec(doc.text.slice(start, end));
    if (!body) return;
    const first = start + body.index;
    const last = start + doc.text.slice(start, end).trimEnd().length;
    if (doc.removed.some((r) => r.start <= first && r.end >= last)) out.push(k + 1);
  });
  return out;
}

const lines = (...ranges: [number, number][]) => ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, k) => a + k));

/** The furniture each gold file's comments name, by line (page headlines and photo captions included). */
const FURNITURE: [string, string, number[]][] = [
  ['corpus/c024.txt', 'corpus/gold/c024.yaml', lines([1, 8], [167, 259])],
  ['corpus/c029.txt', 'corpus/gold/c029.yaml', lines([1, 17], [21, 21], [114, 120])],
  ['corpus/c041.txt', 'corpus/gold/c041.yaml', lines([229, 269])],
  ['seeds/003_7bedf75ac75c1b6a.txt', 'gold/003_7bedf75ac75c1b6a.yaml', lines([1, 2], [4, 6], [17, 17], [84, 85])],
  ['seeds/004_d207dd5c7035d7fb.txt', 'gold/004_d207dd5c7035d7fb.yaml', lines([1, 33], [127, 143])],
];

describe.skipIf(!existsSync(join(SHARED, 'gold')))('corpus: furniture against the gold files', () => {
  for (const [input, gold, expected] of FURNITURE) {
    it(`${input}: removes exactly the furniture lines, and no gold passage`, () => {
      const path = input.startsWith('seeds/') ? join(SEEDS, input.slice(6)) : join(SHARED, input);
      const doc = run({ path }, { rules });
      const nonBlank = expected.filter((n) => /\S/.test(doc.text.slice(doc.lineStarts[n - 1]!, doc.lineStarts[n] ?? doc.text.length)));
      expect(removedLines(doc)).toEqual(nonBlank);
      const { passages = [] } = load(readFileSync(join(SHARED, gold), 'utf8')) as { passages?: Range[] };
      expect(passages.filter((p) => doc.removed.some((r) => overlaps(r, p)))).toEqual([]);
    });
  }
});

/** Work and plan reports of the corpus, by its manifest (a news article about a session is none). */
function reportsOf(corpus: string): string[] {
  const manifest = join(corpus, 'manifest.tsv');
  if (!existsSync(manifest)) return [];
  return readFileSync(manifest, 'utf8').split('\n').slice(1).map((l) => l.split('\t'))
    .filter((c) => c.length > 6 && /(session )?report|工作报告|计划执行|^national \d{4}/.test(c.at(-1)!) && !/news article|若干意见|指导意见|考核细则/.test(c.at(-1)!))
    .map((c) => c[0]!);
}

describe.skipIf(!existsSync(CORPUS))('corpus: the parts of every work and plan report', () => {
  for (const name of reportsOf(CORPUS)) {
    it(`${name}: figures of the plan part are mostly targets, of the review part mostly actuals`, () => {
      const result = extract({ path: join(CORPUS, name) }, { rules });
      expect(['work-report', 'plan-report']).toContain(result.meta.docType);
      const role = new Map(result.sections.map((s) => [s.id, s.role]));
      const share = (part: string, kind: string) => {
        const inPart = result.quantities.filter((q) => q.section && role.get(q.section) === part);
        return inPart.length ? inPart.filter((q) => q.kind === kind).length / inPart.length : 1;
      };
      expect(share('plan', 'target')).toBeGreaterThanOrEqual(0.8);
      expect(share('review', 'actual')).toBeGreaterThanOrEqual(0.8);
    });
  }
});
