import type { Result, Task } from '../schema.js';
import { fold, sameFolded, sameNames } from './fold.js';
import type { GoldFile, GoldPassage } from './load.js';
import { counts, record, tally, type Counts, type Tally } from './metrics.js';
import { scoreQuantities, type QuantityScore } from './quantities.js';

export const META_FIELDS = ['title', 'docType', 'level', 'province', 'city', 'district', 'date', 'issuer'] as const;
export type MetaField = (typeof META_FIELDS)[number];
export const TASK_FIELDS = ['lead', 'responsible', 'cooperating'] as const;
type TaskField = (typeof TASK_FIELDS)[number];

export interface FileScore {
  headings: { match: Counts; depth: Tally };
  quantities: QuantityScore;
  tasks: { match: Counts } & Record<TaskField, Tally>;
  meta: Record<MetaField, Tally>;
  /** Each miss, extra and disagreement, one line each, for reading why a score is what it is. */
  notes: string[];
  /** Signs that the gold file does not fit this input (offsets past the end, an anchor or core not in its passage). */
  warnings: string[];
}

/** Index pairs of a longest common subsequence: headings matched in document order, each at most once. */
function align(a: string[], b: string[]): [number, number][] {
  const table = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

function scoreHeadings(gold: NonNullable<GoldFile['headings']>, result: Result, notes: string[]): FileScore['headings'] {
  const score = { match: counts(), depth: tally() };
  const pairs = align(gold.map((h) => fold(h.text)), result.sections.map((s) => fold(s.heading)));
  const matchedGold = new Set(pairs.map(([i]) => i));
  const matchedOut = new Set(pairs.map(([, j]) => j));
  score.match = { tp: pairs.length, fn: gold.length - pairs.length, fp: result.sections.length - pairs.length };
  for (const [i, j] of pairs) {
    const ok = gold[i]!.depth === result.sections[j]!.depth;
    record(score.depth, ok);
    if (!ok) notes.push(`heading ${gold[i]!.text}: depth expected ${gold[i]!.depth}, got ${result.sections[j]!.depth}`);
  }
  gold.forEach((h, i) => matchedGold.has(i) || notes.push(`missed heading ${h.text}`));
  result.sections.forEach((s, j) => matchedOut.has(j) || notes.push(`extra heading ${s.heading} (line ${s.span.line})`));
  return score;
}

/** Gold tasks are matched, within their passage, to extracted tasks that start there and have the same marker + title. */
function scoreTasks(passages: GoldPassage[], tasks: Task[], notes: string[]): FileScore['tasks'] {
  const score = { match: counts(), lead: tally(), responsible: tally(), cooperating: tally() };
  const key = (marker: string | null, title: string) => fold(`${marker ?? ''}${title}`);
  const used = new Set<number>();
  const inside = (t: Task, p: GoldPassage) => t.span.start >= p.start && t.span.start < p.end;
  for (const p of passages) {
    for (const g of p.tasks) {
      const j = tasks.findIndex((t, k) => !used.has(k) && inside(t, p) && key(t.marker, t.title) === key(g.marker, g.title));
      if (j < 0) {
        score.match.fn++;
        notes.push(`missed task ${g.marker ?? ''}${g.title}`);
        continue;
      }
      used.add(j);
      score.match.tp++;
      for (const f of TASK_FIELDS) {
        const want = g[f];
        if (want === undefined) continue;
        const ok = sameNames(want, tasks[j]![f]);
        record(score[f], ok);
        if (!ok) notes.push(`task ${g.marker ?? ''}${g.title}: ${f} expected [${want.join('、')}], got [${tasks[j]![f].join('、')}]`);
      }
    }
  }
  tasks.forEach((t, k) => {
    if (used.has(k) || !passages.some((p) => inside(t, p))) return;
    score.match.fp++;
    notes.push(`extra task ${t.marker ?? ''}${t.title} (line ${t.span.line})`);
  });
  return score;
}

/** Title and issuer are compared folded (width and spacing are how it was typed); the others exactly. */
function scoreMeta(gold: GoldFile['meta'], result: Result, notes: string[]): FileScore['meta'] {
  const score = Object.fromEntries(META_FIELDS.map((f) => [f, tally()])) as Record<MetaField, Tally>;
  if (!gold) return score;
  const want: Partial<Record<MetaField, string | null | undefined>> = { ...gold, ...(gold.region ?? {}) };
  const got: Record<MetaField, string | null> = { ...result.meta, ...result.meta.region };
  for (const f of META_FIELDS) {
    if (want[f] === undefined) continue;
    const ok = f === 'title' || f === 'issuer' ? sameFolded(want[f], got[f]) : want[f] === got[f];
    record(score[f], ok);
    if (!ok) notes.push(`meta ${f}: expected ${JSON.stringify(want[f])}, got ${JSON.stringify(got[f])}`);
  }
  return score;
}

/** Score one extraction (with the decoded text its offsets point into) against its gold file. */
export function scoreFile(gold: GoldFile, text: string, result: Result): FileScore {
  const notes: string[] = [];
  const warnings: string[] = [];
  for (const p of gold.passages) {
    if (p.end > text.length) warnings.push(`passage ${p.start}-${p.end} runs past the end of the text (${text.length} characters)`);
    else if (p.anchor && !fold(text.slice(p.start, p.end)).includes(fold(p.anchor))) warnings.push(`passage ${p.start}-${p.end}: anchor ${p.anchor} is not in it`);
  }
  const headings = gold.headings ? scoreHeadings(gold.headings, result, notes) : { match: counts(), depth: tally() };
  const quantities = scoreQuantities(text, gold.passages, result.quantities, notes, warnings);
  const tasks = scoreTasks(gold.passages, result.tasks, notes);
  return { headings, quantities, tasks, meta: scoreMeta(gold.meta, result, notes), notes, warnings };
}
