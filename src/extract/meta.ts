import { withFields, type Block, type Doc, type Stage } from '../document.js';
import { mayHold, requiredText } from '../rules/regex-ast.js';
import type { RawRules, Rules } from '../rules/schema.js';
import type { Meta } from '../schema.js';
import { cnNumber, findDate } from './meta/dates.js';
import { frontMatter } from './meta/front.js';
import { docTypeOf, looksBack, openingYear, outlineSpan, reportedLookBackYear } from './meta/doctype.js';
import { expandIssuer, issuerCue } from './meta/issuer.js';
import { ownAreaLevel, placeOf } from './meta/place.js';
import { regionOf, regions, type Place } from './meta/region.js';
import { headerTitle, isBareReportTitle, opening } from './meta/title.js';
import { firstNear, nearNeeds, type NearNeeds } from '../stages/gates.js';
import { readAs } from '../stages/normalise.js';

/** Lines before the first heading that may carry the delivery line, speaker and issuer. */
const FRONT_BLOCKS = 40;

/** What the year rules need, built once at load (`rules.meta.compiled.years`). */
export interface YearNeeds {
  /** The texts a section title must hold for the plan or review heading rule to match it (requiredText), or null. */
  planHeading: readonly string[] | null;
  reviewHeading: readonly string[] | null;
  /** Where the run-in plan and review title rules can match: around which texts of the view (nearNeeds), or null. */
  runInPlan: NearNeeds | null;
  runInReview: NearNeeds | null;
  reportedPlan: NearNeeds | null;
  reportedReview: NearNeeds | null;
  targetsYear: NearNeeds | null;
  /** The texts a paragraph must hold for a news item's account of a report that looks back to match it, or null. */
  reportedLookBack: readonly string[] | null;
  /** The text every name a report announces holds (its year's 年: requiredText, one), or null. */
  announcedTitle: readonly string[] | null;
}

/** Called once by the rule loader (src/rules/compile.ts). */
export function compileYears(rules: RawRules): YearNeeds {
  const needs = (rule: { pattern: RegExp } | undefined) => (rule ? requiredText(rule.pattern) : null);
  const near = (rule: { pattern: RegExp } | undefined) => (rule ? nearNeeds(rule.pattern) : null);
  return {
    planHeading: needs(rules.meta.planHeading), reviewHeading: needs(rules.meta.reviewHeading), runInPlan: near(rules.meta.runInPlan), runInReview: near(rules.meta.runInReview),
    reportedPlan: near(rules.meta.reportedPlan), reportedReview: near(rules.meta.reportedReview), targetsYear: near(rules.meta.targetsYear),
    reportedLookBack: needs(rules.meta.reportedLookBack),
    announcedTitle: rules.meta.announcedTitle ? requiredText(rules.meta.announcedTitle.pattern, 1) : null,
  };
}

/** The first section title the rule matches, in document order. */
function firstHeadingMatch(doc: Doc, rule: { pattern: RegExp } | undefined, needs: readonly string[] | null): RegExpExecArray | null {
  if (!rule) return null;
  for (const s of doc.sections) {
    const title = doc.view.slice(s.title.start, s.title.end);
    const m = mayHold(title, needs) ? rule.pattern.exec(title) : null;
    if (m) return m;
  }
  return null;
}

/** The year a rule's match names (its `year` group), OCR spaces between the digits left out. */
const yearIn = (m: RegExpExecArray): number => Number((m.groups?.year ?? m[1] ?? '').replace(/\s/g, ''));

/**
 * The year the document is for: the year of its plan part (2024年重点工作安排), else the year after its review part,
 * else the latest year in its title, else the year of its date (a report delivered in December is for the next year).
 * A document that only looks back (`lookBack`: 统计公报, 决算) is for the year it reviews.
 */
