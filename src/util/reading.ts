import type { Range } from '../document.js';
import { FILLER, unwrap, unwrapped, written as writtenAcross, type Unwrapped } from './breaks.js';

// The reading view: each block of the view (a paragraph or a heading line, see stages/segment.ts) as a reader sees
// it, built once. A block that holds no break reads as the view itself; a hard-wrapped one (or one with markup
// fillers) is read with its breaks taken out, and an offset map leads back to the view, and so to the source. The
// extractors read the text through this view and nothing else unwraps: ranges are given and taken in offsets of the
// view (= offsets of the source), the text handed back is the text as read.

const FILLER_CODE = FILLER.charCodeAt(0);
const isBreakChar = (c: number) => c === 10 || c === 13 || c === FILLER_CODE;

/** One block as read. */
interface BlockReading extends Range {
  /** The block as read: its breaks (and the blanks around a line break) taken out; null when it holds none. */
  read: Unwrapped | null;
  /** `index[j - start]`: where view offset j lands in `read.text` (the next kept character, for a break). */
  index: Int32Array | null;
}

/** A range of the view as read, with the way back from the read text to the view. */
export interface ReadRange {
  text: string;
  /** A non-empty range of `text` as a range of the view relative to the range's start (add it for view offsets). */
  back: (r: Range) => Range;
  /** Where a view offset relative to the range's start lands in `text` (the next kept character, for a break). */
  of: (j: number) => number;
}

const IDENTITY_BACK = (r: Range): Range => ({ start: r.start, end: r.end });
const IDENTITY_OF = (j: number): number => j;

export class ReadingView {
  private readonly blocks: BlockReading[];
  /** The block `blockOf` found last: ranges are asked about in text order, so mostly in it again. */
  private last: BlockReading | null = null;

  /** Built once, by segment, from the view and its blocks (any order; blocks do not overlap). */
  constructor(
    /** The source text, and the view (same length): offsets in one are offsets in the other. */
    readonly text: string,
    readonly view: string,
    blocks: readonly Range[],
  ) {
    // Segment gives its blocks in order: they are copied and sorted only when they are not.
    let ordered = true;
    for (let i = 1; i < blocks.length && ordered; i++) ordered = blocks[i - 1]!.start <= blocks[i]!.start;
    const sorted = ordered ? blocks : [...blocks].sort((a, b) => a.start - b.start);
    // Filled by push, never by `map`: every document's array then has the same elements kind (map's result did not),
    // so the code reading it, inlined into many extractors, is not thrown away for a new kind.
    const out: BlockReading[] = [];
    // Whether a block holds a break, by where the next break of each kind is (native searches that only move forward,
    // the blocks being in order): no scan of every character of every block.
    const next = [nextIndex(view, '\n'), nextIndex(view, '\r'), nextIndex(view, FILLER)];
    for (const b of sorted) {
      const wrapped = next[0]!(b.start) < b.end || next[1]!(b.start) < b.end || next[2]!(b.start) < b.end;
      out.push(wrapped ? wrappedBlock(view, b.start, b.end) : { start: b.start, end: b.end, read: null, index: null });
    }
    this.blocks = out;
  }

  /** The block holding [start, end), or null when the range is in none (or spans two). */
  private blockOf(start: number, end: number): BlockReading | null {
    const bs = this.blocks;
    // Compared here, on every call, not only when a range starts where a block ends: a test that has never run when
    // the caller is optimised would throw the optimised code away the first time it does.
    const nonEmpty = start < end;
    // The block found last, tried first, answers when it is the only one that can: a range starting inside it (an
    // empty one strictly inside; at an edge the bisection decides between it and its neighbour, as it always has).
    const last = this.last;
    if (last !== null && last.start <= start && start < last.end && (nonEmpty || last.start < start)) return end <= last.end ? last : null;
    let lo = 0;
    let hi = bs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = bs[mid]!;
      if (b.end < start || (b.end === start && nonEmpty)) lo = mid + 1;
      else if (b.start > start) hi = mid - 1;
      else {
        this.last = b;
        return end <= b.end ? b : null;
      }
    }
    return null;
  }

  /**
   * Whether [start, end) lies in one block. Only then is the text of a part of it as read a part of its text as read:
   * `slice(start, j) === range(start, end).text.slice(0, range(start, end).of(j - start))` for start <= j <= end.
   */
  inBlock(start: number, end: number): boolean {
    return this.blockOf(start, end) !== null;
  }

  /** Whether [start, end) of the view holds a break (the line break of a hard-wrapped paragraph, a filler). */
  hasBreak(start: number, end: number): boolean {
    const b = this.blockOf(start, end);
    if (b) return b.index !== null && b.index[end - b.start]! - b.index[start - b.start]! !== end - start;
    return hasBreakIn(this.view, start, end);
  }

  /** The text of [start, end) of the view as read: without its breaks (`range(start, end).text`, with no map made). */
  slice(start: number, end: number): string {
    const b = this.blockOf(start, end);
    if (!b) return unwrap(this.view.slice(start, end));
    if (!b.read) return this.view.slice(start, end);
    return b.read.text.slice(b.index![start - b.start]!, b.index![end - b.start]!);
  }

  /** `slice`, with the way back to the view. */
  range(start: number, end: number): ReadRange {
    const b = this.blockOf(start, end);
    if (b && !b.read) return { text: this.view.slice(start, end), back: IDENTITY_BACK, of: IDENTITY_OF };
    if (!b) return unwrapped(this.view.slice(start, end));
    const read = b.read!;
    const from = b.index![start - b.start]!;
    const to = b.index![end - b.start]!;
    const offset = start - b.start;
    const index = b.index!;
    return {
      text: read.text.slice(from, to),
      of: (j) => index[offset + j]! - from,
      back: (r) => {
        const v = read.back({ start: r.start + from, end: r.end + from });
        return { start: v.start - offset, end: v.end - offset };
      },
    };
  }

  /**
   * The source text of [start, end) as read: without its breaks and without what the view made fillers of (markup,
   * page furniture inside a wrapped paragraph). For names taken from the text: indicators, task titles, unit names.
   */
  written(start: number, end: number): string {
    const b = this.blockOf(start, end);
    if (b && !b.read) return this.text.slice(start, end);
    return writtenAcross(this.text, this.view, start, end);
  }
}

/**
 * `at(from)`: the first index of `ch` in `text` at or after `from` (the text's length when there is none), for
 * positions that never decrease: each native search starts where it is needed, so all of them read the text once.
 */
function nextIndex(text: string, ch: string): (from: number) => number {
  let found = -1;
  return (from) => {
    if (found < from) {
      const i = text.indexOf(ch, from);
      found = i < 0 ? text.length : i;
    }
    return found;
  };
}

/** A block holding a break, as read (the same fields, in the same order, as a block holding none). */
function wrappedBlock(view: string, start: number, end: number): BlockReading {
  const read = unwrapped(view.slice(start, end));
  const index = new Int32Array(end - start + 1);
  for (let j = 0; j <= end - start; j++) index[j] = read.of(j);
  return { start, end, read, index };
}

function hasBreakIn(view: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isBreakChar(view.charCodeAt(i))) return true;
  return false;
}
