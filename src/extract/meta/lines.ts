import type { Doc } from '../../document.js';

/** The trimmed bodies of the view's physical lines (empty lines included), one at a time. */
export function* lineBodies(doc: Pick<Doc, 'lines'>): Generator<string> {
  for (const line of doc.lines) yield line.body;
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
