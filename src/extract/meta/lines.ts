import type { Doc } from '../../document.js';

const SPACE = /\s/;

/** Whether the character at `i` is whitespace as `\s` reads it; the ASCII cases are decided without a regex. */
function isSpace(view: string, i: number): boolean {
  const c = view.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(view[i]!);
}

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
