import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What nodejieba offers that terms uses. */
interface NodeJieba {
  DEFAULT_DICT: string;
  DEFAULT_HMM_DICT: string;
  DEFAULT_STOP_WORD_DICT: string;
  load(options: { dict: string; hmmDict: string; userDict: string; idfDict: string; stopWordDict: string }): void;
  tag(text: string): { word: string; tag: string }[];
  cut(text: string, hmm: boolean): string[];
}

/**
 * The shipped dictionary: jieba's words found in government reports plus its most frequent words, and one dummy
 * entry holding the frequency of all the others, so each word keeps the weight it has in the default dictionary
 * (built by scripts/build-terms-dict.mjs). src/terms, dist/terms and dist/bundle all sit two levels below the root.
 */
const ROOT = new URL('../../', import.meta.url);
export const SHIPPED_DICT = fileURLToPath(new URL('dict/jieba.small.utf8', ROOT));
/** nodejieba also builds a keyword extractor from an IDF file; terms computes its own IDF, so one line is enough. */
export const SHIPPED_IDF = fileURLToPath(new URL('dict/idf.small.utf8', ROOT));

export interface SegmenterOptions {
  /** Words added to jieba's dictionary so that each stays one token (never cut into pieces). */
  keywords?: readonly string[];
  /** jieba's default main dictionary (about 350k words, slower to load) instead of the shipped one. */
  fullDictionary?: boolean;
}

export interface Segmenter {
  readonly dictionary: 'shipped' | 'full';
  readonly dictionaryPath: string;
  readonly keywords: ReadonlySet<string>;
  /** jieba's stop-word list (dict/stop_words.utf8 of cppjieba). */
  readonly stopWords: ReadonlySet<string>;
  /** Milliseconds spent loading nodejieba and its dictionaries. */
  readonly loadMs: number;
  /** jieba's tokens (HMM on for unknown words, as jieba's default) with their part-of-speech tags. */
  tag(text: string): { word: string; tag: string }[];
  /** The same tokens without tags (about twice as fast). */
  cut(text: string): string[];
}

/** nodejieba holds one dictionary per process (or worker thread); the segmenter that loaded it last owns it. */
const OWNER = Symbol.for('cnreport.terms.segmenter');

/** nodejieba is required here and only here, so commands other than `terms` never load it. */
function nodejieba(): NodeJieba {
  return createRequire(import.meta.url)('nodejieba') as NodeJieba;
}

/**
 * Load jieba with the shipped (or default) dictionary and the keywords as user words. The native dictionary is
 * process-wide: load once per process or worker and reuse the segmenter; a second load replaces the first, whose
 * segmenter then refuses to cut (rather than cut with someone else's keywords).
 */
export function loadSegmenter(options: SegmenterOptions = {}): Segmenter {
  const started = performance.now();
  const jieba = nodejieba();
  const dictionaryPath = options.fullDictionary ? jieba.DEFAULT_DICT : SHIPPED_DICT;
  const keywords = [...new Set(options.keywords ?? [])];
  const dir = mkdtempSync(join(tmpdir(), 'cnreport-terms-'));
  try {
    const userDict = join(dir, 'user.dict.utf8');
    writeFileSync(userDict, userDictionary(readFileSync(dictionaryPath, 'utf8'), keywords));
    jieba.load({ dict: dictionaryPath, hmmDict: jieba.DEFAULT_HMM_DICT, userDict, idfDict: SHIPPED_IDF, stopWordDict: jieba.DEFAULT_STOP_WORD_DICT });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const stopWords = new Set(readFileSync(jieba.DEFAULT_STOP_WORD_DICT, 'utf8').split(/\r?\n/).filter(Boolean));
  const owned = () => {
    if ((jieba as unknown as Record<symbol, unknown>)[OWNER] !== segmenter) throw new Error('this segmenter was replaced by a later loadSegmenter() in the same thread');
  };
  const segmenter: Segmenter = {
    dictionary: options.fullDictionary ? 'full' : 'shipped',
    dictionaryPath,
    keywords: new Set(keywords),
    stopWords,
    loadMs: performance.now() - started,
    tag(text: string) {
      owned();
      return jieba.tag(text);
    },
    cut(text: string) {
      owned();
      return jieba.cut(text, true);
    },
  };
  (jieba as unknown as Record<symbol, unknown>)[OWNER] = segmenter;
  return segmenter;
}

/**
 * The user dictionary for the keywords, one `word freq tag` line each. Each keyword gets the frequency jieba's
 * own `suggest_freq` would give it: at least its dictionary frequency, and more than the product of the pieces it
 * would otherwise be cut into, so the keyword as one token beats every way of cutting it. (Without a frequency
 * nodejieba gives user words the median weight, which does not guarantee that.) Its tag is the dictionary's, else nz.
 */
export function userDictionary(dict: string, keywords: readonly string[]): string {
  const wanted = new Set<string>();
  for (const k of keywords) {
    const chars = [...k];
    for (let a = 0; a < chars.length; a++) for (let b = a + 1; b <= chars.length; b++) wanted.add(chars.slice(a, b).join(''));
  }
  const freq = new Map<string, { freq: number; tag: string }>();
  let total = 0;
  let min = Infinity;
  for (const line of dict.split('\n')) {
    const first = line.indexOf(' ');
    if (first < 0) continue;
    const second = line.indexOf(' ', first + 1);
    const f = Number(line.slice(first + 1, second));
    total += f;
    if (f < min) min = f;
    const word = line.slice(0, first);
    if (wanted.has(word)) freq.set(word, { freq: f, tag: line.slice(second + 1).trim() });
  }
  const lines: string[] = [];
  for (const k of keywords) {
    if (/\s/.test(k)) continue;
    const chars = [...k];
    // Best probability of cutting k into two or more pieces (an unknown character weighs as jieba's minimum).
    const best = new Array<number>(chars.length + 1).fill(0);
    best[0] = 1;
    for (let b = 1; b <= chars.length; b++) {
      for (let a = 0; a < b; a++) {
        if (a === 0 && b === chars.length) continue;
        const piece = chars.slice(a, b).join('');
        const f = freq.get(piece)?.freq ?? (b - a === 1 ? min : 0);
        if (f > 0) best[b] = Math.max(best[b]!, best[a]! * (f / total));
      }
    }
    const own = freq.get(k);
    const split = chars.length > 1 ? Math.floor(best[chars.length]! * total) + 1 : 0;
    lines.push(`${k} ${Math.max(own?.freq ?? 0, split, 1)} ${own?.tag ?? 'nz'}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
