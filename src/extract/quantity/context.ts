import type { Block, Doc, Range } from '../../document.js';
import type { Period } from '../../schema.js';
import type { ReadingView, ReadRange } from '../../util/reading.js';
import type { KindEvidence } from '../../rules/files/quantities.js';
import { hasAsOf, hasDeadline, type Compiled, type PatternScan } from './compile.js';
import { mayHold } from '../../rules/regex-ast.js';
import { LineCursor } from '../../span.js';
import { FIVE_YEAR_END, standsForYears } from '../meta/doctype.js';
import { headingSpan } from '../roles.js';
import { Coverage, Locator } from './spans.js';
import { COUNTED } from './indicator.js';
import { digitWithin } from '../../util/find.js';
import { COLON, COMMA, FULL_STOP, SEMICOLON, SENTENCE_END } from '../../rules/punctuation.js';

/** The last year of each five-year plan by its numeral: 十一五 … 十五五 (FIVE_YEAR_END), and before them the quoted
 * “七五” … “九五” and “十五” (2001–2005). */
const PLAN_END: Readonly<Record<string, number>> = { ...FIVE_YEAR_END, 六: 1985, 七: 1990, 八: 1995, 九: 2000, 十: 2005 };

type Role = 'review' | 'plan' | 'glossary';
type Kind = 'target' | 'actual' | 'other';

/** What the sections and the report's own year say about the figures in them. */
export interface Frame {
  /**
   * The document's own places by their full names (meta.region: 西安市, 米易县, 四川省), longest first: a name that opens
   * an indicator is its subject, as 全市 is (西安市规模以上工业增加值 is the 规模以上工业增加值 of the report).
   */
  places: readonly string[];
  /**
   * The review year is the plan year only because the text opens on its year so far (roles.ts opensToDate), not because
   * the document is a report on it: its figures with nothing to go by keep the default kind of its type.
   */
  yearOnly: boolean;
  /** Per section id: the role of the innermost section (itself or an ancestor) that has one, and its year. */
  sections: Map<string, SectionInfo>;
  /** The block whose section `sectionOf` looked up last, and what it found: a block's figures ask in turn. */
  lastBlock: Block | null;
  lastSection: SectionInfo | undefined;
  planYear: number | null;
  /** Whether the document stands for years, with no plan year of its own (meta/doctype.ts standsForYears). */
  standing: boolean;
  /** The year the review part is of: the one before the plan year, or the plan year itself in a report to date. */
  reviewYear: number | null;
  /** The year before the report's (去年): the review year, but in a report to date (今年以来…) the year before it. */
  lastYear: number | null;
  /** The year after the one the report was written in (明年): after its date's year, else after its plan year. */
  nextYear: number | null;
  /** Whether a position lies in a task, and the index in `doc.tasks` of the (first) task holding it, or -1. */
  inTask: Coverage;
  taskAt: Locator;
  /** The ids of `doc.tasks`, by index: read once, as task records come in several shapes. */
  taskIds: string[];
  /** The document's type (meta.docType), read once: documents and their meta come in several shapes. */
  docType: Doc['meta']['docType'];
  inGlossary: Coverage;
  /** Whether the document has tasks, and a glossary: most have neither, and their figures are then looked up in none. */
  hasTasks: boolean;
  hasGlossary: boolean;
  /**
   * Per block start, the scan of its scope cues and the scope changes found so far, by where they end (filled as
   * figures ask, in order; this document's only).
   */
  scopes: Map<number, { scan: PatternScan; of: (j: number) => number; ends: number[]; events: ScopeEvent[]; part: Scope | null }>;
  /** The spans of the document's figures, asked for in text order. */
  lines: LineCursor;
  /** The document's reading view (doc.reading): its blocks as read, breaks out. */
  reading: ReadingView;
  /** The document's view (doc.view), read once: a read of it from documents of several shapes was thrown out. */
  view: string;
  /** The ids of the decision rules (rules/quantities.yaml `decisions`), by the evidence they name. */
  ids: Compiled['ids'];
  /** The kind decided by each evidence, made once: in a document an evidence always gives the same kind. */
  decided: Map<KindEvidence, KindOf>;
  /**
   * Per unit as written where the view reads it otherwise (％ for %), the unit as read (readAs): a few per document,
   * each read once (a read copies the unit out to a buffer and back).
   */
  writtenUnits: Map<string, string>;
}

/** What a section's role and year say about the figures in it (the innermost section with a role). */
/**
 * `named`: a span the heading (or an ancestor's) names beside a year (2025年和“十四五”时期工作回顾): not the part's
 * span (its figures are of the year), but the one an average with no span of its own is over.
 */
interface SectionInfo { role: Role | null; year: number | null; period: Period | null; roleRule: string | null; named: Period | null }

/**
 * The year of the part a block lies in, and the rule behind it: the block's own where the roles stage gave it a
 * role, else its section's (read from either in place: a record made per figure to read both was thrown away).
 */
function partYear(frame: Frame, block: Block): number | null | undefined {
  return block.roleRule != null ? block.year : sectionOf(frame, block)?.year;
}

function partRule(frame: Frame, block: Block): string | null {
  return block.roleRule != null ? block.roleRule : sectionOf(frame, block)?.roleRule ?? null;
}

/** The role of the part a block lies in, read as partYear reads its year. */
function partRole(frame: Frame, block: Block): Block['role'] {
  return block.roleRule != null ? block.role ?? null : sectionOf(frame, block)?.role ?? null;
}

/** The record of the section a block belongs to, or undefined: looked up once for all the block's figures. */
function sectionOf(frame: Frame, block: Block): SectionInfo | undefined {
  if (frame.lastBlock !== block) {
    frame.lastBlock = block;
    frame.lastSection = block.section ? frame.sections.get(block.section) : undefined;
  }
  return frame.lastSection;
}

/**
 * What one sentence says, read once for all its figures (a sentence holds two on average, lists of targets many):
 * the sentence as read, the deadline it opens with, and where its cues of work done and of kind stand. A figure asks
 * about the part of its sentence before it; each answer is the one a scan of that part alone gives.
 */
export class Sentence implements Range {
  /** The deadline the sentence opens with (到2025年，…), or null; `openingBare`: a year alone (2020年，…). */
  readonly opening: number | null;
  readonly openingBare: number | null;
  /** The sentence as read, when it lies in one block (else each figure reads its own part: see ReadingView.inBlock). */
  private readonly text: string | null;
  /**
   * From offsets in the sentence to offsets in `text` when a break was taken out of it, else null: the offsets are
   * then the same (most sentences), and no call goes through maps of two shapes.
   */
  private readonly map: ReadRange | null;
  /** Where the first cue of work done in it ends (AnyWord.firstEnd), -2 until asked. */
  private doneEnd = -2;
  /** The kind cue words in it (c.kind), null until asked. */
  private cues: readonly RegExpExecArray[] | null = null;
  /** Where the last text a list head needs (c.listHeadNeeds) starts in it (a view offset), -1 with none, -2 until asked. */
  private needAt = -2;

  constructor(readonly start: number, readonly end: number, private readonly reading: ReadingView, private readonly c: Compiled) {
    this.opening = openingYear(reading.view, this);
    this.openingBare = this.opening === null ? openingBareYear(reading.view, this) : null;
    const inBlock = reading.inBlock(start, end);
    this.map = inBlock && reading.hasBreak(start, end) ? reading.range(start, end) : null;
    this.text = !inBlock ? null : this.map ? this.map.text : reading.view.slice(start, end);
  }

