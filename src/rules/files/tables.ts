import { z } from 'zod';
import { examples } from '../examples.js';
import { Pattern, RuleId, Words } from '../pattern.js';

/** The schema of rules/tables.yaml, built when first needed (see ruleSchemas in ../schema.ts). */
export function tableRules() {
  /** A way of separating the cells of one line; `separator` is compiled again with the `g` flag to split. */
  const Layout = z.object({
    id: RuleId,
    ...examples,
    separator: Pattern,
    minSeparators: z.number().int().positive().default(1),
    minLines: z.number().int().min(2).default(3),
    sameCount: z.boolean().default(true),
    /**
     * Prose a layout's separator also splits (a hard-wrapped PDF copy with runs of spaces before its figures): a run
     * where at least `share` of the lines hold a cell matching `pattern` (a clause mark between words) is no table.
     */
    prose: z.object({ pattern: Pattern, share: z.number().positive().max(1) }).strict().optional(),
  }).strict();

  const Comparator = z.object({
    id: RuleId,
    ...examples,
    comparator: z.enum(['>=', '<=', '>', '<', '~']),
    prefix: Words.default([]),
    suffix: Words.default([]),
  }).strict();

  const GlossaryMarker = z.object({ id: RuleId, ...examples, pattern: Pattern }).strict();

  return z.object({
    layouts: z.array(Layout).default([]),
    /**
     * `groupRow`: a group marker alone on its line (一、) opening a group row between the numbered rows; `groupTitle`:
     * a group row written whole on one line (一、主要指标), which may stand as a heading.
     */
    cellPerLine: z.object({
      id: RuleId, ...examples, opens: Words, maxHeaderCell: z.number().int().positive().default(12), groupRow: Pattern.optional(), groupTitle: Pattern.optional(),
      maxRowLines: z.number().int().positive().default(24),
      /** Headers of a group column written before the serial one (分类 / 序号 / …): its cell stands once before its group's rows. */
      groupHeaders: Words.default([]),
    }).strict().optional(),
    /**
     * One cell per line with no serial column: a header of header-word lines opened by one of `opens`, then rows
     * that each open with an item marker (a group row standing alone) or, with no marker, runs of header-many lines.
     */
    headedCellPerLine: z.object({
      id: RuleId, ...examples, opens: Words, headerCell: Pattern, groupRow: Pattern, itemRow: Pattern,
      maxCell: z.number().int().positive().default(120),
      /** What a year column holds, written on the line under its year (2025年 / 完成值): one header cell with it. */
      yearNote: Pattern.optional(),
    }).strict().optional(),
    /**
     * Rows written one a line with single spaces between their cells (a task table flattened to text): a header line
     * (`header`: a serial header first, a unit column's header last), then lines of a serial number, the task and a
     * unit list after the last space.
     */
    serialRows: z.object({ id: RuleId, ...examples, header: Pattern }).strict().optional(),
    /**
     * Cells separated by lines holding only `bar`, no header row: rows open with their serial number; a cell runs
     * over at most `maxCellLines` lines; a row has `minCells` to `maxRowCells` cells; a `groupCell` (一、…) heads its group.
     * Header cells written the same way above the first row (short, the first one of `serialHeaders`) are its header.
     */
    barCells: z.object({
      id: RuleId, ...examples, bar: z.string().min(1), groupCell: Pattern,
      minCells: z.number().int().min(2).default(3), maxCellLines: z.number().int().positive().default(12), maxRowCells: z.number().int().positive().default(30),
      serialHeaders: Words.default([]), maxHeaderCell: z.number().int().positive().default(12),
    }).strict().optional(),
    /**
     * One cell per line with cells merged over several rows written once (a task list pasted from a page): a header of
     * known words around a serial header (group columns before it; the task column, unit columns told by the unit
     * labels, deadline and note columns after it), rows opened by the bare serial number, group rows between them.
     */
    mergedCells: z.object({
      id: RuleId, ...examples, serialHeaders: Words, groupHeader: Pattern, taskHeader: Pattern, timeHeader: Pattern, timeCell: Pattern,
      otherHeader: Pattern, groupRow: Pattern, headingRow: Pattern,
      maxHeaderCell: z.number().int().positive().default(12), maxGroupCell: z.number().int().positive().default(30),
      maxGroupRow: z.number().int().positive().default(80), maxRowCells: z.number().int().positive().default(12),
      maxCellLines: z.number().int().positive().default(8), placeEndings: Words.default([]),
    }).strict().optional(),
    /** A deadline cell (2024年底前), matched whole: its first group is the year of the row's figures. */
    deadline: Pattern.optional(),
    label: Pattern.optional(),
    unitLine: Pattern.optional(),
    maxCaption: z.number().int().positive().default(60),
    columns: z.object({ index: Words.default([]), label: Words.default([]), unit: Words.default([]) }).strict().default({ index: [], label: [], unit: [] }),
    /** `neutral`: header words that make a column neither plan nor actual (完成时限 is a deadline, not actual data). */
    roles: z.object({ plan: Words.default([]), actual: Words.default([]), neutral: Words.default([]) }).strict().default({ plan: [], actual: [], neutral: [] }),
    measures: z.object({ growth: Words.default([]), level: Words.default([]) }).strict().default({ growth: [], level: [] }),
    comparators: z.array(Comparator).default([]),
    placeholders: z.array(z.string().min(1)).default([]),
    glossary: z.object({
      markers: z.array(GlossaryMarker).default([]),
      plainId: RuleId.default('glossary.term-colon'),
      maxTerm: z.number().int().positive().default(40),
    }).strict().default({ markers: [], plainId: 'glossary.term-colon', maxTerm: 40 }),
  }).strict();
}
