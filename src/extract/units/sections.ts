import type { SectionNode } from '../../document.js';
import { countBefore } from '../../span.js';

/** Lookups over one document's sections, built once per document instead of searching the list for each block or task. */
export interface SectionIndex {
  byId: Map<string, SectionNode>;
  /** Ids of sections that have a subsection. */
  withChildren: Set<string>;
  /** The parent of a section (null for a top-level or unknown one). */
  parentOf(id: string): string | null;
  /** The innermost section holding an offset: the last one in document order whose range holds it. */
  sectionAt(offset: number): string | null;
}

export function indexSections(sections: readonly SectionNode[]): SectionIndex {
  const byId = new Map<string, SectionNode>();
  const withChildren = new Set<string>();
  for (const s of sections) {
    if (!byId.has(s.id)) byId.set(s.id, s);
    if (s.parent !== null) withChildren.add(s.parent);
  }
  return { byId, withChildren, parentOf: (id) => byId.get(id)?.parent ?? null, sectionAt: innermost(sections) };
}

/**
 * `sectionAt` for the sections of a document. Headings come in text order, so a binary search finds the last section
 * opening at or before the offset, and the answer is that one or the nearest earlier one still open there.
 */
function innermost(sections: readonly SectionNode[]): (offset: number) => string | null {
  const ordered = sections.every((s, i) => i === 0 || sections[i - 1]!.heading.start <= s.heading.start);
  if (!ordered) {
    return (offset) => {
      let found: string | null = null;
      for (const s of sections) if (s.heading.start <= offset && offset < s.end) found = s.id;
      return found;
    };
  }
  return (offset) => {
    const lo = countBefore(sections.length, (i) => sections[i]!.heading.start <= offset);
    for (let j = lo - 1; j >= 0; j--) if (offset < sections[j]!.end) return sections[j]!.id;
    return null;
  };
}
