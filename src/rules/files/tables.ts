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
    /** `groupRow`: a group marker alone on its line (一、) opening a group row between the numbered rows. */
    cellPerLine: z.object({
      id: RuleId, ...examples, opens: Words, maxHeaderCell: z.number().int().positive().default(12), groupRow: Pattern.optional(),
      maxRowLines: z.number().int().positive().default(24),
    }).strict().optional(),
    /**
     * One cell per line with no serial column: a header of header-word lines opened by one of `opens`, then rows
     * that each open with an item marker (a group row standing alone) or, with no marker, runs of header-many lines.
     */
    headedCellPerLine: z.object({
      id: RuleId, ...examples, opens: Words, headerCell: Pattern, groupRow: Pattern, itemRow: Pattern,
      maxCell: z.number().int().positive().default(120),
    }).strict().optional(),
    /**
     * Rows written one a line with single spaces between their cells (a task table flattened to text): a header line
     * (`header`: a serial header first, a unit column's header last), then lines of a serial number, the task and a
     * unit list after the last space.
     */
    serialRows: z.object({ id: RuleId, ...examples, header: Pattern }).strict().optional(),
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
