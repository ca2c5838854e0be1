import type { Doc } from '../document.js';
import type { Rules } from '../rules/schema.js';

/**
 * Hard-wrapped text (a document printed to text: pdftotext and the like) breaks every line at the same width, in
 * the middle of sentences and words. Such a line is read together with the next: segment joins them into one
 * paragraph, the clause bounds do not stop at the break, and cue words and names are matched with the break taken
 * out (`unwrap` in util/breaks.ts). Offsets are untouched, so every span still slices the source as written, break included.
 */

/** Display width: CJK and full-width characters take two columns, as in the layout that wrapped the text. */
function width(s: string, from: number, to: number): number {
  let w = to - from;
  // One more for each unit above 0xff, by its sign bit: no branch to mispredict where figures and hanzi alternate.
  for (let i = from; i < to; i++) w += (0xff - s.charCodeAt(i)) >>> 31;
  return w;
}

/** Lines that end a sentence or a clause list, or close a bracket: the next line starts afresh. */
const ENDS = /[。!?！？;；:：”」』)）]$/;
/**
 * Lines that open a numbered item never continue the line before: rules/headings.yaml `wrapOpens`, narrower than the
 * heading markers (a footnote reference 〔35〕 wrapped to the start of a line goes on).
 */
export function opensMarker(headings: Rules['headings'], line: string): boolean {
  return !!line && !!headings.wrapOpens?.pattern.test(line);
}
/** Lines counted when looking for the wrapping width, and the share of them that must reach it. */
const MIN_WIDTH = 20;
const MIN_FULL_LINES = 6;
const MIN_FULL_SHARE = 0.3;
/** Paragraphs are told by their indent when at least this share of lines is indented. */
const MIN_INDENTED_SHARE = 0.1;
/** The share of lines that may be wider than the wrapping width. */
const MAX_WIDER_SHARE = 0.1;
/** A line within this many columns of the width is full (a wide character may not fit the last column). */
const SLACK = 3;
/** How far below the widest band a fuller one is looked for (a proportional font's spread: three hanzi). */
const SPREAD = 6;

/**
 * The wrapping width of lines measured one way: the widest width whose band [w - SLACK, w] holds enough of the
 * lines of at least MIN_WIDTH (0 when none does), how many lines that band holds, and how many long lines there are.
 */
function wrapWidth(widths: ArrayLike<number>, slack = SLACK): { wrap: number; full: number; long: number; densest: number } {
  let long = 0;
  for (let i = 0; i < widths.length; i++) if (widths[i]! >= MIN_WIDTH) long++;
  const sorted = new Int32Array(long);
  for (let i = 0, k = 0; i < widths.length; i++) if (widths[i]! >= MIN_WIDTH) sorted[k++] = widths[i]!;
  sorted.sort();
  // Each width from the widest down, with how many lines fall in its band [w - SLACK, w] (`lo` moves down with it).
  let lo = sorted.length;
  let found: { wrap: number; full: number; long: number; densest: number } | null = null;
  // The band holding the most lines, at or below the wrapping width: looked for down to SPREAD columns below it.
  let most = 0;
  for (let top = sorted.length - 1; top >= 0;) {
    const w = sorted[top]!;
    if (found && w < found.wrap - SPREAD) break;
    while (lo > 0 && sorted[lo - 1]! >= w - slack) lo--;
    const n = top + 1 - lo;
    if (!found && n >= MIN_FULL_LINES && n >= long * MIN_FULL_SHARE) found = { wrap: w, full: n, long, densest: w };
    if (found && n > most) {
      most = n;
      found.densest = w;
    }
    while (top >= 0 && sorted[top] === w) top--;
  }
  return found ?? { wrap: 0, full: 0, long, densest: 0 };
}

/**
 * The indexes of the physical lines (0-based) that run on into the next one. Empty unless the document is wrapped:
 * many lines of one width (±3 columns), the widest common one. A full line runs on into a next line that is not
 * empty and opens no heading or numbered item, when that line is not indented (where paragraphs open indented) or
 * when the full line does not end a sentence (where they do not).
 */
