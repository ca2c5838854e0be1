import { z } from 'zod';
import { examples } from '../examples.js';
import { Pattern, RuleId, Words } from '../pattern.js';

/** The schema of rules/units.yaml, built when first needed (see ruleSchemas in ../schema.ts). */
export function unitRules() {
  /** A magnitude written between a number and its unit (万, 亿); `exponent` is its power of ten. */
  const Magnitude = z.object({
    word: z.string().min(1),
    exponent: z.number().int().positive(),
    arabicOnly: z.boolean().default(false),
  }).strict();

  /** A conversion factor: a number, or a fraction written `10000/15` (亩 in 平方米, exactly). */
  const Factor = z.union([
    z.number().positive(),
    z.string().regex(/^\d+(\.\d+)?\/\d+(\.\d+)?$/, 'a factor is a number or a fraction such as 10000/15')
      .transform((s) => { const [a, b] = s.split('/'); return Number(a) / Number(b); }),
  ]);

  /** One unit of measure: the words that write it, the name `normalized` gives it, its dimension and base factor. */
  const Unit = z.object({
    id: RuleId,
    ...examples,
    words: z.array(z.string().min(1)).min(1),
    /**
     * The unit's name in `normalized` (default: the word as written): the currency's name for its variants (圆 → 元),
     * the standard Chinese name for a unit written in Latin letters or symbols (cm → 厘米). Never another unit.
     */
    normal: z.string().min(1).optional(),
    /** A share written as a word: what one written unit is in `normal` (成 → %: 10); 1 when not given. */
    factor: z.number().positive().optional(),
    /**
     * What one written unit is in the base unit of its dimension (`dimensions`): one number for every word, or one
     * per word. Gives `normalized.base`; without it `base` is null.
     */
    base: z.union([Factor, z.record(z.string(), Factor)]).optional(),
    /** The text right after the unit must not match (1200m but not 5min; 十五里 but not 三里屯). */
    notBefore: Pattern.optional(),
    dimension: z.string().min(1),
    /** ISO 4217 code of a currency (CNY, USD…), carried into `normalized.currency`. */
    currency: z.string().regex(/^[A-Z]{3}$/, 'a currency code is three capital letters (CNY, USD)').optional(),
    /** Signs written before the digits ($20, ￥300). */
    signs: z.array(z.string().min(1)).default([]),
    /** Words written before a number that make it an amount of this unit (百分之七 is 7%, 千分之五 is 5‰). */
    prefixes: Words.default([]),
    /** Only after Arabic digits: 十分 is "very", 三方 is "three parties". */
    arabicOnly: z.boolean().default(false),
    /** The clause text before the number must match: time units count only where the days are the statistic. */
    needs: Pattern.optional(),
    /** The number as written must not match (a year, 2015年, is no amount of years): as a `needs` not met. */
    notNumber: Pattern.optional(),
    ...examples,
  }).strict();

  /**
   * The characters of Chinese numerals: digits (capitals too), places 十百千, tens written as one character (廿), the
   * decimal point (三点五), the capital characters (a numeral holding one is written in capitals), and the places that
   * are a number alone only when something bounds them (百姓, 千方百计 hold no number).
   */
  const Chars = z.string().min(1).transform((s) => [...s]);
  const Numerals = z.object({
    digits: z.record(z.string().length(1), z.number().int().min(0).max(9)).default({}),
    places: z.record(z.string().length(1), z.number().int().positive()).default({}),
    tens: z.record(z.string().length(1), z.number().int().positive()).default({}),
    point: z.string().length(1).optional(),
    capitals: Chars.optional(),
    notAlone: Chars.optional(),
  }).strict();

  /** One form of writing a number, with its rule id and examples (the structure is read in code: amount.ts). */
  /** `after`: approximate words that, right after the number, put it in this form by themselves (十几个: 几). */
  const Form = z.object({ id: RuleId, description: z.string().optional(), after: Words.default([]), ...examples }).strict();

  return z.object({
    numerals: Numerals.default({ digits: {}, places: {}, tens: {} }),
    /** The base unit of each physical dimension (length: 米), the unit of `normalized.base`. */
    dimensions: z.record(z.string(), z.string().min(1)).default({}),
    magnitudes: z.array(Magnitude).default([]),
    units: z.array(Unit).default([]),
    /** Subdivisions of the yuan after 元 (58元3角6分), each with its share of a yuan. */
    /** `notBefore`: the text right after a part must not match (5分钟, 3分类: a 分 that begins a word is no fen). */
    subunits: z.object({ id: RuleId, after: Words, parts: z.record(z.string().min(1), z.number().positive()), notBefore: Pattern.optional(), ...examples }).strict().optional(),
    /** 一吨半, 两米半: a half after the unit of a whole number, for these dimensions, unless a word starts there (半导体). */
    halves: z.object({ id: RuleId, words: Words, dimensions: z.array(z.string()), notBefore: Pattern.optional(), ...examples }).strict().optional(),
    /**
     * A number with a magnitude and no unit where the indicator names what is counted (贫困人口减少1240万):
     * `before` must match the clause text before it, `after` the text right after it.
     */
    bareMagnitude: z.object({ id: RuleId, before: Pattern, after: Pattern, counted: Pattern.optional(), dimension: z.string().default('count'), ...examples }).strict().optional(),
    /** Marks between the two ends of a range that say the low end is included (3万(含)-10万元). */
    inclusive: Words.default([]),
    forms: z.array(Form).default([]),
  // A unit's per-word factors name its own words. (A dimension without a base unit in `dimensions` gives base null:
  // an override file is validated alone, before it is merged with the built-in dimensions.)
  }).strict().superRefine((u, ctx) => {
    for (const unit of u.units) {
      if (unit.base === undefined) continue;
      if (typeof unit.base === 'object') {
        for (const w of unit.words) if (unit.base[w] === undefined) ctx.addIssue({ code: 'custom', message: `${unit.id}: no base factor for ${w}` });
        for (const w of Object.keys(unit.base)) if (!unit.words.includes(w)) ctx.addIssue({ code: 'custom', message: `${unit.id}: base factor for ${w}, which is not one of its words` });
      }
    }
  });
}

export type UnitRules = z.output<ReturnType<typeof unitRules>>;
export type UnitEntry = UnitRules['units'][number];
