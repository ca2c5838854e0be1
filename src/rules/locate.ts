import { LineCounter, parseDocument } from 'yaml';

/** Line and column (from 1) of the YAML node at `path`, or of its nearest existing ancestor. */
export function locate(text: string, path: (string | number)[]): { line: number; column: number } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, keepSourceTokens: false });
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && node.range) {
      const pos = counter.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
    // A missing key: point at its parent mapping instead.
  }
  return { line: 1, column: 1 };
}
