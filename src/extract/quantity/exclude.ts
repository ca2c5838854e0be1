import type { Doc, DraftMessage, Range } from '../../document.js';
import type { ReadingView } from '../../util/reading.js';
import type { Compiled } from './compile.js';
import type { Mention } from './scan.js';
import { unitNeedsMet } from './scan.js';

const CONTEXT = 12;
const codes = (chars: string) => new Set([...chars].map((ch) => ch.charCodeAt(0)));
const OPEN = codes('“"「『《');
const CLOSE = codes('”"」』》');
const QUOTE = 0x22;

/**
 * A short quoted name around the mention (“千万元楼”, “15分钟生活圈”, 《…》): the quotes open before it and close
 * after it within `max` characters. A long quotation of a target (“第一年完成70%…”) is not a name.
 */
function insideShortQuote(view: string, m: Mention, block: Range, max: number): boolean {
  let open = -1;
  for (let i = m.start - 1; i >= Math.max(block.start, m.start - max); i--) {
    const ch = view.charCodeAt(i);
    if (CLOSE.has(ch) && ch !== QUOTE) return false;
    if (OPEN.has(ch)) { open = i; break; }
  }
  if (open < 0) return false;
  for (let i = m.end; i < Math.min(block.end, open + max + 2); i++) {
    const ch = view.charCodeAt(i);
    if (CLOSE.has(ch)) return i - open - 1 <= max;
    if (OPEN.has(ch) && ch !== QUOTE) return false;
  }
  return false;
}

/** The `info` message saying which rule left a number out (extract --explain). */
export function excludedMessage(doc: Doc, m: Mention, rule: string): DraftMessage {
  const core = doc.reading.written(m.start, m.end);
  return { severity: 'info', code: 'quantity.excluded', message: `${rule}: “${core}” is not a quantity`, range: { start: m.start, end: m.end } };
}

/** The id of the rule that rules this mention out, or null when it is a quantity. */
export function exclusion(read: ReadingView, m: Mention, block: Range, c: Compiled): string | null {
  // The context is read across the line breaks of a hard-wrapped paragraph (两条\n底线), and only when a rule gets
  // as far as its before or after pattern: the cheap tests of a rule (dimension, number, unit, the character next
  // to the figure) come first, and most rules fail one of them.
  const view = read.view;
  let before: string | null = null;
  let after: string | null = null;
  let last = -1;
  let first = -1;
  const dimension = m.dimension;
  for (let k = 0; k < c.q.exclude.length; k++) {
    const x = c.q.exclude[k]!;
    if (x.dimension && x.dimension !== dimension) continue;
    if (x.exceptDimensions.length && x.exceptDimensions.includes(dimension)) continue;
    const edges = c.excludeEdges[k]!;
    if (x.unit && edges.unit && !edges.unit.has(m.unit.charCodeAt(0))) continue;
    if (x.before) {
      // A pattern anchored at the figure (…$ before it) is tried only when the character next to the figure is one
      // it can match there.
      if (before === null) {
        before = read.slice(Math.max(block.start, m.start - CONTEXT), m.start);
        last = before.charCodeAt(before.length - 1);
      }
      if (edges.before && !edges.before.has(last)) continue;
    }
    if (x.after) {
      if (after === null) {
        after = read.slice(m.end, Math.min(block.end, m.end + CONTEXT));
        first = after.charCodeAt(0);
      }
      if (edges.after && !edges.after.has(first)) continue;
    }
    if (x.number && !x.number.test(m.numberText)) continue;
    if (x.unit && !x.unit.test(m.unit)) continue;
    if (x.before && !x.before.test(before!)) continue;
    if (x.after && !x.after.test(after!)) continue;
    return x.id;
  }
  if (!unitNeedsMet(view, m, block, m.needs)) return 'unit.needs';
  if (insideShortQuote(view, m, block, c.q.quotedNameMax)) return 'exclude.quoted-name';
  return null;
}
