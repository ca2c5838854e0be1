import type { Range } from '../document.js';

// A letter-spaced copy (关  于  2025年  预  算, see rules/script.yaml letterSpacing) has the runs of spaces between
// its characters made fillers in the view by normalise. The extractors that read a block through the ReadingView read
// across them as across any filler; the stages that match whole lines and paragraphs against patterns (furniture,
// headings, titles, roles: see stages/spaced.ts) read the document with them taken out. This is the offset map
// between the two: the view (offsets of the source) and the view read without the letter-spacing fillers.

export class LetterSpacing {
  /** `kept[c]`: the view offset of the read text's offset c (ascending). */
  private readonly kept: Int32Array;
  /** `before[i]`: how many kept offsets lie before view offset i (0 <= i <= length). */
  private readonly before: Int32Array;

  /**
   * `dropped`: the ranges of the view made fillers for the letter-spacing, sorted and apart; `length`: the view's
   * length.
   */
  constructor(
    readonly dropped: readonly Range[],
    readonly length: number,
    /**
     * Whether a line's width as wrapped counts its dropped spaces (a copy spaced between Chinese and Latin, wrapped
     * by a converter that set those spaces), or not (a letter-spaced copy, whose spacing spreads a line to the width).
     */
    readonly inWidth = false,
  ) {
    let gone = 0;
    for (const r of dropped) gone += r.end - r.start;
    this.kept = new Int32Array(length - gone);
    this.before = new Int32Array(length + 1);
    let c = 0;
    let k = 0;
    for (let i = 0; i < length; i++) {
      this.before[i] = c;
      while (k < dropped.length && dropped[k]!.end <= i) k++;
      if (k < dropped.length && dropped[k]!.start <= i) continue;
      this.kept[c++] = i;
    }
    this.before[length] = c;
  }

  /** The read text's length. */
  get readLength(): number {
    return this.kept.length;
  }

  /** A string as long as the view (the view, the source) with the dropped ranges taken out. */
  read(s: string): string {
    if (this.dropped.length === 0) return s;
    const parts: string[] = [];
    let from = 0;
    for (const r of this.dropped) {
      parts.push(s.slice(from, r.start));
      from = r.end;
    }
    parts.push(s.slice(from));
    return parts.join('');
  }

  /** Where view offset `i` lands in the read text (the next kept character, for a dropped one). */
  toRead(i: number): number {
    return this.before[i]!;
  }

  /** The view offset of the read text's offset `c` (the view's length past its end). */
  toView(c: number): number {
    return c < this.kept.length ? this.kept[c]! : this.length;
  }

  /** A range of the view as a range of the read text. */
  rangeToRead(r: Range): Range {
    return { start: this.before[r.start]!, end: this.before[r.end]! };
  }

  /** A range of the read text as one of the view: from its first to past its last character (no filler at either edge). */
  rangeToView(r: Range): Range {
    if (r.end <= r.start) {
      const at = this.toView(r.start);
      return { start: at, end: at };
    }
    return { start: this.kept[r.start]!, end: this.kept[r.end - 1]! + 1 };
  }

  /**
   * The view with its kept characters as `read` has them: what a stage changed in the view read without the fillers
   * (the cleaner blanks page furniture) carried over to the view; the dropped ranges stay as they are in `view`.
   */
  expand(read: string, view: string): string {
    if (read.length !== this.kept.length) throw new Error(`a read view of ${read.length} characters for ${this.kept.length} kept`);
    const parts: string[] = [];
    let c = 0;
    let from = 0;
    for (const r of this.dropped) {
      const span = r.start - from;
      parts.push(read.slice(c, c + span), view.slice(r.start, r.end));
      c += span;
      from = r.end;
    }
    parts.push(read.slice(c));
    return parts.join('');
  }
}
