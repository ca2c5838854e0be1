import type { RawRules, Rules } from '../../rules/schema.js';
import { alternation } from '../../rules/pattern.js';
import { digitsSpelled, edgeUnits, literal, mayHold, parse, requiredText, type Node } from '../../rules/regex-ast.js';
import type { UnitEntry } from '../../rules/files/units.js';
import type { Punctuation } from '../../rules/punctuation.js';
import { stopsOf, type Stops } from './bounds.js';
import { decisionIds, INDICATOR_EVIDENCE, KIND_EVIDENCE, MEASURE_EVIDENCE, ROLE_EVIDENCE, YEAR_EVIDENCE, type IndicatorEvidence, type KindEvidence, type MeasureEvidence, type QuantityRules, type YearEvidence } from '../../rules/files/quantities.js';
import { ARABIC_NUMERAL, factorParts, numeralsOf, SPLIT_NUMERAL, type FactorParts, type Numerals } from './numbers.js';
import { isDigitCode } from '../../util/find.js';

type Op = '>=' | '<=' | '>' | '<' | '~';
export interface Tagged<T> { id: string; value: T }

/** The quantity rules turned into regular expressions and lookup maps, built once at load (`rules.quantities.compiled`). */
export interface Compiled {
  q: QuantityRules;
  /** The rule set's punctuation (rules/headings.yaml clausePunctuation, sentenceEnd): what ends a clause or sentence. */
  punct: Punctuation;
  /** The characters the view reads as others (normalise.ts compileShift: full-width forms, traditional characters). */
  shift: Uint16Array;
  /** The same as clause and sentence stops, with the view's table cell separators (bounds.ts). */
  stops: Stops;
  /** The ids of the decision rules (rules/quantities.yaml `decisions`), by the evidence they name. */
  ids: {
    kind: Record<KindEvidence, string | null>; year: Record<YearEvidence, string | null>; indicator: Record<IndicatorEvidence, string | null>;
    measure: Record<MeasureEvidence, string | null>; sequence: string | null;
  };
  /** The tense words of the roles stage (将, 力争 / 完成, 已) in one alternation, and the role each word is evidence for. */
  tense: RegExp;
  tenseRole: ReadonlyMap<string, 'plan' | 'review' | 'none'>;
  /**
   * Per exclusion rule (`q.exclude` order): the characters its before pattern can end the text with (…$), and those
   * its after, unit and number patterns can start it with (^…), or null when not known (edgeUnits).
   */
  excludeEdges: { before: ReadonlySet<number> | null; after: ReadonlySet<number> | null; unit: ReadonlySet<number> | null; number: ReadonlySet<number> | null }[];
  /**
   * The same as bit sets (bit k: rule k), when there are at most 32 rules: per side, the rules that have an edge set
   * there (`constrained`) and, per character, the rules whose edge set holds it; else null.
   */
  excludeGates: Record<'before' | 'after' | 'unit' | 'number', ExcludeGate> | null;
  /** The exclusion rules (`q.exclude`), of one shape (see `shaped`). */
  exclude: QuantityRules['exclude'];
  /** The unit rules, their units of one shape (see `shaped`); every unit entry the quantity code holds is one of these. */
  units: Rules['units'];
  /** Every conversion factor of the units (`factor`, `base`), split once for `convert`. */
  factors: ReadonlyMap<number, FactorParts>;
  numerals: Numerals;
  /** The numbers of a text (`from`), or the number exactly at a position (`at`: the second half of a range). */
  number: NumberFinder;
  unit: WordsAt;
  unitOf: Map<string, UnitEntry>;
  magnitude: WordsAt;
  magnitudeOf: Map<string, { exponent: number; arabicOnly: boolean }>;
  approx: WordsAt;
  /** Currency signs before digits ($, ￥), matched backwards from the digits: the sign ending at a position. */
  signs: { sign: string; unit: UnitEntry }[];
  /** The last characters of the signs: a sign can end only where one of them stands. */
  signEnds: ReadonlySet<number>;
  /** Texts one of which every match of `q.planCount.after` / `q.taskAmount` holds (requiredText), or null: tried first. */
  planCountNeeds: readonly string[] | null;
  taskAmountNeeds: readonly string[] | null;
  /** Texts one of which every match of `q.planBase.after` / `.before` holds (requiredText), or null: tried first. */
  planBaseNeeds: readonly string[] | null;
  planBaseBeforeNeeds: readonly string[] | null;
  /** The characters a score figure (`q.scoreFigure`, anchored) can start with, or null when not known. */
  scoreFirst: ReadonlySet<number> | null;
  /** The characters a baseline before a level (`q.baselineLevel`, anchored at its end) can end with, or null when not known. */
  baselineLast: ReadonlySet<number> | null;
  /** The characters a list marker (`q.indicator.marker`, anchored) can start with, or null when not known. */
  markerFirst: ReadonlySet<number> | null;
  /**
   * `q.indicator.cut`, tried only where a match can start (its first match: `cutAt.first(text)[0]`, the match `exec`
   * finds), or null: the engine's own search tried every position of every phrase before a figure.
   */
  cutAt: Patterns | null;
  /**
   * Texts one of which every match of `q.listHead` holds (requiredText), or null: the rest of a sentence after a
   * figure seldom holds one, and a search for it costs a third of a run of the pattern.
   */
  listHeadNeeds: readonly string[] | null;
  /** Texts one of which every match of `q.indicator.subjectPattern` holds (requiredText), or null. */
  subjectNeeds: AnyWord | null;
  /**
   * Texts one of which every match of `q.planShare` holds (计划, 目标任务), or null: the pattern is anchored at the
   * figure and the engine tries it from every position of the clause; few clauses name a plan at all.
   */
  planShareNeeds: AnyWord | null;
  /** The ids of the section rules (`q.sections`), looked up for every figure in a part of a report. */
  sectionRules: ReadonlySet<string>;
  /** The cue words of work done (`q.doneCues`), of a look ahead (`q.roles.aheadCues`), of progress done (`q.progressDone`). */
  doneCue: AnyWord;
  aheadCue: AnyWord;
  progressDone: AnyWord;
  /** A look ahead in a clause: an ahead cue or a plan tense word (将, 要, 力争…). */
  ahead: AnyWord;
  /** Marks of an included end between two ends of a range (3万(含)-10万元). */
  inclusive: WordsAt;
  /** 角/分 after an amount of yuan. */
  subunit: WordsAt;
  /** First characters of the words of a half (半), tested before anything else is. */
  halfFirsts: Set<number>;
  /** `/吨`, `/平方米` after a unit: a rate such as 元/吨. */
  per: WordsAt;
  rangeJoin: WordsAt;
  sharedJoin: WordsAt;
  /** quantities.yaml sharedUnitAreas: the area a list member is compared with, between the joiner and it. */
  sharedArea: WordsAt;
  cmpAfter: WordsAt;
  cmpBefore: RegExp;
  /** The words of `cmpBefore`, one of which its every match holds: a text holding none is not run through it. */
  cmpBeforeWords: AnyWord;
  /** A comparator adverb and the verb of one to three characters after it, ending the text (至少培育). */
  cmpAdverb: RegExp;
  cmpOf: Map<string, Tagged<Op>>;
  /** For a comparator word written before a figure, the characters that make it part of another word before it (签约). */
  cmpNotAfter: Map<string, string>;
  /** Pattern 0: the words no growth word may be cut out of (notGrowth, 增加值); 1: the growth words. */
  growthWords: Patterns;
  /** The same, not global: `test` keeps no state on it. */
  growthAny: RegExp;
  growthOf: Map<string, Tagged<'up' | 'down'>>;
  toLevel: RegExp;
  /** The kind cue words, and the words that hold one but are none (q.notKindCues: matched, then passed over). */
  kind: Patterns;
  kindOf: Map<string, Tagged<'target' | 'actual' | 'other'> & { yieldsToYear: boolean; yieldsToTarget: boolean; thisYear: boolean }>;
  /** Year cues, global copies of the rule patterns. */
  /** `needs`: texts a match holds one of (requiredText, two at most), or null. */
  years: { rule: QuantityRules['years'][number]; re: RegExp; needs: readonly string[] | null }[];
  /** The year cues (in `years` order), all found in one pass over a text: every cue (the cues before a figure)… */
  yearCues: CueSet;
  /** The ids of the year cues that are deadlines (到2025年: `deadline: true`). */
  deadlineIds: ReadonlySet<string>;
  /** The ids of the year cues that name one year as the figure's own (2023年, 去年: a capture or the review year, no deadline, no span). */
  namedYearIds: ReadonlySet<string>;
  /** Ids of the year cues naming the base of a change (比2015年, 比“十二五”末: span `base`). */
  baseYearIds: ReadonlySet<string>;
  /** …the cues that open or close a span in a paragraph (context.ts scopeEvents)… */
  scopeCues: CueSet;
  /** …and the cues that capture a year, or name a five-year span (a year or span written before a figure decides its kind). */
  captureCues: CueSet;
  /**
   * Any deadline cue (a year rule with `deadline`: 到2025年), to rule out most texts before the capture cues are read,
   * with texts one of which every such cue's match holds (requiredText: the 19 or 20 of its year), tried first.
   */
  deadlineAny: { re: RegExp; needs: readonly string[] | null } | null;
  /** …and any of those that states a level's date (`asOf`: 截至2023年底), the same way. */
  asOfAny: { re: RegExp; needs: readonly string[] | null } | null;
  leading: WordSet;
  trailing: WordSet;
  /** Whole words that a leading or trailing word must not be cut out of. */
  words: WordSet;
  /** quantities.yaml amountChange.baseline as a global pattern (every baseline in a clause), or null. */
  baselines: RegExp | null;
  subjects: WordSet;
  /** rules/quantities.yaml indicator.relativeVerbs. */
  relativeVerbs: WordSet;
  /** rules/quantities.yaml indicator.ownArea and areaKept. */
  ownArea: WordSet;
  areaKept: WordSet;
  /** Heads a list of parts shares (indicator.heads). */
  heads: WordSet;
  /** Counts a list's later parts may be of the first's subject (indicator.countHeads: 起数、死亡人数). */
  countHeads: WordSet;
  /** Verbs whose object a figure opens (indicator.objectVerbs). */
  objectVerbs: WordSet;
  /**
   * quantities.yaml spanFigures, as patterns: a word ending the text before a figure (`reached`, `change`, `steady`),
   * a total word anywhere in it, a verb of work done opening its clause (after any of the subjects).
   */
  span: { reached: RegExp; change: RegExp; steady: RegExp; totals: RegExp; action: RegExp; from: RegExp; changeGap: RegExp; yearly: readonly string[]; flow: RegExp; doneAfter: RegExp };
  /** quantities.yaml gapWords, opening a text after its punctuation (，高于全省). */
  gap: RegExp;
  /** …and within a clause after its subject, up to the figure (入学率高于全省平均): the word is group 1. */
  gapAfterSubject: RegExp;
  /** quantities.yaml indicator.listAdverbs, as a run at the end of a text (分别, 均都). */
  listAdverbsEnd: RegExp;
}

