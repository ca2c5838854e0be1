import type { Block, Doc, Range } from '../../document.js';
import type { Rules } from '../../rules/schema.js';
import { trimRange } from '../../span.js';
import type { Draft, SectionLeads } from './draft.js';
import type { Grammar } from './grammar.js';
import type { SectionIndex } from './sections.js';
import { findUnitLists, type UnitList } from './lists.js';
import { isUnit, splitItems } from './split.js';
import { indexWithin } from '../../util/find.js';

/** How far a numbered task's body may run onto later lines before its unit parenthetical. */
const MAX_CONTINUATION = 3;

interface Ctx {
  doc: Doc;
  rules: Rules;
  g: Grammar;
  sections: SectionIndex;
}

function markerOf({ doc, rules }: Ctx, b: Block): Range | null {
  const text = doc.view.slice(b.start, b.end);
  for (const rule of rules.headings.markers) {
    const m = rule.pattern.exec(text);
    // The not-a-heading cues are asked only of a block with a marker: without one the answer is null either way.
    if (m) return rules.headings.notHeading.some((r) => r.pattern.test(text)) ? null : trimRange(doc.view, b.start, b.start + m[0].length);
  }
  return null;
}

const isLabelLine = ({ doc, g }: Ctx, b: Block) => b.kind === 'paragraph' && g.labelLine.test(doc.view.slice(b.start, b.end));
/** A labelled field line of a record (1.项目内容：…, 3.事项进展：…): it belongs to the item above it. */
const isField = ({ doc, rules }: Ctx, b: Block) =>
  b.kind === 'paragraph' && rules.headings.recordField.some((r) => r.pattern.test(doc.view.slice(b.start, Math.min(b.end, b.start + 16))));

/** A paragraph whose last parenthesis is still open (…30%。（责任) and runs on to the next line (单位：…）). */
function openAtEnd(view: string, b: Block): boolean {
  let depth = 0;
  for (let i = b.start; i < b.end; i++) {
    const c = view.charCodeAt(i);
    if (c === 0x28) depth++;
    else if (c === 0x29 && depth > 0) depth--;
  }
  return depth > 0;
}

/** Units standing after a task on its own line, split off by a run of spaces (task tables flattened to text). */
function sameLineUnits({ doc, g }: Ctx, prevEnd: number, b: Block): UnitList | null {
  const view = doc.view;
  if (b.kind !== 'paragraph' || /[\r\n]/.test(view.slice(prevEnd, b.start)) || /[。:]/.test(view.slice(b.start, b.end))) return null;
  const items = splitItems(view, b.start, b.end);
  if (!items.length || items.length > 12 || !items.every((r) => isUnit(view, r, g))) return null;
  return { start: b.start, end: b.end, items: items.map((r) => ({ ...r, roles: ['responsible'] })), rule: 'units.same-line', firstIsLead: false, sticky: false };
}

/** The title: after the marker, up to the first 。 or the first unit list, whichever comes first. */
function titleOf(view: string, from: number, end: number, lists: UnitList[]): Range {
  let stop = end;
  const dot = indexWithin(view, '。', from, stop);
  if (dot >= 0) stop = dot;
  for (const l of lists) if (l.start >= from && l.start < stop) stop = l.start;
  const t = trimRange(view, from, stop);
  while (t.end > t.start && /[,;:、]/.test(view[t.end - 1]!)) t.end--;
  return t;
}

function hasLead(sections: SectionIndex, leads: SectionLeads, id: string | null): boolean {
  for (let s = id; s; s = sections.parentOf(s)) if (leads.get(s)?.length) return true;
  return false;
}

const depthOf = (sections: SectionIndex, id: string | null) => (id === null ? undefined : sections.byId.get(id)?.depth) ?? 0;

/**
 * Tasks found in the blocks: numbered lines with units, label lines below a line or a heading, and items of led
 * sections. `headingLeads` (the leads the headings name) is left as it is: the leads returned are those and the ones
 * read from label lines right below a heading.
 */
