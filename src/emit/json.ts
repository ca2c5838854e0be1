import type { Result } from '../schema.js';

export const json = (result: Result): string => `${JSON.stringify(result, null, 2)}\n`;

/** Items of one top-level list serialised together: a few KB of JSON each. */
const GROUP = 8;

/**
 * `json(result)` in pieces of a few KB whose concatenation is exactly that text, for writing a file piece by piece.
 * A whole report's JSON is often over 64 K characters, and V8 puts a string that large in its large-object space:
 * on a virtual machine allocating and flattening one costs ~1 ms per 100 K characters in page faults (and the mmap
 * lock serialises batch workers on it), against ~0.02 ms for the same text in small pieces. Each piece is a
 * top-level field, or a group of items of a top-level list, cut out of `JSON.stringify` of that field alone so the
 * indentation is the one `json` gives.
 */
export function jsonParts(result: Result): string[] {
  const fields = Object.entries(result).filter(([, value]) => value !== undefined);
  const parts = ['{'];
  // The commas between pieces are pieces of their own: a piece cut out and joined to one (`${text}${comma}`) would be
  // copied once more, as a whole, when it is written.
  fields.forEach(([key, value], i) => {
    const comma = i < fields.length - 1 ? ',' : '';
    if (!Array.isArray(value) || value.length <= GROUP) {
      // {\n  "key": value\n} → \n  "key": value
      const text = JSON.stringify({ [key]: value }, null, 2);
      parts.push(text.slice(1, -2));
      if (comma) parts.push(comma);
      return;
    }
    parts.push(`\n  ${JSON.stringify(key)}: [\n`);
    const head = `{\n  ${JSON.stringify(key)}: [\n`.length;
    for (let at = 0; at < value.length; at += GROUP) {
      // {\n  "key": [\n    item,\n    item\n  ]\n} → the items, indented as in the whole
      const text = JSON.stringify({ [key]: value.slice(at, at + GROUP) }, null, 2);
      parts.push(text.slice(head, -'\n  ]\n}'.length));
      if (at + GROUP < value.length) parts.push(',\n');
    }
    parts.push(`\n  ]${comma}`);
  });
  parts.push('\n}\n');
  return parts;
}
