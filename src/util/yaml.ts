import { createRequire } from 'node:module';
import type { Node } from 'yaml';

/**
 * The one YAML library of the project (`yaml`), behind this module. It is loaded on first use only: a cold
 * `extract` that revives the built-in rules from the build-time cache and prints JSON never needs it.
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
 * Data as YAML, the same way every time: keys in insertion order, block style, no line folding, no anchors for
 * repeated objects, strings quoted (double quotes) only where a reader could take them for something else. A
 * string is quoted when a YAML 1.2 reader or a YAML 1.1 one (PyYAML, older js-yaml) would read it as a
 * non-string: `"2023"`, `"1."`, `"2022-07-05"` (a 1.1 timestamp), `"no"` (a 1.1 boolean).
 */
export function dumpYaml(value: unknown): string {
  const { Document, isScalar, visit } = lib();
  const doc = new Document(value, { version: '1.2', aliasDuplicateObjects: false });
  const implicit = ['1.1', '1.2'].flatMap((version) => new Document(null, { version: version as '1.1' | '1.2' }).schema.tags)
    .flatMap((tag) => (tag.default && tag.test && tag.tag !== 'tag:yaml.org,2002:str' ? [tag.test] : []));
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && implicit.some((re) => re.test(node.value as string))) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0, minContentWidth: 0 });
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
