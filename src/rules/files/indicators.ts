import { z } from 'zod';
import { examples } from '../examples.js';
import { Pattern, RuleId, Words } from '../pattern.js';

/** The schema of rules/indicators.yaml, built when first needed (see ruleSchemas in ../schema.ts). */
export function indicatorRules() {
  const Prefer = z.enum(['higher', 'lower', 'neutral']);

  /** One indicator: its canonical name and the phrases reports use for it (matched head-final, longest first). */
  const Indicator = z.object({
    id: RuleId,
    ...examples,
    name: z.string().min(1),
    aliases: Words,
    /** Overrides the direction vocabulary for this indicator. */
    prefer: Prefer.optional(),
  }).strict();

  /** How far an actual may fall short of a `~` (左右/约) target and still count as met. */
  const Tolerance = z.object({
    /** Absolute, in percentage points, for values in % or 百分点. */
    points: z.number().nonnegative(),
    /** A share of the target value, for every other unit. */
    relative: z.number().nonnegative(),
  }).strict();

  /** Which table columns hold targets and which hold outcomes, by words of their role or header. */
  const Roles = z.object({ target: Words, actual: Words }).strict();

  return z.object({
    tolerance: Tolerance.default({ points: 0.5, relative: 0.05 }),
    /** Words that mark an indicator where a lower figure is the better one (失业率, 能耗, 价格涨幅). */
    lowerIsBetter: Words.default([]),
    /** Stripped from the start of an indicator phrase before lookup (全年, 全市, a year). */
    prefixes: z.array(Pattern).default([]),
    /** Stripped from the end of a phrase, one at a time, when the whole phrase names no indicator (增速, 平均为). */
    suffixes: Words.default([]),
    /** Comparator words in table cells (`7以上`, `5以内`); text quantities carry their own comparator. */
    cellComparators: z.object({ '>=': Words, '<=': Words, '>': Words, '<': Words, '~': Words }).partial().default({}),
    roles: Roles.default({ target: [], actual: [] }),
    /** Column header words that make a table cell a growth rate rather than a level. */
    growthHeaders: Words.default([]),
    indicators: z.array(Indicator).default([]),
  }).strict();
}

export type IndicatorRules = z.output<ReturnType<typeof indicatorRules>>;
export type IndicatorEntry = IndicatorRules['indicators'][number];
