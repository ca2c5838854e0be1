import type { Range } from '../document.js';
import { countBefore } from '../span.js';
import { entityAt } from './entities.js';

// Breaks inside a paragraph of the view: the line breaks of hard-wrapped text (see stages/wrap.ts) and the U+FEFF
// fillers that markdown emphasis becomes (see stages/normalise.ts). Cue words, names and numbers are read with them
// taken out, while offsets keep pointing into the text as written.

/** The filler blanked markup becomes in the view (normalise maps every U+FEFF of the text itself to a space). */
export const FILLER = '\ufeff';

const BREAK = /[ \t\u3000]*[\r\n]+[ \t\u3000]*|\ufeff+/g;

const FILLER_CODE = 0xfeff;
const isBreak = (c: number) => c === 10 || c === 13 || c === FILLER_CODE;
/** A short text (the context of a figure) is read once, a char test each; a long one by three native searches. */
function anyBreak(text: string): boolean {
  if (text.length > 32) return text.includes('\n') || text.includes('\r') || text.includes(FILLER);
  for (let i = 0; i < text.length; i++) if (isBreak(text.charCodeAt(i))) return true;
  return false;
}

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

export interface Unwrapped {
  text: string;
  /** Where the unwrapped text's offset `i` came from. */
  at: (i: number) => number;
  /** Where the original offset `j` lands in the unwrapped text (the next kept character, for a break). */
  of: (j: number) => number;
  /** A non-empty range of the unwrapped text as a range of the original: from its first to past its last character. */
  back: (r: Range) => Range;
}

/** `unwrap` with the offsets mapped both ways. */
export function unwrapped(text: string): Unwrapped {
  if (!anyBreak(text)) return { text, at: (i) => i, of: (j) => j, back: (r) => ({ start: r.start, end: r.end }) };
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
  const at = (i: number) => (i < kept.length ? kept[i]! : text.length);
  return {
    text: out,
    at,
    of: (j) => countBefore(kept.length, (k) => kept[k]! < j),
    back: (r) => ({ start: at(r.start), end: at(r.end - 1) + 1 }),
  };
}

/**
 * The text of [start, end) as written, read the way the view reads it: without its line breaks (and the spaces
 * around them) and without what the view made fillers of (markup, page numbers and running heads inside a wrapped
 * paragraph). For names taken from the text: indicators, task titles, unit names.
 */
export function written(text: string, view: string, start: number, end: number): string {
  if (!hasBreak(view, start, end)) return text.slice(start, end);
  let out = '';
  for (let i = start; i < end; i++) {
    if (view.charCodeAt(i) === FILLER_CODE) continue;
    // A space entity (&nbsp;, R's <U+00A0>) is a space and then fillers in the view: its `&` or `<` is no part of a
    // name (民航&nbsp;局).
    if (view.charCodeAt(i) === 0x20 && view.charCodeAt(i + 1) === FILLER_CODE && (text[i] === '&' || text[i] === '<')) continue;
    // Any other entity (&ldquo;) is the character it stands for.
    out += (text[i] === '&' && view.charCodeAt(i + 1) === FILLER_CODE ? entityAt(text, i) : null) ?? text[i];
  }
  return unwrap(out);
}
