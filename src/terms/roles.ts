import type { Rules } from '../rules/schema.js';
import type { Result } from '../schema.js';

/** What part of a report a section is: the review of the past year(s), the plan, a glossary, or other. */
export type Role = 'review' | 'plan' | 'glossary' | 'other';

const ROLES = new Set<Role>(['review', 'plan', 'glossary', 'other']);
const YEAR = /((?:19|20)\d{2})年/;
/** Reports that review one year and plan the next. */
const REPORTS = new Set(['work-report', 'plan-report']);
const PLAN_YEAR_WORDS = /今年|明年/;

/**
 * The role of every section, by id. When the extraction states `sections[].role` (a role name, or an object with
 * one) that is taken as it is; otherwise it is derived here from the section titles with the section rules of
 * rules/quantities.yaml, the way the quantity extractor reads them. This is the one place to switch over.
 */
export function sectionRoles(result: Result, rules: Rules): Map<string, Role> {
  const stated = new Map<string, Role>();
  for (const s of result.sections) {
    const raw = (s as { role?: unknown }).role;
    const name = typeof raw === 'string' ? raw : typeof raw === 'object' && raw !== null ? (raw as { role?: unknown }).role : undefined;
    if (typeof name === 'string' && ROLES.has(name as Role)) stated.set(s.id, name as Role);
  }
  if (result.sections.length > 0 && stated.size === result.sections.length) return stated;
  return derivedRoles(result, rules);
}

/**
 * A section's own role comes from its title (工作回顾 → review, 重点工作 → plan, 名词解释 → glossary), else from its
 * parent. In a work or plan report a heading naming the report's own year with no role (二、关于2024年工作) opens the
 * plan (so does one naming 今年 or 明年: 二、对今年政府工作的建议), and once a plan section opens, the later sections beside it that name no role go on with the plan.
 */
export function derivedRoles(result: Result, rules: Rules): Map<string, Role> {
  const roles = new Map<string, Role>();
  const report = REPORTS.has(result.meta.docType);
  const planSibling = new Map<string | null, Role>();
  for (const s of result.sections) {
    const title = s.heading;
    const year = YEAR.exec(title);
    // 今年/明年 name the year planned for as well as the year itself does (二、对今年政府工作的建议).
    const plansYear = report && ((year !== null && result.meta.year !== null && Number(year[1]) === result.meta.year) || (year === null && PLAN_YEAR_WORDS.test(title)));
    const own: Role | null = rules.quantities.sections.find((r) => r.pattern.test(title))?.role ?? (plansYear ? 'plan' : null);
    const parent = s.parent ? roles.get(s.parent) : undefined;
    const inherited = parent && parent !== 'other' ? parent : undefined;
    const carried = own === null && !inherited && report ? planSibling.get(s.parent) : undefined;
    const role = own ?? inherited ?? carried ?? 'other';
    roles.set(s.id, role);
    if (role === 'plan' && (own === 'plan' || carried)) planSibling.set(s.parent, role);
    else if (own !== null) planSibling.delete(s.parent);
  }
  return roles;
}
