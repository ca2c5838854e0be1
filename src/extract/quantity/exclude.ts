import type { Doc, DraftMessage, Range } from '../../document.js';
import type { ReadingView } from '../../util/reading.js';
import { HIGH, type Compiled } from './compile.js';
import type { Mention } from './scan.js';
import { unitNeedsMet } from './scan.js';

const CONTEXT = 12;
/** Per character code: OPEN for an opening quote or bracket of a name, CLOSE for a closing one (" is both). */
const OPEN = 1;
const CLOSE = 2;
const QUOTES = new Uint8Array(0x10000);
for (const ch of '“"「『《') QUOTES[ch.charCodeAt(0)]! |= OPEN;
for (const ch of '”"」』》') QUOTES[ch.charCodeAt(0)]! |= CLOSE;
const TITLE_OPEN = 0x300a; // 《

/**
 * A short quoted name around the mention (“千万元楼”, “15分钟生活圈”): the quotes open before it and close after it
 * within `max` characters; a book title (《…》) within `titleMax`. A long quotation of a target (“第一年完成70%…”)
 * is not a name.
 */
function insideShortQuote(view: string, m: Mention, block: Range, max: number, titleMax: number): boolean {
  let open = -1;
  for (let i = m.start - 1; i >= Math.max(block.start, m.start - Math.max(max, titleMax)); i--) {
    const q = QUOTES[view.charCodeAt(i)]!;
    if (q === CLOSE) return false;
    if (q !== 0) { open = i; break; }
  }
  if (open < 0) return false;
  const limit = view.charCodeAt(open) === TITLE_OPEN ? Math.max(max, titleMax) : max;
  if (m.start - open - 1 > limit) return false;
  for (let i = m.end; i < Math.min(block.end, open + limit + 2); i++) {
    const q = QUOTES[view.charCodeAt(i)]!;
    if ((q & CLOSE) !== 0) return i - open - 1 <= limit;
    if (q === OPEN) return false;
  }
  return false;
}

/** The `info` message saying which rule left a number out (extract --explain). */
export function excludedMessage(doc: Doc, m: Mention, rule: string): DraftMessage {
  const core = doc.reading.written(m.start, m.end);
  return { severity: 'info', code: 'quantity.excluded', message: `${rule}: “${core}” is not a quantity`, range: { start: m.start, end: m.end } };
}

/** The rule bits of a character's entry in a gate table (`at`: 0 for rules 0-31, HIGH for 32-63), none for no character (-1). */
const bitsAt = (by: Int32Array, code: number, at: number): number => (code >= 0 ? by[at + code]! : 0);

/**
 * The first rule index from `k` on whose bit is set in `open` (rules 0-31) or `high` (rules 32-63), or `n` when there
 * is none. (With no gates, both are -1: every index is open.)
 */
function nextOpen(open: number, high: number, k: number, n: number): number {
  if (k < 32) {
    const rest = open >>> k;
    if (rest !== 0) {
      const at = k + 31 - Math.clz32(rest & -rest);
      return at < n ? at : n;
    }
    k = 32;
  }
  if (k >= n) return n;
  const rest = high >>> (k - 32);
  if (rest === 0) return n;
  const at = k + 31 - Math.clz32(rest & -rest);
  return at < n ? at : n;
}

const lastCode = (s: string): number => (s.length ? s.charCodeAt(s.length - 1) : -1);
const firstCode = (s: string): number => (s.length ? s.charCodeAt(0) : -1);

/** The id of the rule that rules this mention out, or null when it is a quantity. */
export function exclusion(read: ReadingView, m: Mention, block: Range, c: Compiled): string | null {
  // The context is read across the line breaks of a hard-wrapped paragraph (两条\n底线).
  const view = read.view;
  const from = Math.max(block.start, m.start - CONTEXT);
  const to = Math.min(block.end, m.end + CONTEXT);
  // The rules whose anchored patterns (…$ before the figure, ^… after it, on the unit and on the number) can match
  // the characters next to the figure, the unit's first and the number's first: one lookup per side, and only those
  // rules are tried.
  const gates = c.excludeGates;
  // The characters next to the figure as read, -1 where there is none (a figure at the block's start or end): the
  // tables are read only inside their bounds, which keeps this hot function from leaving V8's optimised code. Without
  // a break in the context the reading is the view itself, so no slice is made for the gates.
  const last = from >= m.start ? -1 : read.hasBreak(from, m.start) ? lastCode(read.slice(from, m.start)) : view.charCodeAt(m.start - 1);
  const first = m.end >= to ? -1 : read.hasBreak(m.end, to) ? firstCode(read.slice(m.end, to)) : view.charCodeAt(m.end);
  const unitFirst = m.unit.length ? m.unit.charCodeAt(0) : -1;
  const numberFirst = m.numberText.length ? m.numberText.charCodeAt(0) : -1;
  const n = c.exclude.length;
  const open = gates
    ? (~gates.unit.constrained | bitsAt(gates.unit.by, unitFirst, 0))
      & (~gates.before.constrained | bitsAt(gates.before.by, last, 0))
      & (~gates.after.constrained | bitsAt(gates.after.by, first, 0))
      & (~gates.number.constrained | bitsAt(gates.number.by, numberFirst, 0))
    : -1;
  // The second word, read only when there are more than 32 rules.
  const high = gates && n > 32
    ? (~gates.unit.constrainedHigh | bitsAt(gates.unit.by, unitFirst, HIGH))
      & (~gates.before.constrainedHigh | bitsAt(gates.before.by, last, HIGH))
      & (~gates.after.constrainedHigh | bitsAt(gates.after.by, first, HIGH))
      & (~gates.number.constrainedHigh | bitsAt(gates.number.by, numberFirst, HIGH))
    : -1;
  // The context as read, sliced only for a rule that passes its gates and tests it.
  let before: string | null = null;
  let after: string | null = null;
  const dimension = m.dimension;
  // Only the rules left open are visited, found from the bits: fewer than one a figure, of some thirty.
  for (let k = nextOpen(open, high, 0, n); k < n; k = nextOpen(open, high, k + 1, n)) {
    const x = c.exclude[k]!;
    if (x.dimension && x.dimension !== dimension) continue;
    if (x.exceptDimensions.length && x.exceptDimensions.includes(dimension)) continue;
    if (!gates) {
      const edges = c.excludeEdges[k]!;
      if (x.unit && edges.unit && !edges.unit.has(unitFirst)) continue;
      if (x.before && edges.before && !edges.before.has(last)) continue;
      if (x.after && edges.after && !edges.after.has(first)) continue;
      if (x.number && edges.number && !edges.number.has(numberFirst)) continue;
    }
    if (x.number && !x.number.test(m.numberText)) continue;
    if (x.unit && !x.unit.test(m.unit)) continue;
    if (x.before && !x.before.test(before ??= read.slice(from, m.start))) continue;
    if (x.after && !x.after.test(after ??= read.slice(m.end, to))) continue;
    return x.id;
  }
  if (c.q.unitNeeds && !unitNeedsMet(view, m, block, m.needs, c.stops)) return c.q.unitNeeds.id;
  if (c.q.quotedName && insideShortQuote(view, m, block, c.q.quotedName.max, c.q.quotedName.titleMax)) return c.q.quotedName.id;
  return null;
}
