import type { Range } from '../../document.js';

const codes = (chars: string) => new Set([...chars].map((ch) => ch.charCodeAt(0)));
/** Characters that end a clause in the view (full-width punctuation is already ASCII there). */
const CLAUSE = codes(',;:。!?\r\n');
/** Characters that end a sentence; a semicolon ends one too, since lists of targets are written with it. */
const SENTENCE = codes(';。!?\r\n');
/** Both, for one regexp scan per block (the engine skips other characters far faster than a loop). */
const STOPS = /[,;:。!?\r\n]/g;

/** The last index in sorted `stops` below `pos`, or -1. */
function before(stops: number[], pos: number): number {
  let lo = 0;
  let hi = stops.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (stops[mid]! < pos) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/**
 * Clause and sentence boundaries of one block, found once (one pass over the block) and looked up by binary
 * search for each mention, so a long paragraph full of figures costs no more than a short one per figure.
 */
export class Bounds {
  private readonly clauses: number[] = [];
  private readonly sentences: number[] = [];

  constructor(view: string, private readonly block: Range) {
    const text = view.slice(block.start, block.end);
    STOPS.lastIndex = 0;
    for (let m = STOPS.exec(text); m; m = STOPS.exec(text)) {
      this.clauses.push(block.start + m.index);
      if (SENTENCE.has(text.charCodeAt(m.index))) this.sentences.push(block.start + m.index);
    }
  }

  private around(stops: number[], core: Range): Range {
    const i = before(stops, core.start);
    const start = i >= 0 ? stops[i]! + 1 : this.block.start;
    // A thousands comma inside the core (1,234) is not a boundary: look past the core's end.
    let j = i + 1;
    while (j < stops.length && stops[j]! < core.end) j++;
    return { start, end: j < stops.length ? stops[j]! : this.block.end };
  }

  /** The clause holding `core`: between commas, semicolons, colons and sentence ends. */
  clause(core: Range): Range { return this.around(this.clauses, core); }

  /** The sentence holding `core`. */
  sentence(core: Range): Range { return this.around(this.sentences, core); }

  /** The clause holding `core` as the clause scan of a single mention needs it (unit `needs`). */
  static clauseAt(view: string, core: Range, within: Range): Range {
    let start = core.start;
    while (start > within.start && !CLAUSE.has(view.charCodeAt(start - 1))) start--;
    let end = core.end;
    while (end < within.end && !CLAUSE.has(view.charCodeAt(end))) end++;
    return { start, end };
  }
}
