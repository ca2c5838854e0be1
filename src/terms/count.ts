import type { Result } from '../schema.js';
import { lineOf, lineStarts } from '../span.js';
import type { Segmenter } from './jieba.js';
import { sectionRoles, type Role } from './roles.js';

/** How a document's counts are split: whole, by review/plan part, or by top-level section. */
export type By = 'document' | 'role' | 'section';
export const BY: readonly By[] = ['document', 'role', 'section'];

/** Where a keyword stands: `source.slice(start, end) === keyword`; line and column count from 1. */
export interface Hit {
  start: number;
  end: number;
  line: number;
  column: number;
}

export interface KeywordCount {
  keyword: string;
  /** jieba tokens equal to the keyword. */
  count: number;
  /** The keyword's occurrences as a string (what `grep -o` counts), outside removed furniture: ≥ count. */
  occurrences: number;
  hits: Hit[];
}

/** A content word (noun or verbal noun) and how often it stands in a part. */
export interface NounCount {
  word: string;
  tag: string;
  count: number;
}

export interface PartCounts {
  /** `document`; a role (review, plan, glossary, other); or a top-level section id (`front` before the first). */
  part: string;
  /** The section heading when split by section. */
  title: string | null;
  /** The denominator: jieba tokens with a letter or CJK character, not numerals, not stop words. */
  words: number;
  keywords: KeywordCount[];
  nouns?: NounCount[];
}

export interface DocTerms {
  file: string;
  title: string | null;
  year: number | null;
  region: { province: string | null; city: string | null; district: string | null };
  /** `meta.level` when the extraction has it, else null. */
  level: string | null;
  docType: string;
  chars: number;
  words: number;
  parts: PartCounts[];
}

export interface CountOptions {
  keywords: readonly string[];
  by: By;
  /** Also count nouns and verbal nouns per part (for --top). */
  nouns: boolean;
}

const NUMERAL = /^[零〇一二三四五六七八九十百千万亿两]+$/u;
const LETTER = /\p{L}/u;

/** Whether a token counts as a word of the denominator. */
export function isWord(word: string, stopWords: ReadonlySet<string>): boolean {
  return LETTER.test(word) && !NUMERAL.test(word) && !stopWords.has(word);
}

/** Nouns and verbal nouns of two characters or more, person names left out. */
export function isContentNoun(word: string, tag: string): boolean {
  return word.length >= 2 && ((tag.startsWith('n') && !tag.startsWith('nr')) || tag === 'vn');
}

/** The parts of the text that are not removed furniture, as [start, end) ranges in order. */
export function keptRanges(length: number, removed: readonly { span: { start: number; end: number } }[]): [number, number][] {
  const cuts = removed.map((r) => [r.span.start, r.span.end] as const).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  let at = 0;
  for (const [start, end] of cuts) {
    if (start > at) out.push([at, start]);
    at = Math.max(at, end);
  }
  if (at < length) out.push([at, length]);
  return out;
}

/** jieba's tokens of the kept text with their offsets in the source; none crosses removed furniture. */
export function tokensOf(text: string, result: Pick<Result, 'removed'>, segmenter: Segmenter, tags = true): { word: string; tag: string; start: number }[] {
  const out: { word: string; tag: string; start: number }[] = [];
  for (const [from, to] of keptRanges(text.length, result.removed)) {
    const piece = text.slice(from, to);
    let at = 0;
    // Tags only when they are needed (for --top): cutting alone gives the same tokens twice as fast.
    for (const { word, tag } of tags ? segmenter.tag(piece) : segmenter.cut(piece).map((word) => ({ word, tag: '' }))) {
      // jieba returns the text cut into pieces; should it ever drop a character, find the token further on.
      const found = piece.startsWith(word, at) ? at : piece.indexOf(word, at);
      if (found < 0) continue;
      out.push({ word, tag, start: from + found });
      at = found + word.length;
    }
  }
  return out;
}

