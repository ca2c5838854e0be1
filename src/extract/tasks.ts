import type { Doc, Range, Stage } from '../document.js';
import type { Organization, Task } from '../schema.js';
import { spanOf, textSpan } from '../span.js';
import { blockDrafts } from './units/blocks.js';
import type { Draft, SectionLeads } from './units/draft.js';
import { grammar } from './units/grammar.js';
import { parseContent } from './units/lists.js';
import { settleRoles } from './units/roles.js';
import { tableDrafts } from './units/table.js';

/** Tables are read only where no task was found in the running text (a table flattened to lines may be both). */
function merge(blocks: Draft[], tables: Draft[]): Draft[] {
  const free = tables.filter((t) => !blocks.some((b) => b.start < t.end && t.start < b.end));
  return [...blocks, ...free].sort((a, b) => a.start - b.start);
}

/** Organisations named in unit lists and section leads, with every mention; roles are filled by the organizations stage. */
function namedUnits(doc: Doc, drafts: Draft[], leads: SectionLeads): Organization[] {
  const byName = new Map<string, Organization>();
  const mention = (r: Range) => {
    const name = doc.text.slice(r.start, r.end);
    const org = byName.get(name) ?? { name, roles: { lead: [], responsible: [], cooperating: [] }, mentions: [] };
    byName.set(name, org);
    if (!org.mentions.some((m) => m.start === r.start)) org.mentions.push(spanOf(doc, r.start, r.end));
  };
  const all: Range[] = [...[...leads.values()].flat(), ...drafts.flatMap((d) => d.lists.flatMap((l) => l.items))];
  for (const r of all.sort((a, b) => a.start - b.start)) mention(r);
  return [...byName.values()];
}

/**
 * Tasks and their units: numbered lines with unit lists, lines followed by 责任单位:/牵头单位: lines, items of a section whose
 * heading names a lead, and rows of tables with a unit column. Sets each section's `lead` from its heading.
 */
export const tasks: Stage = (doc, { rules }): Doc => {
  const g = grammar(rules);
  const leads: SectionLeads = new Map();
  for (const s of doc.sections) {
    if (!s.leadText) continue;
    const items = parseContent(doc.view, s.leadText.start, s.leadText.end, g)?.items ?? [];
    const lead = items.filter((x) => x.roles.includes('lead'));
    if (items.length) leads.set(s.id, lead.length ? lead : items);
  }
  const drafts = merge(blockDrafts(doc, rules, g, leads), tableDrafts(doc, g));
  const roles = settleRoles(doc, drafts, leads);
  const found: Task[] = drafts.map((d, i) => ({
    id: `t${i + 1}`,
    section: d.section,
    marker: d.marker ? doc.text.slice(d.marker.start, d.marker.end) : null,
    title: doc.text.slice(d.title.start, d.title.end),
    ...textSpan(doc, d.start, d.end),
    ...roles[i]!,
    quantities: [],
    rule: d.rule,
  }));
  const sections = doc.sections.map((s) => ({ ...s, lead: [...new Set((leads.get(s.id) ?? []).map((r) => doc.text.slice(r.start, r.end)))] }));
  return { ...doc, sections, tasks: found, organizations: namedUnits(doc, drafts, leads) };
};