  /** The offset in `text` of offset `j` of the sentence. */
  private of(j: number): number {
    return this.map ? this.map.of(j) : j;
  }

  /** The sentence before view offset `pos`, as read. */
  before(pos: number): string {
    return this.between(this.start, pos);
  }

  /** The part [from, pos) of the sentence (view offsets), as read. */
  between(from: number, pos: number): string {
    return this.text !== null ? this.text.slice(this.of(from - this.start), this.of(pos - this.start)) : this.reading.slice(from, pos);
  }

  /**
   * The last clause of the sentence before `pos` (`lastClause(before(pos))`), sliced once: a figure reads it with
   * every question, the sentence before it only with a few.
   */
  clause(pos: number): string {
    if (this.text === null) return lastClause(this.before(pos), this.c);
    const from = this.of(0);
    const to = this.of(pos - this.start);
    const end = this.c.punct.lastIndexIn(this.text, from, to, CLAUSE_END);
    return this.text.slice(end >= 0 ? end + 1 : from, to);
  }

  /**
   * Whether the sentence from view offset `pos` on may hold a list head: `mayHold(view.slice(pos, end), needs)`,
   * told by where the last needed text in the whole sentence starts (found once, not once per figure).
   */
  mayHoldListHead(pos: number): boolean {
    const needs = this.c.listHeadNeeds;
    if (!needs) return true;
    if (this.needAt === -2) {
      const text = this.reading.view.slice(this.start, this.end);
      let at = -1;
      for (const t of needs) at = Math.max(at, text.lastIndexOf(t));
      this.needAt = at < 0 ? -1 : this.start + at;
    }
    return this.needAt >= pos;
  }

  /** Whether the sentence before `pos` reports work done (已完成投资…, 截至3月底…): `done(before(pos))`. */
  done(pos: number): boolean {
    if (this.text === null) return done(this.before(pos), this.c);
    if (this.doneEnd === -2) this.doneEnd = this.c.doneCue.firstEnd(this.text);
    return this.doneEnd >= 0 && this.doneEnd <= this.of(pos - this.start);
  }

  /**
   * Whether a cue word of a target (力争, 预期…) stands in the sentence before view offset `pos`; 预计 does not count
   * (an estimate is of a result as often: 预计全年增长5%, in a report after the year).
   */
  targetCueBefore(pos: number): boolean {
    const cues = this.text === null ? this.c.kind.first(this.before(pos)) : (this.cues ??= this.c.kind.first(this.text));
    const at = this.text === null ? Infinity : this.of(pos - this.start);
    for (const m of cues) {
      if (m.index + m[0].length > at) break;
      const t = this.c.kindOf.get(m[0]);
      if (t?.value === 'target' && !t.yieldsToYear) return true;
    }
    return false;
  }

  /**
   * The last kind cue word in the sentence before `pos` (the last match of `c.kind.first(before(pos))` that is a cue,
   * not a word of q.notKindCues), or null. The cues are plain words, so the matches in the whole sentence that end by
   * `pos` are those in the part before it, unless one reaches across `pos`: that part is then scanned on its own.
   */
  kindCue(pos: number): string | null {
    if (this.text === null) return this.lastCue(this.before(pos));
    const cues = (this.cues ??= this.c.kind.first(this.text));
    const at = this.of(pos - this.start);
    let last: string | null = null;
    for (const m of cues) {
      if (m.index >= at) break;
      if (m.index + m[0].length > at) return this.lastCue(this.before(pos));
      if (this.c.kindOf.has(m[0]) && !inShortQuote(this.text, m.index, m.index + m[0].length)) last = m[0];
    }
    return last;
  }

  /** The last match of `c.kind` in `text` that is a cue word (not one of q.notKindCues, not in a quoted name), or null. */
  private lastCue(text: string): string | null {
    const matches = this.c.kind.first(text);
    for (let i = matches.length - 1; i >= 0; i--) {
      const m = matches[i]!;
      if (this.c.kindOf.has(m[0]) && !inShortQuote(text, m.index, m.index + m[0].length)) return m[0];
    }
    return null;
  }
}

/** How far a quoted name's marks may stand from a cue word inside it (“两个确保”, “三个确保”工程). */
const QUOTE_REACH = 6;

/** Whether [start, end) of `text` lies inside a short quoted name (“两个确保”): a cue word there names, it does not commit. */
function inShortQuote(text: string, start: number, end: number): boolean {
  let open = -1;
  for (let i = start - 1; i >= Math.max(0, start - QUOTE_REACH); i--) {
    const code = text.charCodeAt(i);
    if (code === 0x201c) {
      open = i;
      break;
    }
    if (code === 0x201d || code === 0x2c || code === 0xff0c || code === 0x3002) return false;
  }
  if (open < 0) return false;
  for (let i = end; i < Math.min(text.length, end + QUOTE_REACH); i++) {
    const code = text.charCodeAt(i);
    if (code === 0x201d) return true;
    if (code === 0x201c || code === 0x2c || code === 0xff0c || code === 0x3002) return false;
  }
  return false;
}

/** A kind and the rule behind it: a cue rule's id, or the id of the decision rule for `evidence`. */
export interface KindOf { kind: Kind; rule: string | null; evidence: KindEvidence | null }

/**
 * The frame of a document whose roles stage has run: section roles and years, the report's plan and review years.
 * `toDate`: the document reviews its own year (roles.ts reviewsOwnYear: a look-back, a progress report, a report so far);
 * `yearOnly`: only because its text opens on its year so far (Frame.yearOnly).
 */
export function frameOf(doc: Doc, c: Compiled, toDate = false, yearOnly = false): Frame {
  const sequence = c.ids.sequence;
  const sections = new Map<string, SectionInfo>();
  let plan: number | null = null;
  let review: number | null = null;
  for (const s of doc.sections) {
    const role = s.role === 'other' ? null : s.role;
    const named = s.year !== null ? headingSpan(doc.view.slice(s.heading.start, s.heading.end), doc.meta.year) : null;
    sections.set(s.id, { role, year: s.year, period: s.period, roleRule: s.roleRule, named: named ?? (s.parent ? sections.get(s.parent)?.named ?? null : null) });
    // Only a heading that names its role and its year dates the report's parts (2024年工作安排).
    const own = s.roleRule !== null && s.roleRule !== sequence && YEAR_IN.test(doc.view.slice(s.heading.start, s.heading.end));
    if (own && role === 'plan' && s.year !== null) plan ??= s.year;
    if (own && role === 'review' && s.year !== null) review ??= s.year;
  }
  // Task spans as records of one shape, pushed one by one (see `Locator`): the spans of tasks come in several
  // shapes, and the optimised lookup was thrown out when a document with another one came by.
  const tasks: Range[] = [];
  const taskIds: string[] = [];
  for (const t of doc.tasks) {
    tasks.push({ start: t.span.start, end: t.span.end });
    taskIds.push(t.id);
  }
  const planYear = plan ?? doc.meta.year ?? (review !== null ? review + 1 : null);
  const posted = doc.meta.date !== null ? Number(doc.meta.date.slice(0, 4)) : null;
  // A report on its own year so far (今年以来…, meta.yaml toDate) reviews that year.
  const reviewYear = review ?? (planYear !== null ? (toDate ? planYear : planYear - 1) : null);
  return {
    // (去年 of a page posted after the year it reports on is the year before the posting: that year itself.)
    places: [doc.meta.region.district, doc.meta.region.city, doc.meta.region.province].filter((p): p is string => p !== null && p.length >= 2).sort((a, b) => b.length - a.length),
    yearOnly, sections, lastBlock: null, lastSection: undefined, planYear, reviewYear,
    lastYear: toDate && planYear !== null ? (posted !== null && posted > planYear ? posted - 1 : planYear - 1) : reviewYear,
    standing: plan === null && standsForYears(doc.meta),
    // A report delivered in December for the year ahead says 明年 of its plan year.
    nextYear: posted !== null ? posted + 1 : planYear !== null ? planYear + 1 : null,
    inTask: new Coverage(tasks), taskAt: new Locator(tasks), taskIds, docType: doc.meta.docType, inGlossary: new Coverage(doc.glossary.map((g) => g.span)),
    hasTasks: tasks.length > 0, hasGlossary: doc.glossary.length > 0,
    scopes: new Map(),
    lines: new LineCursor(doc.lineStarts),
    reading: doc.reading,
    view: doc.view,
    ids: c.ids,
    decided: new Map(),
    writtenUnits: new Map(),
  };
}

