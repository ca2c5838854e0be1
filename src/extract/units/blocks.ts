import type { Block, Doc, Range } from '../../document.js';
import type { ReadingView } from '../../util/reading.js';
import type { Rules } from '../../rules/schema.js';
import { isSpaceCode, trimRange } from '../../span.js';
import type { Draft, SectionLeads } from './draft.js';
import { isRecordField, NAMES_UNITS, OPEN_AT_END, scanListUnits, type Grammar } from './grammar.js';
import { inBits } from '../quantity/compile.js';
import type { SectionIndex } from './sections.js';
import { findUnitLists, openingUnits, readUnitLists, titleUnits, unitItem, type UnitList } from './lists.js';
import { unitCell } from './split.js';
import { CLAUSE, COLON, FULL_STOP } from '../../rules/punctuation.js';

/** How far a numbered task's body may run onto later lines before its unit parenthetical. */
const MAX_CONTINUATION = 3;
/** How far after a numbered item's marker its run-in title (（一）科学规划，合理布局。) may close. */
const RUN_IN_TITLE = 30;

interface Ctx {
  /**
   * The document's view and reading view, read off the document once: documents come in several shapes (each stage
   * spreads a new one), and a field read of them in every helper threw the helpers out of optimised code.
   */
  view: string;
  reading: ReadingView;
  /** The document's blocks, as records of one shape (see `plain`). */
  blocks: Seen[];
  rules: Rules;
  g: Grammar;
  sections: SectionIndex;
  /** What was found of each block, by index, as it is asked again for the blocks around it (undefined / 0: not yet). */
  markers: (Range | null | undefined)[];
  /** 1: no, 2: yes. */
  labelLines: Int8Array;
  fields: Int8Array;
  /** `scanListUnits` bits of each block, plus SCANNED. */
  scans: Uint8Array;
  /** The unit lists read in each block (a block is read again when it follows a numbered line or a heading). */
  lists: (readonly UnitList[] | undefined)[];
}

const SCANNED = 0x80;

/** Whether the block may hold a unit list and whether its last parenthesis is still open, read in one pass once. */
function scanAt(ctx: Ctx, i: number): number {
  let s = ctx.scans[i]!;
  if (!s) {
    const b = ctx.blocks[i]!;
    ctx.scans[i] = s = scanListUnits(ctx.view, b.start, b.end, ctx.g) | SCANNED;
  }
  return s;
}

/** The unit lists of one block, read once (the list kept: a caller that adds to it copies it). */
const unitListsAt = (ctx: Ctx, i: number): readonly UnitList[] => {
  let lists = ctx.lists[i];
  if (!lists) {
    const b = ctx.blocks[i]!;
    ctx.lists[i] = lists = scanAt(ctx, i) & NAMES_UNITS ? readUnitLists(ctx.reading, b.start, b.end, ctx.g) : [];
  }
  return lists;
};

/** The block's outline marker (1., (一)), once per block. */
function markerAt(ctx: Ctx, i: number): Range | null {
  let m = ctx.markers[i];
  if (m === undefined) ctx.markers[i] = m = markerOf(ctx, ctx.blocks[i]!);
  return m;
}

function isLabelLineAt(ctx: Ctx, i: number): boolean {
  if (!ctx.labelLines[i]) ctx.labelLines[i] = isLabelLine(ctx, ctx.blocks[i]!) ? 2 : 1;
  return ctx.labelLines[i] === 2;
}

function isFieldAt(ctx: Ctx, i: number): boolean {
  if (!ctx.fields[i]) ctx.fields[i] = isField(ctx, ctx.blocks[i]!) ? 2 : 1;
  return ctx.fields[i] === 2;
}

