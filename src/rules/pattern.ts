import { z } from 'zod';

/**
 * Nested unbounded quantifiers such as `(a+)+` or `(.*)*` can take exponential time on a near-miss.
 * Reject them at load rather than hang on some report later.
 */
export function backtrackingRisk(source: string): string | null {
  const stack: boolean[] = [];
  let inner = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') { i++; continue; }
    if (c === '[') {
      while (i < source.length && source[i] !== ']') { if (source[i] === '\\') i++; i++; }
      continue;
    }
    if (c === '(') { stack.push(inner); inner = false; continue; }
    if (c === ')') {
      const quantified = /^[*+]|^\{\d+,\}/.test(source.slice(i + 1));
      if (quantified && inner) return 'nested unbounded quantifiers (catastrophic backtracking)';
      const outer = stack.pop() ?? false;
      inner = outer || inner || quantified;
      continue;
    }
    if (c === '*' || c === '+' || (c === '{' && /^\{\d+,\}/.test(source.slice(i)))) inner = true;
  }
  return null;
}

/** A regular expression written as a string in a rule file, compiled once at load. */
export const Pattern = z.string().transform((source, ctx) => {
  const risk = backtrackingRisk(source);
  if (risk) {
    ctx.addIssue({ code: 'custom', message: `pattern rejected: ${risk}` });
    return z.NEVER;
  }
  try {
    return new RegExp(source, 'u');
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `invalid regular expression: ${(error as Error).message}` });
    return z.NEVER;
  }
});

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