const YEAR_IN = /(?:19|20)\d{2}年/u;

/** Where a paragraph's figures become targets: just past its 主要预期目标是 (Infinity when it has none). */
export function targetsFrom(view: string, block: Range, c: Compiled): number {
  const m = c.q.targetParagraph?.exec(view.slice(block.start, block.end));
  return m ? block.start + m.index + m[0].length : Infinity;
}

/**
 * A kind and the decision rule of quantities.yaml that names `evidence`: one record per evidence and document, not
 * per figure (an evidence gives one kind in a document; a caller asking for another gets a record of its own).
 */
function decided(frame: Frame, kind: Kind, evidence: KindEvidence): KindOf {
  const k = frame.decided.get(evidence);
  if (k && k.kind === kind) return k;
  const made: KindOf = { kind, rule: frame.ids.kind[evidence], evidence };
  if (!k) frame.decided.set(evidence, made);
  return made;
}

/**
 * Target, actual or other. Glossary definitions are other; a paragraph of main expected targets, a task, or a plan
 * section makes a target (every part of a task notice is its plan: roles.ts); a review section an actual; elsewhere
 * the nearest cue word before the figure in its sentence decides, then a year, then the document type (a policy's
 * figure with no goal states a rule: other). `block`: the block the figure
 * was found in, so the one holding `pos` (blocks do not overlap), with the role the roles stage gave it.
 */
export function kindOf(frame: Frame, c: Compiled, pos: number, block: Block, sentence: Sentence, targetsFrom: number): KindOf {
  const role = partRole(frame, block);
  if (role === 'glossary' || (frame.hasGlossary && frame.inGlossary.has(pos))) return decided(frame, 'other', 'glossary');
  // The score pattern is anchored: the character at the figure rules most figures out before any slicing.
  const score = c.q.scoreFigure;
  if (score && (!c.scoreFirst || c.scoreFirst.has(frame.view.charCodeAt(pos))) && score.test(frame.view.slice(pos, pos + 16))) return decided(frame, 'other', 'score');
  // The sentence before the figure as read, sliced once for every check below that reads it (the task-set check reads
  // it for every figure that comes this far).
  const before = sentence.before(pos);
  // A count of the plan's own indicators (提出22项主要指标), and a task set (总任务52.77亿元): each pattern's required text is
  // looked for first, in the few characters it reads.
  const count = c.q.planCount;
  if (count) {
    const after = frame.view.slice(pos, pos + 24);
    if (mayHold(after, c.planCountNeeds) && count.after.test(after) && count.before.test(before)) return decided(frame, 'other', 'plan-count');
  }
  const task = c.q.taskAmount;
  if (task) {
    const near = before.slice(-12);
    if (mayHold(near, c.taskAmountNeeds) && task.test(near)) return decided(frame, 'target', 'task-amount');
  }
  const base = c.q.planBase;
  if (base) {
    // (The longest plan word, 目标任务, and 为 after it, with a space or two.)
    const near = before.slice(-8);
    const after = mayHold(near, c.planBaseBeforeNeeds) ? frame.view.slice(pos, pos + 24) : '';
    if (mayHold(after, c.planBaseNeeds) && base.after.test(after) && base.before.test(near)) return decided(frame, 'target', 'plan-base');
  }
  if (pos >= targetsFrom) return decided(frame, 'target', 'target-paragraph');
  // The last clause before the figure, read across the breaks of a hard-wrapped paragraph: every figure that comes
  // this far reads it (reportedDone starts with it); the whole sentence before it is read by a year cue only.
  const clause = sentence.clause(pos);
  const reported = reportedDone(frame, c, pos, sentence, clause);
  // The count heading a list of counts done (安排的48个项目中，…) is the plan they are measured against: a target.
  if (reported) return decided(frame, reported === 'list-head' ? 'target' : 'actual', reported);
  // (A task's figure of work done in a review part, an annex on last year's projects: 管网改造提升完成60公里, is done too.)
  if (frame.hasTasks && frame.inTask.has(pos)) {
    const done = sentence.done(pos) || (role === 'review' && c.progressDone.in(clause) && !looksAhead(clause, c));
    return done ? decided(frame, 'actual', 'done') : decided(frame, 'target', 'task');
  }
  // A cue of its own in the figure's clause can still turn the part's kind: 力争/确保 in a review looks ahead, a
  // figure reported as done (已完成…) in a plan part is an actual.
  if (role === 'review' || role === 'plan') {
    if (role === 'review' && c.aheadCue.in(clause)) return decided(frame, 'target', 'ahead-cue');
    // A deadline after the year under review (到2025年，…, in the review of 2022) looks ahead too.
    if (role === 'review' && frame.reviewYear !== null) {
      const cue = hasDeadline(before, c) ? lastYearCue(before, c, true) : null;
      if (cue && cue.deadline && cue.year > frame.reviewYear) return decided(frame, 'target', 'year-ahead');
    }
    if (role === 'plan' && done(clause, c)) return decided(frame, 'actual', 'done');
    if (role === 'plan' && (pastLevel(before, clause, frame, c) || ownPastYear(before, frame, c))) return decided(frame, 'actual', 'past-year');
  }
  // A part whose role a section rule of its heading gave (一、2023年工作回顾), or one the roles stage decided from
  // other evidence (an opener, tense words, the sequence of the report).
  const part = block.roleRule != null && !c.sectionRules.has(block.roleRule);
  if (role === 'plan') return decided(frame, 'target', part ? 'plan-part' : 'plan-section');
  if (role === 'review') return decided(frame, 'actual', part ? 'review-part' : 'review-section');
  const cue = sentence.kindCue(pos);
  // A level of a past year written as that year's own (比重从2005年的42.9%调整为2010年的37.9%) was observed, whatever
  // cue stands before it (将, 计划).
  if (cue !== null && ownPastYear(before, frame, c)) return decided(frame, 'actual', 'past-year');
  if (cue !== null) {
    const t = c.kindOf.get(cue)!;
    // A cue that yields to a year named before it (预计 of a past year's result) is read by that year when there is one.
    const y = t.yieldsToYear ? yearKind(before, frame, c) : null;
    if (y) return decided(frame, y, y === 'actual' ? 'past-year' : 'year-ahead');
    // A baseline (比上年, 同比) compares a target as well as a result: after a target cue it is the target's (力争…，比上年增长6%).
    if (t.yieldsToTarget && sentence.targetCueBefore(pos)) return decided(frame, 'target', 'baseline-of-target');
    // This year (今年, 年内) in a report on its own year so far is the year under review.
    if (t.thisYear && frame.reviewYear !== null && frame.reviewYear === frame.planYear) return decided(frame, 'actual', 'past-year');
    return { kind: t.value, rule: t.id, evidence: null };
  }
  const y = yearKind(before, frame, c);
  if (y) return decided(frame, y, y === 'actual' ? 'past-year' : 'year-ahead');
  // In a document of no year of its own (where yearKind reads nothing), the year cue before the figure, read once: for
  // a deadline where one may stand, and for every figure of an undated page of facts.
  const undated = frame.planYear === null;
  const background = undated && frame.docType === 'other';
  const named = undated && (background || hasDeadline(before, c)) ? lastYearCue(before, c) : null;
  // A deadline before it (到2025年底，…) looks ahead.
  if (named?.deadline) return decided(frame, 'target', 'year-ahead');
  // A policy states rules (a standard, a subsidy, a limit) where it names no goal.
  if (frame.docType === 'policy-notice') return decided(frame, 'other', 'policy-rule');
  // An undated document that neither reports, plans nor assigns (a place's profile, a page of facts) states
  // background, but for a figure of a year it names (2020年粮食作物总产量65878吨): that was observed. (A dated one,
  // 某省2024年主要预期目标, is about its year.)
  if (background) return named ? decided(frame, 'actual', 'background-year') : decided(frame, 'other', 'background');
  return decided(frame, frame.docType === 'work-report' || reportsOwnYear(frame) ? 'actual' : 'target', 'default');
}