function yearOf(doc: Doc, rules: Rules, title: string | null, date: string | null, docType: Meta['docType'], lookBack: boolean): number | null {
  const needs = rules.meta.compiled.years;
  const years = titleYears(title ?? '', rules);
  // A document that looks back is of the year it names first (2024年财政总决算和2025年1-6月…: 2024), else of the
  // year before it was issued (a bulletin comes out in spring; a summary issued late in the year is of that year).
  if (lookBack) {
    if (years.length) return years[0]!;
    if (date) {
      const [y, m] = date.split('-').map(Number) as [number, number];
      return m >= 10 ? y : y - 1;
    }
    return yearLookedBack(doc, rules);
  }
  const plan = firstHeadingMatch(doc, rules.meta.planHeading, needs.planHeading);
  if (plan) return yearIn(plan);
  const review = firstHeadingMatch(doc, rules.meta.reviewHeading, needs.reviewHeading);
  if (review) return yearIn(review) + 1;
  if (years.length) return Math.max(...years);
  // A news item on a report that only looks back (作关于2010年度…审计工作报告) is of the year that report reviews.
  const reported = reportedLookBackYear(doc, { docType }, rules);
  if (reported !== null) return reported;
  // A five-year plan's outline that names no year is for the span it plans, from its first year (第十二个五年规划: 2011).
  const span = docType === 'plan-outline' && title ? outlineSpan(title) : null;
  if (span) return span[0];
  if (date && docType !== 'policy-notice') {
    const [y, m] = date.split('-').map(Number) as [number, number];
    return (docType === 'work-report' || docType === 'plan-report') && m >= 10 ? y + 1 : y;
  }
  // A news item on a report that gives no year (1月16日上午, …报告回顾了2024年的工作) is for the year the report's parts
  // name, but not for the year after its latest clause year: a news item's own past is no report's review.
  // A text of no known type is for the year its paragraph of main targets names (2025年主要预期目标：…), else for
  // the year it opens on and looks back on (2022年，面对…: a bulletin's body).
  const parts = REVIEWS_AND_PLANS.has(docType) ? yearOfParts(doc.view, rules)
    : docType === 'news' ? yearOfParts(doc.view, rules, true)
    : docType === 'other' ? targetsYearOf(doc.view, rules) ?? openingYear(doc, { docType }, rules)
    : null;
  // A news item that names the national plenary session it reports on is of that session's year (a report itself names
  // the session before it as well: 完成了八届全国人大二次会议确定的任务).
  return parts ?? milestoneYear(doc.view, rules) ?? (docType === 'news' ? sessionYear(doc.view, rules) : null);
}

/** The year of the national congress's or CPPCC's plenary session a text names (meta.yaml nationalSession), or null. */
function sessionYear(view: string, rules: Rules): number | null {
  const rule = rules.meta.nationalSession;
  const m = rule && view.includes('全国') ? rule.pattern.exec(view) : null;
  if (!m) return null;
  const n = rules.quantities.compiled.numerals;
  const term = cnNumber(m.groups!.term!, n);
  const session = cnNumber(m.groups!.session!, n);
  return term >= rule!.firstTerm ? rule!.firstYear + (term - rule!.firstTerm) * rule!.termYears + session - 1 : null;
}

/** The year of a five-year plan's life the text says it is in (meta.yaml planMilestone: “十五五”开局之年 → 2026), or null. */
function milestoneYear(view: string, rules: Rules): number | null {
  const rule = rules.meta.planMilestone;
  const m = rule && view.includes('之年') ? rule.pattern.exec(view) : null;
  const span = m ? outlineSpan(`十${m.groups!.plan!}五`) : null;
  if (!span) return null;
  return rule!.last.includes(m!.groups!.milestone!) ? span[1] : span[0];
}

const REVIEWS_AND_PLANS = new Set<Meta['docType']>(['work-report', 'plan-report', 'budget-report']);

/** The years a title names, in order, but for those that are not the document's (meta.yaml titleYearNot: 2035年远景). */
function titleYears(title: string, rules: Rules): number[] {
  const not = rules.meta.titleYearNot?.pattern;
  const skip = new Set<number>();
  if (not) for (const m of title.matchAll(not)) skip.add(m.index + m[0].indexOf(m.groups!.year!));
  return [...title.matchAll(/(\d{4})\s*年/gu)].filter((m) => !skip.has(m.index)).map((m) => Number(m[1]));
}

/**
 * Paragraphs from the start in which a report may name itself (after its delivery lines, an address line and a
 * salutation).
 */
const ANNOUNCING_BLOCKS = 6;
/** How far into a paragraph a report's name may end (受…委托，现将…报告如下). */
const ANNOUNCING_REACH = 160;

/**
 * The name a report with no title line gives itself in its opening paragraphs, before its first heading
 * (rules/meta.yaml announcedTitle), or null.
 */
