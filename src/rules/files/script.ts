import { z } from 'zod';
import { examples } from '../examples.js';
import { GlobalPattern, Pattern, RuleId } from '../pattern.js';

/** The schema of rules/script.yaml, built when first needed (see ruleSchemas in ../schema.ts). */
export function scriptRules() {
  /** One UTF-16 unit, not a surrogate half: a character the view can read as another without changing its length. */
  const isUnit = (ch: string) => ch.length === 1 && !(ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff);

  /**
   * Characters read as others in the view, one for one: runs of pairs, a character and then the one it is read as.
   * Checked here so that a user's file cannot make the view longer or shorter than the text. A user's runs come
   * after the built-in ones, and a later pair for the same character wins: a user can add pairs or change one.
   * Validated, they are one string of pairs (what the build-time cache holds: one string, not thousands of lists).
   */
  const Pairs = z.array(z.string().min(2)).transform((runs, ctx) => {
    const pairs = new Map<string, string>();
    runs.forEach((run, index) => {
      const chars = [...run];
      if (chars.length % 2 !== 0) ctx.addIssue({ code: 'custom', path: [index], message: `"${run}" is no run of pairs (an odd number of characters)` });
      for (let k = 0; k + 1 < chars.length; k += 2) {
        const [from, to] = [chars[k]!, chars[k + 1]!];
        if (!isUnit(from) || !isUnit(to)) ctx.addIssue({ code: 'custom', path: [index], message: `"${from}${to}": only characters of the Basic Multilingual Plane can be read as others` });
        else pairs.set(from, to);
      }
    });
    let out = '';
    for (const [from, to] of pairs) out += from + to;
    return out;
  });

  return z.object({
    traditional: z.object({ id: RuleId, ...examples, pairs: Pairs }).strict().optional(),
    /** Numerals a year may be written in (一九九八年, 二〇〇〇年), each with its digit: read as digits in the view. */
    yearNumerals: z.object({ id: RuleId, ...examples, pairs: Pairs }).strict().optional(),
    /** A reading in brackets after a character (發(fā)展), read as fillers: see normaliseText. */
    gloss: z.object({ id: RuleId, ...examples, pattern: GlobalPattern }).strict().optional(),
    /**
     * A letter-spaced copy (关  于  2025年  预  算): runs of at most `maxGap` spaces between the characters of its lines
     * read as fillers, in a text whose opening `sample` characters have at least `minChars` hanzi followed by one, at
     * least `share` of the hanzi followed by anything on their line (see src/stages/normalise.ts letterSpacing).
     */
    letterSpacing: z.object({
      id: RuleId, ...examples,
      maxGap: z.number().int().min(1).max(8),
      share: z.number().gt(0.5).max(1),
      minChars: z.number().int().min(1),
      sample: z.number().int().min(100),
    }).strict().optional(),
    /**
     * A copy with a space between Chinese and Latin letters or digits (某市 2025 年, 90.94 亿元): the single space between
     * a hanzi and an ASCII letter or digit read as a filler, in a text whose opening `sample` characters have at least
     * `minPairs` hanzi so spaced from one, at least `share` of the hanzi next to one (see src/stages/normalise.ts
     * latinSpacing).
     */
    latinSpacing: z.object({
      id: RuleId, ...examples,
      share: z.number().gt(0).max(1),
      minPairs: z.number().int().min(1),
      sample: z.number().int().min(100),
    }).strict().optional(),
    /**
     * A double-spaced copy (a hard-wrapped printout with a blank line after every line): the blank line between two
     * lines of one paragraph is read as the line break of a hard-wrapped paragraph (see src/stages/wrap.ts
     * doubleSpaced). Over the opening `sample` lines, at least `minLines` written lines, `alternate` of them followed
     * by exactly one blank line and a written line, `full` of them within `slack` columns of the widest common width
     * (at least `minWidth` columns, a hanzi taking two), and `midSentence` of those not ending a sentence (`ends`).
     */
    doubleSpacing: z.object({
      id: RuleId, ...examples,
      ends: Pattern,
      sample: z.number().int().min(10),
      minLines: z.number().int().min(3),
      alternate: z.number().gt(0.5).max(1),
      full: z.number().gt(0).max(1),
      midSentence: z.number().gt(0.5).max(1),
      slack: z.number().int().min(0).max(8),
      minWidth: z.number().int().min(1),
    }).strict().optional(),
  }).strict();
}