/** Whether the document reports on its own year (so far, or after it: roles.ts reviewsOwnYear): its review year is its plan year. */
const reportsOwnYear = (frame: Frame): boolean => !frame.yearOnly && frame.reviewYear !== null && frame.reviewYear === frame.planYear;

/** Whether a clause looks ahead: a plan tense word (将, 要, 力争, 确保, 计划…) or an ahead cue in it. */
function looksAhead(clause: string, c: Compiled): boolean {
  return c.ahead.in(clause);
}

/**
 * Work reported as done, whatever the part or task around it: a share of the plan (完成投资8亿元，占年度计划的76%, where
 * 计划 is the plan itself), work done in a progress report's own clause (完成投资3.2亿元), and a count heading a list
 * of counts done (安排的48个项目中，已开工36个、…: the planned count, taken as a target, the counts done after it
 * actuals); never when the clause looks ahead (力争完成年度计划的100%).
 */
function reportedDone(frame: Frame, c: Compiled, pos: number, sentence: Sentence, clause: string): 'plan-share' | 'progress-done' | 'list-head' | null {
  const planShare = c.q.planShare;
  const needs = c.planShareNeeds;
  const share = planShare && (!needs || needs.in(clause)) ? planShare.exec(clause) : null;
  if (share && !looksAhead(clause.slice(0, share.index), c)) return 'plan-share';
  if (frame.docType === 'progress-report' && c.progressDone.in(clause) && !looksAhead(clause, c)) return 'progress-done';
  const view = frame.view;
  // The amount a share of the plan is taken of (完成投资8亿元，占年度计划的76%) is work done as well: the clause after
  // the figure's first comma, up to its first digit (read in place: the rest of the sentence is not sliced).
  const comma = c.punct.indexIn(view, pos, sentence.end, COMMA);
  const digit = comma >= 0 ? digitWithin(view, comma + 1, clauseEndWithin(view, comma + 1, sentence.end, c)) : -1;
  if (digit > comma + 1 && planShare && (!needs || needs.in(view, comma + 1, digit)) && planShare.test(view.slice(comma + 1, digit)) && !looksAhead(clause, c)) return 'plan-share';
  const after = c.q.listHead && sentence.mayHoldListHead(pos) ? view.slice(pos, sentence.end) : null;
  const head = after !== null ? c.q.listHead!.exec(after) : null;
  if (head) {
    const next = firstClause(after!, head[0].length, c);
    if (done(next, c) && !looksAhead(next, c)) return 'list-head';
  }
  return null;
}

/** What ends a clause for the kind and year readers: a comma, a semicolon or a full stop (a colon opens a list). */
const CLAUSE_END = COMMA | SEMICOLON | FULL_STOP;

/** The text after the last clause end, with one backward scan. */
function lastClause(text: string, c: Compiled): string {
  return text.slice(c.punct.lastIndexIn(text, 0, text.length, CLAUSE_END) + 1);
}

/** The text from `from` to the first clause end after it. */
function firstClause(text: string, from: number, c: Compiled): string {
  const end = c.punct.indexIn(text, from, text.length, CLAUSE_END);
  return text.slice(from, end >= 0 ? end : text.length);
}

/** The index of the first clause end in [from, to), or `to`. */
function clauseEndWithin(text: string, from: number, to: number, c: Compiled): number {
  const end = c.punct.indexIn(text, from, to, CLAUSE_END);
  return end >= 0 ? end : to;
}

/** Whether the sentence before a figure reports work done (已完成投资…, 截至3月底…). */
function done(before: string, c: Compiled): boolean {
  return c.doneCue.in(before);
}

type YearCue = Compiled['years'][number];

/**
 * With no section role and no cue word, a year written before the figure decides: a year the report reviews is past
 * (报告指出,2024年全县地区生产总值达到…, in a 2025 report; 2025年1—7月… in a report to date), 到2027年 or a later year
 * is ahead. (A plan part's figure asks pastLevel, which reads a year of its own only.)
 */
function yearKind(text: string, frame: Frame, c: Compiled): Kind | null {
  if (frame.planYear === null) return null;
  const last = lastYearCue(text, c);
  if (!last) return null;
  return last.year <= (frame.reviewYear ?? frame.planYear - 1) && (!last.deadline || last.asOf) ? 'actual' : 'target';
}

/**
 * Whether the figure after `before` is the level of a past year named right before it (2005年的, 2020年底的), or a
 * later member of a list of such levels (2005年的42.9%、33.8%、).
 */
function ownPastYear(before: string, frame: Frame, c: Compiled): boolean {
  if (frame.planYear === null) return false;
  const own = OWN_YEAR_LEVELS.exec(before);
  if (!own) return false;
  const last = lastYearCue(before, c, true);
  if (!last || last.deadline || last.year > (frame.reviewYear ?? frame.planYear - 1)) return false;
  return yearOwnEnd(before, last.end) === own.index;
}
/** The 的 of a year's own level and the members of its list before the figure (的42.9%、33.8%、): the text ends so. */
const OWN_YEAR_LEVELS = /的(?:\d+(?:\.\d+)?[^、和及与,;:。\d]{0,4}[、和及与])*$/;

/** Where a year cue ending at `end` ends with the 底/末 it may close with (2020年底): the 的 of a figure's own year is there. */
const yearOwnEnd = (text: string, end: number): number => (text.charCodeAt(end) === 0x5e95 || text.charCodeAt(end) === 0x672b ? end + 1 : end);

