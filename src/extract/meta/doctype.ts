import type { Block, Doc, ViewLine } from '../../document.js';
import type { RawRules, Rules } from '../../rules/schema.js';
import type { Meta } from '../../schema.js';
import { escapeRegExp } from '../../rules/pattern.js';
import { contextFree, mayHold, requiredText } from '../../rules/regex-ast.js';
import { readAs } from '../../stages/normalise.js';
import { FILLER } from '../../util/breaks.js';

/** How many opening lines (page furniture included) the body cues look at. */
const OPENING_LINES = 60;

/** How much of the view's opening the body cues search as one text. */
const OPENING_CHARS = 4000;

/** What a title cue counts: the document's own title more than a collector's header (标题：…) about it. */
const OWN_TITLE = 3;
const COLLECTOR_TITLE = 1.5;

/** What the body cues are tried with, built once at load (`rules.meta.compiled.bodyCues`). */
export interface BodyCuePrefilter {
  /** `needs[k]`: texts body cue k cannot match without one of (requiredText), or null. */
  needs: readonly (readonly string[] | null)[];
  /** `free[k]`: body cue k reads nothing around its match (contextFree), so a line matches only where its text does. */
  free: readonly boolean[];
  /** Every text some cue needs, once, with the cues needing it (`cuesOf`). */
  words: readonly string[];
  cuesOf: readonly (readonly number[])[];
  /**
   * One alternation of the words, longest first (`g`): where it matches, the word it takes is the longest starting
   * there, and the others starting there are the words it opens with (`prefixes[w]`, w itself included).
   */
  finder: RegExp | null;
  indexOf: ReadonlyMap<string, number>;
  prefixes: readonly (readonly number[])[];
}