/**
 * A set of UTF-16 code units as one bit each (8 KB), for the scans that test every character of a text: a table of
 * 64 KB or more read per character was mostly out of the processor's nearest cache, as Chinese text reads all over it.
 */
export function codeBits(codes: Iterable<number>): Int32Array {
  const bits = new Int32Array(0x800);
  for (const code of codes) bits[code >> 5]! |= 1 << (code & 31);
  return bits;
}

export const inBits = (bits: Int32Array, code: number): boolean => ((bits[code >> 5]! >>> (code & 31)) & 1) !== 0;

/**
 * Words looked for at one position (a unit after a number, 以上 after a unit): the words that start with the
 * character there, longest first, compared in place. Most positions start none, and a lookup is far cheaper than
 * entering the regexp engine; a sticky alternation of the words (longest first) finds the same word.
 */
export class WordsAt {
  /** Per first character code, the words that start with it, longest first. */
  private readonly byFirst: ReadonlyMap<number, readonly string[]>;
  /** The first characters of the words (codeBits), tested before the map is: most positions asked about start none. */
  private readonly firsts: Int32Array;

  constructor(words: readonly string[]) {
    this.byFirst = groupBy(words.filter((w) => w.length > 0), (w) => w.charCodeAt(0));
    this.firsts = codeBits(this.byFirst.keys());
  }

  /**
   * The word (the longest) starting exactly at `pos`, or null. Nothing is read past the end: a read out of bounds
   * throws the hot functions this is inlined into out of optimised code.
   */
  at(view: string, pos: number): string | null {
    if (pos >= view.length) return null;
    const code = view.charCodeAt(pos);
    if (!inBits(this.firsts, code)) return null;
    const list = this.byFirst.get(code)!;
    for (let i = 0; i < list.length; i++) if (view.startsWith(list[i]!, pos)) return list[i]!;
    return null;
  }
}

/**
 * Whether a text holds one of some words (`words.some((w) => text.includes(w))`) in one pass: a table read per
 * character, and only where a word can start are the words that start so compared in place. A list of cue words
 * tested with one `includes` each read the text once per word.
 */
export class AnyWord {
  /** The first characters of the words (codeBits). */
  private readonly firsts: Int32Array;
  private readonly byFirst = new Map<number, readonly string[]>();
  /** An empty word: every text holds it. */
  private readonly always: boolean;

  constructor(words: readonly string[]) {
    this.always = words.some((w) => w.length === 0);
    for (const w of new Set(words)) {
      if (!w) continue;
      const code = w.charCodeAt(0);
      this.byFirst.set(code, [...(this.byFirst.get(code) ?? []), w]);
    }
    this.firsts = codeBits(this.byFirst.keys());
  }

  /** Whether [start, end) of `text` holds one of the words. */
  in(text: string, start = 0, end = text.length): boolean {
    if (this.always) return true;
    const firsts = this.firsts;
    for (let p = start; p < end; p++) {
      const code = text.charCodeAt(p);
      if (!inBits(firsts, code)) continue;
      const list = this.byFirst.get(code)!;
      for (let i = 0; i < list.length; i++) {
        const w = list[i]!;
        if (w.length <= end - p && text.startsWith(w, p)) return true;
      }
    }
    return false;
  }

  /**
   * Where the first occurrence of one of the words to end in `text` ends, or -1 for none: a prefix of `text` of
   * length n holds one of the words (`in(text, 0, n)`) exactly when this is 0 or more and at most n. One scan serves
   * every prefix (the figures of a sentence each ask about the sentence before them).
   */
  firstEnd(text: string): number {
    if (this.always) return 0;
    const firsts = this.firsts;
    let best = -1;
    // An occurrence starting at p ends after p: none starting at or past the best end so far can end sooner.
    for (let p = 0; p < text.length && (best < 0 || p < best); p++) {
      const code = text.charCodeAt(p);
      if (!inBits(firsts, code)) continue;
      const list = this.byFirst.get(code)!;
      for (let i = 0; i < list.length; i++) {
        const w = list[i]!;
        const end = p + w.length;
        if ((best < 0 || end < best) && end <= text.length && text.startsWith(w, p)) best = end;
      }
    }
    return best;
  }
}

