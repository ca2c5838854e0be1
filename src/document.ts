import type { GlossaryEntry, Meta, Organization, Period, Quantity, SectionRole, Table, Task } from './schema.js';
import type { Rules } from './rules/schema.js';
import { ReadingView } from './util/reading.js';
import type { LetterSpacing } from './util/spacing.js';

/** A half-open range of UTF-16 offsets into `Doc.text`. */
export interface Range {
  start: number;
  end: number;
}

/** One physical line of the view: where its trimmed content starts and ends, and that content. */
export interface ViewLine extends Range {
  body: string;
}

export interface RemovedRange extends Range {
  rule: string;
}

/** A paragraph or heading line after cleaning; flattened lines are split into several blocks. */
export interface Block extends Range {
  kind: 'heading' | 'paragraph';
  /** Id of the innermost section the block belongs to (a heading block belongs to the section it opens). */
  section: string | null;
  /** What the block holds and the year or span it is about, and the rule that decided it (set by the roles stage). */
  role?: SectionRole | null;
  roleRule?: string | null;
  year?: number | null;
  period?: Period | null;
}

export interface SectionNode {
  id: string;
  parent: string | null;
  depth: number;
  /** Marker style (e.g. `cn-dun` for 一、); used for depth by context. */
  style: string;
  marker: Range | null;
  /** Marker + title as written. */
  heading: Range;
  title: Range;
  /** Offset just past the section's last character (start of the next heading at the same or a higher level, or the end). */
  end: number;
  /** Text of a lead-unit parenthetical on the heading line, e.g. (牵头单位:区商务和投资促进局). */
  leadText: Range | null;
  /**
   * Always empty: the lead units named for a section are the tasks stage's (`Doc.sectionLeads`), read by assemble.
   * Kept only until segment stops writing it.
   */
  lead: string[];
  rule: string;
  /** What the section holds and the year or span it is about, with the evidence rule; set by the roles stage. */
  role: SectionRole | null;
  roleRule: string | null;
  year: number | null;
  period: Period | null;
}

/** A unit named in the text (a list item or a section lead): its range and its name as written. */
export interface UnitMention extends Range {
  name: string;
}

export interface DraftMessage {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  range: Range | null;
}

/**
 * The one object that travels through the pipeline. Stages fill it in order; none prints or throws on odd input.
 * `view` is the normalised text, always exactly as long as `text`, so offsets found in it are offsets in `text`.
 *
 * Each field has one owner, the stage that sets it (named beside it); the others read it and never change it.
 * Two stages annotate what an earlier one made, as noted: clean turns the page furniture inside the view into
 * fillers, and roles gives blocks and sections their role, year and period.
 */
export interface Doc {
  /** Given by the caller (newDoc). */
  path: string | null;
  bytes: Uint8Array;
  /** read. */
  sha256: string;
  encoding: string;
  text: string;
  /** normalise (clean blanks page furniture in it). */
  view: string;
  /** read: offsets at which each line starts (line 1 at index 0). CR, LF and CRLF each end a line. */
  lineStarts: number[];
  /** normalise: the physical lines of the view, trimmed, empty ones included (index k is line k + 1). */
  lines: readonly ViewLine[];
  /**
   * normalise: in a letter-spaced copy (关  于  2025年  预  算), the runs of spaces between characters it made fillers,
   * or in a copy spaced between Chinese and Latin (某市 2025 年), the single spaces between them, with the offset map to
   * the view read without them (stages/spaced.ts runs the line-matching stages on that); null in any other text.
   */
  spacing: LetterSpacing | null;
  /** clean. */
  removed: RemovedRange[];
  /**
   * clean: the non-empty lines of the view it leaves, cut at inline breaks (and a report flattened onto one line,
   * before its heading markers), which segment reads paragraphs from. Null before clean (every field is set from
   * newDoc on, so the document keeps one shape through the stages and V8 keeps its optimised code).
   */
  lineUnits: readonly ViewLine[] | null;
  /** segment (roles sets each block's role, year and period). */
  blocks: Block[];
  /** segment: the one-cell-per-line tables (an assessment table's cells, one a line), whose lines are no headings. */
  cellTables: readonly Range[];
  /** segment: the blocks as a reader sees them (breaks out, offsets mapped back), built once. */
  reading: ReadingView;
  /** segment (roles sets each section's role, year and period). */
  sections: SectionNode[];
  /** meta. */
  meta: Meta;
  /** tables. */
  tables: Table[];
  /** glossary. */
  glossary: GlossaryEntry[];
  /** tasks. */
  tasks: Task[];
  /** quantities: each figure links its section and task; assemble lists each task's figures from these links. */
  quantities: Quantity[];
  /**
   * tasks: the lead units named for each section (from its heading's lead text, or a 牵头单位: line right below the
   * heading), by section id, each name once as written. Assemble shows them as `sections[].lead`.
   */
  sectionLeads: ReadonlyMap<string, string[]>;
  /** tasks: every unit named in a unit list or a section lead, as written, in text order. */
  units: readonly UnitMention[];
  /** organizations, derived from `units` and `tasks` only. */
  organizations: Organization[];
  /** Any stage may add messages (read, quantities, tables); none removes one. */
  messages: DraftMessage[];
}

export interface StageContext {
  rules: Rules;
  /** Force a text encoding instead of detecting it. */
  encoding?: string;
  /** Keep a forced encoding's undecodable bytes as U+FFFD with a warning instead of failing the file. */
  force?: boolean;
  /** Report the reasons behind what was left out, as `info` messages (--explain). */
  explain?: boolean;
}

export type Stage = (doc: Doc, ctx: StageContext) => Doc;

export function emptyMeta(): Meta {
  return { title: null, docType: 'other', level: null, region: { province: null, city: null, district: null }, date: null, issuer: null, year: null, source: null };
}

/** A document before the pipeline; `text` is given only when the caller has decoded it already. */
export function newDoc(bytes: Uint8Array, path: string | null, text = ''): Doc {
  return {
    path, bytes, sha256: '', encoding: '', text, view: '', lineStarts: [0], lines: [], spacing: null, removed: [], lineUnits: null, blocks: [], cellTables: [], reading: new ReadingView('', '', []), sections: [],
    meta: emptyMeta(), tables: [], glossary: [], tasks: [], quantities: [], sectionLeads: new Map(), units: [], organizations: [], messages: [],
  };
}

/**
 * `doc` with a stage's own fields set. The copy is a literal with every field in `Doc` field order, as in newDoc, so
 * the document keeps one hidden class from the first file on (a spread per stage gave each stage's output its own).
 */
export function withFields(doc: Doc, fields: Partial<Doc>): Doc {
  const copy: Doc = {
    path: doc.path, bytes: doc.bytes, sha256: doc.sha256, encoding: doc.encoding, text: doc.text, view: doc.view, lineStarts: doc.lineStarts, lines: doc.lines, spacing: doc.spacing, removed: doc.removed,
    lineUnits: doc.lineUnits, blocks: doc.blocks, cellTables: doc.cellTables, reading: doc.reading, sections: doc.sections, meta: doc.meta, tables: doc.tables, glossary: doc.glossary,
    tasks: doc.tasks, quantities: doc.quantities, sectionLeads: doc.sectionLeads, units: doc.units, organizations: doc.organizations, messages: doc.messages,
  };
  return Object.assign(copy, fields);
}
