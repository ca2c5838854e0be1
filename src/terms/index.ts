import { run, type Input } from '../api.js';
import { assemble } from '../assemble.js';
import { loadRules } from '../rules/load.js';
import type { Rules } from '../rules/schema.js';
import { countDocument, type By, type DocTerms } from './count.js';
import { loadSegmenter, type Segmenter } from './jieba.js';
import { termsReport, type TermsReport } from './report.js';
import { allKeywords, type KeywordGroup } from './words.js';

export { BY, countDocument, isWord, isContentNoun, keptRanges, tokensOf } from './count.js';
export type { By, DocTerms, Hit, KeywordCount, PartCounts } from './count.js';
export { loadSegmenter, userDictionary, SHIPPED_DICT } from './jieba.js';
export type { Segmenter, SegmenterOptions } from './jieba.js';
export { parseWords, allKeywords, WordsError } from './words.js';
export type { KeywordGroup } from './words.js';
export { termsReport, termsCsv, termsJson, DENOMINATOR } from './report.js';
export type { TermsReport, DocReport, PartReport, GroupReport, KeywordReport, TopWord } from './report.js';
export { termsChart, chartPoints } from './chart.js';
export { sectionRoles } from './roles.js';
export type { Role } from './roles.js';

export interface TermsOptions {
  /** Keyword groups to count; without them, `top` content words are listed. */
  groups?: KeywordGroup[] | null;
  /** Content words (nouns, verbal nouns) to list per document and part when no groups are given; 20 by default. */
  top?: number | null;
  by?: By;
  rules?: Rules;
  encoding?: string;
  fullDictionary?: boolean;
  /** A segmenter loaded beforehand with the same keywords (one per process or worker thread is enough). */
  segmenter?: Segmenter;
}

/** The settings one counting run shares between the main thread and its workers. */
export interface CountSettings {
  keywords: string[];
  by: By;
  nouns: boolean;
}

export function countSettings(options: Pick<TermsOptions, 'groups' | 'by'>): CountSettings {
  return { keywords: options.groups ? allKeywords(options.groups) : [], by: options.by ?? 'document', nouns: !options.groups };
}

/** Extract one report (for its metadata, sections and furniture) and count its terms. Throws InputError. */
export function countInput(input: Input, segmenter: Segmenter, settings: CountSettings, rules: Rules, extra: { encoding?: string; path?: string } = {}): DocTerms {
  const doc = run(input, { rules, encoding: extra.encoding, path: extra.path });
  return countDocument(doc.text, assemble(doc), segmenter, settings);
}

/**
 * Keyword counts and rates (or the top content words with TF-IDF) for reports, in process. Loads jieba once
 * unless a segmenter is given. For folders the CLI runs the same counting on worker threads.
 */
export function terms(inputs: readonly Input[], options: TermsOptions = {}): TermsReport {
  const rules = options.rules ?? loadRules();
  const settings = countSettings(options);
  const segmenter = options.segmenter ?? loadSegmenter({ keywords: settings.keywords, fullDictionary: options.fullDictionary });
  const docs = inputs.map((input) => countInput(input, segmenter, settings, rules, { encoding: options.encoding, path: 'path' in input ? input.path : undefined }));
  return termsReport(docs, { dictionary: segmenter.dictionary, by: settings.by, groups: options.groups ?? null, top: options.groups ? null : options.top ?? 20 });
}
