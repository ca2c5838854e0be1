import { z } from 'zod';
import { examples } from '../examples.js';
import { Pattern, RuleId } from '../pattern.js';

/** The schema of rules/units.yaml, built when first needed (see ruleSchemas in ../schema.ts). */
export function unitRules() {
  /** A magnitude written between a number and its unit (万, 亿); `exponent` is its power of ten. */
  const Magnitude = z.object({
    word: z.string().min(1),
    exponent: z.number().int().positive(),
    arabicOnly: z.boolean().default(false),
  }).strict();

  /** One unit of measure: the words that write it, what it becomes once the magnitude is folded, its dimension. */
  const Unit = z.object({
    id: RuleId,
    ...examples,
    words: z.array(z.string().min(1)).min(1),
    normal: z.string().min(1).optional(),
    dimension: z.string().min(1),
    /** Only after Arabic digits: 十分 is "very", 三方 is "three parties". */
    arabicOnly: z.boolean().default(false),
    /** The clause text before the number must match: time units count only where the days are the statistic. */
    needs: Pattern.optional(),
  }).strict();

  return z.object({
    magnitudes: z.array(Magnitude).default([]),
    units: z.array(Unit).default([]),
  }).strict();
}

export type UnitRules = z.output<ReturnType<typeof unitRules>>;
export type UnitEntry = UnitRules['units'][number];
