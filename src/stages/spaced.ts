import { withFields, type Block, type DraftMessage, type Doc, type Range, type RemovedRange, type SectionNode, type Stage, type ViewLine } from '../document.js';
import type { GlossaryEntry, Span, Table } from '../schema.js';
import { spanOf } from '../span.js';
import { ReadingView } from '../util/reading.js';
import type { LetterSpacing } from '../util/spacing.js';

/**
 * A letter-spaced copy (and a copy spaced between Chinese and Latin, 某市 2025 年: the same mechanism, its single spaces
 * the fillers) read like its plain form by the stages that match whole lines and paragraphs against patterns:
 * the cleaner (page furniture), segment (heading markers and titles, wrapped lines, cells one a line), meta (title,
 * delivery line, date, type), tables (layouts, captions), the glossary (its entries' markers and colons) and roles
 * (headings and openers naming a part's role and year). Each rule of theirs would otherwise meet a filler between any
 * two characters (一\ufeff\ufeff、, 报\ufeff\ufeff告), and a table layout would read the runs of spaces between letters
 * as gaps between cells. Rather than teach every pattern and every offset sum to step over fillers, such a stage runs
 * on the document read without its letter-spacing (`doc.spacing`, made by normalise): text, view, lines and every
 * range it reads are mapped to that reading, and the fields it writes are mapped back, so that its ranges are ranges
 * of the source again, from a first to a last character, and every item's text is the source's slice of its span
 * (names and titles read off the text, a glossary term or a table caption, stay as read, without the spacing). The
 * extractors that read blocks through the ReadingView (tasks, quantities) read across the fillers and run as they are.
 * In any other document every stage runs as it is.
 */
export function spaced(stage: Stage): Stage {
  const run: Stage = (doc, ctx) => {
    const s = doc.spacing;
    if (!s) return stage(doc, ctx);
    const inner = squeeze(doc, s);
    return expand(doc, inner, stage(inner, ctx), s);
  };
  // Named as the stage it runs: the stages are timed and reported by name (bench/stages.mjs).
  return Object.defineProperty(run, 'name', { value: stage.name });
}

/** A field of the document with its ranges mapped by `range` (from the view to the reading or back) and `at` (offsets). */
interface Mapping {
  range: (r: Range) => Range;
  at: (i: number) => number;
  /** The text and the view on the side mapped to. */
  text: string;
  view: string;
  /** Span lines and columns of that side's offsets. */
  span: (r: Range) => Span;
}

/** The document read without its letter-spacing fillers. */
function squeeze(doc: Doc, s: LetterSpacing): Doc {
  const text = s.read(doc.text);
  const view = s.read(doc.view);
  const lineStarts = doc.lineStarts.map((i) => s.toRead(i));
  const m: Mapping = { range: (r) => s.rangeToRead(r), at: (i) => s.toRead(i), text, view, span: (r) => spanOf({ lineStarts }, r.start, r.end) };
  const blocks = doc.blocks.map((b) => block(b, m));
  return withFields(doc, {
    text,
    view,
    lineStarts,
    lines: doc.lines.map((l) => line(l, m)),
    removed: doc.removed.map((r) => removed(r, m)),
    lineUnits: doc.lineUnits ? doc.lineUnits.map((l) => line(l, m)) : null,
    blocks,
    cellTables: doc.cellTables.map(m.range),
    reading: new ReadingView(text, view, blocks),
    sections: doc.sections.map((n) => section(n, m)),
    tables: doc.tables.map((t) => table(t, m)),
    glossary: doc.glossary.map((g) => entry(g, m)),
    messages: doc.messages.map((x) => message(x, m)),
  });
}

