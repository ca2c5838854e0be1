import type { Doc } from '../../document.js';
import type { ReadingView } from '../../util/reading.js';
import type { Draft, SectionLeads } from './draft.js';
import type { UnitRole } from './grammar.js';
import type { SectionIndex } from './sections.js';

export type Named = Record<UnitRole, string[]>;

const uniq = (xs: string[]) => [...new Set(xs)];

/** The lead named for a section or, failing that, for its nearest ancestor. */
function inherited(reading: ReadingView, sections: SectionIndex, leads: SectionLeads, section: string | null): string[] {
  for (let s = section; s; s = sections.parentOf(s)) {
    const items = leads.get(s);
    if (!items?.length) continue;
    // Pushed, not mapped: an optimised `map` may give a holey array, and the organisations stage reading the leads
    // was thrown out on meeting the other kind (see settleRoles).
    const names: string[] = [];
    for (const r of items) names.push(reading.written(r.start, r.end));
    return names;
  }
  return [];
}

/**
 * Lead, responsible and cooperating units of each draft, in document order. The lead is the task's own (牵头单位:, X牵头,
 * X会同Y), else the first unit named where the text says the first is the lead (下同 carries that on), else the section's.
 */
export function settleRoles(doc: Doc, drafts: Draft[], sections: SectionIndex, leads: SectionLeads): Named[] {
  let firstLeadsFromNowOn = false;
  // Read off the document once: documents come in several shapes, and a read of one per item left optimised code.
  const reading = doc.reading;
  // Filled by push, not by `map`: V8's optimised `map` may give a holey array where the unoptimised one gave a packed
  // one, and the tasks stage reading it was then thrown away and compiled again for the second kind.
  const out: Named[] = [];
  for (const d of drafts) {
    // The items' names read by loops: a `filter` that keeps none gives an array of another kind than one that keeps
    // some, and the `map` after it was compiled for the kind it had seen.
    const named = (role: UnitRole) => {
      const names: string[] = [];
      for (const l of d.lists) for (const x of l.items) if (x.roles.includes(role)) names.push(reading.written(x.start, x.end));
      return uniq(names);
    };
    const firstLeads = firstLeadsFromNowOn || d.lists.some((l) => l.firstIsLead);
    if (d.lists.some((l) => l.firstIsLead && l.sticky)) firstLeadsFromNowOn = true;
    let lead = named('lead');
    // A task that names only its lead units (（牵头部门：A、B）, 由A牵头) has them responsible too.
    const own = named('responsible');
    const responsible = own.length || !lead.length ? own : lead;
    if (!lead.length && firstLeads && responsible.length) lead = [responsible[0]!];
    if (!lead.length) lead = inherited(reading, sections, leads, d.section);
    out.push({ lead, responsible, cooperating: named('cooperating') });
  }
  return out;
}