export function wrappedLines(doc: Pick<Doc, 'text' | 'lineStarts' | 'lines'> & Partial<Pick<Doc, 'removed' | 'spacing'>>, headings: Rules['headings'], gone: Gone = removedLines(doc)): Set<number> {
  const lines = doc.lines;
  // Only a written line followed by another written one (past removed furniture) can run on: a text whose paragraphs
  // are all apart (a blank line between each) has none, and its widths need not be measured.
  let pairs = false;
  for (let i = 0; i + 1 < lines.length && !pairs; i++) {
    if (gone[i] || lines[i]!.end === lines[i]!.start) continue;
    const next = lines[nextKept(i, lines.length, gone)];
    pairs = !!next && next.end > next.start;
  }
  if (!pairs) return new Set();
  // Widths of the text as written (the view has full-width punctuation folded to ASCII), from the start of the
  // physical line, so an indented first line of a paragraph counts its indent.
  // Some tools wrap at a number of characters, whatever their width: the measure whose band holds more lines wins.
  // A copy spaced between Chinese and Latin, read without its spacing (stages/spaced.ts), measures each line as
  // written, the spaces taken out included: the converter wrapped the line with them (one space, one column each).
  const spacing = doc.spacing?.inWidth && doc.spacing.readLength === doc.text.length ? doc.spacing : null;
  const spaces = (from: number, end: number) => (spacing ? spacing.toView(end - 1) + 1 - spacing.toView(from) - (end - from) : 0);
  const display = new Int32Array(lines.length);
  const chars = new Int32Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const from = doc.lineStarts[i]!;
    const taken = l.end > l.start ? spaces(from, l.end) : 0;
    chars[i] = l.end > l.start ? l.end - from + taken : 0;
    display[i] = l.end > l.start ? width(doc.text, from, l.end) + taken : 0;
  }
  const byWidth = wrapWidth(display);
  const byChars = wrapWidth(chars);
  const charsWin = byChars.full > byWidth.full;
  const { wrap, long } = charsWin ? byChars : byWidth;
  const widths = charsWin ? chars : display;
  // A line wider than the band is full too where the other measure puts it in its own band: in a copy of a page set
  // in a proportional font, a line with many digits counts more characters than its neighbours (…支出决算为1511.89万 /
  // 元。…). (Never a narrower one: a title letter-spaced to the page's width is no full line.)
  // (That band is measured with twice the slack: such a font spreads the widths of full lines.)
  // (Measured only when a line wider than the band asks: most texts have none that could run on.)
  const others = charsWin ? display : chars;
  let other: number | undefined;
  const otherFull = (i: number) => {
    other ??= wrapWidth(others, 2 * SLACK).wrap;
    return other > 0 && others[i]! >= other - 2 * SLACK && others[i]! <= other;
  };
  // A page set in a proportional font (a PDF copy: quotes and digits narrower than a hanzi, lines justified) spreads
  // its full lines over a few characters: where more lines fall in a band a little below the widest one, the full
  // lines reach down to it.
  const densest = (charsWin ? byChars : byWidth).densest;
  const floor = densest < wrap ? densest - SPREAD : wrap - SLACK;
  const full = (i: number) => (widths[i]! >= floor && widths[i]! <= wrap) || (widths[i]! > wrap && otherFull(i));
  const out = new Set<number>();
  // Printed text has few lines wider than its width (a table row, a long address); prose written a paragraph per
  // line has many, and a band of similar short lines (headings, list items) is then no wrapping width.
  let wider = 0;
  for (let i = 0; i < widths.length; i++) if (widths[i]! > wrap + SLACK) wider++;
  if (wrap === 0 || wider > long * MAX_WIDER_SHARE) return out;
  // Where paragraphs open indented (　　 in an official document), an unindented line goes on with the one before,
  // even after a 。 that fell at the end of a line; elsewhere a full line goes on unless it ends a sentence.
  const indent = (i: number) => lines[i]!.start - doc.lineStarts[i]!;
  let indented = 0;
  let nonEmpty = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.end === lines[i]!.start) continue;
    nonEmpty++;
    if (indent(i) > 0) indented++;
  }
  const byIndent = indented >= 3 && indented >= nonEmpty * MIN_INDENTED_SHARE;
  // A page break (its page number and running header, removed as furniture: `gone`) is stepped over: the line
  // after it is the one a full line runs on into.
  for (let i = 0; i + 1 < lines.length; i++) {
    if (gone[i]) continue;
    const line = lines[i]!;
    const j = nextKept(i, lines.length, gone);
    const next = lines[j];
    if (!next || !full(i) || next.end === next.start || opensMarker(headings, next.body)) continue;
    if (byIndent ? indent(j) > 0 : ENDS.test(line.body)) continue;
    out.add(i);
  }
  return out;
}

