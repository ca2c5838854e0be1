import { z } from 'zod';
import { backtrackingRisk } from './backtrack.js';

export { backtrackingRisk };

/**
 * A regular expression written as a string in a rule file, compiled once at load (`u` flag). Patterns that can
 * backtrack catastrophically are refused here rather than hang on some report later.
 */
export const Pattern = z.string().transform((source, ctx) => {
  let re: RegExp;
  try {
    re = new RegExp(source, 'u');
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `invalid regular expression: ${(error as Error).message}` });
    return z.NEVER;
  }
  const risk = backtrackingRisk(source);
  if (risk) {
    ctx.addIssue({ code: 'custom', message: `pattern rejected, it can backtrack catastrophically: ${risk}; use small bounds such as {0,3} or make the repetition unambiguous` });
    return z.NEVER;
  }
  return re;
});

/** A pattern searched for every match in a text (`g` flag); `matchAll` copies it, so its `lastIndex` is never shared. */
export const GlobalPattern = Pattern.transform((re) => new RegExp(re.source, 'gu'));

/**
 * The refinement of a rule whose `pattern` must capture `group` as (?<group>…) for the code to read it, `what` naming
 * the capture in the error: `Rule.refine(...captures('name', 'the name'))`.
 */
export const captures = (group: string, what: string): [(r: { pattern: RegExp }) => boolean, { message: string; path: string[] }] => [
  (r) => r.pattern.source.includes(`(?<${group}>`),
  { message: `the pattern must capture ${what} as (?<${group}>…)`, path: ['pattern'] },
];

export const RuleId = z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'rule ids are lower-case words joined by . - or _');

/** A list of words, longest first so alternations prefer the longest match. */
export const Words = z.array(z.string().min(1)).transform((words) => [...words].sort((a, b) => b.length - a.length));

/** Escape a literal for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One alternation matching any of the words, longest first. */
export function alternation(words: readonly string[]): string {
  return words.map(escapeRegExp).join('|');
}