/** A number found in a text: a match of the number regexp (numberSource), by the group that matched. */
export interface NumberMatch {
  index: number;
  /** The match as written (百分之七, with its prefix). */
  text: string;
  /** 1 = numeral after 百分之/千分之, 2 = digits split by spaces, 3 = Arabic numeral, 4 = Chinese numeral. */
  group: number;
  /** The text of that group (七 of 百分之七). */
  numeral: string;
}

// How a number is read where one may start (NumberFinder.kindOf):
/** A digit: a plain run of digits is read as it stands, anything longer by the regexp (see NumberFinder.read). */
const DIGIT = 1;
/** 百/千 of 百分之, or the first character of a Chinese numeral. */
const NUMERAL = 2;
/** A digit that a prefix or Chinese numeral of the rules opens with too: always read by the regexp. */
const ANY = 3;


/**
 * The number regexp run over a text as a global regexp would be, but tried only where a number can start (a digit,
 * 百/千 of 百分之, the first character of a Chinese numeral): one table read per character, where the regexp engine
 * spent far more on each of the many characters that start none. The tables are sets of characters (codeBits, 8 KB
 * each: tables of a byte per character were 64 KB each to build at every start, and to read from).
 */
export class NumberFinder {
  /**
   * @param re the number regexp (numberSource, sticky): what `from` and `at` find is what it matches.
   * @param may the characters where a number may start (a digit, or one of `numeralStart`), tested first for each character.
   * @param numeralStart the characters a prefix or a Chinese numeral may start with (百 of 百分之, a numeral's lead).
   * @param percentLead where 百分之/千分之 may open (百, 千).
   * @param numeralLead where a Chinese numeral may start; `numeralRun`: where it may start or go on (its body, 点).
   * @param next where a character may follow a Chinese numeral (the lookahead of numberSource).
   */
  constructor(
    readonly re: RegExp,
    private readonly may: Int32Array,
    private readonly numeralStart: Int32Array,
    private readonly percentLead: Int32Array,
    private readonly numeralLead: Int32Array,
    private readonly numeralRun: Int32Array,
    private readonly next: Int32Array,
    /** The prefix words (units.yaml `prefixes`: 百分之, 千分之). */
    private readonly prefixes: readonly string[],
  ) {}

  /** How a number is read at a character where one may start (`may`): DIGIT, NUMERAL or ANY. */
  private kindOf(code: number): number {
    if (!inBits(this.numeralStart, code)) return DIGIT;
    return isDigitCode(code) ? ANY : NUMERAL;
  }

  /**
   * The first match starting at or after `from` and before `limit` (the match a global regexp with `lastIndex =
   * from` finds, if it starts before `limit`), or null. Bounded, so that a scan block by block reads each character
   * once: unbounded, a long text of blocks holding no number was read to its end once per block. `limit` is always
   * passed: a default for it, first taken by a wrapped paragraph, threw the optimised code out.
   */
  from(text: string, from: number, limit: number): NumberMatch | null {
    const may = this.may;
    for (let p = from; p < limit; p++) {
      const code = text.charCodeAt(p);
      if (!inBits(may, code)) continue;
      const m = this.read(text, p, code, this.kindOf(code));
      if (m) return m;
    }
    return null;
  }

  /** The match starting exactly at `pos` (the sticky regexp's), or null. */
  at(text: string, pos: number): NumberMatch | null {
    if (pos >= text.length) return null;
    const code = text.charCodeAt(pos);
    return inBits(this.may, code) ? this.read(text, pos, code, this.kindOf(code)) : null;
  }

  /** The match at `p`, where a number may start (`s`: kindOf its character `code`). */
  private read(text: string, p: number, code: number, s: number): NumberMatch | null {
    // Most Chinese numeral characters stand in words (统一, 一批): a match needs a character that may follow
    // a numeral within the run of numeral characters after it, or 分之 after 百/千. Where neither is, the regexp
    // cannot match and is not run.
    if (s === NUMERAL && !(inBits(this.percentLead, code) && this.prefixAt(text, p)) && !this.numeralMayEnd(text, p, code)) return null;
    if (s === DIGIT) {
      // Only a space, a point or a comma after a run of digits lets the regexp match more than the run (split
      // digits, a decimal, thousands): else it matches the run, as an Arabic numeral, and is not run. Most numbers
      // are such runs.
      let q = p + 1;
      while (q < text.length && isDigitCode(text.charCodeAt(q))) q++;
      const after = text.charCodeAt(q); // NaN at the end: nothing follows
      if (after !== 0x20 && after !== 0x2e && after !== 0x2c) {
        const run = text.slice(p, q);
        return { index: p, text: run, group: 3, numeral: run };
      }
    }
    const re = this.re;
    re.lastIndex = p;
    const m = re.exec(text);
    if (!m) return null;
    const group = m[1] !== undefined ? 1 : m[2] !== undefined ? 2 : m[3] !== undefined ? 3 : 4;
    return { index: p, text: m[0], group, numeral: m[group]! };
  }

  /** Whether a prefix word (百分之) stands at `p`. */
  private prefixAt(text: string, p: number): boolean {
    for (const w of this.prefixes) if (text.startsWith(w, p)) return true;
    return false;
  }

  /** Whether a Chinese numeral starting at `p` can be followed by a `next` character: within its run, or right after. */
  private numeralMayEnd(text: string, p: number, code: number): boolean {
    if (!inBits(this.numeralLead, code)) return false;
    const run = this.numeralRun;
    for (let q = p + 1; q < text.length; q++) {
      const c = text.charCodeAt(q);
      if (inBits(this.next, c)) return true;
      if (!inBits(run, c)) return false;
    }
    return false;
  }
}

/**
 * Per character, the bits of the edge sets (by index) that hold it, in two words: rules 0-31 at `by[code]`, rules
 * 32-63 at `by[HIGH + code]`; `constrained` and `constrainedHigh`: the indexes that have one.
 */
function gatesOf(sets: readonly (ReadonlySet<number> | null)[]): ExcludeGate {
  let constrained = 0;
  let constrainedHigh = 0;
  const by = new Int32Array(2 * HIGH);
  sets.forEach((set, k) => {
    if (!set) return;
    const bit = 1 << (k & 31);
    if (k < 32) constrained |= bit;
    else constrainedHigh |= bit;
    const at = k < 32 ? 0 : HIGH;
    for (const code of set) by[at + code]! |= bit;
  });
  return { constrained, constrainedHigh, by };
}

/** Where the second word of a gate table starts (one entry a UTF-16 unit a word). */
export const HIGH = 0x10000;
/** The most exclusion rules the gates hold (two words of bits); more turn them off. */
export const MAX_GATED = 64;

export interface ExcludeGate { constrained: number; constrainedHigh: number; by: Int32Array }

/**
 * A pattern for `Patterns`: the characters its matches open with (null: not known), the texts it needs one of
 * (requiredText), and the code units of its matches' second and third units (`unitsOf(re, [1, 2])`), when the caller
 * has them already: reading them parses the pattern.
 */
export interface PatternSpec {
  re: RegExp;
  firsts: Iterable<number> | null;
  needs?: readonly string[] | null;
  units?: readonly (ReadonlySet<number> | null)[];
}

/**
 * Some global patterns, each found in a text as `text.matchAll(pattern)` finds it, in one pass over the text: a
 * pattern is tried (sticky) only where a match of it can start, as told by the characters its matches open with,
 * and from where its last match ended. No regexp is cloned (matchAll clones one per call) and no text is read once
 * per pattern. A pattern whose first characters cannot be told is run as a global regexp, and only over a text
 * that holds one of its required texts (`needs`).
 */