/**
 * Whether a figure in a plan part is a past level by the last year of its own named in its sentence before it
 * (`before`, whose last clause is `clause`), a year the report reviews, read once for three cases:
 * - named in the figure's own clause (2010年国内生产总值达到39.8万亿元, in the outline of 2011–2015); a base (比2010年)
 *   or a deadline (到2015年) is not;
 * - a past date the sentence is stated at (截至2024年8月31日，本单位共有车辆0辆, in a budget for 2025);
 * - a year opening a clause of the sentence, for its later figures too (与2013年峰值相比，2015年工业炸药产量减少70万吨，
 *   下降16%); not a year that only names a thing (2023年获得竞配指标的项目…, …2023年培训计划).
 */
function pastLevel(before: string, clause: string, frame: Frame, c: Compiled): boolean {
  if (frame.planYear === null) return false;
  const last = lastYearCue(before, c, true);
  if (!last || last.year > (frame.reviewYear ?? frame.planYear - 1)) return false;
  // A year written as an earlier figure's own (由2020年底的40%提高到45%) dates that figure, not this one.
  const of = yearOwnEnd(before, last.end);
  if (before.charCodeAt(of) === 0x7684 && of + 1 < before.length) return false; // 的
  // (The clause is the end of the sentence before the figure: a cue in it is the sentence's last.)
  if ((!last.deadline || last.asOf) && (last.start >= before.length - clause.length || hasAsOf(before, c))) return true;
  return !last.deadline && (last.start === 0 || c.punct.is(before.charCodeAt(last.start - 1), COMMA | SEMICOLON | COLON | SENTENCE_END | FULL_STOP));
}

/**
 * The year cue ending last in `text` (cue by cue, in rule order: of those ending at one place the first counts): its
 * year and whether it is a deadline (到2025年); `single`: a year of its own only, not one a span is measured from.
 */
function lastYearCue(text: string, c: Compiled, single = false): { year: number; deadline: boolean; asOf: boolean; start: number; end: number } | null {
  // Read in a loop of its own: a callback per match made a closure and a record for every figure that came this far.
  let lastEnd = -1;
  let lastYear = 0;
  let lastBy = false;
  let lastAsOf = false;
  let lastStart = 0;
  const cues = c.captureCues;
  const all = cues.patterns.all(text);
  for (let k = 0; k < all.length; k++) {
    const rule = cues.rules[k]!;
    // `single`: a year of its own only, not one a span is measured from (比2010年, 2015年以来, 2016—2020年).
    if (single && rule.span) continue;
    for (const m of all[k]!) {
      const end = m.index + m[0].length;
      // A five-year span counts by its last year (“十三五”期间, in a report of 2020's end, is reviewed).
      const year = rule.capture ? Number(m[rule.capture]) : PLAN_END[m[1] ?? ''] ?? null;
      if (year === null || end <= lastEnd) continue;
      lastEnd = end;
      lastYear = year;
      lastBy = rule.deadline === true;
      lastAsOf = rule.asOf === true;
      lastStart = m.index;
    }
  }
  return lastEnd < 0 ? null : { year: lastYear, deadline: lastBy, asOf: lastAsOf, start: lastStart, end: lastEnd };
}

/** A deadline: 到2025年, 至2030年 (the year captured). */
const DEADLINE_SOURCE = '(?:到|至)((?:19|20)\\d{2})年';
/**
 * A paragraph or a sentence that opens with a deadline (到2025年，A达到…，培育B…；…; 力争到2020年，…; 到“十二五”末，…)
 * sets the year of all its targets. Fillers left by markup (**力争到2020年，) are read through.
 */
const OPENING_DEADLINE = new RegExp(`^\ufeff*(?:力争|确保|争取|努力)?(?:${DEADLINE_SOURCE}(?:底|末)?|(?:到|至)[“"]?十([一二三四五六])五[”"]?期?末)[,:]`);
/** The characters such an opening can start with: 到, 至, 力, 确, 争, 努 and the filler. */
const DEADLINE_FIRST = new Set([0x5230, 0x81f3, 0x529b, 0x786e, 0x4e89, 0x52aa, 0xfeff]);

export function openingYear(view: string, block: Range): number | null {
  // A character test rules most paragraphs and sentences out.
  if (!DEADLINE_FIRST.has(view.charCodeAt(block.start))) return null;
  const m = OPENING_DEADLINE.exec(view.slice(block.start, Math.min(block.end, block.start + 16)));
  return !m ? null : m[1] ? Number(m[1]) : FIVE_YEAR_END[m[2]!] ?? null;
}

/**
 * A paragraph or sentence that opens with a year as a time of its own (2020年，…; 2023年，全县…; a quotation: “2017年，…;
 * a news item's 报告指出，2021年，…), or as its topic (2021年是极不平凡的一年，…).
 */
