import { withFields, type Doc, type Range, type Stage, type UnitMention } from '../document.js';
import type { Task } from '../schema.js';
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

/**
 * Every unit named in a section lead or a unit list, with its name as written, in text order (a lead and a list item
 * at one place keep that order). The organizations stage derives the organisations from these and the tasks.
 */
function namedUnits(doc: Doc, drafts: Draft[], leads: SectionLeads): UnitMention[] {
  const all: Range[] = [...[...leads.values()].flat(), ...drafts.flatMap((d) => d.lists.flatMap((l) => l.items))];
  // Pushed, not mapped: the array is packed however V8 compiles this (see tasks), for the organizations stage reading it.
  const out: UnitMention[] = [];
  for (const r of all.sort((a, b) => a.start - b.start)) out.push({ start: r.start, end: r.end, name: doc.reading.written(r.start, r.end) });
  return out;
}

/**
 * Tasks and their units: numbered lines with unit lists, lines followed by 责任单位:/牵头单位: lines, items of a section whose
 * heading names a lead, and rows of tables with a unit column. Adds the tasks, the lead units named for each section
 * (`sectionLeads`, from its heading or a label line below it) and every unit named (`units`); changes nothing else.
 */
export const tasks: Stage = (doc, { rules }): Doc => {
  const g = grammar(rules);
  const index = indexSections(doc.sections);
  const headingLeads: SectionLeads = new Map();
  for (const s of doc.sections) {
    if (!s.leadText) continue;
    const items = parseContent(doc.reading, s.leadText.start, s.leadText.end, g)?.items ?? [];
    const lead = items.filter((x) => x.roles.includes('lead'));
    if (items.length) headingLeads.set(s.id, lead.length ? lead : items);
  }
  const { drafts: fromBlocks, leads } = blockDrafts(doc, rules, g, index, headingLeads);
  const drafts = merge(fromBlocks, tableDrafts(doc, g, index, rules.tables.barCells?.groupCell ?? null, rules.tables.mergedCells?.groupHeader ?? null));
  const roles = settleRoles(doc, drafts, index, leads);
  // Filled by push, not by `map`: V8's optimised `map` may give a holey array where the unoptimised one gave a packed
  // one, and the code reading it (here and in later stages) was then thrown away and compiled again for the second kind.
  const found: Task[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    // Fields written out rather than spread (a spread per task is slow); the order is the one the output shows.
    const { text, span } = textSpan(doc, d.start, d.end);
    const { lead, responsible, cooperating } = roles[i]!;
    found.push({
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
    });
  }
  const leadNames = (id: string) => {
    const items = leads.get(id);
    return items ? [...new Set(items.map((r) => doc.reading.written(r.start, r.end)))] : [];
  };
  const sectionLeads = new Map<string, string[]>();
  for (const id of leads.keys()) sectionLeads.set(id, leadNames(id));
  return withFields(doc, { tasks: found, sectionLeads, units: namedUnits(doc, drafts, leads) });
};
