import type { Result } from '../schema.js';

/** What part of a report a section is: the review of the past year(s), the plan, a glossary, or other. */
export type Role = 'review' | 'plan' | 'glossary' | 'other';

/**
 * The role of every section, by id, as the extraction decided it for the whole document (`sections[].role`, from
 * the roles stage); a section with no role counts as other.
 */
export function sectionRoles(result: Result): Map<string, Role> {
  return new Map(result.sections.map((s) => [s.id, s.role ?? 'other']));
}