const OPENING_BARE_YEAR = /^(?:报告(?:指出|显示|称|提到)[,:]?)?[“"]?((?:19|20)\d{2})年(?:[,:]|是)/;
/**
 * A news item's account of the report opening with the year it reviews (邓辉在报告中说，2018年全区经济社会发展取得显著
 * 成效。): the year is the account's topic, whatever follows it.
 */
const REPORTED_YEAR = /^[^,:;。]{0,12}?在(?:政府工作)?报告中(?:说|指出|表示|称|提到)[,:]?[“"]?(?:刚刚过去的|过去的)?((?:19|20)\d{2})年/;
/** How far into a paragraph the 报告中 of REPORTED_YEAR may stand. */
const REPORTED_REACH = 16;

/** The year a paragraph or sentence opens with, standing alone before a comma (2020年，…), or null. */
export function openingBareYear(view: string, r: Range): number | null {
  const first = view.charCodeAt(r.start);
  if (first !== 0x31 && first !== 0x32 && first !== 0x201c && first !== 0x22 && first !== 0x62a5) return reportedYear(view, r); // 1, 2, “, ", 报
  const m = OPENING_BARE_YEAR.exec(view.slice(r.start, Math.min(r.end, r.start + 13)));
  return m ? Number(m[1]) : null;
}

/** REPORTED_YEAR's year, looked for only where 报告中 stands near the start (a bounded loop, not a search of the view). */
function reportedYear(view: string, r: Range): number | null {
  const end = Math.min(r.end, r.start + REPORTED_REACH) - 2;
  let i = r.start;
  while (i < end && !(view.charCodeAt(i) === 0x62a5 && view.charCodeAt(i + 1) === 0x544a && view.charCodeAt(i + 2) === 0x4e2d)) i++; // 报告中
  if (i >= end) return null;
  const m = REPORTED_YEAR.exec(view.slice(r.start, Math.min(r.end, i + 17)));
  return m ? Number(m[1]) : null;
}

/** A deadline a paragraph names for its list, not one it aligns with (与到2020年实现…目标紧密衔接). */
const DEADLINE = new RegExp(`(?<![与同和及])${DEADLINE_SOURCE}`, 'g');

/** The last deadline (到2030年) a paragraph names, or null. */
function lastDeadline(view: string, b: Range): number | null {
  let year: number | null = null;
  for (const m of view.slice(b.start, b.end).matchAll(DEADLINE)) year = Number(m[1]);
  return year;
}

/** A paragraph that opens a list: it ends in a colon or announces what follows (实现以下主要目标。). */
const INTRODUCES_LIST = /(:|以下[^。,;]{0,12}[。:]?)$/;
/** A paragraph that is an item of such a list: ——…, (1)…, 1.…, ①…. */
const LIST_ITEM = /^(——|—|-|\(\d{1,2}\)|\d{1,2}[.、](?!\d)|[①-⑳])/;

/** The characters a LIST_ITEM can open with: — - ( a digit ①-⑳. */
const mayOpenItem = (code: number) => code === 0x2014 || code === 0x2d || code === 0x28 || (code >= 0x30 && code <= 0x39) || (code >= 0x2460 && code <= 0x2473);

/** Whether [from, to) holds a : or 以下, one of which every match of INTRODUCES_LIST holds. */
function mayIntroduce(view: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = view.charCodeAt(i);
    if (code === 0x3a || (code === 0x4ee5 && i + 1 < to && view.charCodeAt(i + 1) === 0x4e0b)) return true;
  }
  return false;
}

/**
 * The deadline each paragraph's targets take from the paragraph before: …，到2030年，…努力实现以下主要目标。 gives
 * 2030 to the ——… items after it, up to the first paragraph that is no item. Null where none is carried. Every
 * paragraph is asked: a character test rules most out before any slicing.
 */
export function carriedYears(view: string, blocks: readonly Range[]): (number | null)[] {
  const out: (number | null)[] = [];
  let carry: number | null = null;
  for (const b of blocks) {
    const item = b.end > b.start && mayOpenItem(view.charCodeAt(b.start)) && LIST_ITEM.test(view.slice(b.start, Math.min(b.end, b.start + 4)));
    out.push(item ? carry : null);
    const tail = Math.max(b.start, b.end - 16);
    const intro = mayIntroduce(view, tail, b.end) && INTRODUCES_LIST.test(view.slice(tail, b.end).trim());
    const own = intro ? lastDeadline(view, b) : null;
    if (own !== null) carry = own;
    else if (!item) carry = null;
  }
  return out;
}

export interface When {
  year: number | null;
  period: Period | null;
  /** The rule behind them: a year cue's id, a decision rule's, or the role rule of the part that gave the year. */
  rule: string | null;
}

const CN_DIGIT: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const count = (s: string) => (/^\d+$/.test(s) ? Number(s) : CN_DIGIT[s] ?? NaN);

/**
 * The years a span cue names, or null where it names none it can resolve (过去一年 is one year, not a span); `kind`,
 * where known, turns N years either way (n-by-kind) ahead for a target.
 */
function spanYears(rule: YearCue['rule'], m: RegExpExecArray, frame: Frame, kind: Kind | null = null): Period | null {
  switch (rule.span) {
    case 'range': return [Number(m[1]), Number(m[2])];
    case 'plan-period': {
      const end = PLAN_END[m[1] ?? ''];
      return end ? [end - 4, end] : null;
    }
    case 'after-plan-period': {
      const end = PLAN_END[m[1] ?? ''];
      return end ? [end + 1, end + 5] : null;
    }
    case 'last-n':
    case 'next-n':
    case 'n-by-kind': {
      const n = count(m[1] ?? m[2] ?? '');
      if (!(n > 1 && n <= 20) || frame.planYear === null) return null;
      const ahead = rule.span === 'next-n' || (rule.span === 'n-by-kind' && kind === 'target');
      // Back from the year under review: the year before the plan year, or the year itself in a report on it so far
      // (两年平均增长 in a 1—7月 report of 2021 is 2020–2021).
      const last = frame.reviewYear ?? frame.planYear - 1;
      return ahead ? [frame.planYear, frame.planYear + n - 1] : [last - n + 1, last];
    }
    case 'from-for': {
      const n = count(m[2] ?? '');
      return n > 1 && n <= 20 ? [Number(m[1]), Number(m[1]) + n - 1] : null;
    }
    case 'since': return frame.reviewYear !== null && Number(m[1]) < frame.reviewYear ? [Number(m[1]), frame.reviewYear] : null;
    default: return null;
  }
}

/** Rates, shares and multiples in a span are levels (覆盖率达到38.76%, 是2011年的1.6倍): the span's end. */
const LEVELS = new Set(['percent', 'permille', 'ratio']);

/**
 * Whether a single year at `end` opens a clause (2020年，… 去年，… 2020年是…): it ends the span named before it; one inside
 * a phrase does not (quantities.yaml spanFigures.yearGoesOn).
 */
const opensClause = (text: string, end: number, c: Compiled): boolean =>
  end < text.length && (c.punct.is(text.charCodeAt(end), FRONTING) || c.q.spanFigures.yearGoesOn.some((w) => text.startsWith(w, end)));

/**
 * The span a figure stands in: the last span cue before it in its paragraph (“十三五”时期，…) unless a single year
 * is named after it, else the span of its paragraph or section (the roles stage), else none.
 */
function scopeOf(view: string, frame: Frame, c: Compiled, block: Block, pos: number): Scope | null {
  let scope = frame.scopes.get(block.start);
  if (!scope) {
    // Read as a reader sees it (“十一五”期间 through the fillers of a markup tag or an entity, across a hard wrap).
    const read = frame.reading.range(block.start, block.end);
    frame.scopes.set(block.start, (scope = { scan: c.scopeCues.patterns.scan(read.text), of: read.of, ends: [], events: [], part: partScope(frame, block) ?? citedScope(view, frame, c, block) }));
  }
  // The paragraph is read only as far as its figures ask: up to the furthest figure so far.
  const rel = scope.of(pos - block.start);
  const { scan, ends, events } = scope;
  const text = scan.text;
  for (let m = scan.next(rel); m; m = scan.next(rel)) {
    const k = scan.k;
    const end = m.index + m[0].length;
    const at = ends.indexOf(end);
    if (at >= 0 && events[at]!.k < k) continue;
    const rule = c.scopeCues.rules[k]!;
    let event: ScopeEvent | null = null;
    if (rule.span && rule.span !== 'average' && rule.span !== 'context' && rule.span !== 'base') {
      const p = (end < text.length && c.punct.is(text.charCodeAt(end), FRONTING)) || c.q.spanFigures.timeWords.some((w) => m[0].endsWith(w)) || rule.opens ? spanYears(rule, m, frame) : null;
      if (p) event = { k, scope: { period: p, rule: rule.id } };
    } else if (!rule.span && rule.relative !== 'none' && opensClause(text, end, c)) {
      // A deadline within the span in force (“十三五”时期…，确保到2020年，…) goes on inside it: the span holds on
      // past it (and past the bare year the same words end with).
      const open = events.at(-1)?.scope;
      const year = rule.deadline && rule.capture ? Number(m[rule.capture]) : null;
      event = { k, scope: open && year !== null && year >= open.period[0] && year <= open.period[1] ? open : null };
    }
    if (!event) continue;
    if (at >= 0) events[at] = event;
    else {
      ends.push(end);
      events.push(event);
    }
  }
  // The last scope change ending before the figure: every match ending there starts at or before it, so is known.
  let best = -1;
  for (let i = 0; i < ends.length; i++) if (ends[i]! <= rel && (best < 0 || ends[i]! > ends[best]!)) best = i;
  return best >= 0 ? events[best]!.scope : scope.part;
}

/** The span of a block's paragraph or section (the roles stage), the scope of its figures with no cue before them. */
function partScope(frame: Frame, block: Block): Scope | null {
  const period = block.period ?? sectionOf(frame, block)?.period ?? null;
  return period ? { period, rule: frame.ids.year['part-span'] } : null;
}

/**
 * The span a paragraph that opens by citing the plan outline (《纲要（草案）》明确了…) stands in, where its part's heading
 * names one beside its year (“十五五”时期目标任务和2026年工作安排); else none.
 */
function citedScope(view: string, frame: Frame, c: Compiled, block: Block): Scope | null {
  const named = sectionOf(frame, block)?.named;
  const cited = c.q.outlineCited;
  return named && cited && cited.test(view.slice(block.start, Math.min(block.end, block.start + CITE_HEAD))) ? { period: named, rule: frame.ids.year['part-span'] } : null;
}
/** How far into a paragraph the outline it cites is looked for. */
const CITE_HEAD = 60;

/** The span a figure stands in and the rule behind it (made once per scope change or block, read by its figures). */
interface Scope { period: Period; rule: string | null }

/**
 * A scope change of a block (a span fronted as a time, “十三五”时期，… 五年来，…, opens one; a single year opening a
 * clause, 2020年，…, closes it: scope null) by where it ends, with the index of its cue: of the cues ending at one
 * place the first in rule order that makes a change counts.
 */
interface ScopeEvent { k: number; scope: Scope | null }

/**
 * The year or span a figure is for. A cue between the previous figure of its sentence and this one decides first:
 * a single year (到2025年, 上年, 十二五末), a span (2021—2025年, “十三五”期间, 过去五年), an average (年均) or total over
 * the span the figure stands in, a base year (比2015年: from it to the year the figure is for). Then, in a span,
 * X of 由X增长到Y is the year before the span, and a level reached is the span's last year. Else the deadline its
 * paragraph opens with (`opening`), its section's year, the report's plan or review year by kind. `text`: the window
 * of its sentence it reads cues in, as read (from the previous figure of the sentence, or the sentence's start, to it).
 */
/** How far before a figure its baseline (较上年) is looked for: the baselineLevel pattern is anchored at the figure. */
const BASELINE_REACH = 16;

export function yearOf(view: string, frame: Frame, c: Compiled, text: string, block: Block, kind: Kind, opening: Opening | null, m: Range & { dimension?: string }): When {
  // 较上年28899万元: the level of the year before the one the figure would otherwise be of.
  const level = c.q.baselineLevel;
  // The pattern is anchored at the figure: the window's last character rules most figures out before any slicing.
  const base = level && text.length && (!c.baselineLast || c.baselineLast.has(text.charCodeAt(text.length - 1))) ? level.pattern.exec(text.slice(-BASELINE_REACH)) : null;
  if (base?.groups?.year) return single(Number(base.groups.year), level!.id);
  if (base) {
    const own = yearOf(view, frame, c, text.slice(0, text.length - base[0].length), block, kind, opening, m);
    return own.year !== null ? { year: own.year - 1, period: null, rule: level!.id } : own;
  }
  let ex: { end: number; year: number | null; id: string } | null = null;
  let rel: { end: number; year: number | null; id: string } | null = null;
  // `fallback`: for a span taken from the context that names its length (五年新增), the years it stands for with none around.
  let sp: { end: number; period: Period | null; rule: NonNullable<YearCue['rule']['span']>; base: number | null; id: string; fallback: Period | null } | null = null;
  // The last span that names its years (2021—2024年, “十三五”时期): an average after it (2021—2024年年均增长) is over it.
  let named: { end: number; period: Period; id: string } | null = null;
  // The last span that names only its length (五年跨越…), with the years it stands for: an average after it is over them.
  let sized: { end: number; period: Period; id: string } | null = null;
  // Each match of each year cue (cue by cue, in rule order); the last of each sort wins.
  const all = c.yearCues.patterns.all(text);
  // Most windows hold no cue: the empty list of every cue is then not read.
  const cues = c.yearCues.patterns.holds(all) ? all.length : 0;
  for (let k = 0; k < cues; k++) {
    const found = all[k]!;
    if (found.length === 0) continue;
    const rule = c.yearCues.rules[k]!;
    for (const cue of found) {
      const end = cue.index + cue[0].length;
      if (rule.span) {
        // A span in another clause before the figure (近5年来首次…，…达100%) holds for it only when fronted (五年来，…).
        const governs = (end < text.length && c.punct.is(text.charCodeAt(end), FRONTING)) || c.punct.indexIn(text, end, text.length, CLAUSE_END) < 0;
        // (A length in an earlier clause of the sentence still tells an average after it what it is over.)
        const fallback = rule.span === 'context' && cue[1] ? spanYears({ ...rule, span: 'n-by-kind' }, cue, frame, kind) : null;
        if (fallback && (!sized || end > sized.end)) sized = { end, period: fallback, id: rule.id };
        if (!governs) continue;
        const period = spanYears(rule, cue, frame, kind);
        if (!sp || end > sp.end) {
          // A base year written out (比2015年) or the end of a plan (比“十二五”末: 2015).
          const base = rule.span !== 'base' ? null : rule.period ? PLAN_END[cue[1] ?? ''] ?? null : Number(cue[1]);
          sp = { end, period, rule: rule.span, base, id: rule.id, fallback };
        }
        if (period && (!named || end > named.end)) named = { end, period, id: rule.id };
        continue;
      }
      const year = rule.capture ? Number(cue[rule.capture])
        : rule.period ? PLAN_END[cue[1] ?? ''] ?? null
        : rule.relative === 'plan' ? frame.planYear
        : rule.relative === 'next' ? frame.nextYear
        : rule.relative === 'review' ? frame.lastYear
        : rule.relative === 'review-minus-one' && frame.reviewYear !== null ? frame.reviewYear - 1
        : null;
      const strong = rule.capture !== undefined || rule.period !== undefined || rule.relative === 'none' || rule.relative === 'review-minus-one';
      if (strong && (!ex || end > ex.end)) ex = { end, year, id: rule.id };
      if (!strong && (!rel || end > rel.end)) rel = { end, year, id: rule.id };
    }
  }
  if (sp && (!ex || sp.end > ex.end)) {
    if (sp.period) return inSpan(frame, c, block, m, text, kind, sp.period, sp.id);
    if (sp.rule === 'base' && sp.base !== null) {
      // The figure written right after its base (较“十三五”末的9323.1亿元) is the base's level.
      if (BASE_LEVEL.test(text.slice(sp.end))) return single(sp.base, sp.id);
      // The base year is the cue's; the year it runs to comes from the first of these that has one.
      const to = ex && ex.year !== null ? single(ex.year, ex.id) : opening ? single(opening.year, opening.rule) : scopeEnd(scopeOf(view, frame, c, block, m.start)) ?? fallbackYear(frame, block, kind);
      // Against the year before (2024年…比2023年增加725万吨) it is a year's change, as 比上年 is: the year alone.
      if (to.year !== null && to.year === sp.base + 1) return single(to.year, sp.id);
      return to.year !== null && to.year > sp.base ? { year: null, period: [sp.base, to.year], rule: sp.id } : to;
    }
    if (sp.rule === 'average' && named) return { year: null, period: named.period, rule: named.id };
    const around = scopeOf(view, frame, c, block, m.start);
    if (around) return { year: null, period: around.period, rule: around.rule };
    if (sp.fallback) return inSpan(frame, c, block, m, text, kind, sp.fallback, sp.id);
    // An average after a length its sentence names with no span around (五年跨越3个十亿级台阶，年均增速达到8%) is over it.
    if (sp.rule === 'average' && sized && sized.end < sp.end) return { year: null, period: sized.period, rule: sized.id };
    // An average in a part whose heading names a span beside its year (2025年和“十四五”时期工作回顾), or a span alone
    // (一、“十一五”时期经济社会发展取得重大成就: 预计2010年，…年均增长11.7%), is over that span.
    const section = sp.rule === 'average' ? sectionOf(frame, block) : undefined;
    const heading = section ? section.named ?? section.period : null;
    if (heading) return { year: null, period: heading, rule: frame.ids.year['part-span'] };
    // An average under a deadline the sentence or paragraph opens with (到2030年，…年均增长5%左右): from the plan year to it.
    if (sp.rule === 'average' && opening !== null && frame.planYear !== null && opening.year > frame.planYear) return { year: null, period: [frame.planYear, opening.year], rule: sp.id };
    if (sp.rule === 'average') return single(null, sp.id);
  }
  // The nearer of a year named and a relative one (2011年突破万亿大关，去年实现…: 去年) decides.
  if (ex && !(rel && rel.end > ex.end && rel.year !== null)) return single(ex.year, ex.id);
  if (ex) return single(rel!.year, rel!.id);
  if (opening !== null && !rel) return single(opening.year, opening.rule);
  // Background figures (kind other, a glossary's) take no year from the span around them.
  const around = rel || kind === 'other' ? null : scopeOf(view, frame, c, block, m.start);
  if (around) return inSpan(frame, c, block, m, text, kind, around.period, around.rule);
  const year = partYear(frame, block);
  if (year != null) return single(year, partRule(frame, block));
  if (rel) return single(rel.year, rel.id);
  return fallbackYear(frame, block, kind);
}

const single = (year: number | null, rule: string | null): When => ({ year, period: null, rule });

/**
 * The punctuation after a span that fronts it as a time, not inside a name (《…“十四五”发展合作协议》, “十三五”良好开局) or
 * a phrase (近5年来首次): a comma or a colon.
 */
const FRONTING = COMMA | COLON;

/** Whether the words after a rate name it an average growth (6%左右的年均增长率: quantities.yaml growthAfter). */
function averageAfter(frame: Frame, c: Compiled, block: Block, m: Range): boolean {
  const after = c.q.growthAfter;
  return !!after && m.end < block.end && !!after.exec(frame.reading.slice(m.end, Math.min(block.end, m.end + 16)))?.groups?.average;
}

/** What may stand between a base and the figure that is its level: 的, nothing. */
const BASE_LEVEL = /^的?$/;


/**
 * A figure in a span (`text`: the window of its sentence before it): X of 由X增长到Y is the year before the span; a
 * level reached, a rate or share its end; a change, a level held, a total or work done over it the span (the words:
 * quantities.yaml spanFigures).
 */
function inSpan(frame: Frame, c: Compiled, block: Block, m: Range & { dimension?: string }, text: string, kind: Kind, around: Period, rule: string | null): When {
  if (kind === 'other') return single(null, null);
  const before = frame.reading.slice(Math.max(block.start, m.start - 16), m.start);
  const clause = text.slice(c.punct.lastIndexIn(text, 0, text.length, COMMA | SEMICOLON) + 1);
  if (c.span.from.test(before)) return single(around[0] - 1, rule);
  // A change over the span (五年来…发电装机容量增长40%), a level held over it (稳定在) or yearly: the span.
  if (c.span.change.test(before.replace(c.span.changeGap, '')) || c.span.steady.test(before) || c.span.yearly.some((w) => text.includes(w))) return { year: null, period: around, rule };
  if (LEVELS.has(m.dimension ?? '')) return averageAfter(frame, c, block, m) ? { year: null, period: around, rule } : single(around[1], rule);
  // A total over the span in the figure's clause (城镇新增就业超过6000万人) is the span's, however it is reached.
  if (holdsTotal(clause, c)) return { year: null, period: around, rule };
  if (c.span.reached.test(before.replace(/(了|为|约|近)$/, ''))) return single(around[1], rule);
  // A flow named right before the figure (上划中央收入116.18亿元) is the sum of the span's years.
  if ((kind === 'actual' || kind === 'target') && c.span.flow.test(before)) return { year: null, period: around, rule };
  // A count or an amount done over the span (累计…，改造农村危房1.28万户) is its total. The work may open the clause
  // or, after an enumeration comma, the figure's own phrase (…改造274万平方米、腾出发展空间1.2万亩).
  const phrase = clause.slice(clause.lastIndexOf('、') + 1);
  // (Work planned over the span is its total as well: “十四五”期间，计划启动改造30万平方米.)
  if (holdsTotal(text, c) || ((kind === 'actual' || kind === 'target') && (c.span.action.test(clause) || c.span.action.test(phrase)))) return { year: null, period: around, rule };
  // So is a count of things done or honoured in the span, its verb after it (19项科技成果获国家科学技术奖).
  if (kind === 'actual' && COUNTED.has(m.dimension ?? '') && doneAfter(clauseAfter(frame, c, block, m), c)) return { year: null, period: around, rule };
  return single(around[1], rule);
}

/** Whether a verb of work done or an honour won stands in `after`, not right after 全部/均 (112个脱贫村全部成为经济强村: a stock). */
function doneAfter(after: string, c: Compiled): boolean {
  const m = c.span.doneAfter.exec(after);
  if (m === null) return false;
  const before = after.slice(0, m.index);
  return !c.q.spanFigures.doneAll.some((w) => before.endsWith(w));
}

/** The figure's clause after it, as read (at most 24 characters). */
function clauseAfter(frame: Frame, c: Compiled, block: Block, m: Range): string {
  const limit = Math.min(block.end, m.end + 24);
  const stop = c.punct.indexIn(frame.reading.view, m.end, limit, CLAUSE_END | SENTENCE_END);
  return frame.reading.slice(m.end, stop < 0 ? limit : stop);
}

/** Whether `text` holds a word of a total (累计, 共), not one inside a word that is none (公共). */
function holdsTotal(text: string, c: Compiled): boolean {
  for (const m of text.matchAll(c.span.totals)) if (m[1] !== undefined) return true;
  return false;
}

/** The deadline a figure's sentence or paragraph opens with (到2025年，…), or the one carried to it, and its rule. */
export interface Opening { year: number; rule: string | null }

const scopeEnd = (p: Scope | null): When | null => (p ? { year: p.period[1], period: null, rule: p.rule } : null);

/** The year a figure with no cue of its own takes from where it stands: its section's role, else its kind. */
function fallbackYear(frame: Frame, block: Block, kind: Kind): When {
  const own = partYear(frame, block);
  if (own != null) return { year: own, period: null, rule: partRule(frame, block) };
  const role = partRole(frame, block);
  if (role === 'glossary') return { year: null, period: null, rule: null };
  // A score or other background figure outside a glossary is of the document's year (a 2018 assessment table's 得2分).
  const review = kind !== 'other' && (role === 'review' || (!role && kind === 'actual'));
  const year = review ? frame.reviewYear : frame.standing && kind === 'target' ? null : frame.planYear;
  return { year, period: null, rule: year === null ? null : frame.ids.year[review ? 'report-review' : 'report-plan'] };
}
