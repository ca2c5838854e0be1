import { countBefore } from '../span.js';

// Line breaks inside a hard-wrapped paragraph (see stages/wrap.ts): cue words, names and numbers are read with
// them taken out, while offsets keep pointing into the text as written.

const BREAK = /[ \t\u3000]*[\r\n]+[ \t\u3000]*/g;

/** Whether [start, end) of the text holds a line break: a block that does is a hard-wrapped paragraph. */
export function hasBreak(text: string, start: number, end: number): boolean {
  // A scan of the range only: indexOf would run on to the next break, which in a one-line report is its end.
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** The text with line breaks (and the spaces around them) taken out: for cue words and names in wrapped text. */
export function unwrap(text: string): string {
  return text.includes('\n') || text.includes('\r') ? text.replace(BREAK, '') : text;
}

/**
 * `unwrap` with the offsets mapped both ways: `at(i)` is where the unwrapped text's offset `i` came from, and
 * `of(j)` where the original offset `j` lands in the unwrapped text (the next kept character, for a break).
 */
export function unwrapped(text: string): { text: string; at: (i: number) => number; of: (j: number) => number } {
  if (!text.includes('\n') && !text.includes('\r')) return { text, at: (i) => i, of: (j) => j };
  const kept: number[] = [];
  let out = '';
  BREAK.lastIndex = 0;
  let from = 0;
  for (let m = BREAK.exec(text); m; m = BREAK.exec(text)) {
    for (let i = from; i < m.index; i++) kept.push(i);
    out += text.slice(from, m.index);
    from = m.index + m[0].length;
  }
  for (let i = from; i < text.length; i++) kept.push(i);
  out += text.slice(from);
  return {
    text: out,
    at: (i) => (i < kept.length ? kept[i]! : text.length),
    of: (j) => countBefore(kept.length, (k) => kept[k]! < j),
  };
}
