import type { Doc, Stage } from '../document.js';
import type { Quantity } from '../schema.js';
import { compiled } from './quantity/compile.js';
import { frameOf } from './quantity/context.js';
import { describe, type Draft } from './quantity/describe.js';
import { exclusion } from './quantity/exclude.js';
import { scanBlocks } from './quantity/scan.js';

const inside = (ranges: readonly { start: number; end: number }[], pos: number) => ranges.some((r) => pos >= r.start && pos < r.end);

/**
 * Quantities: every number with a unit in the document's blocks (outside tables), with what it means. Each is
 * linked to its section and task, and each task lists its quantities.
 */
export const quantities: Stage = (doc, ctx): Doc => {
  const c = compiled(ctx.rules);
  const frame = frameOf(doc, c);
  const tables = doc.tables.map((t) => t.span);
  const drafts: Draft[] = [];
  const blocks = [...doc.blocks].sort((a, b) => a.start - b.start);
  scanBlocks(doc.view, blocks, c).forEach((mentions, i) => {
    const block = blocks[i]!;
    const found = mentions.filter((m) => !inside(tables, m.start) && exclusion(doc.view, m, block, c) === null);
    if (found.length) drafts.push(...describe(doc, block, found, frame, c));
  });
  drafts.sort((a, b) => a.core.span.start - b.core.span.start);
  const items: Quantity[] = drafts;
  items.forEach((q, i) => (q.id = `q${i + 1}`));
  const byTask = new Map<string, string[]>();
  for (const q of items) {
    if (!q.task) continue;
    const list = byTask.get(q.task);
    if (list) list.push(q.id);
    else byTask.set(q.task, [q.id]);
  }
  const tasks = doc.tasks.map((t) => (byTask.has(t.id) ? { ...t, quantities: byTask.get(t.id)! } : t));
  return { ...doc, quantities: items, tasks };
};