function announcedTitle(doc: Doc, rules: Rules): string | null {
  const rule = rules.meta.announcedTitle;
  if (!rule) return null;
  for (const b of doc.blocks.slice(0, ANNOUNCING_BLOCKS)) {
    if (b.kind === 'heading') break;
    if (b.kind !== 'paragraph') continue;
    const text = doc.view.slice(b.start, Math.min(b.end, b.start + ANNOUNCING_REACH));
    const m = mayHold(text, rules.meta.compiled.years.announcedTitle) ? rule.pattern.exec(text) : null;
    const title = m?.groups?.title;
    if (title) {
      const at = b.start + m!.index + m![0].indexOf(title);
      return doc.reading.written(at, at + title.length);
    }
  }
  return null;
}

/** A year opening a paragraph (2024年是…, 2024年全县…). */
const OPENING_YEAR = /^((?:19|20)\d{2})年/u;

/**
 * The year a document that looks back and names no year in its title or date is of: the latest year opening a
 * clause in its first half (2024年，全县…: clauseYear), else the first year a paragraph opens with (2024年是…).
 */
function yearLookedBack(doc: Doc, rules: Rules): number | null {
  const latest = latestClauseYear(doc.view, rules);
  if (latest) return latest;
  for (const b of doc.blocks) {
    const m = b.kind === 'paragraph' ? OPENING_YEAR.exec(doc.view.slice(b.start, b.start + 5)) : null;
    if (m) return Number(m[1]);
  }
  return null;
}

/**
 * The year of a report with no title, no part headings and no date (a flattened copy): its run-in part titles
 * (runInPlan, runInReview) or the year its main targets name (targetsYear), else the later of two years in a row its
 * paragraphs say what they are (topicYear: 2021年是…；2022年是…), else the year after the latest year that opens a
 * clause in its first half (clauseYear).
 * A news item (`news`) is dated by what it says of the report it covers (reportedPlan, reportedReview) or by the
 * report's run-in titles, not by its own past years.
 */
function yearOfParts(view: string, rules: Rules, news = false): number | null {
  const { runInPlan, runInReview, reportedPlan, reportedReview, targetsYear } = rules.meta;
  const years = rules.meta.compiled.years;
  const first = (rule: { pattern: RegExp } | undefined, near: NearNeeds | null) => firstOf(rule, view, near);
  const plan = (news ? first(reportedPlan, years.reportedPlan) : null) ?? first(runInPlan, years.runInPlan) ?? first(targetsYear, years.targetsYear);
  if (plan) return yearIn(plan);
  const review = (news ? first(reportedReview, years.reportedReview) : null) ?? first(runInReview, years.runInReview);
  if (review) return yearIn(review) + 1;
  if (news) return null;
  const topics = topicPair(view, rules);
  if (topics) return topics;
  const latest = latestClauseYear(view, rules);
  return latest ? latest + 1 : null;
}

/**
 * The first match of a year rule in the view, the rule run only around the texts its matches hold (工作安排, 工作回顾…:
 * most views hold none); null when the rule set leaves it out.
 */
function firstOf(rule: { pattern: RegExp } | undefined, view: string, near: NearNeeds | null): RegExpExecArray | null {
  return !rule ? null : near ? firstNear(rule.pattern, view, near) : rule.pattern.exec(view);
}

/** The year a paragraph of main targets names (meta.yaml targetsYear: 2018年…主要预期目标是：), or null. */
function targetsYearOf(view: string, rules: Rules): number | null {
  const m = firstOf(rules.meta.targetsYear, view, rules.meta.compiled.years.targetsYear);
  return m ? yearIn(m) : null;
}

/** Of the years the report's paragraphs say what they are (meta.yaml topicYear), the later of two in a row, or null. */
function topicPair(view: string, rules: Rules): number | null {
  const rule = rules.meta.topicYear;
  if (!rule || !view.includes('年是')) return null;
  const years = new Set<number>();
  for (const m of view.matchAll(rule.pattern)) years.add(yearIn(m));
  let best: number | null = null;
  for (const y of years) if (years.has(y - 1) && (best === null || y > best)) best = y;
  return best;
}

/** The latest year that opens a clause in the first half of the view (meta.yaml clauseYear: 2016年，全县…), or 0. */
function latestClauseYear(view: string, rules: Rules): number {
  const { clauseYear } = rules.meta;
  let latest = 0;
  for (const m of clauseYear ? view.slice(0, Math.ceil(view.length / 2)).matchAll(clauseYear.pattern) : []) latest = Math.max(latest, yearIn(m));
  return latest;
}

