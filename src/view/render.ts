import { NESTING, type Mark, type Region } from './marks.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The report is untrusted: every character that means something to HTML becomes an entity. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

interface Open {
  end: number;
  tag: string;
}

function openTag(mark: Mark, index: number): string {
  const kind = mark.kind ? ` k-${mark.kind}` : '';
  return `<span class="m ${mark.type}${kind}" data-i="${index}">`;
}

/**
 * One region's text with its marks as nested spans. The text is cut at every mark boundary; where two marks
 * overlap without nesting, the inner one is closed and reopened around the boundary, so a mark may become
 * several elements that share its `data-i`.
 */
function renderRange(text: string, start: number, end: number, marks: { mark: Mark; index: number }[]): string {
  const clipped = marks
    .map(({ mark, index }) => ({ start: Math.min(Math.max(mark.start, start), end), end: Math.min(mark.end, end), tag: openTag(mark, index), rank: NESTING.indexOf(mark.type) }))
    .sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  const cuts = [...new Set([start, end, ...clipped.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const stack: Open[] = [];
  let html = '';
  let next = 0;
  for (let c = 0; c < cuts.length; c++) {
    const at = cuts[c]!;
    const first = stack.findIndex((o) => o.end <= at);
    if (first >= 0) {
      const closed = stack.splice(first);
      html += '</span>'.repeat(closed.length);
      for (const o of closed.filter((x) => x.end > at)) {
        html += o.tag;
        stack.push(o);
      }
    }
    for (; next < clipped.length && clipped[next]!.start === at; next++) {
      const m = clipped[next]!;
      if (m.end === at) html += `${m.tag}</span>`;
      else {
        html += m.tag;
        stack.push({ end: m.end, tag: m.tag });
      }
    }
    if (c + 1 < cuts.length) html += escapeHtml(text.slice(at, cuts[c + 1]));
  }
  return html + '</span>'.repeat(stack.length);
}

/** The whole text: one inline `<span class="region">` per region (for the section filter), marks inside. */
export function renderText(text: string, regions: readonly Region[], marks: readonly Mark[]): string {
  // A mark ending before it starts breaks the contract; it is left out rather than drawn backwards.
  const indexed = marks.map((mark, index) => ({ mark, index })).filter(({ mark }) => mark.end >= mark.start);
  return regions
    .map((r, k) => {
      const last = k === regions.length - 1;
      const empty = ({ start }: Mark) => start >= r.start && (start < r.end || last);
      const inside = indexed.filter(({ mark }) => (mark.start === mark.end ? empty(mark) : mark.start < r.end && mark.end > r.start));
      return `<span class="region" data-chain="${escapeHtml(r.chain.join(' '))}">${renderRange(text, r.start, r.end, inside)}</span>`;
    })
    .join('');
}