export class Patterns {
  /** @internal (PatternScan) */
  readonly sticky: RegExp[];
  /** Per pattern, its `unicode` flag (read once: the flag getter is a call). */
  readonly unicode: boolean[];
  /** Per pattern: a global copy, for one whose first characters are not known, else null. */
  private readonly whole: (RegExp | null)[];
  /** The indexes of the patterns that have a `whole` copy, so that `all` loops over those only (mostly none). */
  private readonly wholeAt: number[];
  private readonly needs: (readonly string[] | null)[];
  /**
   * Per character code, its class: 0 for most, else the index in `classLists`, `secondOf` and `thirdOf` of what it
   * tells (characters that tell the same share one). One table of 16-bit entries, read for a character and the two
   * after it: three tables of 64 K entries (two of 32 bits) were 640 KB to build for each set at every start.
   */
  private readonly classes = new Uint16Array(0x10000);
  /** Per class, the patterns whose matches can open with its characters (their indexes, in order; none for class 0). */
  private readonly classLists: (readonly number[])[];
  /** The characters that open a match (their class has a list: codeBits), tested first for each character. */
  readonly opens: Int32Array;
  /** Whether every pattern's first characters are known (no `whole` copy): only then can a scan stop part way. */
  readonly resumable: boolean;
  /**
   * Per class, bit k set when a match of pattern k (k < 32) can have its characters as its second code unit;
   * `gated`: the patterns whose second units are known (secondUnits). A pattern is then not run where the next
   * character cannot go on a match (the 2 of 12.5 for a cue of years, 2024年).
   */
  private readonly secondOf: Int32Array;
  private readonly gated: number;
  /**
   * The same for the third code unit: a digit starts many a year cue, and only the third unit of 2024 tells a
   * cue of years (2024年) from a run of digits that starts none (the 20 of 2024 passes the second's gate).
   */
  private readonly thirdOf: Int32Array;
  private readonly thirdGated: number;
  /**
   * What `all` gives for a text with no match: an empty list per pattern (shared; handed out read-only, and not
   * frozen: a frozen array is of another kind than the lists `all` builds, and code reading both was thrown out).
   */
  private readonly none: readonly (readonly RegExpExecArray[])[];

  constructor(patterns: readonly PatternSpec[]) {
    this.sticky = patterns.map(({ re }) => new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'y'));
    this.unicode = this.sticky.map((re) => re.unicode);
    const gates = unitGates(patterns);
    this.gated = gates.gated;
    this.thirdGated = gates.thirdGated;
    this.whole = patterns.map(({ re, firsts }) => (firsts ? null : new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'g')));
    this.needs = patterns.map(({ needs }) => needs ?? null);
    this.wholeAt = [];
    this.whole.forEach((re, k) => {
      if (re) this.wholeAt.push(k);
    });
    this.resumable = this.wholeAt.length === 0;
    this.none = noMatches(patterns.length);
    const byFirst = new Map<number, number[]>();
    patterns.forEach(({ firsts }, k) => {
      for (const code of firsts ?? []) {
        const list = byFirst.get(code);
        if (!list) byFirst.set(code, [k]);
        else if (!list.includes(k)) list.push(k);
      }
    });
    // Characters opening the same patterns share one list.
    const shared = new Map<string, number>();
    const lists: number[][] = [];
    const listAt = new Map<number, number>();
    for (const [code, list] of byFirst) {
      const key = list.join();
      let i = shared.get(key);
      if (i === undefined) {
        shared.set(key, (i = lists.length));
        lists.push(list);
      }
      listAt.set(code, i);
    }
    const classOf = new Map<string, number>();
    const classLists: (readonly number[])[] = [[]];
    const secondOf = [0];
    const thirdOf = [0];
    for (const code of new Set([...listAt.keys(), ...gates.second.keys(), ...gates.third.keys()])) {
      const list = listAt.get(code) ?? -1;
      const second = gates.second.get(code) ?? 0;
      const third = gates.third.get(code) ?? 0;
      const key = `${list} ${second} ${third}`;
      let k = classOf.get(key);
      if (k === undefined) {
        classOf.set(key, (k = classLists.length));
        classLists.push(list < 0 ? [] : lists[list]!);
        secondOf.push(second);
        thirdOf.push(third);
      }
      this.classes[code] = k;
    }
    this.classLists = classLists;
    this.secondOf = Int32Array.from(secondOf);
    this.thirdOf = Int32Array.from(thirdOf);
    this.opens = codeBits(byFirst.keys());
  }

  /** The patterns whose matches can open with a character that `opens` holds (their indexes, in order). */
  listAt(code: number): readonly number[] {
    return this.classLists[this.classes[code]!]!;
  }

  /** Per pattern, in order: its matches in `text`, as `text.matchAll(pattern)` gives them (a shared empty list for none). */
  all(text: string): readonly (readonly RegExpExecArray[])[] {
    const n = this.sticky.length;
    // Most texts (the few characters before a figure) hold no match: they share one list of empty lists.
    let out: RegExpExecArray[][] | null = null;
    const opens = this.opens;
    const sticky = this.sticky;
    for (let p = 0; p < text.length; p++) {
      const code = text.charCodeAt(p);
      if (!inBits(opens, code)) continue;
      const list = this.listAt(code);
      const allowed = this.allowedAt(text, p);
      for (let i = 0; i < list.length; i++) {
        const k = list[i]!;
        if (k < 32 && ((allowed >>> k) & 1) === 0) continue;
        // A pattern's next match starts past its last one: read from that match, not kept in a list made per text.
        const mine = out === null ? NONE : out[k]!;
        if (mine.length > 0 && p < advance(text, mine[mine.length - 1]!, this.unicode[k]!)) continue;
        const re = sticky[k]!;
        re.lastIndex = p;
        const m = re.exec(text);
        if (!m) continue;
        out ??= noMatches(n);
        if (out[k] === NONE) out[k] = [];
        out[k]!.push(m);
      }
    }
    const wholeAt = this.wholeAt;
    for (let i = 0; i < wholeAt.length; i++) {
      const k = wholeAt[i]!;
      const re = this.whole[k]!;
      if (!mayHold(text, this.needs[k])) continue;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        out ??= noMatches(n);
        if (out[k] === NONE) out[k] = [];
        out[k]!.push(m);
        re.lastIndex = advance(text, m, re.unicode);
      }
    }
    return out ?? this.none;
  }

  /**
   * The patterns k < 32 (bit k) that the units after `p` let a match start at `p`: those whose second and third
   * units are not known, and those whose known units stand there. Read once per position, for all its patterns.
   */
  allowedAt(text: string, p: number): number {
    const two = p + 1 < text.length ? this.secondOf[this.classes[text.charCodeAt(p + 1)]!]! : 0;
    const three = p + 2 < text.length ? this.thirdOf[this.classes[text.charCodeAt(p + 2)]!]! : 0;
    return (two | ~this.gated) & (three | ~this.thirdGated);
  }

  /** Whether any pattern matches in `text` (`all` found something: it gives `none` only for no match). */
  any(text: string): boolean {
    return this.holds(this.all(text));
  }

  /** Whether what `all` gave holds a match: then only is it worth reading the list of every pattern. */
  holds(found: readonly (readonly RegExpExecArray[])[]): boolean {
    return found !== this.none;
  }

  /**
   * A scan of `text` that goes on from where it stopped: `next(until)` gives the matches starting at or before
   * `until` one by one, each as `all` finds it (the text is read whole, so a match reaching past `until` is the
   * one `all` finds). The matches starting up to a position are so known without
   * reading the rest of a long paragraph.
   */
  scan(text: string): PatternScan {
    return new PatternScan(this, text);
  }

  /** The matches of the first (or only) pattern. */
  first(text: string): readonly RegExpExecArray[] {
    return this.all(text)[0]!;
  }
}

