import type { By, DocTerms, Hit } from './count.js';
import type { KeywordGroup } from './words.js';

export const DENOMINATOR = 'words = jieba tokens (keywords as user words, HMM on) that hold a letter or CJK character, are not numerals (Arabic or Chinese digits only) and are not in jieba\'s stop-word list; page furniture removed by the cleaner is left out';

export interface KeywordReport {
  keyword: string;
  count: number;
  occurrences: number;
  per10k: number;
  share: number;
  hits: Hit[];
}

export interface GroupReport {
  group: string;
  count: number;
  occurrences: number;
  per10k: number;
  share: number;
  keywords: KeywordReport[];
}

export interface TopWord {
  rank: number;
  word: string;
  tag: string;
  count: number;
  per10k: number;
  share: number;
  /** In how many of the documents given the word stands. */
  df: number;
  /** (count / words) × (ln((1 + N) / (1 + df)) + 1), N documents given. */
  tfidf: number;
}

export interface PartReport {
  part: string;
  title: string | null;
  words: number;
  groups?: GroupReport[];
  top?: TopWord[];
}

/** A document's counts as reported: what `DocTerms` says of it, with its parts' keyword rates. */
export interface DocReport extends Omit<DocTerms, 'parts'> {
  parts: PartReport[];
}

export interface TermsReport {
  dictionary: 'shipped' | 'full';
  by: By;
  denominator: string;
  groups: KeywordGroup[] | null;
  top: number | null;
  documents: DocReport[];
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));
const per10k = (count: number, words: number) => (words > 0 ? round((count * 10000) / words, 4) : 0);
const share = (count: number, words: number) => (words > 0 ? round(count / words, 8) : 0);

export interface ReportOptions {
  dictionary: 'shipped' | 'full';
  by: By;
  groups: KeywordGroup[] | null;
  top: number | null;
}

/** Rates, group sums and TF-IDF over the counted documents (in the order given). */
export function termsReport(docs: readonly DocTerms[], options: ReportOptions): TermsReport {
  const df = new Map<string, number>();
  if (options.top !== null) {
    for (const d of docs) {
      const seen = new Set(d.parts.flatMap((p) => (p.nouns ?? []).map((n) => n.word)));
      for (const w of seen) df.set(w, (df.get(w) ?? 0) + 1);
    }
  }
  const idf = (word: string) => Math.log((1 + docs.length) / (1 + (df.get(word) ?? 0))) + 1;
  return {
    dictionary: options.dictionary,
    by: options.by,
    denominator: DENOMINATOR,
    groups: options.groups,
    top: options.top,
    documents: docs.map((d) => ({
      file: d.file, title: d.title, year: d.year, region: d.region, level: d.level, docType: d.docType, chars: d.chars, words: d.words,
      parts: d.parts.map((p) => {
        const out: PartReport = { part: p.part, title: p.title, words: p.words };
        if (options.groups) {
          const byKeyword = new Map(p.keywords.map((k) => [k.keyword, k]));
          out.groups = options.groups.map((g) => {
            const ks = g.keywords.map((k) => byKeyword.get(k)!);
            const count = ks.reduce((n, k) => n + k.count, 0);
            return {
              group: g.name, count, occurrences: ks.reduce((n, k) => n + k.occurrences, 0), per10k: per10k(count, p.words), share: share(count, p.words),
              keywords: ks.map((k) => ({ keyword: k.keyword, count: k.count, occurrences: k.occurrences, per10k: per10k(k.count, p.words), share: share(k.count, p.words), hits: k.hits })),
            };
          });
        }
        if (options.top !== null) {
          // Merge tags of one word (a word jieba tags two ways counts once, under its commoner tag).
          const merged = new Map<string, { word: string; tag: string; count: number; best: number }>();
          for (const n of p.nouns ?? []) {
            const m = merged.get(n.word);
            if (!m) merged.set(n.word, { word: n.word, tag: n.tag, count: n.count, best: n.count });
            else {
              m.count += n.count;
              if (n.count > m.best) Object.assign(m, { tag: n.tag, best: n.count });
            }
          }
          out.top = [...merged.values()]
            .sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
            .slice(0, options.top)
            .map((n, i) => ({
              rank: i + 1, word: n.word, tag: n.tag, count: n.count, per10k: per10k(n.count, p.words), share: share(n.count, p.words),
              df: df.get(n.word) ?? 0, tfidf: p.words > 0 ? round((n.count / p.words) * idf(n.word), 8) : 0,
            }));
        }
        return out;
      }),
    })),
  };
}

function field(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (cells: (string | number | null)[]) => cells.map(field).join(',');
const DOC_COLUMNS = ['file', 'year', 'province', 'city', 'district', 'level', 'doc_type', 'part', 'part_title'];
const docCells = (d: DocReport, p: PartReport) => [d.file, d.year, d.region.province, d.region.city, d.region.district, d.level, d.docType, p.part, p.title];

/**
 * One tidy row per document, part and keyword (and one per group with keyword `*`, its keywords summed); with
 * --top, one row per document, part and word. Rates: per_10k = count × 10000 / words; share = count / words.
 */
export function termsCsv(report: TermsReport): string {
  const rows: string[] = [];
  if (report.groups) {
    rows.push(line([...DOC_COLUMNS, 'group', 'keyword', 'count', 'occurrences', 'words', 'per_10k', 'share']));
    for (const d of report.documents) {
      for (const p of d.parts) {
        for (const g of p.groups ?? []) {
          rows.push(line([...docCells(d, p), g.group, '*', g.count, g.occurrences, p.words, g.per10k, g.share]));
          for (const k of g.keywords) rows.push(line([...docCells(d, p), g.group, k.keyword, k.count, k.occurrences, p.words, k.per10k, k.share]));
        }
      }
    }
  } else {
    rows.push(line([...DOC_COLUMNS, 'rank', 'word', 'tag', 'count', 'words', 'per_10k', 'share', 'df', 'tfidf']));
    for (const d of report.documents) {
      for (const p of d.parts) for (const t of p.top ?? []) rows.push(line([...docCells(d, p), t.rank, t.word, t.tag, t.count, p.words, t.per10k, t.share, t.df, t.tfidf]));
    }
  }
  return `${rows.join('\n')}\n`;
}

export const termsJson = (report: TermsReport): string => `${JSON.stringify(report, null, 2)}\n`;
