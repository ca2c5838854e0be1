import { countBefore } from '../span.js';

// Breaks inside a paragraph of the view: the line breaks of hard-wrapped text (see stages/wrap.ts) and the U+FEFF
// fillers that markdown emphasis becomes (see stages/normalise.ts). Cue words, names and numbers are read with them
// taken out, while offsets keep pointing into the text as written.

const BREAK = /[ \t\u3000]*[\r\n]+[ \t\u3000]*|\ufeff+/g;
const FILLER = 0xfeff;

const isBreak = (c: number) => c === 10 || c === 13 || c === FILLER;
const anyBreak = (text: string) => text.includes('\n') || text.includes('\r') || text.includes('\ufeff');

/** Whether [start, end) of the text holds a break: a block that does is read with its breaks taken out. */
export function hasBreak(text: string, start: number, end: number): boolean {
  // A scan of the range only: indexOf would run on to the next break, which in a one-line report is its end.
  for (let i = start; i < end; i++) if (isBreak(text.charCodeAt(i))) return true;
  return false;
}

/** The text with its breaks (and the spaces around a line break) taken out. */
export function unwrap(text: string): string {
  return anyBreak(text) ? text.replace(BREAK, '') : text;
}

/**
 * `unwrap` with the offsets mapped both ways: `at(i)` is where the unwrapped text's offset `i` came from, and
 * `of(j)` where the original offset `j` lands in the unwrapped text (the next kept character, for a break).
 */
export function unwrapped(text: string): { text: string; at: (i: number) => number; of: (j: number) => number } {
  if (!anyBreak(text)) return { text, at: (i) => i, of: (j) => j };
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