const NONE: RegExpExecArray[] = [];

/**
 * Per character code, bit k set when a match of pattern k (k < 32) can have it as its second code unit, and the
 * patterns whose second units are known; then the same for the third unit. Each pattern is read once for both
 * (unitsOf): the rules load at every start of the command, and reading each twice cost milliseconds there.
 */
function unitGates(patterns: readonly PatternSpec[]): { second: Map<number, number>; gated: number; third: Map<number, number>; thirdGated: number } {
  const second = new Map<number, number>();
  const third = new Map<number, number>();
  let gated = 0;
  let thirdGated = 0;
  for (let k = 0; k < patterns.length && k < 32; k++) {
    const [two, three] = patterns[k]!.units ?? unitsOf(patterns[k]!.re, [1, 2]);
    if (two) {
      gated |= 1 << k;
      for (const code of two) second.set(code, (second.get(code) ?? 0) | (1 << k));
    }
    if (three) {
      thirdGated |= 1 << k;
      for (const code of three) third.set(code, (third.get(code) ?? 0) | (1 << k));
    }
  }
  return { second, gated, third, thirdGated };
}

/**
 * A list of `n` shared empty lists, pushed one by one: `new Array(n).fill(…)` is holey, and code reading what `all`
 * returns, given a holey list and `none`, was thrown out of optimised code (describe, in batch workers).
 */
function noMatches(n: number): RegExpExecArray[][] {
  const out: RegExpExecArray[][] = [];
  for (let k = 0; k < n; k++) out.push(NONE);
  return out;
}

/** See Patterns.scan. */
export class PatternScan {
  /** The next position to try, and the next index in the list of patterns that can start there. */
  private p = 0;
  private i = 0;
  /** Per pattern, where its next match may start (past the end of its last one). */
  private readonly after: Int32Array;
  /** Matches of all patterns at once, for patterns that cannot be scanned part way (see Patterns.resumable). */
  private whole: { k: number; m: RegExpExecArray }[] | null = null;
  /** The index of the pattern of the match `next` returned last. */
  k = -1;

  constructor(private readonly patterns: Patterns, readonly text: string) {
    this.after = new Int32Array(patterns.sticky.length);
  }

  /**
   * The next match starting at or before `until` not returned yet (in text order, and by pattern index at one
   * position), its pattern's index in `k`; null when there is none (a later call with a greater `until` goes on).
   * Patterns that cannot be scanned part way give all their matches, whatever `until`, in pattern order.
   */
  next(until: number): RegExpExecArray | null {
    const text = this.text;
    if (!this.patterns.resumable) {
      if (!this.whole) {
        this.whole = this.patterns.all(text).flatMap((ms, k) => ms.map((m) => ({ k, m })));
        this.whole.reverse();
      }
      const w = this.whole.pop();
      if (!w) return null;
      this.k = w.k;
      return w.m;
    }
    const patterns = this.patterns;
    const { opens, sticky } = patterns;
    const after = this.after;
    const stop = Math.min(until + 1, text.length);
    // The position and index are kept in locals and stored back when the scan stops: most characters start no
    // pattern, and the two stores to the scan for each of them took a third of the loop's time.
    let p = this.p;
    let i = this.i;
    for (; p < stop; p++, i = 0) {
      const code = text.charCodeAt(p);
      if (!inBits(opens, code)) continue;
      const list = patterns.listAt(code);
      const allowed = patterns.allowedAt(text, p);
      while (i < list.length) {
        const k = list[i++]!;
        if (k < 32 && ((allowed >>> k) & 1) === 0) continue;
        if (p < after[k]!) continue;
        const re = sticky[k]!;
        re.lastIndex = p;
        const m = re.exec(text);
        if (!m) continue;
        after[k] = advance(text, m, patterns.unicode[k]!);
        this.p = p;
        this.i = i;
        this.k = k;
        return m;
      }
    }
    this.p = p;
    this.i = i;
    return null;
  }
}

/** Most characters of a class range. */
const MAX_RANGE = 512;
const DIGITS = [...'0123456789'].map((ch) => ch.charCodeAt(0));

/**
 * The code units the code unit at `index` (1: the second, 2: the third) of every match of a pattern is one of, or
 * null when that cannot be told (a match may be shorter; `.`, a negated class, an escape other than \d;
 * case-insensitive matching). Lookarounds and anchors take no characters and are passed over.
 */
export function unitsAt(re: RegExp, index: number): Set<number> | null {
  return unitsOf(re, [index])[0]!;
}

/** `unitsAt` for several indexes, the pattern parsed and walked once for all of them (see `reach`). */
function unitsOf(re: RegExp, indexes: readonly number[]): (Set<number> | null)[] {
  if (re.ignoreCase) return indexes.map(() => null);
  const width = Math.max(...indexes) + 1;
  const units = Array.from({ length: width }, () => new Set<number>());
  const ends = reach(parse(re.source), 1, width, units);
  // A match that can end at or before `index` has no unit there to tell.
  return indexes.map((index) => (ends < 0 || (ends & ((2 << index) - 1)) !== 0 ? null : units[index]!));
}

export const secondUnits = (re: RegExp): Set<number> | null => unitsAt(re, 1);

/**
 * The offsets a match may have reached after node `n`, from those it may have reached before it (`from`), as bit
 * masks (bit `width`: all `width` units looked at are read), or -1 when that cannot be told; on the way, the code
 * units the node can put at each offset below `width` are added to `units` (left out when null). No way through the
 * pattern is written out, so alternatives after alternatives cost their sum, not their product.
 */
function reach(n: Node, from: number, width: number, units: Set<number>[] | null): number {
  switch (n.t) {
    case 'empty': return from;
    case 'atom': {
      const one = atomUnits(n.src);
      if (one) return take(from, [one], width, units);
      const text = literal(n);
      if (text === null || text.length === 0) return -1;
      // One character: a code point outside the BMP is two units.
      const cp = text.codePointAt(0)!;
      return take(from, cp > 0xffff ? [[text.charCodeAt(0)], [text.charCodeAt(1)]] : [[text.charCodeAt(0)]], width, units);
    }
    case 'alt': {
      let out = 0;
      for (const a of n.alts) {
        const after = reach(a, from, width, units);
        if (after < 0) return -1;
        out |= after;
      }
      return out;
    }
    case 'seq': {
      let at = from;
      for (const item of n.items) {
        if (at === 1 << width) break;
        at = reach(item, at, width, units);
        if (at < 0) return -1;
      }
      return at;
    }
    case 'rep': {
      if (n.backref) return -1;
      // A body that can match nothing could be repeated any number of times without taking a character.
      const alone = reach(n.body, 1, width, null);
      if (alone < 0 || (alone & 1) !== 0) return -1;
      // Each copy takes a unit or more: `width` copies fill the units looked at.
      const fewest = Math.min(n.min, width);
      let out = fewest === 0 ? from : 0;
      let at = from;
      for (let copies = 1; copies <= Math.min(n.max, width); copies++) {
        at = reach(n.body, at, width, units);
        if (at < 0) return -1;
        if (copies >= fewest) out |= at;
      }
      return out;
    }
  }
}