/** The document after the stage (`out`, run on `inner`, the squeezed `doc`), what the stage wrote mapped back to the source. */
function expand(doc: Doc, inner: Doc, out: Doc, s: LetterSpacing): Doc {
  for (const key of FIXED) {
    if (out[key] !== inner[key]) throw new Error(`a stage run on a letter-spaced text wrote ${key}, which cannot be mapped back to the source`);
  }
  // The cleaner blanks page furniture in the view: carried over to the view of the source, its fillers kept.
  const view = out.view === inner.view ? doc.view : s.expand(out.view, doc.view);
  const m: Mapping = { range: (r) => s.rangeToView(r), at: (i) => s.toView(i), text: doc.text, view, span: (r) => spanOf(doc, r.start, r.end) };
  const changed = (key: keyof Doc) => out[key] !== inner[key];
  const blocks = changed('blocks') ? out.blocks.map((b) => block(b, m)) : doc.blocks;
  return withFields(doc, {
    view,
    removed: changed('removed') ? out.removed.map((r) => removed(r, m)) : doc.removed,
    lineUnits: !changed('lineUnits') ? doc.lineUnits : out.lineUnits ? out.lineUnits.map((l) => line(l, m)) : null,
    blocks,
    cellTables: changed('cellTables') ? out.cellTables.map(m.range) : doc.cellTables,
    // The source's blocks read as a reader sees them, when the stage made a reading (segment).
    reading: changed('reading') ? new ReadingView(doc.text, view, blocks) : doc.reading,
    sections: changed('sections') ? out.sections.map((n) => section(n, m)) : doc.sections,
    meta: out.meta,
    tables: changed('tables') ? out.tables.map((t) => table(t, m)) : doc.tables,
    glossary: changed('glossary') ? out.glossary.map((g) => entry(g, m)) : doc.glossary,
    messages: changed('messages') ? out.messages.map((x) => message(x, m)) : doc.messages,
  });
}

/**
 * The fields no wrapped stage may write: the source and its lines, and the items of the extractors that read through
 * fillers (tasks, quantities, organizations), which no wrapped stage reads either.
 */
const FIXED = ['path', 'bytes', 'sha256', 'encoding', 'text', 'lineStarts', 'lines', 'spacing', 'tasks', 'quantities', 'sectionLeads', 'units', 'organizations'] as const;

function line(l: ViewLine, m: Mapping): ViewLine {
  const r = m.range(l);
  return { start: r.start, end: r.end, body: m.view.slice(r.start, r.end) };
}

function removed(r: RemovedRange, m: Mapping): RemovedRange {
  const to = m.range(r);
  return { start: to.start, end: to.end, rule: r.rule };
}

function block(b: Block, m: Mapping): Block {
  return { ...b, ...m.range(b) };
}

/** A section with its ranges mapped (its end is an offset: where the next section starts, or the end of the text). */
function section(n: SectionNode, m: Mapping): SectionNode {
  return {
    ...n,
    marker: n.marker ? m.range(n.marker) : null,
    heading: m.range(n.heading),
    title: m.range(n.title),
    end: m.at(n.end),
    leadText: n.leadText ? m.range(n.leadText) : null,
  };
}

function message(x: DraftMessage, m: Mapping): DraftMessage {
  return x.range ? { ...x, range: m.range(x.range) } : x;
}

/** An item's text and span for its span mapped: the slice of the text it now points into. */
function spanned(span: Span, m: Mapping): { text: string; span: Span } {
  const r = m.range(span);
  return { text: m.text.slice(r.start, r.end), span: m.span(r) };
}

/** A table with its spans mapped and the texts of the table and its cells sliced again (captions and labels stay as read). */
function table(t: Table, m: Mapping): Table {
  return {
    ...t,
    ...spanned(t.span, m),
    rows: t.rows.map((r) => ({ ...r, span: spanned(r.span, m).span, cells: r.cells.map((c) => ({ ...c, ...spanned(c.span, m) })) })),
  };
}

/** A glossary entry with its span mapped and its text sliced again (marker, term and definition stay as read). */
function entry(g: GlossaryEntry, m: Mapping): GlossaryEntry {
  return { ...g, ...spanned(g.span, m) };
}