export function blockDrafts(doc: Doc, rules: Rules, g: Grammar, sections: SectionIndex, headingLeads: SectionLeads): { drafts: Draft[]; leads: SectionLeads } {
  const ctx: Ctx = { doc, rules, g, sections };
  const leads: SectionLeads = new Map(headingLeads);
  const { blocks, view } = doc;
  const drafts: Draft[] = [];
  const labelRun = (from: number, prevEnd: number, numbered: boolean) => {
    const lists: UnitList[] = [];
    let j = from;
    for (; j < blocks.length; j++) {
      const b = blocks[j]!;
      const same = numbered && !lists.length ? sameLineUnits(ctx, prevEnd, b) : null;
      if (!same && !isLabelLine(ctx, b) && !isField(ctx, b)) break;
      lists.push(...(same ? [same] : findUnitLists(view, b.start, b.end, g)));
      prevEnd = b.end;
    }
    return { lists, next: j };
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'heading') {
      const section = sections.byId.get(b.section!)!;
      const { lists, next } = labelRun(i + 1, b.end, false);
      if (!lists.length) {
        // A numbered item of a led section, read as a heading because it names no units of its own.
        const leaf = !sections.withChildren.has(section.id);
        if (section.marker && leaf && hasLead(sections, leads, section.parent)) {
          const tail = blocks[i + 1];
          const end = tail && tail.kind === 'paragraph' && !/[\r\n]/.test(view.slice(b.end, tail.start)) ? tail.end : b.end;
          drafts.push({ start: b.start, end, marker: section.marker, title: section.title, section: section.parent, lists: [], rule: 'task.section-lead' });
        }
        continue;
      }
      const after = blocks[next];
      const alone = !after || (after.kind === 'heading' && depthOf(sections, after.section) <= section.depth);
      if (alone) {
        const end = blocks[next - 1]!.end;
        drafts.push({ start: b.start, end, marker: section.marker, title: section.title, section: section.parent, lists, rule: 'task.heading' });
      } else {
        const items = lists.flatMap((l) => l.items);
        const lead = items.filter((x) => x.roles.includes('lead'));
        leads.set(section.id, [...(leads.get(section.id) ?? []), ...(lead.length ? lead : items)]);
      }
      i = next - 1;
      continue;
    }
    const marker = isField(ctx, b) ? null : markerOf(ctx, b);
    // A unit parenthesis broken over two lines (…。（责任\n单位：…）) is read across the break.
    const joined = openAtEnd(view, b) && blocks[i + 1]?.kind === 'paragraph';
    const lists = findUnitLists(view, b.start, joined ? blocks[i + 1]!.end : b.end, g);
    let last = joined && lists.length ? i + 1 : i;
    if (marker && !lists.length) {
      for (let k = i + 1; k <= i + MAX_CONTINUATION && k < blocks.length; k++) {
        const c = blocks[k]!;
        if (c.kind === 'heading' || markerOf(ctx, c) || isLabelLine(ctx, c)) break;
        const found = findUnitLists(view, c.start, c.end, g);
        if (found.length && trimRange(view, found.at(-1)!.end, c.end).end - found.at(-1)!.end <= 1) {
          lists.push(...found);
          last = k;
          break;
        }
      }
    }
    const run = labelRun(last + 1, blocks[last]!.end, !!marker);
    lists.push(...run.lists);
    if (!lists.length && !(marker && hasLead(sections, leads, b.section))) continue;
    const end = blocks[run.next - 1]!.end;
    const title = titleOf(view, marker ? marker.end : b.start, b.end, lists);
    drafts.push({ start: b.start, end, marker, title, section: b.section, lists, rule: lists.length ? lists[0]!.rule : 'task.section-lead' });
    i = run.next - 1;
  }
  return { drafts, leads };
}
