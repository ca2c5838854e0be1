/**
 * Prefilters join rule patterns into one expression that matches wherever one of them does, so that the rules run
 * one by one only where something may match. This is the one place that reads pattern sources for that.
 */

/** Top-level shape of a pattern source: an alternation outside any group, a backreference anywhere. */
export function shape(source: string): { alternation: boolean; backref: boolean } {
  let depth = 0;
  let inClass = false;
  let alternation = false;
  let backref = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      if (/[1-9k]/.test(source[i + 1] ?? '')) backref = true;
      i++;
    } else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) alternation = true;
  }
  return { alternation, backref };
}

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
