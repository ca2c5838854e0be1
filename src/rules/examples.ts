import { z } from 'zod';

/**
 * What a rule is for, shown by cases (ESLint's RuleTester is the model): texts it must take (`match`) and near misses
 * it must leave (`noMatch`). Documentation only: the compiled rule set leaves them out, and tests/rule-examples.test.ts
 * runs every case through the compiled rules. What "takes" means for each kind of rule is defined there.
 */
export const Examples = z.object({
  match: z.array(z.string().min(1, 'an empty example')).default([]),
  noMatch: z.array(z.string().min(1, 'an empty example')).default([]),
}).strict().superRefine((examples, ctx) => {
  if (examples.match.length === 0 && examples.noMatch.length === 0) ctx.addIssue({ code: 'custom', message: 'examples without a case' });
  const seen = new Set<string>();
  for (const [list, cases] of [['match', examples.match], ['noMatch', examples.noMatch]] as const) {
    cases.forEach((text, index) => {
      if (seen.has(text)) ctx.addIssue({ code: 'custom', path: [list, index], message: `duplicate example "${text}"` });
      seen.add(text);
    });
  }
});

/** The `examples` key every rule with an `id` may carry. */
export const examples = { examples: Examples.optional() };