function markerOf({ view, rules, g }: Ctx, b: Seen): Range | null {
  // Sliced only when a marker is tried: most blocks open with none of their first characters.
  let text: string | null = null;
  const first = view.charCodeAt(b.start);
  if (g.markerOpens && !inBits(g.markerOpens, first)) return null;
  const markers = rules.headings.markers;
  for (let k = 0; k < markers.length; k++) {
    const rule = markers[k]!;
    // A marker anchored on its first characters is not tried on a block opening with none of them.
    if (g.markerFirst[k] && !g.markerFirst[k]!.has(first)) continue;
    text ??= view.slice(b.start, b.end);
    const m = rule.pattern.exec(text);
    // The not-a-heading cues are asked only of a block with a marker: without one the answer is null either way.
    if (m) return notHeading(rules, text) ? null : trimRange(view, b.start, b.start + m[0].length);
  }
  return null;
}

/** Apart from markerOf: a closure there over the block's text was a context made for every block. */
const notHeading = (rules: Rules, text: string): boolean => rules.headings.notHeading.some((r) => r.pattern.test(text));

/**
 * 责任单位:… or (牵头单位:…. The label opens right after the ( and spaces, so only a block whose first two characters
 * there open a label is tried.
 */
const isLabelLine = ({ view, g }: Ctx, b: Seen) => {
  if (b.kind !== 'paragraph') return false;
  if (g.labelPairs) {
    let p = b.start;
    if (view.charCodeAt(p) === 0x28) p++;
    while (p < b.end && isSpaceCode(view.charCodeAt(p))) p++;
    if (p + 1 >= b.end || !g.labelPairs.has(view.charCodeAt(p) * 0x10000 + view.charCodeAt(p + 1))) return false;
  }
  return g.labelLine.test(view.slice(b.start, b.end));
};
/** A labelled field line of a record (1.项目内容：…, 3.事项进展：…): it belongs to the item above it. */
const isField = ({ view, rules }: Ctx, b: Seen) => {
  if (b.kind !== 'paragraph') return false;
  return isRecordField(view.slice(b.start, Math.min(b.end, b.start + 16)), rules);
};

/** Units standing after a task on its own line, split off by a run of spaces (task tables flattened to text). */
function sameLineUnits({ view, g }: Ctx, prevEnd: number, b: Seen): UnitList | null {
  if (b.kind !== 'paragraph' || /[\r\n]/.test(view.slice(prevEnd, b.start)) || g.punct.indexIn(view, b.start, b.end, FULL_STOP | COLON) >= 0) return null;
  const items = unitCell(view, b.start, b.end, g);
  if (!items) return null;
  return { start: b.start, end: b.end, items: items.map((r) => unitItem(r, ['responsible'])), rule: g.shapeIds['same-line'], firstIsLead: false, sticky: false };
}

/**
 * The title: after the marker, up to the first full stop (。) or the first unit list, whichever comes first; the units
 * a paragraph opens with (区财政局负责落实经费。) are its title's subject, not its end.
 */
function titleOf(view: string, from: number, end: number, lists: UnitList[], g: Grammar): Range {
  let stop = end;
  const dot = g.punct.indexIn(view, from, stop, FULL_STOP);
  if (dot >= 0) stop = dot;
  for (const l of lists) if (l.start >= from && l.start < stop && l.rule !== g.shapeIds['opening-units']) stop = l.start;
  const t = trimRange(view, from, stop);
  while (t.end > t.start && g.punct.is(view.charCodeAt(t.end - 1), CLAUSE)) t.end--;
  return t;
}

/** Whether section `id` is a part dividing the duties (二、职责分工: organizations.yaml openingUnits.dutySections). */
function dividesDuties(view: string, sections: SectionIndex, id: string | null, g: Grammar): boolean {
  const s = id === null ? undefined : sections.byId.get(id);
  return !!s && !!g.opening?.dutySections?.test(view.slice(s.title.start, s.title.end));
}

function hasLead(sections: SectionIndex, leads: SectionLeads, id: string | null): boolean {
  for (let s = id; s; s = sections.parentOf(s)) if (leads.get(s)?.length) return true;
  return false;
}

const depthOf = (sections: SectionIndex, id: string | null) => (id === null ? undefined : sections.byId.get(id)?.depth) ?? 0;

