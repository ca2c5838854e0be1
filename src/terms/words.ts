/** A keyword list: groups of keywords, in file order. A keyword may stand in several groups. */
export interface KeywordGroup {
  name: string;
  keywords: string[];
}

export class WordsError extends Error {}

/**
 * Parses a WORDS file: one keyword per line (its own group), or a group `环境: 生态 环保 污染 绿色` (ASCII or
 * full-width colon; keywords separated by spaces, commas or 、). `#` starts a comment; blank lines are skipped.
 * Throws WordsError naming the line for a group without keywords or a keyword with spaces in it.
 */
export function parseWords(text: string, file = 'WORDS'): KeywordGroup[] {
  const groups: KeywordGroup[] = [];
  const byName = new Map<string, KeywordGroup>();
  text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const colon = line.search(/[:：]/);
    const name = colon >= 0 ? line.slice(0, colon).trim() : null;
    const words = (colon >= 0 ? line.slice(colon + 1) : line).split(/[\s,，、;；]+/u).filter(Boolean);
    if (name === '') throw new WordsError(`${file}:${i + 1}: a group needs a name before the colon`);
    if (words.length === 0) throw new WordsError(`${file}:${i + 1}: group "${name}" has no keywords`);
    if (name === null && words.length > 1) throw new WordsError(`${file}:${i + 1}: one keyword per line, or a group "name: word word…"`);
    const groupName = name ?? words[0]!;
    let group = byName.get(groupName);
    if (!group) {
      group = { name: groupName, keywords: [] };
      byName.set(groupName, group);
      groups.push(group);
    }
    for (const w of words) if (!group.keywords.includes(w)) group.keywords.push(w);
  });
  if (groups.length === 0) throw new WordsError(`${file}: no keywords`);
  return groups;
}

/** Every keyword once, in first-seen order. */
export function allKeywords(groups: KeywordGroup[]): string[] {
  return [...new Set(groups.flatMap((g) => g.keywords))];
}