/** `reach` over units one after another (`codes[j]`: what the j-th can be), from the offsets in `from`. */
function take(from: number, codes: readonly (readonly number[])[], width: number, units: Set<number>[] | null): number {
  let out = 0;
  for (let o = 0; o <= width; o++) {
    if (((from >> o) & 1) === 0) continue;
    if (units) for (let j = 0; j < codes.length && o + j < width; j++) for (const code of codes[j]!) units[o + j]!.add(code);
    out |= 1 << Math.min(o + codes.length, width);
  }
  return out;
}

/**
 * The code units an atom of one character stands for: \d, a class of plain characters, escapes and small ranges
 * (no negation); null for anything else (a literal is read by the caller), and for characters outside the BMP.
 */
function atomUnits(src: string): number[] | null {
  if (src === '\\d') return DIGITS;
  if (!src.startsWith('[') || src.startsWith('[^') || !src.endsWith(']')) return null;
  const out = new Set<number>();
  let prev = -1;
  for (let i = 1; i < src.length - 1;) {
    let code: number;
    if (src[i] === '\\') {
      const e = src[i + 1]!;
      if (e === 'd') {
        for (const d of DIGITS) out.add(d);
        prev = -1;
        i += 2;
        continue;
      }
      if (/[\w\s]/.test(e)) return null;
      code = e.charCodeAt(0);
      i += 2;
    } else if (src[i] === '-' && prev >= 0 && i < src.length - 2) {
      const to = src[i + 1] === '\\' ? null : src.codePointAt(i + 1)!;
      if (to === null || to > 0xffff || to < prev || to - prev > MAX_RANGE) return null;
      for (let cp = prev; cp <= to; cp++) out.add(cp);
      prev = -1;
      i += 2;
      continue;
    } else {
      const cp = src.codePointAt(i)!;
      if (cp > 0xffff) return null;
      code = cp;
      i += 1;
    }
    out.add(code);
    prev = code;
  }
  return out.size ? [...out] : null;
}

/** Where a global regexp goes on after match `m`: its end, or past the next character for an empty match. */
function advance(text: string, m: RegExpExecArray, unicode: boolean): number {
  const end = m.index + m[0].length;
  if (end > m.index) return end;
  const code = text.charCodeAt(end);
  return unicode && code >= 0xd800 && code <= 0xdbff && end + 1 < text.length ? end + 2 : end + 1;
}

/**
 * A pattern of words (their alternation, longest first), the characters they open with and their second and third
 * units, read off the words (parsing the alternation for them cost milliseconds at every start); none matches no text.
 */
const words = (list: readonly string[]): PatternSpec => ({
  re: list.length ? new RegExp(`(?:${alternation(byLength(list))})`) : /(?!)/,
  firsts: list.map((w) => w.charCodeAt(0)),
  units: [1, 2].map((i) => (list.every((w) => w.length > i) ? new Set(list.map((w) => w.charCodeAt(i))) : null)),
});

/** The characters a match of a rule pattern can open with, or null when they cannot be told. */
const firstUnits = (re: RegExp) => edgeUnits(new RegExp(`^(?:${digitsSpelled(re.source)})`, re.flags.replace(/[gy]/g, '')), 'first');


/** Some year cues (those `keep` keeps, in rule order) and their patterns, found in one pass. */
export interface CueSet { rules: QuantityRules['years'][number][]; patterns: Patterns }

/**
 * A rule pattern as `Patterns` reads it: its first, second and third units told by one reading of it (unitsOf), and
 * by the edge analysis (firstUnits) only where that reading cannot tell the first: each reading parses the pattern.
 */
function patternSpec(re: RegExp, needs: readonly string[] | null): PatternSpec & { needs: readonly string[] | null } {
  const [first, second, third] = unitsOf(re, [0, 1, 2]);
  return { re, firsts: first ?? firstUnits(re), needs, units: [second ?? null, third ?? null] };
}

/**
 * The year cues as `Patterns` reads them, worked out once: the three cue sets share them (the year patterns were
 * parsed ten times each at every start of the command).
 */
const cueSpec = (rule: QuantityRules['years'][number]) => patternSpec(rule.pattern, requiredText(rule.pattern, 2));

function cueSet(years: QuantityRules['years'], specs: readonly PatternSpec[], keep: (rule: QuantityRules['years'][number]) => boolean): CueSet {
  const rules: QuantityRules['years'][number][] = [];
  const patterns: PatternSpec[] = [];
  years.forEach((rule, i) => {
    if (!keep(rule)) return;
    rules.push(rule);
    patterns.push(specs[i]!);
  });
  return { rules, patterns: new Patterns(patterns) };
}

/**
 * Words looked up at the ends of a phrase: the whole set, and the words by their first and by their last
 * character, longest first, so a lookup compares a few candidates in place instead of slicing one string per length.
 */
export interface WordSet {
  words: Set<string>;
  byFirst: Map<number, string[]>;
  byLast: Map<number, string[]>;
  /**
   * Per code unit: WORD_FIRST when a word starts with it, WORD_LAST when one ends with it. Most characters do
   * neither, and a table read tells so for less than a lookup in the maps.
   */
  edges: Uint8Array;
}
export const WORD_FIRST = 1;
export const WORD_LAST = 2;
function groupBy(words: readonly string[], key: (w: string) => number): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const w of new Set(words)) {
    const list = map.get(key(w));
    if (list) list.push(w);
    else map.set(key(w), [w]);
  }
  for (const list of map.values()) list.sort((a, b) => b.length - a.length);
  return map;
}
function wordSet(words: readonly string[]): WordSet {
  const edges = new Uint8Array(0x10000);
  for (const w of words) {
    if (!w.length) continue;
    edges[w.charCodeAt(0)]! |= WORD_FIRST;
    edges[w.charCodeAt(w.length - 1)]! |= WORD_LAST;
  }
  return { words: new Set(words), byFirst: groupBy(words, (w) => w.charCodeAt(0)), byLast: groupBy(words, (w) => w.charCodeAt(w.length - 1)), edges };
}

// No `u` flag on these: every word is in the BMP, and V8 runs non-unicode sticky regexps several times faster.
const sticky = (words: readonly string[]) => new RegExp(`(?:${alternation(byLength(words))})`, 'y');
const wordsAt = (words: readonly string[]) => new WordsAt(words);
/**
 * Numbers: 1 = after 百分之/千分之, 2 = digits split by spaces, 3 = Arabic, 4 = Chinese. A Chinese numeral (and a run
 * of split digits) must be followed by something that can continue an amount (`next`: first characters of units,
 * magnitudes, 余/多, range signs, 角/分), so the many 一 and 二 of ordinary words (统一, 一批) are skipped by the
 * regexp itself rather than read one by one.
 */
const numberSource = (next: string, numerals: Numerals) =>
  `${numerals.prefixSource}(${ARABIC_NUMERAL}|${numerals.source})|(${SPLIT_NUMERAL})(?= ?[${next}])|(${ARABIC_NUMERAL})|(${numerals.source})(?=[${next}])`;


/**
 * The tables of a NumberFinder for numberSource: where a number can start (a digit, 百/千 of 百分之, the first
 * character of a Chinese numeral), where a numeral goes on (its body, 点), and what may follow one (`next`).
 */
function numberFinder(re: RegExp, numerals: Numerals, next: readonly string[]): NumberFinder {
  const body = [...numerals.digit.keys(), ...numerals.place.keys(), ...numerals.tens.keys(), ...numerals.big.keys(), ...(numerals.point ? [numerals.point.charCodeAt(0)] : [])];
  const percentLeads = numerals.prefixes.map(({ word }) => word.charCodeAt(0));
  const numeralStarts = [...numerals.lead, ...percentLeads];
  return new NumberFinder(
    re, codeBits([...numeralStarts, ...DIGITS]), codeBits(numeralStarts), codeBits(percentLeads), codeBits(numerals.lead),
    codeBits([...numerals.lead, ...body]), codeBits(next.map((ch) => ch.charCodeAt(0))), numerals.prefixes.map((x) => x.word),
  );
}