/** Called once by the rule loader (src/rules/compile.ts). */
export function compileBodyCues(rules: RawRules): BodyCuePrefilter {
  const needs = rules.meta.bodyCues.map((c) => requiredText(c.pattern));
  const words: string[] = [];
  const cuesOf: number[][] = [];
  needs.forEach((need, k) => {
    for (const w of need ?? []) {
      let i = words.indexOf(w);
      if (i < 0) {
        i = words.push(w) - 1;
        cuesOf.push([]);
      }
      if (!cuesOf[i]!.includes(k)) cuesOf[i]!.push(k);
    }
  });
  return { needs, free: rules.meta.bodyCues.map((c) => contextFree(c.pattern)), words, cuesOf,
    finder: words.length ? new RegExp([...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g') : null,
    indexOf: new Map(words.map((w, i) => [w, i])),
    prefixes: words.map((w) => words.flatMap((v, i) => (w.startsWith(v) ? [i] : []))),
  };
}

/**
 * Call `found(k, start, length)` for each body cue k one of whose needed texts starts at `start` in `text`: one native
 * search for all the texts (`finder`: `p.finder`, global, its lastIndex set here), resumed one character after each
 * find so that finds may overlap.
 */
function scanNeeds(text: string, p: BodyCuePrefilter, finder: RegExp, found: (cue: number, start: number, length: number) => void): void {
  finder.lastIndex = 0;
  for (let m = finder.exec(text); m; m = finder.exec(text)) {
    for (const w of p.prefixes[p.indexOf.get(m[0])!]!) for (const k of p.cuesOf[w]!) found(k, m.index, p.words[w]!.length);
    finder.lastIndex = m.index + 1;
  }
}

/**
 * The document type from weighted evidence: the first title cue that matches the title counts 3 (1.5 when the title
 * is only a collector's), each body cue found in the opening lines (speech formula, mandate line, byline, a
 * session headline) its weight. The highest total wins; on a tie, the title's type; with no evidence, other.
 */
export function docTypeOf(doc: Doc, rules: Rules, title: string | null, fromCollector = false): Meta['docType'] {
  const t = title?.replace(/\s+$/u, '') ?? '';
  const score = new Map<Meta['docType'], number>();
  const add = (type: Meta['docType'], w: number) => score.set(type, (score.get(type) ?? 0) + w);
  const byTitle = t ? rules.meta.titleCues.find((c) => c.title.test(t))?.docType ?? null : null;
  if (byTitle) add(byTitle, fromCollector ? COLLECTOR_TITLE : OWN_TITLE);
  // A copy with pinyin readings glossed into its words (發(fā)布: fillers in the view) is read without them: its opening
  // text and its lines apart, every line then read as one outside the text.
  const opening = doc.view.slice(0, OPENING_CHARS);
  const glossed = hasGloss(doc, opening.length, rules);
  const text = glossed ? withoutFillers(opening) : opening;
  const lines: string[] = [];
  // The lines that are not part of the opening text as it stands (past it, or changed in the view since: page breaks),
  // and those inside it (`inside`: their indices in `lines`, in the order of the text).
  const outside: string[] = [];
  const inside: ViewLine[] = [];
  const insideIndex: number[] = [];
  const count = Math.min(doc.lines.length, OPENING_LINES);
  for (let i = 0; i < count; i++) {
    const l = doc.lines[i]!;
    if (glossed) {
      const body = withoutFillers(l.body);
      outside.push(body);
      lines.push(body);
      continue;
    }
    if (l.end > text.length || text.slice(l.start, l.end) !== l.body) outside.push(l.body);
    else {
      inside.push(l);
      insideIndex.push(lines.length);
    }
    lines.push(l.body);
  }
  /** The index in `lines` of the line inside the text that holds [start, end), or -1. */
  const lineOf = (start: number, end: number): number => {
    let lo = 0;
    let hi = inside.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (inside[mid]!.start <= start) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && end <= inside[hi]!.end ? insideIndex[hi]! : -1;
  };
  // A cue cannot match a text without one of its required texts (requiredText): the regex is then not run. One scan
  // of the opening text and one of the lines outside it find, for every cue at once, whether the text holds one of
  // its texts and which lines do (a line inside the text holds one where the text holds it within that line).
  const p = rules.meta.compiled.bodyCues;
  const cues = rules.meta.bodyCues;
  // Flags in a typed array and lists pushed one by one: arrays from `map` are of another elements kind once this is
  // optimised (which inlines `map`), and the code was thrown away and compiled again for them.
  const inText = new Uint8Array(cues.length);
  const insideHolding: number[][] = [];
  const outsideHolding: number[][] = [];
  for (let k = 0; k < cues.length; k++) {
    insideHolding.push([]);
    outsideHolding.push([]);
  }
  // The rules' own finder, not a copy made for each document: each search starts by setting its lastIndex.
  const finder = p.finder;
  if (finder) {
    // Finds come in the order of the text, so a line already holding a cue is the last one listed for it.
    scanNeeds(text, p, finder, (k, at, length) => {
      inText[k] = 1;
      const line = p.free[k] ? -1 : lineOf(at, at + length);
      if (line >= 0) addLast(insideHolding[k]!, line);
    });
    // One callback for all the lines outside, reading the line being scanned, not one made for each line.
    let j = 0;
    const inLine = (k: number) => addLast(outsideHolding[k]!, j);
    for (; j < outside.length; j++) scanNeeds(outside[j]!, p, finder, inLine);
  }
  for (let k = 0; k < cues.length; k++) {
    const c = cues[k]!;
    if (!p.needs[k]) {
      if (c.pattern.test(text) || (p.free[k] ? outside : lines).some((l) => c.pattern.test(l))) add(c.docType, c.weight);
      continue;
    }
    if (inText[k] && c.pattern.test(text)) add(c.docType, c.weight);
    // A cue that reads nothing around its match (contextFree) and missed the opening text misses the lines inside it too.
    else if (testsAny(c.pattern, outside, outsideHolding[k]!) || (!p.free[k] && testsAny(c.pattern, lines, insideHolding[k]!))) add(c.docType, c.weight);
  }
  let best: Meta['docType'] = byTitle ?? 'other';
  for (const [type, w] of score) if (w > (score.get(best) ?? 0)) best = type;
  return best;
}

/** How far into a blanked stretch a pinyin reading is tried (the longest is seven letters in brackets). */
const GLOSS_REACH = 10;

/**
 * Whether the view blanked a pinyin reading (rules/script.yaml gloss) before `end`: a filler where the text has an
 * opening bracket, the reading read there. (Markup blanked, <p>, opens with no bracket.)
 */
function hasGloss(doc: Doc, end: number, rules: Rules): boolean {
  const gloss = rules.script.gloss?.pattern;
  if (!gloss) return false;
  for (let i = doc.view.indexOf(FILLER); i >= 0 && i < end; i = doc.view.indexOf(FILLER, i + 1)) {
    // (search reads a global pattern from its start and leaves its lastIndex as it was.)
    if (doc.text.charCodeAt(i) === 0x28 && doc.text.slice(i, i + GLOSS_REACH).search(gloss) === 0) return true;
  }
  return false;
}

/** A text without the fillers of the view. */
const withoutFillers = (s: string): string => (s.includes(FILLER) ? s.replaceAll(FILLER, '') : s);

/** Append `i` to a list in increasing order unless it is already its last. */
function addLast(list: number[], i: number): void {
  if (list.length === 0 || list[list.length - 1] !== i) list.push(i);
}

/** Whether the pattern matches one of the texts at the indices listed, tried in order. */
function testsAny(pattern: RegExp, texts: readonly string[], at: readonly number[]): boolean {
  for (let i = 0; i < at.length; i++) if (pattern.test(texts[at[i]!]!)) return true;
  return false;
}

/** The last year of each five-year plan by the numeral after 十 in its name (十一五 … 十五五): the one table of them. */
export const FIVE_YEAR_END: Readonly<Record<string, number>> = { 一: 2010, 二: 2015, 三: 2020, 四: 2025, 五: 2030 };

/** The last year of the five-year plans before 十一五, by the numeral of 第六…十个五年计划 (“六五” 1981–1985). */
export const EARLY_FIVE_YEAR_END: Readonly<Record<string, number>> = { 六: 1985, 七: 1990, 八: 1995, 九: 2000, 十: 2005 };

/**
 * The span of a five-year plan outline from its title: 第十四个五年规划 or “十四五”…规划 → 2021–2025; the plans before
 * 十一五 were 计划 (第十个五年计划纲要, “九五”计划 → 2001–2005, 1996–2000).
 */
export function outlineSpan(title: string): [number, number] | null {
  const m = /第十([一二三四五])个五年(?:规划|计划)|十([一二三四五])五|第([六七八九十])个五年(?:计划|规划)|[“"]([六七八九十])五[”"](?:计划|规划)/u.exec(title);
  if (!m) return bracketedSpan(title);
  const early = m[3] ?? m[4];
  const end = early ? EARLY_FIVE_YEAR_END[early]! : FIVE_YEAR_END[m[1] ?? m[2]!]!;
  return [end - 4, end];
}

/**
 * The five years a plan's title gives in brackets after its name (…行业发展规划（2016-2020年）), or null: a five-year
 * plan by its span. (A three-year 行动计划（2021—2023年） is a task list, no outline.)
 */
function bracketedSpan(title: string): [number, number] | null {
  const m = /规划(?:纲要)?[(（]((?:19|20)\d{2})年? ?[—–~至到-]{1,2} ?((?:19|20)\d{2})年?[)）]/u.exec(title);
  if (!m) return null;
  const from = Number(m[1]);
  return Number(m[2]) === from + 4 ? [from, from + 4] : null;
}

/**
 * Whether a document reports on its own year so far: by its title (rules/meta.yaml toDate: 今年以来, 上半年), or a
 * news item dated in its year's last quarter (温州网 2020-12-24: the year is as good as over, what it names of it is done).
 */
export function reportsToDate(meta: Pick<Meta, 'title' | 'docType' | 'date' | 'year'>, rules: Rules): boolean {
  const rule = rules.meta.toDate;
  if (rule && meta.title !== null && rule.pattern.test(meta.title)) return true;
  // A news item or page posted after the year it is about (2025年…常住人口…, posted in 2026) reports on that year.
  if ((meta.docType === 'news' || meta.docType === 'other') && meta.date !== null && meta.year !== null && Number(meta.date.slice(0, 4)) > meta.year) return true;
  return meta.docType === 'news' && meta.date !== null && Number(meta.date.slice(5, 7)) >= LAST_QUARTER;
}

/** The first month of a year's last quarter. */
const LAST_QUARTER = 10;

/**
 * Whether a document only looks back (rules/meta.yaml lookBack: 统计公报, 决算, 工作总结), by its title or its
 * issuer (…统计局). Meta takes its year as the year under review; roles make all of it a review.
 */
export function looksBack(title: string | null, issuer: string | null, rules: Rules): boolean {
  const rule = rules.meta.lookBack;
  // Read as the view reads text (meta.title keeps a traditional copy's characters and its pinyin readings as written:
  // 珠海市統(tǒng)計局 is 珠海市统计局).
  const gloss = rules.script.gloss?.pattern ?? null;
  const read = (s: string) => rule!.pattern.test(readAs(gloss && s.includes('(') ? s.replace(gloss, '') : s, rules.script.compiled.shift));
  return !!rule && ((title !== null && read(title)) || (issuer !== null && read(issuer)));
}

/** How far into its first paragraph a text's opening on a year it looks back on is looked for. */
const YEAR_OPENING = 120;

/**
 * The year a text of no known type (`other`) opens on and looks back on (rules/meta.yaml yearOpening: 2022年，面对…,
 * in its first paragraph, or its second after a title line), or null: a bulletin's or a summary's body, copied
 * without its title or under one that names no year.
 */
export function openingYear(doc: Doc, meta: Pick<Meta, 'docType'>, rules: Rules): number | null {
  const rule = rules.meta.yearOpening;
  if (!rule || meta.docType !== 'other') return null;
  // The first paragraph, or the second when the first is a title line.
  return yearInParagraphs(doc, 2, (b) => doc.reading.slice(b.start, Math.min(b.end, b.start + YEAR_OPENING)), (text) => rule.pattern.exec(text));
}

/**
 * The year (the `year` group) `match` finds first in the text `read` gives of each of the first `count` paragraphs
 * it gives one of (null to pass a paragraph by), or null. Paragraphs are read as read: a pinyin reading glossed into
 * a word (發(fā)展) is no break in it.
 */
function yearInParagraphs(doc: Doc, count: number, read: (b: Block) => string | null, match: (text: string) => RegExpExecArray | null): number | null {
  let seen = 0;
  for (const b of doc.blocks) {
    const text = b.kind === 'paragraph' ? read(b) : null;
    if (text === null) continue;
    const m = match(text);
    if (m) return Number(m.groups!.year);
    if (++seen === count) break;
  }
  return null;
}

/** In how many opening paragraphs of prose (with a full stop) an account of a report that looks back is looked for. */
const REPORTED_PARAGRAPHS = 3;

/**
 * The year of the report that only looks back (an audit report, final accounts, a statistical bulletin) a news item
 * gives an account of in its opening paragraphs (rules/meta.yaml reportedLookBack: 作关于2010年度…审计工作报告), or null.
 */
export function reportedLookBackYear(doc: Doc, meta: Pick<Meta, 'docType'>, rules: Rules): number | null {
  const rule = rules.meta.reportedLookBack;
  if (!rule || meta.docType !== 'news') return null;
  const needs = rules.meta.compiled.years.reportedLookBack;
  return yearInParagraphs(doc, REPORTED_PARAGRAPHS, (b) => {
    const text = doc.reading.slice(b.start, b.end);
    return text.includes('。') ? text : null;
  }, (text) => (mayHold(text, needs) ? rule.pattern.exec(text) : null));
}

/**
 * Whether the text says, rather than its title, that it only looks back on the year it is of: a text of no known type
 * opening on that year (openingYear), or a news item on a report that looks back (reportedLookBackYear).
 */
export function textLooksBack(doc: Doc, meta: Pick<Meta, 'docType' | 'year'>, rules: Rules): boolean {
  return meta.year !== null && (openingYear(doc, meta, rules) === meta.year || reportedLookBackYear(doc, meta, rules) === meta.year);
}

/** The types of a document that may stand for years (a policy's measures, a notice's tasks). */
const STANDING = new Set<Meta['docType']>(['policy-notice', 'task-notice']);
const YEAR_IN_TITLE = /(?:19|20)\d{2}\s*年/u;

/**
 * Whether a document is a standing policy or task notice whose title names no year (关于印发…若干措施的通知): its
 * measures are of no single year, so its plan part and the targets in it with nothing to date them take none, not the
 * year it was issued in (a notice of one year's tasks names it: 2024年重点工作任务分工方案).
 */
export function standsForYears(meta: Pick<Meta, 'title' | 'docType'>): boolean {
  // (With no title there is nothing to tell by: the year it was issued in stays its plan year.)
  return STANDING.has(meta.docType) && meta.title !== null && !YEAR_IN_TITLE.test(meta.title);
}
