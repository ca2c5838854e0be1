import type { Block, Doc, Stage } from '../document.js';
import type { Rules } from '../rules/schema.js';
import type { Meta } from '../schema.js';
import { findDate } from './meta/dates.js';
import { frontMatter } from './meta/front.js';
import { docTypeOf } from './meta/doctype.js';
import { expandIssuer, issuerCue } from './meta/issuer.js';
import { placeOf } from './meta/place.js';
import { regionOf, regions } from './meta/region.js';
import { isBareReportTitle, opening } from './meta/title.js';
import { unwrap } from '../util/breaks.js';
import { cellTableRanges } from './table/layout.js';

/** Lines before the first heading that may carry the delivery line, speaker and issuer. */
const FRONT_BLOCKS = 40;

/** The first section title `pattern` matches, in document order. */
function firstHeadingMatch(doc: Doc, pattern: RegExp | undefined): RegExpExecArray | null {
  if (!pattern) return null;
  for (const s of doc.sections) {
    const m = pattern.exec(doc.view.slice(s.title.start, s.title.end));
    if (m) return m;
  }
  return null;
}

/**
 * The year the document is for: the year of its plan part (2024年重点工作安排), else the year after its review part,
 * else the latest year in its title, else the year of its date (a report delivered in December is for the next year).
 */
function yearOf(doc: Doc, rules: Rules, title: string | null, date: string | null, docType: Meta['docType']): number | null {
  const plan = firstHeadingMatch(doc, rules.meta.planHeading);
  if (plan) return Number(plan.groups?.year ?? plan[1]);
  const review = firstHeadingMatch(doc, rules.meta.reviewHeading);
  if (review) return Number(review.groups?.year ?? review[1]) + 1;
  const years = [...(title ?? '').matchAll(/(\d{4})\s*年/gu)].map((m) => Number(m[1]));
  if (years.length) return Math.max(...years);
  if (date && docType !== 'policy-notice') {
    const [y, m] = date.split('-').map(Number) as [number, number];
    return (docType === 'work-report' || docType === 'plan-report') && m >= 10 ? y + 1 : y;
  }
  return REVIEWS_AND_PLANS.has(docType) ? yearOfParts(doc.view) : null;
}

const REVIEWS_AND_PLANS = new Set<Meta['docType']>(['work-report', 'plan-report', 'budget-report']);
/** A year as written, OCR spaces allowed between its digits (2 016 年). */
const Y = String.raw`((?:1\s?9|2\s?0)\s?\d\s?\d)\s?年`;
/** Run-in part titles of a flattened report: 2024年工作回顾 (the year before the report's), 2025年工作安排 (its own). */
const RUN_IN_REVIEW = new RegExp(`${Y}(?:工作回顾|工作总结)`, 'u');
const RUN_IN_PLAN = new RegExp(`${Y}度?(?:工作安排|重点工作|主要任务|工作任务)`, 'u');
/** A year opening a clause of the review (2016年，全县生产总值…): the report is for the year after the latest. */
const CLAUSE_YEAR = new RegExp(String.raw`(?:^|[。;；\n]|\\n)\s*${Y}[,，]`, 'gu');

/**
 * The year of a report with no title, no part headings and no date (a flattened copy): its run-in part titles,
 * else the year after the latest year that opens a clause in its first half (the review comes first).
 */
function yearOfParts(view: string): number | null {
  const digits = (s: string) => Number(s.replace(/\s/g, ''));
  const plan = RUN_IN_PLAN.exec(view);
  if (plan) return digits(plan[1]!);
  const review = RUN_IN_REVIEW.exec(view);
  if (review) return digits(review[1]!) + 1;
  let latest = 0;
  for (const m of view.slice(0, Math.ceil(view.length / 2)).matchAll(CLAUSE_YEAR)) latest = Math.max(latest, digits(m[1]!));
  return latest ? latest + 1 : null;
}

/** A township-level name (…镇, …乡, …街道, …苏木) in the district slot. */
const TOWNSHIP = /(镇|乡|街道|街道办事处|苏木)$/u;

/**
 * The administrative level the document is about, from its place: a national document is national; otherwise the
 * lowest unit its region names (a municipality is its province, so a municipality's report is province level).
 */
export function levelOf(national: boolean, region: Meta['region']): Meta['level'] {
  if (national) return 'national';
  if (region.district) return TOWNSHIP.test(region.district) ? 'township' : 'county';
  if (region.city) return 'city';
  return region.province ? 'province' : null;
}

/** Title, document type, region, date, issuer and year, from the opening lines and the shape of the document. */
export const meta: Stage = (doc, { rules }): Doc => {
  const open = opening(doc, rules);
  const hints = frontMatter(doc, rules.boilerplate.frontMatter);
  const firstHeading = doc.blocks.findIndex((b) => b.kind === 'heading');
  // The cells of a one-cell-per-line table (a unit column's 县工信局) are no front lines either.
  const table = cellTableRanges(doc, rules.tables, rules.organizations.compiled)[0]?.start ?? Infinity;
  const front: Block[] = doc.blocks.slice(0, Math.min(FRONT_BLOCKS, firstHeading >= 0 ? firstHeading : FRONT_BLOCKS)).filter((b) => b.start < table);
  const raw = open.title ?? open.collectorTitle ?? hints?.title ?? null;
  const tagged = raw === null ? null : unwrap(raw);
  const untagged = tagged && rules.meta.titleTag ? tagged.replace(rules.meta.titleTag, '') : tagged;
  const written = untagged && rules.meta.titleSite ? untagged.replace(rules.meta.titleSite, '') : untagged;
  const docType = docTypeOf(doc, rules, written, open.title === null && open.collectorTitle !== null);
  const cue = issuerCue(doc, rules, written, open.collectorIssuer ?? hints?.issuer ?? null, front, docType === 'news');
  const place = placeOf(doc, rules, written, front, cue?.name ?? null);
  const issuer = expandIssuer(cue, place);
  let year: number | null = null;
  const date = findDate(doc, doc.blocks, docType === 'news', () => yearOf(doc, rules, written, null, docType)) ?? hints?.date ?? null;
  year = yearOf(doc, rules, written, date, docType);
  let title = written;
  const where = issuer?.replace(/人民政府$/u, '');
  if (docType === 'work-report' && year && where && (!title || (isBareReportTitle(title) && date))) title = `${year}年${where}政府工作报告`;
  const region = regionOf(place, regions(rules));
  return { ...doc, meta: { title, docType, level: levelOf(place.national === true, region), region, date, issuer, year, source: hints?.source ?? null } };
};