const byLength = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);
/** A regexp that never matches, for an empty word list. */
const NEVER = /(?!)/y;

const needsOf = (needs: readonly string[] | null) => (needs ? new AnyWord(needs) : null);

/**
 * The rule entries the hot code reads in loops (units, exclusions, year cues), each written out with every field
 * in one order, a field the rule file leaves out as undefined. As read from the files, the entries of one list had
 * as many shapes as combinations of optional fields (9 for units, 11 for exclusions, 5 for year cues), and V8 reads
 * a property of objects of more than four shapes through a slow generic lookup.
 */
const shaped = {
  unit: (u: UnitEntry): UnitEntry => ({
    id: u.id, words: u.words, normal: u.normal, factor: u.factor, base: u.base, notBefore: u.notBefore, dimension: u.dimension,
    currency: u.currency, signs: u.signs, prefixes: u.prefixes, arabicOnly: u.arabicOnly, needs: u.needs, notNumber: u.notNumber,
  }),
  exclusion: (x: QuantityRules['exclude'][number]): QuantityRules['exclude'][number] => ({
    id: x.id, before: x.before, after: x.after, number: x.number, unit: x.unit, dimension: x.dimension, exceptDimensions: x.exceptDimensions,
  }),
  year: (y: QuantityRules['years'][number]): QuantityRules['years'][number] => ({
    id: y.id, pattern: y.pattern, capture: y.capture, period: y.period, relative: y.relative, span: y.span, deadline: y.deadline, asOf: y.asOf, opens: y.opens,
  }),
};

/** The deadline cues as one pattern, and what each of them needs (see Compiled.deadlineAny); null with none. */
function deadlineCue(rules: readonly QuantityRules['years'][number][]): Compiled['deadlineAny'] {
  if (!rules.length) return null;
  const needs = rules.map((r) => requiredText(r.pattern));
  return { re: new RegExp(rules.map((r) => `(?:${r.pattern.source})`).join('|'), 'u'), needs: needs.every((n) => n !== null) ? needs.flat() as string[] : null };
}

/** Whether `text` holds a date a level is stated at (截至2023年底): the `asOf` cues. */
export function hasAsOf(text: string, c: Compiled): boolean {
  const d = c.asOfAny;
  return d !== null && mayHold(text, d.needs) && d.re.test(text);
}

/** Whether `text` holds a deadline cue (到2025年). */
export function hasDeadline(text: string, c: Compiled): boolean {
  const d = c.deadlineAny;
  return d !== null && mayHold(text, d.needs) && d.re.test(text);
}

