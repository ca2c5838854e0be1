import type { Doc, RemovedRange, Stage } from '../document.js';
import { trimRange } from '../span.js';

interface Line {
  start: number;
  end: number;
  /** The trimmed content of the line, from the view. */
  body: string;
}

export function viewLines(doc: Pick<Doc, 'view' | 'lineStarts'>): Line[] {
  const lines: Line[] = [];
  const starts = doc.lineStarts;
  for (let i = 0; i < starts.length; i++) {
    let end = i + 1 < starts.length ? starts[i + 1]! : doc.view.length;
    while (end > starts[i]! && (doc.view[end - 1] === '\n' || doc.view[end - 1] === '\r')) end--;
    const r = trimRange(doc.view, starts[i]!, end);
    lines.push({ start: r.start, end: r.end, body: doc.view.slice(r.start, r.end) });
  }
  return lines;
}

/** Merge overlapping removals, keeping the rule of the one that starts first. */
function coalesce(ranges: RemovedRange[]): RemovedRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RemovedRange[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** Marks page furniture as removed spans; the text itself is never changed. */
export const clean: Stage = (doc, { rules }): Doc => {
  const lines = viewLines(doc).filter((l) => l.body.length > 0);
  const removed: RemovedRange[] = [];
  const n = lines.length;
  for (const rule of rules.boilerplate.blocks) {
    const limit = Math.ceil(n * rule.within);
    const candidates = rule.fromStart ? lines.slice(0, limit) : lines.slice(n - limit);
    const offset = rule.fromStart ? 0 : n - limit;
    const at = candidates.findIndex((l) => rule.pattern.test(l.body));
    if (at < 0) continue;
    const first = lines[offset + at]!;
    if (rule.fromStart) {
      removed.push({ start: lines[0]!.start, end: first.end, rule: rule.id });
      continue;
    }
    let last = lines[n - 1]!;
    if (rule.until) {
      const stop = lines.slice(offset + at + 1).find((l) => rule.until!.test(l.body));
      if (stop) last = stop;
    }
    removed.push({ start: first.start, end: last.end, rule: rule.id });
  }
  for (const line of lines) {
    const rule = rules.boilerplate.lines.find((r) => r.pattern.test(line.body));
    if (rule) removed.push({ start: line.start, end: line.end, rule: rule.id });
  }
  return { ...doc, removed: coalesce(removed) };
};