/**
 * The administrative level the document is about, from its place: a national document is national; otherwise the
 * lowest unit its place names: a township named after its county (rules/regions.yaml township), else the lowest of
 * its region (a municipality is its province, so a municipality's report is province level).
 */
export function levelOf(place: Place, region: Meta['region'], ownArea: () => Meta['level'] = () => null): Meta['level'] {
  if (place.national) return 'national';
  // A township-level name (…镇, …乡, …街道, …苏木) after the county or alone: rules/regions.yaml township.
  if (place.township) return 'township';
  if (region.district) return 'county';
  if (region.city) return 'city';
  return region.province ? 'province' : ownArea();
}

/** Title, document type, region, date, issuer and year, from the opening lines and the shape of the document. */
export const meta: Stage = (doc, { rules }): Doc => {
  const open = opening(doc, rules);
  const hints = frontMatter(doc, rules.boilerplate);
  const firstHeading = doc.blocks.findIndex((b) => b.kind === 'heading');
  // The cells of a one-cell-per-line table (a unit column's 县工信局) are no front lines either.
  const before: Block[] = doc.blocks.slice(0, Math.min(FRONT_BLOCKS, firstHeading >= 0 ? firstHeading : FRONT_BLOCKS));
  const table = doc.cellTables[0]?.start ?? Infinity;
  const front = before.filter((b) => b.start < table);
  // A title naming nothing but the genre (政府工作报告) gives way to the collector's or the page header's, which name more.
  const own = open.title !== null && isBareReportTitle(open.title) ? open.collectorTitle ?? headerTitle(doc, rules) ?? open.title : open.title;
  const raw = own ?? open.collectorTitle ?? hints?.title ?? announcedTitle(doc, rules) ?? headerTitle(doc, rules);
  // A title from the blocks is read as written (breaks and markup out); collector and front-matter fields are one line.
  // A title line that was a table row (东柳街道2023年工作总结 |) leaves its cell border.
  const unbordered = raw?.replace(/[\s|]+$/u, '') || null;
  // A tag is read as the view reads text (a traditional copy's 原標題: as 原标题:), one character for one.
  const tag = unbordered && rules.meta.titleTag ? rules.meta.titleTag.exec(readAs(unbordered, rules.script.compiled.shift)) : null;
  const untagged = tag ? unbordered!.slice(tag.index + tag[0].length) : unbordered;
  const sited = untagged && rules.meta.titleSite ? untagged.replace(rules.meta.titleSite, '') : untagged;
  const written = sited && rules.meta.titleDateNote ? sited.replace(rules.meta.titleDateNote, '') || sited : sited;
  // The rules read the title as the view reads text (a traditional copy's 統計公報 as 统计公报); the output keeps it.
  const read = written && readAs(written, rules.script.compiled.shift);
  const docType = docTypeOf(doc, rules, read, open.title === null && open.collectorTitle !== null);
  // (A note the collector put in brackets after the issuer's name, 某省人民政府（省长某某向…会议作）, is none of it.)
  const hinted = (open.collectorIssuer ?? hints?.issuer)?.replace(/\s*[(（][^()（）]*[)）]$/u, '') || null;
  const cue = issuerCue(doc, rules, read, hinted, front, docType === 'news');
  const place = placeOf(doc, rules, read, front, cue?.name ?? null);
  const issuer = expandIssuer(cue, place, regions(rules));
  let year: number | null = null;
  const lookBack = looksBack(written, issuer, rules); // it reads the title as the view does itself
  const date = findDate(doc, doc.blocks, docType === 'news', () => yearOf(doc, rules, read, null, docType, lookBack), rules) ?? hints?.date ?? null;
  year = yearOf(doc, rules, read, date, docType, lookBack);
  let title = written;
  // A work report with no title of its own is named after its government (not after a bureau that issued a copy).
  const where = issuer && /(政府|国务院)$/u.test(issuer) ? issuer.replace(/(人民)?政府$/u, '') : null;
  if (docType === 'work-report' && year && where && (!title || (isBareReportTitle(title) && date))) title = `${year}年${where}政府工作报告`;
  const region = regionOf(place, regions(rules));
  return withFields(doc, { meta: { title, docType, level: levelOf(place, region, () => ownAreaLevel(doc.view, rules, null)), region, date, issuer, year, source: hints?.source ?? null } });
};
