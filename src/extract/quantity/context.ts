import type { Doc, Range } from '../../document.js';
import { unwrap } from '../../util/breaks.js';
import type { Compiled } from './compile.js';
import { coverage, locator } from './spans.js';

type Role = 'review' | 'plan' | 'glossary';
type Kind = 'target' | 'actual' | 'other';

/** What the sections and the report's own year say about the figures in them. */
export interface Frame {
  /** Per section id: the role of the innermost section (itself or an ancestor) that has one, and its year. */
  sections: Map<string, { role: Role | null; year: number | null }>;
  planYear: number | null;
  reviewYear: number | null;
  /** Whether a position lies in a task, and the index in `doc.tasks` of the (first) task holding it, or -1. */
  inTask: (pos: number) => boolean;
  taskAt: (pos: number) => number;
  inGlossary: (pos: number) => boolean;
}

const YEAR = /((?:19|20)\d{2})年/;
/** Reports that review one year and plan the next. */
const REPORTS = new Set(['work-report', 'plan-report']);
const FIVE_YEAR_END: Record<string, number> = { 一: 2010, 二: 2015, 三: 2020, 四: 2025, 五: 2030 };

export function frameOf(doc: Doc, c: Compiled): Frame {
  const sections = new Map<string, { role: Role | null; year: number | null }>();
  let plan: number | null = null;
  let review: number | null = null;
  // Reports run from review to plan: once a plan section opens (二、2014年工作总体要求), the later sections beside it
  // that name no role of their own (三、聚力打造…, 四、扎实做好…) go on with the plan. A review is never carried, and
  // nothing is in other documents: a news article's headlines are themes, not parts of a plan.
  const planSibling = new Map<string | null, { role: Role | null; year: number | null }>();
  for (const s of doc.sections) {
    const title = doc.view.slice(s.heading.start, s.heading.end);
    const year = YEAR.exec(title);
    // A heading that names the year the report plans for and no role (二、关于2008年工作) opens its plan.
    const plansYear = year !== null && doc.meta.year !== null && Number(year[1]) === doc.meta.year && REPORTS.has(doc.meta.docType);
    const own = c.q.sections.find((r) => r.pattern.test(title))?.role ?? (plansYear ? 'plan' : null);
    const parent = s.parent ? sections.get(s.parent) : undefined;
    const carried = own === null && !parent?.role && REPORTS.has(doc.meta.docType) ? planSibling.get(s.parent) : undefined;
    const info = carried && !year
      ? carried
      : { role: own ?? parent?.role ?? carried?.role ?? null, year: year ? Number(year[1]) : own ? null : parent?.year ?? null };
    sections.set(s.id, info);
    if (info.role === 'plan' && (own === 'plan' || carried)) planSibling.set(s.parent, info);
    else if (own !== null) planSibling.delete(s.parent);
    if (own === 'plan' && info.year !== null) plan ??= info.year;
    if (own === 'review' && info.year !== null) review ??= info.year;
  }
  const tasks = doc.tasks.map((t) => t.span);
  const planYear = plan ?? doc.meta.year ?? (review !== null ? review + 1 : null);
  return {
    sections, planYear, reviewYear: review ?? (planYear !== null ? planYear - 1 : null),
    inTask: coverage(tasks), taskAt: locator(tasks), inGlossary: coverage(doc.glossary.map((g) => g.span)),
  };
}

/** Where a paragraph's figures become targets: just past its 主要预期目标是 (Infinity when it has none). */
export function targetsFrom(view: string, block: Range, c: Compiled): number {
  const m = c.q.targetParagraph?.exec(view.slice(block.start, block.end));
  return m ? block.start + m.index + m[0].length : Infinity;
}

/**
 * Target, actual or other. Glossary definitions are other; a paragraph of main expected targets, a task, or a plan
 * section makes a target; a review section an actual; elsewhere the nearest cue word before the figure in its
 * sentence decides, then the document type (every item of a task notice is a target).
 */
export function kindOf(doc: Doc, frame: Frame, c: Compiled, pos: number, section: string | null, sentence: Range, targetsFrom: number): { kind: Kind; rule: string } {
  const role = section ? frame.sections.get(section)?.role ?? null : null;
  if (role === 'glossary' || frame.inGlossary(pos)) return { kind: 'other', rule: 'kind.glossary' };
  if (pos >= targetsFrom) return { kind: 'target', rule: 'kind.target-paragraph' };
  // The sentence before the figure, read across the breaks of a hard-wrapped paragraph.
  const before = () => unwrap(doc.view.slice(sentence.start, pos));
  if (frame.inTask(pos)) return done(before(), c) ? { kind: 'actual', rule: 'kind.done' } : { kind: 'target', rule: 'kind.task' };
  if (role === 'plan') return { kind: 'target', rule: 'kind.plan-section' };
  if (role === 'review') return { kind: 'actual', rule: 'kind.review-section' };
  if (doc.meta.docType === 'task-notice' || doc.meta.docType === 'policy-notice') return { kind: 'target', rule: 'kind.notice' };
  const text = before();
  let cue: { kind: Kind; rule: string } | null = null;
  for (const m of text.matchAll(c.kind)) {
    const t = c.kindOf.get(m[0])!;
    cue = { kind: t.value, rule: t.id };
  }
  return cue ?? yearKind(text, frame, c) ?? { kind: doc.meta.docType === 'work-report' ? 'actual' : 'target', rule: 'kind.default' };
}

