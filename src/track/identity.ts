import type { IndicatorRules } from '../rules/files/indicators.js';

/** What an indicator phrase names: a vocabulary entry, or (unlisted) the phrase itself once stripped. */
export interface Identity {
  /** The pairing key: the entry id, or `phrase:<stripped phrase>`. */
  key: string;
  /** Canonical name for output. */
  name: string;
  /** The entry id, or null for an unlisted indicator. */
  rule: string | null;
  /** The alias that matched, or the stripped phrase. */
  matched: string;
  /** Which way is better, when the vocabulary says; null leaves it to the target (a planned fall means lower). */
  prefer: 'higher' | 'lower' | 'neutral' | null;
}

/** Fold what the extractor's view folds (full-width ASCII) and drop spaces, so `ＧＤＰ`, `G D P` and `GDP` agree. */
export function foldPhrase(phrase: string): string {
  return phrase
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

function stripPrefixes(phrase: string, rules: IndicatorRules): string {
  let out = phrase;
  for (let changed = true; changed; ) {
    changed = false;
    for (const re of rules.prefixes) {
      const m = re.exec(out);
      if (m && m[0].length > 0 && m[0].length < out.length) {
        out = out.slice(m[0].length);
        changed = true;
      }
    }
  }
  return out;
}

/** The phrase, then the phrase with one trailing suffix dropped, then another, … (each at least two characters). */
function variants(phrase: string, rules: IndicatorRules): string[] {
  const out = [phrase];
  for (let cur = phrase; ; ) {
    const suffix = rules.suffixes.find((s) => cur.endsWith(s) && cur.length - s.length >= 2);
    if (!suffix) return out;
    cur = cur.slice(0, -suffix.length);
    out.push(cur);
  }
}

/** Longest alias that ends the phrase: Chinese noun phrases are head-final, so the end says what is measured. */
function aliasAtEnd(phrase: string, rules: IndicatorRules): { entry: IndicatorRules['indicators'][number]; alias: string } | null {
  let best: { entry: IndicatorRules['indicators'][number]; alias: string } | null = null;
  for (const entry of rules.indicators) {
    for (const alias of entry.aliases) {
      const folded = foldPhrase(alias);
      if (phrase.endsWith(folded) && (!best || folded.length > best.alias.length)) best = { entry, alias: folded };
    }
  }
  return best;
}

export function preferOf(text: string, rules: IndicatorRules): 'higher' | 'lower' | null {
  const folded = foldPhrase(text);
  return rules.lowerIsBetter.some((w) => folded.includes(foldPhrase(w))) ? 'lower' : null;
}

/** Identify the indicator an extracted phrase names. Returns null for an empty phrase. */
export function identify(phrase: string | null, rules: IndicatorRules): Identity | null {
  if (!phrase) return null;
  const cleaned = stripPrefixes(foldPhrase(phrase), rules);
  if (!cleaned) return null;
  const all = variants(cleaned, rules);
  for (const v of all) {
    const hit = aliasAtEnd(v, rules);
    if (hit) {
      const prefer = hit.entry.prefer ?? preferOf(hit.entry.name, rules) ?? preferOf(v, rules);
      return { key: hit.entry.id, name: hit.entry.name, rule: hit.entry.id, matched: hit.alias, prefer };
    }
  }
  const stem = all.at(-1)!;
  return { key: `phrase:${stem}`, name: stem, rule: null, matched: stem, prefer: preferOf(cleaned, rules) };
}

/** Dice coefficient over character bigrams: how close two phrases are in wording (ties between candidates). */
export function closeness(a: string, b: string): number {
  const grams = (s: string) => {
    const out = new Map<string, number>();
    for (let i = 0; i + 1 < s.length; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const ga = grams(foldPhrase(a));
  const gb = grams(foldPhrase(b));
  let shared = 0;
  let total = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  for (const n of ga.values()) total += n;
  for (const n of gb.values()) total += n;
  return total === 0 ? (foldPhrase(a) === foldPhrase(b) ? 1 : 0) : (2 * shared) / total;
}