/** Called once by the rule loader (src/rules/compile.ts). */
export function compileQuantities(raw: RawRules, punct: Punctuation, shift: Uint16Array): Compiled {
  const rules: RawRules = { ...raw, units: { ...raw.units, units: raw.units.units.map(shaped.unit) } };
  const q = rules.quantities;
  const years = q.years.map(shaped.year);
  const cues = years.map(cueSpec);
  const tenseWords = q.roles.tense.flatMap((t) => t.words);
  const unitOf = new Map<string, UnitEntry>();
  for (const u of rules.units.units) for (const w of u.words) if (!unitOf.has(w)) unitOf.set(w, u);
  const magnitudeOf = new Map(rules.units.magnitudes.map((m) => [m.word, { exponent: m.exponent, arabicOnly: m.arabicOnly }]));
  const cmpOf = new Map<string, Tagged<Op>>();
  const before: string[] = [];
  const after: string[] = [];
  const cmpNotAfter = new Map<string, string>();
  const adverbs: string[] = [];
  for (const c of q.comparators) {
    for (const [w, chars] of Object.entries(c.notAfter)) cmpNotAfter.set(w, chars);
    for (const w of c.before) { before.push(w); cmpOf.set(`<${w}`, { id: c.id, value: c.op }); }
    for (const w of c.after) { after.push(w); cmpOf.set(`>${w}`, { id: c.id, value: c.op }); }
    for (const w of c.adverbs) { adverbs.push(w); cmpOf.set(`<${w}`, { id: c.id, value: c.op }); }
  }
  const growthOf = new Map<string, Tagged<'up' | 'down'>>();
  for (const g of q.growth) for (const w of g.words) growthOf.set(w, { id: g.id, value: g.direction });
  const kindOf = new Map<string, Tagged<'target' | 'actual' | 'other'> & { yieldsToYear: boolean; yieldsToTarget: boolean; thisYear: boolean }>();
  for (const k of q.kinds) for (const w of k.words) kindOf.set(w, { id: k.id, value: k.kind, yieldsToYear: k.yieldsToYear, yieldsToTarget: k.yieldsToTarget, thisYear: k.thisYear });
  const units = [...unitOf.keys()];
  const numerals = numeralsOf(rules.units);
  const inclusive = rules.units.inclusive;
  const subunits = rules.units.subunits ? Object.keys(rules.units.subunits.parts) : [];
  const starts = [...units, ...magnitudeOf.keys(), ...q.approximate.words, ...q.rangeJoiners, ...inclusive, ...subunits, ' '].map((w) => w[0]!);
  const nextChars = [...new Set(starts)];
  const next = nextChars.map((ch) => ch.replace(/[\\\]^-]/g, '\\$&')).join('');
  const signs = rules.units.units.flatMap((unit) => unit.signs.map((sign) => ({ sign, unit }))).sort((a, b) => b.sign.length - a.sign.length);
  const excludeEdges = q.exclude.map((x) => ({
    before: x.before ? edgeUnits(x.before, 'last') : null,
    after: x.after ? edgeUnits(x.after, 'first') : null,
    unit: x.unit ? edgeUnits(x.unit, 'first') : null,
    number: x.number ? edgeUnits(x.number, 'first') : null,
  }));
  return {
    q,
    punct,
    shift,
    stops: stopsOf(punct),
    ids: {
      kind: decisionIds(q, 'kinds', KIND_EVIDENCE), year: decisionIds(q, 'years', YEAR_EVIDENCE),
      indicator: decisionIds(q, 'indicators', INDICATOR_EVIDENCE), measure: decisionIds(q, 'measures', MEASURE_EVIDENCE),
      sequence: decisionIds(q, 'roles', ROLE_EVIDENCE).sequence,
    },
    excludeGates: excludeEdges.length > MAX_GATED ? null : {
      before: gatesOf(excludeEdges.map((e) => e.before)),
      after: gatesOf(excludeEdges.map((e) => e.after)),
      unit: gatesOf(excludeEdges.map((e) => e.unit)),
      number: gatesOf(excludeEdges.map((e) => e.number)),
    },
    excludeEdges,
    exclude: q.exclude.map(shaped.exclusion),
    units: rules.units,
    factors: new Map(rules.units.units.flatMap((u) => [u.factor, ...(typeof u.base === 'object' ? Object.values(u.base) : [u.base])])
      .filter((f): f is number => typeof f === 'number').map((f) => [f, factorParts(f)])),
    numerals,
    number: numberFinder(new RegExp(numberSource(next, numerals), 'y'), numerals, nextChars),
    unit: wordsAt(units),
    unitOf,
    magnitude: wordsAt([...magnitudeOf.keys()]),
    magnitudeOf,
    approx: wordsAt(q.approximate.words),
    signs,
    signEnds: new Set(signs.map((s) => s.sign.charCodeAt(s.sign.length - 1))),
    scoreFirst: q.scoreFigure ? edgeUnits(q.scoreFigure, 'first') : null,
    planCountNeeds: q.planCount ? requiredText(q.planCount.after) : null,
    taskAmountNeeds: q.taskAmount ? requiredText(q.taskAmount) : null,
    planBaseNeeds: q.planBase ? requiredText(q.planBase.after) : null,
    planBaseBeforeNeeds: q.planBase ? requiredText(q.planBase.before, 6) : null,
    baselineLast: q.baselineLevel ? edgeUnits(q.baselineLevel.pattern, 'last') : null,
    markerFirst: q.indicator.marker ? edgeUnits(new RegExp(digitsSpelled(q.indicator.marker.source), q.indicator.marker.flags), 'first') : null,
    cutAt: q.indicator.cut ? new Patterns([patternSpec(q.indicator.cut, null)]) : null,
    listHeadNeeds: q.listHead ? requiredText(q.listHead, 2) : null,
    subjectNeeds: needsOf(q.indicator.subjectPattern ? requiredText(q.indicator.subjectPattern, 8) : null),
    planShareNeeds: needsOf(q.planShare ? requiredText(q.planShare, 8) : null),
    sectionRules: new Set(q.sections.map((r) => r.id)),
    doneCue: new AnyWord(q.doneCues),
    aheadCue: new AnyWord(q.roles.aheadCues),
    progressDone: new AnyWord(q.progressDone),
    ahead: new AnyWord([...q.roles.aheadCues, ...q.roles.tense.filter((t) => t.role === 'plan').flatMap((t) => t.words)]),
    inclusive: wordsAt(inclusive),
    subunit: wordsAt(subunits),
    halfFirsts: new Set((rules.units.halves?.words ?? []).map((w) => w.charCodeAt(0))),
    per: wordsAt([...units, '年', '月', '日', '秒', '人', '户', '亩'].map((w) => `/${w}`)),
    rangeJoin: wordsAt(q.rangeJoiners),
    sharedJoin: wordsAt(q.sharedUnitJoiners),
    sharedArea: wordsAt(q.sharedUnitAreas),
    cmpAfter: wordsAt(after),
    // 约为每斤13元, 不低于每人500元: a 每 and what it counts per may stand between the word and the number.
    cmpBefore: before.length ? new RegExp(`(${alternation(byLength(before))})(?:了|在|为)?(?:每[^\\d\\s,;。、:()]{1,3})?$`) : /(?!)/,
    cmpBeforeWords: new AnyWord([...before, ...adverbs]),
    cmpAdverb: adverbs.length ? new RegExp(`(${alternation(byLength(adverbs))})[\u4e00-\u9fff]{1,3}$`) : /(?!)/,
    cmpNotAfter,
    cmpOf,
    growthWords: new Patterns([words(q.notGrowth), words([...growthOf.keys()])]),
    growthAny: growthOf.size ? new RegExp(`(?:${alternation(byLength([...growthOf.keys()]))})`) : /(?!)/,
    growthOf,
    toLevel: q.toLevel.length ? sticky(q.toLevel) : NEVER,
    // The words that are no cue are found too, so that no cue is read out of them; kindCue passes them over.
    kind: new Patterns([words([...kindOf.keys(), ...q.notKindCues.filter((w) => !kindOf.has(w))])]),
    kindOf,
    years: years.map((rule, i) => ({ rule, re: new RegExp(rule.pattern.source, 'gu'), needs: cues[i]!.needs })),
    yearCues: cueSet(years, cues, () => true),
    deadlineIds: new Set(years.filter((r) => r.deadline).map((r) => r.id)),
    // (去年 names one year too: 去年…共安排588个，计划安排投资500亿元 is all of it.)
    namedYearIds: new Set(years.filter((r) => (r.capture !== undefined || r.relative === 'review') && !r.deadline && !r.span).map((r) => r.id)),
    baseYearIds: new Set(years.filter((r) => r.span === 'base').map((r) => r.id)),
    scopeCues: cueSet(years, cues, (r) => (r.span ? r.span !== 'average' && r.span !== 'context' && r.span !== 'base' : r.relative !== 'none')),
    captureCues: cueSet(years, cues, (r) => !!r.capture || r.span === 'plan-period'),
    deadlineAny: deadlineCue(years.filter((r) => r.deadline)),
    asOfAny: deadlineCue(years.filter((r) => r.asOf)),
    tense: new RegExp(tenseWords.length ? alternation(tenseWords) : '(?!)', 'gu'),
    tenseRole: new Map(q.roles.tense.flatMap((t) => t.words.map((w) => [w, t.role] as const))),
    leading: wordSet(q.indicator.leading),
    // Also every growth word with 到/至 after it, dropped whole (下降到, not 降到 leaving 下), and every comparator
    // written before a number (接近, 不足).
    trailing: wordSet([
      ...q.indicator.trailing,
      ...[...growthOf.keys()].flatMap((g) => q.toLevel.map((t) => g + t)),
      ...q.comparators.flatMap((r) => r.before),
    ]),
    // (With the words a comparator word closes, 签约 and 节约: no 约 is cut out of them.)
    words: wordSet([...q.indicator.words, ...[...cmpNotAfter].flatMap(([w, chars]) => [...chars].map((ch) => ch + w))]),
    baselines: q.amountChange ? new RegExp(q.amountChange.baseline.source, `${q.amountChange.baseline.flags.replace(/[gy]/g, '')}g`) : null,
    subjects: wordSet(q.indicator.subjects),
    ownArea: wordSet(q.indicator.ownArea),
    relativeVerbs: wordSet(q.indicator.relativeVerbs),
    areaKept: wordSet(q.indicator.areaKept),
    heads: wordSet(q.indicator.heads),
    countHeads: wordSet(q.indicator.countHeads),
    objectVerbs: wordSet(q.indicator.objectVerbs),
    span: spanPatterns(q.spanFigures),
    gap: q.gapWords.length ? new RegExp(`^[,;:，；：、]?(?:${alternation(byLength(q.gapWords))})`) : /(?!)/,
    listAdverbsEnd: q.indicator.listAdverbs.length ? new RegExp(`(?:${alternation(q.indicator.listAdverbs)})+$`) : /(?!)/,
    gapAfterSubject: q.gapWords.length ? new RegExp(`(?<=[\u4e00-\u9fff]{2})(${alternation(byLength(q.gapWords))})[^,;:，；：。\d]{1,12}$`) : /(?!)/,
  };
}

/** The span words as patterns (a list with no word matches nothing). */
function spanPatterns(s: QuantityRules['spanFigures']): Compiled['span'] {
  const alt = (words: readonly string[]) => (words.length ? `(?:${alternation(byLength(words))})` : '(?!)');
  return {
    reached: new RegExp(`${alt(s.reached)}$`),
    change: new RegExp(`${alt(s.change)}$`),
    steady: new RegExp(`${alt(s.steady)}$`),
    // The words that are no total are found too, so that none is read out of them (group 1: a total).
    totals: new RegExp(s.notTotals.length ? `${alt(s.notTotals)}|(${alt(s.totals)})` : `(${alt(s.totals)})`, 'g'),
    action: new RegExp(`^${s.subjects.length ? `${alt(s.subjects)}*` : ''}${alt(s.actions)}`),
    from: s.from ?? /(?!)/,
    changeGap: s.changeGap.length ? new RegExp(`${alt(s.changeGap)}+$`) : /(?!)/,
    yearly: s.yearly,
    flow: new RegExp(`${alt(s.flows)}$`),
    doneAfter: new RegExp(alt(s.doneAfter)),
  };
}

/** The quantity rules as compiled at load. */
export const compiled = (rules: Rules): Compiled => rules.quantities.compiled;