/** The first line after `i` that is not wholly removed furniture (a page number, a running header). */
export function nextKept(i: number, count: number, gone: Gone): number {
  let j = i + 1;
  while (j < count && gone[j]) j++;
  return j;
}

/** By line index, 1 for a non-empty line wholly inside removed spans: a typed array, read for every line several times. */
export type Gone = Uint8Array;

/** The non-empty lines wholly inside removed spans (1 at their index). */
export function removedLines(doc: Pick<Doc, 'lines'> & Partial<Pick<Doc, 'removed'>>): Gone {
  const gone = new Uint8Array(doc.lines.length);
  const removed = doc.removed ?? [];
  if (removed.length === 0) return gone;
  let k = 0;
  doc.lines.forEach((l, i) => {
    if (l.end === l.start) return;
    while (k < removed.length && removed[k]!.end < l.end) k++;
    const r = removed[k];
    if (r && r.start <= l.start && r.end >= l.end) gone[i] = 1;
  });
  return gone;
}

type DoubleSpacing = NonNullable<Rules['script']['doubleSpacing']>;

/**
 * A double-spaced copy (rules/script.yaml doubleSpacing): a hard-wrapped printout with a blank line after every line,
 * so that its blank lines no longer tell paragraphs. In such a copy the single blank lines between written lines are
 * stepped over like removed furniture (`gone` with them marked): the line after one is the line a full line runs on
 * into, and the wrapped lines are joined as in any hard-wrapped text (a line ending a sentence, a short last line, a
 * heading line still ends its paragraph). A run of two or more blank lines stays a break. Any other text gets `gone`
 * back as it is. Decided on the opening `sample` lines only (widths of those lines, no pass over the whole text):
 * most written lines followed by exactly one blank line and a written line, most of one width (the widest common
 * one, as wrappedLines measures it), and most of those running on mid-sentence. A text with blank lines between its
 * real paragraphs (their lines of any length, ending a sentence) or a list of short lines is no such copy.
 */
export function doubleSpaced(doc: Pick<Doc, 'text' | 'lineStarts' | 'lines'>, rule: DoubleSpacing | undefined, gone: Gone): Gone {
  if (!rule) return gone;
  const lines = doc.lines;
  const n = lines.length;
  const blank = (i: number) => lines[i]!.end === lines[i]!.start;
  let first = 0;
  while (first < n && blank(first)) first++;
  const to = Math.min(n, first + rule.sample);
  // Cheapest test first: a blank line after most written lines of the sample (a page number counts as written).
  let written = 0;
  let alternating = 0;
  for (let i = first; i < to; i++) {
    if (blank(i)) continue;
    // The last written line of the text is followed by nothing: it counts neither way.
    if (i + 1 >= n) break;
    written++;
    if (blank(i + 1) && i + 2 < n && !blank(i + 2)) alternating++;
  }
  if (written < rule.minLines || alternating < written * rule.alternate) return gone;
  // Widths of the sample's written lines (page furniture left out), both ways wrappedLines measures them.
  const display: number[] = [];
  const chars: number[] = [];
  const kept: number[] = [];
  for (let i = first; i < to; i++) {
    if (blank(i) || gone[i]) continue;
    const from = doc.lineStarts[i]!;
    kept.push(i);
    chars.push(lines[i]!.end - from);
    display.push(width(doc.text, from, lines[i]!.end));
  }
  const byWidth = wrapWidth(display, rule.slack);
  const byChars = wrapWidth(chars, rule.slack);
  const best = byChars.full > byWidth.full ? byChars : byWidth;
  const widths = byChars.full > byWidth.full ? chars : display;
  // The width in columns: a width measured in characters (of a Chinese text: mostly hanzi) counts two a character.
  const columns = best === byChars ? best.wrap * 2 : best.wrap;
  if (columns < rule.minWidth || best.full < kept.length * rule.full) return gone;
  let wider = 0;
  let runOn = 0;
  for (let k = 0; k < kept.length; k++) {
    const w = widths[k]!;
    if (w > best.wrap + rule.slack) wider++;
    else if (w >= best.wrap - rule.slack && !rule.ends.test(lines[kept[k]!]!.body)) runOn++;
  }
  if (wider > best.long * MAX_WIDER_SHARE || runOn < best.full * rule.midSentence) return gone;
  const out = Uint8Array.from(gone);
  for (let i = 1; i + 1 < n; i++) if (blank(i) && !blank(i - 1) && !blank(i + 1)) out[i] = 1;
  return out;
}