/** Whether the sentence before a figure reports work done (已完成投资…, 截至3月底…). */
function done(before: string, c: Compiled): boolean {
  return c.q.doneCues.some((w) => before.includes(w));
}

type YearCue = Compiled['years'][number];

/** Calls `found` with each match of each year cue in `text` and the offset just past it. */
function eachYearCue(text: string, cues: readonly YearCue[], found: (rule: YearCue['rule'], m: RegExpExecArray, end: number) => void): void {
  for (const { rule, re } of cues) for (const m of text.matchAll(re)) found(rule, m, m.index + m[0].length);
}

/**
 * With no section role and no cue word, a year written before the figure decides: a year before the report's plan
 * year is past (报告指出,2024年全县地区生产总值达到…, in a 2025 report), 到2027年 or the plan year itself is ahead.
 */
function yearKind(text: string, frame: Frame, c: Compiled): { kind: Kind; rule: string } | null {
  if (frame.planYear === null || (c.anyYear && !c.anyYear.test(text))) return null;
  let last = null as { end: number; year: number; by: boolean } | null;
  eachYearCue(text, c.years, (rule, m, end) => {
    if (rule.capture && (!last || end > last.end)) last = { end, year: Number(m[rule.capture]), by: rule.id === 'year.by' };
  });
  if (!last) return null;
  return last.year < frame.planYear && !last.by ? { kind: 'actual', rule: 'kind.past-year' } : { kind: 'target', rule: 'kind.year-ahead' };
}

/** A deadline: 到2025年, 至2030年 (the year captured). */
const DEADLINE_SOURCE = '(?:到|至)((?:19|20)\\d{2})年';
/**
 * A paragraph or a sentence that opens with a deadline (到2025年，A达到…，培育B…；…) sets the year of all its
 * targets.
 */
const OPENING_DEADLINE = new RegExp(`^${DEADLINE_SOURCE}(?:底|末)?[,:]`);

export function openingYear(view: string, block: Range): number | null {
  const m = OPENING_DEADLINE.exec(view.slice(block.start, Math.min(block.end, block.start + 12)));
  return m ? Number(m[1]) : null;
}

const DEADLINE = new RegExp(DEADLINE_SOURCE, 'g');

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

/**
 * The deadline each paragraph's targets take from the paragraph before: …，到2030年，…努力实现以下主要目标。 gives
 * 2030 to the ——… items after it, up to the first paragraph that is no item. Null where none is carried.
 */
export function carriedYears(view: string, blocks: readonly Range[]): (number | null)[] {
  const out: (number | null)[] = [];
  let carry: number | null = null;
  for (const b of blocks) {
    const head = view.slice(b.start, Math.min(b.end, b.start + 4));
    const item = LIST_ITEM.test(head);
    out.push(item ? carry : null);
    const intro = INTRODUCES_LIST.test(view.slice(Math.max(b.start, b.end - 16), b.end).trim());
    const own = intro ? lastDeadline(view, b) : null;
    if (own !== null) carry = own;
    else if (!item) carry = null;
  }
  return out;
}

/**
 * The year a figure is for: a year cue between the previous figure of its sentence and this one (到2025年, 上年,
 * 十二五末, 年均 → none), else the deadline its paragraph opens with (`opening`), else its section's year, else the
 * report's plan or review year by kind.
 */
export function yearOf(view: string, frame: Frame, c: Compiled, window: Range, section: string | null, kind: Kind, opening: number | null = null): number | null {
  const text = unwrap(view.slice(window.start, window.end));
  let explicit = null as { end: number; year: number | null } | null;
  let relative = null as { end: number; year: number | null } | null;
  // Most windows hold no cue at all: one test of all cues joined spares running each of them.
  const cues = !c.anyYear || c.anyYear.test(text) ? c.years : [];
  eachYearCue(text, cues, (rule, m, end) => {
    const year = rule.capture ? Number(m[rule.capture])
      : rule.period ? FIVE_YEAR_END[m[1] ?? ''] ?? null
      : rule.relative === 'plan' ? frame.planYear
      : rule.relative === 'review' ? frame.reviewYear
      : rule.relative === 'review-minus-one' && frame.reviewYear !== null ? frame.reviewYear - 1
      : null;
    const strong = rule.capture !== undefined || rule.period !== undefined || rule.relative === 'none' || rule.relative === 'review-minus-one';
    if (strong && (!explicit || end > explicit.end)) explicit = { end, year };
    if (!strong && (!relative || end > relative.end)) relative = { end, year };
  });
  if (explicit) return explicit.year;
  if (opening !== null && !relative) return opening;
  const info = section ? frame.sections.get(section) : undefined;
  if (info?.year != null) return info.year;
  if (relative) return relative.year;
  if (info?.role === 'glossary' || kind === 'other') return null;
  if (info?.role === 'review' || (!info?.role && kind === 'actual')) return frame.reviewYear;
  return frame.planYear;
}
