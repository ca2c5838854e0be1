import { createRequire } from 'node:module';
import type { Node } from 'yaml';

// The YAML parser that keeps positions is needed only to point at an error, so it is loaded only then.
const loadYaml = () => createRequire(import.meta.url)('yaml') as typeof import('yaml');

/**
 * Line and column (from 1) of the YAML node at `path`, or of its nearest existing ancestor. With `key`, of the
 * key at the end of `path` rather than its value (an unknown or misspelt key is best shown by its name).
 */
export function locate(text: string, path: (string | number)[], key = false): { line: number; column: number } {
  const { isMap, isScalar, LineCounter, parseDocument } = loadYaml();
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, keepSourceTokens: false });
  const at = (offset: number) => {
    const pos = counter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (key && path.length > 0) {
    const parent = doc.getIn(path.slice(0, -1), true) as Node | undefined;
    const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === path.at(-1)) : undefined;
    if (pair && isScalar(pair.key) && pair.key.range) return at(pair.key.range[0]);
  }
  for (let n = path.length; n >= 0; n--) {
    // A missing key: point at its parent mapping instead.
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && node.range) return at(node.range[0]);
  }
  return { line: 1, column: 1 };
}
