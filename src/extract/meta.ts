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
  if (!date || docType === 'policy-notice') return null;
  const [y, m] = date.split('-').map(Number) as [number, number];
  return (docType === 'work-report' || docType === 'plan-report') && m >= 10 ? y + 1 : y;
}

/** Title, document type, region, date, issuer and year, from the opening lines and the shape of the document. */
export const meta: Stage = (doc, { rules }): Doc => {
  const open = opening(doc, rules);
  const hints = frontMatter(doc, rules.boilerplate.frontMatter);
  const firstHeading = doc.blocks.findIndex((b) => b.kind === 'heading');
  const front: Block[] = doc.blocks.slice(0, Math.min(FRONT_BLOCKS, firstHeading >= 0 ? firstHeading : FRONT_BLOCKS));
  const raw = open.title ?? open.collectorTitle ?? hints?.title ?? null;
  const tagged = raw === null ? null : unwrap(raw);
  const untagged = tagged && rules.meta.titleTag ? tagged.replace(rules.meta.titleTag, '') : tagged;
  const written = untagged && rules.meta.titleSite ? untagged.replace(rules.meta.titleSite, '') : untagged;
  const docType = docTypeOf(doc, rules, written);
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
  return { ...doc, meta: { title, docType, region, date, issuer, year, source: hints?.source ?? null } };
};
