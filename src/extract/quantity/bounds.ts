import type { Range } from '../../document.js';
import { COLON, COMMA, SEMICOLON, SENTENCE_END, type Punctuation } from '../../rules/punctuation.js';

/**
 * Per character code: 0 = no stop, 1 = ends a clause, 2 = ends a clause and a sentence. One table read per
 * character; a regexp exec per stop cost more than the whole scan, as paragraphs are full of commas. Built once with
 * the rules (`stopsOf`).
 */
export type Stops = Uint8Array;

/**
 * The table cell separators the view writes between the cells of a row flattened to text (| and tab): each ends a
 * sentence, as a text cell is read on its own. They are the view's, not the language's.
 */
const CELL_SEPARATORS = '|\t';

/**
 * The stops of a rule set's punctuation (rules/headings.yaml): a clause ends at a comma, semicolon, colon or sentence
 * end; a sentence at a sentence end, and at a semicolon too, since lists of targets are written with it. A line break
 * is none: a block holds several lines only when they are one hard-wrapped paragraph (see stages/wrap.ts).
 */
export function stopsOf(punct: Punctuation): Stops {
  const stops = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    if (punct.is(code, SEMICOLON | SENTENCE_END)) stops[code] = 2;
    else if (punct.is(code, COMMA | COLON)) stops[code] = 1;
  }
  for (const ch of CELL_SEPARATORS) stops[ch.charCodeAt(0)] = 2;
  return stops;
}

/**
 * How far a clause or sentence may reach on either side of a figure. Real clauses run to some 75 characters and
 * sentences to a few hundred; a line of figures with no punctuation would otherwise give every figure the whole
 * line, as its text and as the stretch its readers scan: output and time quadratic in the line's length.
 */
const CLAUSE_REACH = 120;
const SENTENCE_REACH = 600;

/** The last index in sorted `stops` below `pos`, or -1 (a bisection, no callback per step). */
function before(stops: number[], pos: number): number {
  let lo = 0;
  let hi = stops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stops[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Clause and sentence boundaries of one block, found once (one pass over the block) and looked up by binary
 * search for each mention, so a long paragraph full of figures costs no more than a short one per figure.
 * The block's edges stand in the lists as stops (just before its start, at its end), so every figure finds a stop
 * on each side: a branch for a figure with none, taken first well after the code was optimised, threw it out.
 */
export class Bounds {
  private readonly clauses: number[] = [];
  private readonly sentences: number[] = [];

  constructor(view: string, block: Range, stops: Stops) {
    this.clauses.push(block.start - 1);
    this.sentences.push(block.start - 1);
    const end = Math.min(block.end, view.length);
    for (let i = block.start; i < end; i++) {
      const stop = stops[view.charCodeAt(i)]!;
      if (stop === 0) continue;
      this.clauses.push(i);
      if (stop === 2) this.sentences.push(i);
    }
    this.clauses.push(block.end);
    this.sentences.push(block.end);
  }

  private around(stops: number[], core: Range, reach: number): Range {
    // The block's edges bound a core reaching past them (a minus sign before the block, say) as they did before.
    const i = Math.max(0, before(stops, core.start));
    const start = stops[i]! + 1;
    // A thousands comma inside the core (1,234) is not a boundary: look past the core's end.
    let j = i + 1;
    while (j < stops.length - 1 && stops[j]! < core.end) j++;
    const end = stops[j]!;
    return { start: Math.max(start, core.start - reach), end: Math.min(end, core.end + reach) };
  }

  /** The clause holding `core`: between commas, semicolons, colons and sentence ends, at most CLAUSE_REACH around it. */
  clause(core: Range): Range { return this.around(this.clauses, core, CLAUSE_REACH); }

  /** The sentence holding `core`, at most SENTENCE_REACH around it. */
  sentence(core: Range): Range { return this.around(this.sentences, core, SENTENCE_REACH); }

  /**
   * Where the clause holding `core` starts, as the scan of a single mention needs it (unit `needs`, read before the
   * mention): only its start is looked for, not the rest of the clause after the mention.
   */
  static clauseStart(view: string, core: Range, within: Range, stops: Stops): number {
    let start = core.start;
    const first = Math.max(within.start, core.start - CLAUSE_REACH);
    while (start > first && stops[view.charCodeAt(start - 1)] === 0) start--;
    return start;
  }
}