/**
 * The blocks as plain records of one shape, read once. Blocks made by a spread (`{ ...p, kind }`) may each have a
 * hidden class of their own, and every field read of those goes the slow way; this stage reads each block many times.
 * Pushed one by one: `map` makes a holey array once V8 has optimised the call, and every function indexing the
 * list, given arrays of two kinds, was thrown out of optimised code.
 */
function plain(blocks: readonly Block[]): Seen[] {
  const out: Seen[] = [];
  for (const b of blocks) out.push({ start: b.start, end: b.end, kind: b.kind });
  return out;
}

/** What this stage reads of every block; a block's section is read only where a task or heading needs it. */
interface Seen extends Range {
  kind: Block['kind'];
}

/**
 * Tasks found in the blocks: numbered lines with units, label lines below a line or a heading, and items of led
 * sections. `headingLeads` (the leads the headings name) is left as it is: the leads returned are those and the ones
 * read from label lines right below a heading.
 */
export function blockDrafts(doc: Doc, rules: Rules, g: Grammar, sections: SectionIndex, headingLeads: SectionLeads): { drafts: Draft[]; leads: SectionLeads } {
  const blocks = plain(doc.blocks);
  const n = blocks.length;
  // Filled by push, not `new Array(n)`: a holey array, given its first element only when a block is first asked
  // about, met the helpers indexing it in two kinds, and they were thrown out of optimised code.
  const markers: (Range | null | undefined)[] = [];
  const lists: (readonly UnitList[] | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    markers.push(undefined);
    lists.push(undefined);
  }
  const ctx: Ctx = { view: doc.view, reading: doc.reading, blocks, rules, g, sections, markers, labelLines: new Int8Array(n), fields: new Int8Array(n), scans: new Uint8Array(n), lists };
  const leads: SectionLeads = new Map(headingLeads);
  const view = doc.view;
  const drafts: Draft[] = [];
  const opening = g.opening?.docTypes.has(doc.meta.docType) ?? false;
  /**
   * The label and field lines from block `from` on: their unit lists are added to `into` (no list or record made
   * for the many blocks followed by none); the index of the first block after them.
   */
  const labelRun = (from: number, prevEnd: number, numbered: boolean, into: UnitList[]): number => {
    const before = into.length;
    let j = from;
    for (; j < blocks.length; j++) {
      const b = blocks[j]!;
      const same = numbered && into.length === before ? sameLineUnits(ctx, prevEnd, b) : null;
      if (!same && !isLabelLineAt(ctx, j) && !isFieldAt(ctx, j)) break;
      if (same) into.push(same);
      else into.push(...unitListsAt(ctx, j));
      prevEnd = b.end;
    }
    return j;
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'heading') {
      const section = sections.byId.get(doc.blocks[i]!.section!)!;
      const lists: UnitList[] = [];
      const next = labelRun(i + 1, b.end, false, lists);
      if (!lists.length) {
        // A numbered run-in title whose text goes on with its units ((一）科学规划，合理布局。各镇政府、…应…): the item.
        // Or whose title names the unit its text then gives the duty of (1.派出所。负责对独居老人家庭开展检查。).
        const tail = blocks[i + 1];
        const runOn = opening && section.marker && tail && tail.kind === 'paragraph' && !/[\r\n]/.test(view.slice(b.end, tail.start));
        const own = runOn ? titleUnits(view, section.title, tail!.start, tail!.end, g, dividesDuties(view, sections, section.parent, g)) ?? openingUnits(view, tail!.start, tail!.end, g) : null;
        if (own) {
          drafts.push({ start: b.start, end: tail!.end, marker: section.marker, title: section.title, section: section.parent, lists: [own], rule: own.rule });
          i++;
          continue;
        }
        // A numbered item of a led section, read as a heading because it names no units of its own.
        const leaf = !sections.withChildren.has(section.id);
        if (section.marker && leaf && hasLead(sections, leads, section.parent)) {
          const tail = blocks[i + 1];
          const end = tail && tail.kind === 'paragraph' && !/[\r\n]/.test(view.slice(b.end, tail.start)) ? tail.end : b.end;
          drafts.push({ start: b.start, end, marker: section.marker, title: section.title, section: section.parent, lists: [], rule: ctx.g.shapeIds['section-lead'] });
        }
        continue;
      }
      const after = blocks[next];
      const alone = !after || (after.kind === 'heading' && depthOf(sections, doc.blocks[next]!.section) <= section.depth);
      if (alone) {
        const end = blocks[next - 1]!.end;
        drafts.push({ start: b.start, end, marker: section.marker, title: section.title, section: section.parent, lists, rule: ctx.g.shapeIds.heading });
      } else {
        const items = lists.flatMap((l) => l.items);
        const lead = items.filter((x) => x.roles.includes('lead'));
        leads.set(section.id, [...(leads.get(section.id) ?? []), ...(lead.length ? lead : items)]);
      }
      i = next - 1;
      continue;
    }
    const marker = isFieldAt(ctx, i) ? null : markerAt(ctx, i);
    // A unit parenthesis broken over two lines (…。（责任\n单位：…）) is read across the break.
    const joined = (scanAt(ctx, i) & OPEN_AT_END) !== 0 && blocks[i + 1]?.kind === 'paragraph';
    const lists = joined ? findUnitLists(doc.reading, b.start, blocks[i + 1]!.end, g) : [...unitListsAt(ctx, i)];
    let last = joined && lists.length ? i + 1 : i;
    if (marker && !lists.length) {
      for (let k = i + 1; k <= i + MAX_CONTINUATION && k < blocks.length; k++) {
        const c = blocks[k]!;
        if (c.kind === 'heading' || markerAt(ctx, k)) break;
        // Label lines after the item's body (一、…标题 / 正文。 / 牵头单位：…): the units of the item, read below.
        if (isLabelLineAt(ctx, k)) {
          last = k - 1;
          break;
        }
        const found = unitListsAt(ctx, k);
        if (found.length && trimRange(view, found.at(-1)!.end, c.end).end - found.at(-1)!.end <= 1) {
          lists.push(...found);
          last = k;
          break;
        }
      }
    }
    // A paragraph that opens with its units (区财政局、区发改委负责…。), after its marker and the run-in title it may
    // open with ((一）科学规划，合理布局。各镇政府…应…).
    if (!lists.length && opening) {
      const from = marker ? trimRange(view, marker.end, b.end).start : b.start;
      const dot = g.punct.indexIn(view, from, Math.min(b.end, from + RUN_IN_TITLE), FULL_STOP);
      const own = openingUnits(view, from, b.end, g) ?? (marker && dot >= 0 ? openingUnits(view, trimRange(view, dot + 1, b.end).start, b.end, g) : null);
      if (own) lists.push(own);
    }
    const next = labelRun(last + 1, blocks[last]!.end, !!marker, lists);
    if (!lists.length && !(marker && hasLead(sections, leads, doc.blocks[i]!.section))) continue;
    const end = blocks[next - 1]!.end;
    const section = doc.blocks[i]!.section;
    // A paragraph of several measures, each closed by its own units (…。（A指导）…。（B负责）): a task each; a
    // numbered item's marker goes with its first measure.
    let from = b.start;
    let first = 0;
    if (!joined) {
      for (let k = 1; k < lists.length && lists[k]!.start < b.end; k++) {
        if (g.punct.indexIn(view, lists[k - 1]!.end, lists[k]!.start, FULL_STOP) < 0) continue;
        const part = lists.slice(first, k);
        const m = first ? null : marker;
        drafts.push({ start: from, end: lists[k - 1]!.end, marker: m, title: titleOf(view, m ? m.end : from, b.end, part, ctx.g), section, lists: part, rule: part[0]!.rule });
        from = trimRange(view, lists[k - 1]!.end, b.end).start;
        first = k;
      }
    }
    const own = first ? lists.slice(first) : lists;
    const m = first ? null : marker;
    const title = titleOf(view, m ? m.end : from, b.end, own, ctx.g);
    drafts.push({ start: from, end, marker: m, title, section, lists: own, rule: own.length ? own[0]!.rule : ctx.g.shapeIds['section-lead'] });
    i = next - 1;
  }
  return { drafts, leads };
}
