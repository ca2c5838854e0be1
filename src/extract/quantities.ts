import { withFields, type Block, type Doc, type DraftMessage, type Stage } from '../document.js';
import type { Quantity } from '../schema.js';
import { compiled } from './quantity/compile.js';
import { carriedYears, frameOf } from './quantity/context.js';
import { describe } from './quantity/describe.js';
import { excludedMessage, exclusion } from './quantity/exclude.js';
import { scanBlocks, type Mention } from './quantity/scan.js';
import { Coverage } from './quantity/spans.js';
import { ownYearReview } from './roles.js';
import { rowYears, withRowYears } from './table/deadline.js';

/** The blocks in document order; segment already emits them so, and then no copy is made. */
function inOrder(blocks: readonly Block[]): readonly Block[] {
  for (let i = 1; i < blocks.length; i++) {
    if (blocks[i]!.start < blocks[i - 1]!.start) return [...blocks].sort((a, b) => a.start - b.start);
  }
  return blocks;
}

/**
 * Quantities: every number with a unit in the document's blocks, with what it means. In a table only the text
 * cells are read (新增养老床位300张…): a numeric cell is the table's own data, with its column's year and unit.
 * Each quantity is linked to its section and task, and each task lists its quantities.
 */
export const quantities: Stage = (doc, ctx): Doc => {
  const c = compiled(ctx.rules);
  const own = ownYearReview(doc, ctx.rules);
  const frame = frameOf(doc, c, own !== null, own === 'opening');
  const tableSpans = new Coverage(doc.tables.map((t) => t.span));
  const textCells = new Coverage(doc.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.filter((x) => x.value === null).map((x) => x.span))));
  // Most documents hold no table: their figures are then not looked up at all.
  const tables = doc.tables.length > 0;
  const items: Quantity[] = [];
  const messages: DraftMessage[] = [];
  const blocks = inOrder(doc.blocks);
  const perBlock = scanBlocks(doc.reading, blocks, c);
  // A figure in a table row with a deadline cell (2024年底前) is of its year when nothing nearer says.
  const carried = tables ? withRowYears(carriedYears(doc.view, blocks), blocks, rowYears(doc.tables, ctx.rules.tables.deadline ?? null)) : carriedYears(doc.view, blocks);
  // Drafts come out block by block, so usually already in order: told as they come (each read while fresh), and the
  // (stable) sort and a second pass naming them are then skipped.
  let sorted = true;
  let lastStart = -1;
  for (let i = 0; i < blocks.length; i++) {
    const mentions = perBlock[i]!;
    // Most blocks hold no figure: no list is made for them.
    if (mentions.length === 0) continue;
    const block = blocks[i]!;
    // A loop, not a filter: a filter took a closure over the block for every block with figures.
    const found: Mention[] = [];
    for (let k = 0; k < mentions.length; k++) {
      const m = mentions[k]!;
      if (tables && tableSpans.has(m.start) && !textCells.has(m.start)) continue;
      const rule = exclusion(doc.reading, m, block, c);
      if (rule !== null && ctx.explain) messages.push(excludedMessage(doc, m, rule));
      if (rule === null && representable(doc, m, messages)) found.push(m);
    }
    if (!found.length) continue;
    const drafts = describe(doc, block, found, frame, c, carried[i]!);
    for (let k = 0; k < drafts.length; k++) {
      const d = drafts[k]!;
      if (d.core.span.start < lastStart) sorted = false;
      lastStart = d.core.span.start;
      // Named while fresh, in the order they come: the order of the output unless they must be sorted (named again).
      d.id = `q${items.length + 1}`;
      items.push(d);
    }
  }
  if (!sorted) {
    items.sort((a, b) => a.core.span.start - b.core.span.start);
    for (let i = 0; i < items.length; i++) items[i]!.id = `q${i + 1}`;
  }
  return withFields(doc, { quantities: items, messages: messages.length ? [...doc.messages, ...messages] : doc.messages });
};

/** Whether a value is a finite number, or none (a module function: a closure was made for every figure). */
const finite = (n: number | null) => n === null || Number.isFinite(n);

/**
 * A figure whose value or normalised value no double can hold (a run of hundreds of digits) is no quantity: the
 * output would carry Infinity or NaN. It is named in an `info` message instead.
 */
function representable(doc: Doc, m: Mention, messages: DraftMessage[]): boolean {
  if (finite(m.value) && finite(m.normalValue) && (!m.range || (Number.isFinite(m.range[0]) && Number.isFinite(m.range[1])))) return true;
  messages.push({
    severity: 'info', code: 'quantity.too-large', range: { start: m.start, end: m.end },
    message: `${doc.text.slice(m.start, Math.min(m.end, m.start + 40))}${m.end - m.start > 40 ? '…' : ''}: too large a number to represent; not taken as a quantity`,
  });
  return false;
}
