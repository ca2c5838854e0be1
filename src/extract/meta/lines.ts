import type { Doc } from '../../document.js';
import { isSpaceCode } from '../../span.js';

const isSpace = (view: string, i: number): boolean => isSpaceCode(view.charCodeAt(i));

/**
 * The trimmed bodies of the view's physical lines, one at a time, as `viewLines` in the cleaner gives them (empty
 * lines included). Lazy, so a reader that stops after the opening lines does not pay for the whole document.
 */
export function* lineBodies(doc: Pick<Doc, 'view' | 'lineStarts'>): Generator<string> {
  const { view, lineStarts: starts } = doc;
  for (let i = 0; i < starts.length; i++) {
    let start = starts[i]!;
    let end = i + 1 < starts.length ? starts[i + 1]! : view.length;
    while (end > start && (view[end - 1] === '\n' || view[end - 1] === '\r')) end--;
    while (start < end && isSpace(view, start)) start++;
    while (end > start && isSpace(view, end - 1)) end--;
    yield view.slice(start, end);
  }
}

/** The first `n` line bodies yielded by `lines` that pass `keep` (all of them when `keep` is not given). */
export function take(lines: Iterable<string>, n: number, keep: (line: string) => boolean = () => true): string[] {
  const out: string[] = [];
  if (n <= 0) return out;
  for (const line of lines) {
    if (!keep(line)) continue;
    out.push(line);
    if (out.length >= n) break;
  }
  return out;
}
