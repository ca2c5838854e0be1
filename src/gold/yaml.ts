import { parseYaml, YamlError } from '../util/yaml.js';

/** A field name of the gold format: an ASCII identifier (`core`, `docType`, `occurrence`). */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Gold files are hand-written flow mappings, and some hold an unquoted value with an ASCII comma:
 * `{text: 优化格局,高标准打造中枢门户区, depth: 1}`. YAML reads the comma as a separator, giving `text: 优化格局`
 * plus a key `高标准打造中枢门户区` with a null value. The annotator meant one string, so such a key (null-valued,
 * not a field name, right after a string value) is joined back onto that value with ','. Numeric-looking pieces
 * come back as numbers (`2023`) and are joined as written by String(), which loses only leading zeros.
 */
function rejoin(map: Map<unknown, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let last: string | null = null;
  for (const [key, value] of map) {
    const name = String(key);
    if (value === null && last !== null && typeof out[last] === 'string' && !FIELD_NAME.test(name)) {
      out[last] = `${out[last] as string},${name}`;
      continue;
    }
    out[name] = plain(value);
    last = name;
  }
  return out;
}

function plain(value: unknown): unknown {
  if (value instanceof Map) return rejoin(value);
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

/** A YAML syntax error, with the 1-based line it was found on. */
export class YamlSyntaxError extends Error {
  constructor(readonly line: number, reason: string) {
    super(reason);
    this.name = 'YamlSyntaxError';
  }
}

/** Parse one gold YAML document into plain objects, with the comma quirk above repaired. */
export function loadGoldYaml(text: string, filename: string): unknown {
  try {
    // Mappings load as `Map`s so that key order survives even for keys that look like numbers (`2023`).
    return plain(parseYaml(text, { maps: true }));
  } catch (error) {
    if (!(error instanceof YamlError)) throw error;
    throw new YamlSyntaxError(error.line, `YAML syntax error: ${error.reason}`);
  }
}
