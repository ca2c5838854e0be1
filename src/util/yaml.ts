import { createRequire } from 'node:module';
import type { Node } from 'yaml';

/**
 * The one YAML library of the project (`yaml`), behind this module. It is loaded on first use only: a cold
 * `extract` that revives the built-in rules from the build-time cache and prints JSON never needs it. It reads
 * YAML; yaml-write.ts writes the library's text by hand, and tests/yaml.test.ts holds the two to the same bytes.
 */
const lib = () => createRequire(import.meta.url)('yaml') as typeof import('yaml');

/** A YAML text that does not parse, with the 1-based line and column of the first error. */
export class YamlError extends Error {
  constructor(readonly line: number, readonly column: number, readonly reason: string) {
    super(reason);
    this.name = 'YamlError';
  }
}

export interface ParseOptions {
  /** Mappings come back as `Map`s, so that key order survives even for keys that look like numbers (`2023`). */
  maps?: boolean;
}

/** Parse one YAML document (YAML 1.2, core schema) into plain data; throws YamlError. */
export function parseYaml(text: string, options: ParseOptions = {}): unknown {
  const { LineCounter, parseDocument } = lib();
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, logLevel: 'error' });
  const error = doc.errors[0];
  if (error) {
    const at = counter.linePos(error.pos[0]);
    throw new YamlError(at.line, at.col, error.message.split('\n')[0]!);
  }
  return doc.toJS({ mapAsMap: options.maps ?? false });
}

/**
 * Line and column (from 1) of the node at `path` in a YAML text, or of its nearest existing ancestor. With `key`,
 * of the key at the end of `path` rather than its value (an unknown or misspelt key is best shown by its name).
 */
export function locateYaml(text: string, path: (string | number)[], key = false): { line: number; column: number } {
  const { isMap, isScalar, LineCounter, parseDocument } = lib();
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
