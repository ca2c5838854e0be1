import type { Doc, RemovedRange, Stage } from '../document.js';
import type { Rules } from '../rules/schema.js';
import { trimRange } from '../span.js';

interface Line {
  start: number;
  end: number;
  /** The trimmed content of the line, from the view. */
  body: string;
}

/** Breaks inside one physical line, where segmentation also splits: literal `\r\n` escapes, runs of two or more spaces. */
export const INLINE_BREAK = /\\r\\n|\\n|\\r|[ \t]{2,}/g;

const HAS_BREAK = /\\[rn]|[ \t]{2}/;

/** The physical lines of the view, trimmed (empty lines included, so index k is line k + 1). */
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

/** What furniture rules look at: non-empty lines, cut at inline breaks so that flattened pages are read piece by piece. */
export function units(doc: Pick<Doc, 'view' | 'lineStarts'>): Line[] {
  const out: Line[] = [];
  const push = (start: number, end: number) => {
    const r = trimRange(doc.view, start, end);
    if (r.end > r.start) out.push({ ...r, body: doc.view.slice(r.start, r.end) });
  };
  for (const line of viewLines(doc)) {
    if (line.end === line.start) continue;
    if (!HAS_BREAK.test(line.body)) {
      out.push(line);
      continue;
    }
    let from = line.start;
    for (const m of line.body.matchAll(INLINE_BREAK)) {
      push(from, line.start + m.index);
      from = line.start + m.index + m[0].length;
    }
    push(from, line.end);
  }
  return out;
}

/** Head and tail zones are never narrower than this, so short pages keep their header and footer zones. */
const MIN_ZONE = 300;
/** A long unit with a sentence end is report prose, which a block must not sweep up. */
const PROSE = /[。！？!?]/;
const isProse = (u: Line) => u.body.length >= 40 && PROSE.test(u.body);

type Rule = Rules['boilerplate']['lines'][number] | Rules['boilerplate']['blocks'][number];

function inZone(u: Line, rule: Rule, length: number): boolean {
  if (rule.within >= 1) return true;
  const zone = Math.max(rule.within * length, MIN_ZONE);
  return (rule.at !== 'tail' && u.start <= zone) || (rule.at !== 'head' && u.end >= length - zone);
}

/** Index of the last unit that belongs to the match at `k`: values on the following units, or a breadcrumb trail. */
function follow(units: Line[], k: number, rule: Rule): number {
  let last = k;
  if (rule.next) for (let n = 0; n < rule.nextMax && last + 1 < units.length && rule.next.test(units[last + 1]!.body); n++) last++;
  if (rule.trail) {
    // The first item belongs to the trail only when the label line stops at its colon (当前位置： / 首页 / > / …).
    let afterSeparator = /[:>»›/]$/.test(units[last]!.body);
    for (let n = 0; n < 24 && last + 1 < units.length; n++) {
      const u = units[last + 1]!;
      const separator = rule.trail.test(u.body);
      if (!separator && !(afterSeparator && u.body.length <= 16 && !PROSE.test(u.body))) break;
      afterSeparator = separator;
      last++;
    }
  }
  return last;
}

function blockRanges(units: Line[], rules: Rules['boilerplate']['blocks'], length: number): RemovedRange[] {
  const out: RemovedRange[] = [];
  for (const rule of rules) {
    const at = units.findIndex((u) => inZone(u, rule, length) && rule.pattern.test(u.body));
    if (at < 0) continue;
    const first = rule.fromStart ? 0 : at;
    let last = rule.fromStart ? at : units.length - 1;
    if (rule.until) {
      const stop = units.slice(at + 1, at + 13).findIndex((u) => rule.until!.test(u.body));
      if (stop >= 0) last = at + 1 + stop;
      else if (rule.fromStart) last = at;
    }
    const followed = follow(units, last, rule);
    const swept = units.slice(first, last + 1).filter((u, k) => first + k !== at && isProse(u));
    if (!rule.prose && swept.length > 0) continue;
    out.push({ start: units[first]!.start, end: units[followed]!.end, rule: rule.id });
  }
  return out;
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
  const bp = rules.boilerplate;
  const all = units(doc);
  const length = doc.view.length;
  const removed = blockRanges(all, bp.blocks, length);
  for (let k = 0; k < all.length; k++) {
    const u = all[k]!;
    const rule = bp.lines.find((r) => inZone(u, r, length) && r.pattern.test(u.body));
    if (!rule) continue;
    const last = follow(all, k, rule);
    removed.push({ start: u.start, end: all[last]!.end, rule: rule.id });
    k = last;
  }
  for (const rule of bp.spans) for (const m of doc.view.matchAll(rule.pattern)) {
    if (m[0].length > 0) removed.push({ start: m.index, end: m.index + m[0].length, rule: rule.id });
  }
  return { ...doc, removed: coalesce(removed) };
};
