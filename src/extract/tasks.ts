import type { Doc, Range, Stage } from '../document.js';
import type { OrganizationDraft, Task } from '../schema.js';
import { countBefore, spanOf, textSpan } from '../span.js';
import { blockDrafts } from './units/blocks.js';
import type { Draft, SectionLeads } from './units/draft.js';
import { grammar } from './units/grammar.js';
import { parseContent } from './units/lists.js';
import { settleRoles } from './units/roles.js';
import { indexSections } from './units/sections.js';
import { tableDrafts } from './units/table.js';

/**
 * Whether any of `ranges` overlaps [start, end). `ranges` must be sorted by start; `reach[i]` is the furthest end among
 * ranges[0..i], so a binary search for the last range starting before `end` answers it.
 */
function overlapsAny(ranges: Range[], reach: number[], start: number, end: number): boolean {
  const n = countBefore(ranges.length, (i) => ranges[i]!.start < end);
  return n > 0 && reach[n - 1]! > start;
}

/**
 * A table row with a unit column is read as a row (its serial, its task cell, its unit cells); the running-text
 * reading of the same line (a table flattened to lines may be both) is kept only where no row was read.
 */
function merge(blocks: Draft[], tables: Draft[]): Draft[] {
  const sorted = [...tables].sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  for (const t of sorted) reach.push(Math.max(t.end, reach.at(-1) ?? -Infinity));
  const free = blocks.filter((b) => !overlapsAny(sorted, reach, b.start, b.end));
  return [...free, ...tables].sort((a, b) => a.start - b.start);
}

/** Organisations named in unit lists and section leads, with every mention; roles are filled by the organizations stage. */
function namedUnits(doc: Doc, drafts: Draft[], leads: SectionLeads): OrganizationDraft[] {
  const byName = new Map<string, OrganizationDraft>();
  /** Mention starts already recorded, per name: a unit named in two lists at one place is one mention. */
  const seen = new Map<string, Set<number>>();
  const mention = (r: Range) => {
    const name = doc.reading.written(r.start, r.end);
    let org = byName.get(name);
    let starts = seen.get(name);
    if (!org || !starts) {
      org = { name, roles: { lead: [], responsible: [], cooperating: [] }, mentions: [] };
      starts = new Set();
      byName.set(name, org);
      seen.set(name, starts);
    }
    if (starts.has(r.start)) return;
    starts.add(r.start);
    org.mentions.push(spanOf(doc, r.start, r.end));
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
  const index = indexSections(doc.sections);
  const leads: SectionLeads = new Map();
  for (const s of doc.sections) {
    if (!s.leadText) continue;
    const items = parseContent(doc.view, s.leadText.start, s.leadText.end, g)?.items ?? [];
    const lead = items.filter((x) => x.roles.includes('lead'));
    if (items.length) leads.set(s.id, lead.length ? lead : items);
  }
  const drafts = merge(blockDrafts(doc, rules, g, index, leads), tableDrafts(doc, g, index));
  const roles = settleRoles(doc, drafts, index, leads);
  const found: Task[] = drafts.map((d, i) => {
    // Fields written out rather than spread (a spread per task is slow); the order is the one the output shows.
    const { text, span } = textSpan(doc, d.start, d.end);
    const { lead, responsible, cooperating } = roles[i]!;
    return {
      id: `t${i + 1}`,
      section: d.section,
      marker: d.marker ? doc.text.slice(d.marker.start, d.marker.end) : null,
      title: doc.reading.written(d.title.start, d.title.end),
      text,
      span,
      lead,
      responsible,
      cooperating,
      quantities: [],
      rule: d.rule,
    };
  });
  const leadNames = (id: string) => {
    const items = leads.get(id);
    return items ? [...new Set(items.map((r) => doc.reading.written(r.start, r.end)))] : [];
  };
  const sections = doc.sections.map((s) => ({ ...s, lead: leadNames(s.id) }));
  return { ...doc, sections, tasks: found, organizations: namedUnits(doc, drafts, leads) };
};
