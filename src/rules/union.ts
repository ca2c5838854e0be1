import { shape } from './regex-ast.js';

/**
 * Prefilters join rule patterns into one expression that matches wherever one of them does, so that the rules run
 * one by one only where something may match. Pattern sources are read by the one regex analyser (regex-ast.ts).
 */

export { shape };

/**
 * One expression, `head` then any of `sources`, that matches a text iff one of `head + source` does. Null when that
 * cannot be built faithfully: for no sources, for a backreference (its number would point at another group once
 * the sources are joined), and for group names repeated across sources (the engine refuses them).
 */
export function unionOf(sources: readonly string[], head = '', flags = 'u'): RegExp | null {
  if (sources.length === 0 || sources.some((s) => shape(s).backref)) return null;
  try {
    return new RegExp(`${head}(?:${sources.map((s) => `(?:${s})`).join('|')})`, flags);
  } catch {
    return null;
  }
}