/** Which part a position belongs to, from the section headings (a section runs to the next heading). */
function partOf(result: Result, by: By): { at: (pos: number) => string; order: { part: string; title: string | null }[] } {
  if (by === 'document') return { at: () => 'document', order: [{ part: 'document', title: null }] };
  const sections = result.sections;
  const starts = sections.map((s) => s.span.start);
  const index = (pos: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  if (by === 'role') {
    const roles = sectionRoles(result);
    const order: Role[] = ['review', 'plan', 'glossary', 'other'];
    return { at: (pos) => { const i = index(pos); return i < 0 ? 'other' : roles.get(sections[i]!.id) ?? 'other'; }, order: order.map((part) => ({ part, title: null })) };
  }
  const byId = new Map(sections.map((s) => [s.id, s]));
  const top = (id: string) => {
    let s = byId.get(id)!;
    while (s.parent && byId.has(s.parent)) s = byId.get(s.parent)!;
    return s.id;
  };
  const tops = sections.map((s) => top(s.id));
  return {
    at: (pos) => { const i = index(pos); return i < 0 ? 'front' : tops[i]!; },
    order: [{ part: 'front', title: null }, ...sections.filter((s) => s.parent === null || !byId.has(s.parent)).map((s) => ({ part: s.id, title: s.heading }))],
  };
}

/** Count the keywords (and nouns) of one extracted document, per part. */
export function countDocument(text: string, result: Result, segmenter: Segmenter, options: CountOptions): DocTerms {
  const { at, order } = partOf(result, options.by);
  const parts = new Map<string, { words: number; hits: Map<string, number[]>; occurrences: Map<string, number>; nouns: Map<string, NounCount> }>();
  const partFor = (name: string) => {
    let p = parts.get(name);
    if (!p) {
      p = { words: 0, hits: new Map(options.keywords.map((k) => [k, []])), occurrences: new Map(options.keywords.map((k) => [k, 0])), nouns: new Map() };
      parts.set(name, p);
    }
    return p;
  };
  for (const o of order) partFor(o.part);
  const keywords = new Set(options.keywords);
  for (const t of tokensOf(text, result, segmenter, options.nouns)) {
    const p = partFor(at(t.start));
    if (isWord(t.word, segmenter.stopWords)) {
      p.words++;
      if (options.nouns && isContentNoun(t.word, t.tag)) {
        const key = `${t.word}\u0000${t.tag}`;
        const n = p.nouns.get(key);
        if (n) n.count++;
        else p.nouns.set(key, { word: t.word, tag: t.tag, count: 1 });
      }
    }
    if (keywords.has(t.word)) p.hits.get(t.word)!.push(t.start);
  }
  // What grep -o counts: each keyword as a string, left to right without overlaps, outside removed furniture.
  for (const [from, to] of keptRanges(text.length, result.removed)) {
    const piece = text.slice(from, to);
    for (const k of keywords) {
      for (let i = piece.indexOf(k); i >= 0; i = piece.indexOf(k, i + k.length)) {
        const p = partFor(at(from + i));
        p.occurrences.set(k, p.occurrences.get(k)! + 1);
      }
    }
  }
  const starts = lineStarts(text);
  const hit = (start: number, keyword: string): Hit => {
    const line = lineOf(starts, start);
    return { start, end: start + keyword.length, line, column: start - starts[line - 1]! + 1 };
  };
  const titles = new Map(order.map((o) => [o.part, o.title]));
  const names = [...parts.keys()].filter((name) => {
    // Fixed parts are always listed (review and plan for roles); the text before the first heading, a glossary and
    // "other" only when they hold words, so a tidy table has the same rows for every report of a kind.
    const p = parts.get(name)!;
    return name === 'document' || name === 'review' || name === 'plan' || p.words > 0 || [...p.occurrences.values()].some((n) => n > 0) || (options.by === 'section' && name !== 'front');
  });
  const level = (result.meta as { level?: unknown }).level;
  return {
    file: result.source.path ?? '-',
    title: result.meta.title,
    year: result.meta.year,
    region: result.meta.region,
    level: typeof level === 'string' ? level : null,
    docType: result.meta.docType,
    chars: text.length,
    words: [...parts.values()].reduce((n, p) => n + p.words, 0),
    parts: names.map((name) => {
      const p = parts.get(name)!;
      return {
        part: name,
        title: titles.get(name) ?? null,
        words: p.words,
        keywords: options.keywords.map((k) => ({ keyword: k, count: p.hits.get(k)!.length, occurrences: p.occurrences.get(k)!, hits: p.hits.get(k)!.map((s) => hit(s, k)) })),
        ...(options.nouns ? { nouns: [...p.nouns.values()].sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0)) } : {}),
      };
    }),
  };
}
