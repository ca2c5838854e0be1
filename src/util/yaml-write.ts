/**
 * YAML text written by hand, for the YAML output format (`-f yaml`) and `track`: the text the YAML library
 * (src/util/yaml.ts reads YAML with it) writes for plain data, byte for byte, at a small fraction of its cost.
 * tests/yaml.test.ts holds the two to the same bytes over the reports and generated data.
 */

/** What `dumpYaml` writes: plain data as JSON has it (an `undefined` member of an object is left out, as by JSON). */
export type PlainData = null | undefined | boolean | number | string | readonly PlainData[] | PlainObject;
export type PlainObject = { readonly [key: string]: PlainData };

/**
 * Strings a YAML 1.2 or a YAML 1.1 reader (PyYAML, older js-yaml) resolves to something else: null, booleans,
 * integers, floats, 1.1 sexagesimals and timestamps, the 1.1 merge key. These are the `test`s of the library's
 * default non-string tags of both schemas, verbatim (tests/yaml.test.ts holds them to the library's).
 */
export const IMPLICIT_SCALARS: readonly RegExp[] = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  /^[-+]?0b[0-1_]+$/,
  /^[-+]?0[0-7_]+$/,
  /^[-+]?[0-9][0-9_]*$/,
  /^[-+]?0x[0-9a-fA-F_]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
  /^<<$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\.[0-9]+)?)(?:[ \t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];
// One regex for all: every alternative is anchored, so a string is tried at its start only.
const IMPLICIT = new RegExp(IMPLICIT_SCALARS.map((re) => re.source).join('|'));

// The rules below are those of the library's stringifier (yaml 2.x, stringifyString.js) for what dumpYaml gives it:
// block collections, 2-space indent, no line width (so nothing is folded), no comments, no anchors.
/** Control characters and lone surrogates: only a double-quoted scalar can hold them (as escapes). */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
/** What a plain scalar cannot be: an indicator first, `: ` or ` #` inside, a space or `:` last (and more). */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/** A line a YAML 1.1 reader would take for a directive or a document marker. */
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;
/** A double-quoted string of at least this many characters (as JSON) shows its line breaks as lines. */
const MULTI_LINE_QUOTED = 40;
/** A key longer than this (as written) is written as an explicit `? key` (YAML caps implicit keys at 1024). */
const IMPLICIT_KEY_MAX = 1024;
/** `\n+` not at the end of the text, after a non-newline: the line breaks at the end of a block scalar to indent. */
const BLOCK_END_NEWLINES = /(^|(?<!\n))\n+(?!\n|$)/g;

/**
 * YAML's short escapes for JSON's `\\uXXXX`. JSON.stringify writes that form only for the control characters below
 * U+0020 (those without a short form of their own) and lone surrogates: other controls become `\\xXX`.
 */
const escapes: Readonly<Record<string, string>> = { '0000': '\\0', '0007': '\\a', '000b': '\\v', '001b': '\\e' };

/** `"…"`: JSON's escapes made YAML's, and (but in a key or a short string) line breaks shown as lines. */
function doubleQuoted(value: string, indent: string, key: boolean): string {
  const json = JSON.stringify(value);
  let str = '';
  let start = 0;
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      // A space before a line break is escaped, or a reader would fold it away.
      str += `${json.slice(start, i)}\\ `;
      i += 1;
      start = i;
      ch = '\\';
    }
    if (ch !== '\\') continue;
    const next = json[i + 1];
    if (next === 'u') {
      str += json.slice(start, i);
      const code = json.slice(i + 2, i + 6);
      str += escapes[code] ?? (code.startsWith('00') ? `\\x${code.slice(2)}` : json.slice(i, i + 6));
      i += 5;
      start = i + 1;
    } else if (next === 'n' && !key && json[i + 2] !== '"' && json.length >= MULTI_LINE_QUOTED) {
      // The first line break is written as an empty line (a reader folds one away), then one per further break.
      str += `${json.slice(start, i)}\n\n`;
      while (json[i + 2] === '\\' && json[i + 3] === 'n' && json[i + 4] !== '"') {
        str += '\n';
        i += 2;
      }
      str += indent;
      // A space after a line break is escaped, or a reader would take it for indentation.
      if (json[i + 2] === ' ') str += '\\';
      i += 1;
      start = i + 1;
    } else {
      i += 1;
    }
  }
  return start ? str + json.slice(start) : json;
}

/** Quoted: single quotes for a string holding `"` and no `'`, else double. */
function quoted(value: string, indent: string, key: boolean): string {
  const single = value.includes('"') && !value.includes("'");
  // A single-quoted string cannot hold a line break in a key, nor blanks around a line break.
  if (!single || (key && value.includes('\n')) || /[ \t]\n|\n[ \t]/.test(value)) return doubleQuoted(value, indent, key);
  return `'${value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`)}'`;
}

/** A multi-line string as a literal block (`|`), with its chomping and, for a leading space, indentation indicator. */
function literalBlock(text: string, indent: string): string {
  // Trailing blanks after the last line break could not be kept by a block.
  if (/\n[\t ]+$/.test(text)) return quoted(text, indent, false);
  let value = text;
  let endStart = value.length;
  while (endStart > 0 && (value[endStart - 1] === '\n' || value[endStart - 1] === '\t' || value[endStart - 1] === ' ')) endStart--;
  let end = value.substring(endStart);
  const endNewline = end.indexOf('\n');
  // No final line break: strip (-); one: clip (the default); more, or nothing else: keep (+).
  const chomp = endNewline === -1 ? '-' : value === end || endNewline !== end.length - 1 ? '+' : '';
  if (end) {
    value = value.slice(0, -end.length);
    if (end.endsWith('\n')) end = end.slice(0, -1);
    end = end.replace(BLOCK_END_NEWLINES, `$&${indent}`);
  }
  let startsWithSpace = false;
  let startEnd = 0;
  let startNewline = -1;
  for (; startEnd < value.length; ++startEnd) {
    const ch = value[startEnd];
    if (ch === ' ') startsWithSpace = true;
    else if (ch === '\n') startNewline = startEnd;
    else break;
  }
  let start = value.substring(0, startNewline < startEnd ? startNewline + 1 : startEnd);
  if (start) {
    value = value.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  // A first line starting with a space needs the indentation given (2: the block is never at the top level).
  return `|${startsWithSpace ? '2' : ''}${chomp}\n${indent}${start}${value.replace(/\n+/g, `$&${indent}`)}${end}`;
}

/** A string value whose further lines are indented by `indent`. */
function yamlString(value: string, indent: string): string {
  if (IMPLICIT.test(value) || CONTROL.test(value)) return doubleQuoted(value, indent, false);
  if (value.includes('\n')) return literalBlock(value, indent);
  return NOT_PLAIN.test(value) ? quoted(value, indent, false) : value;
}

/** A key (never written on more than one line, so with no indentation to give). */
function yamlKey(key: string, topLevel: boolean): string {
  if (IMPLICIT.test(key) || CONTROL.test(key)) return doubleQuoted(key, '', true);
  if (key.includes('\n') || NOT_PLAIN.test(key)) return quoted(key, '', true);
  // A top-level key that a YAML 1.1 reader could take for a directive or `---`.
  return topLevel && DOCUMENT_MARKER.test(key) ? quoted(key, '', true) : key;
}

/** A number as the library writes it: `.nan`, `.inf`, `-.inf`, `-0`, else as JSON (as `String`). */
function yamlNumber(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value < 0 ? '-.inf' : '.inf';
  return Object.is(value, -0) ? '-0' : String(value);
}

/** The text is handed out in pieces of about this many characters: no piece lands in V8's large-object space. */
const PIECE = 16 * 1024;

/**
 * Data as YAML text, for tools and people: `key: value` lines, `- item` lines, two spaces of indentation, every
 * line written whole. `indent` is the indentation of a node's lines after its first.
 */
class YamlWriter {
  readonly pieces: string[] = [];
  private text = '';
  /** Each key as written, worked out once: a report writes some 5 000 keys, but only a few dozen different ones. */
  private readonly keys = new Map<string, string>();

  /** The text so far, in pieces, ended by a line break. */
  end(): string[] {
    this.pieces.push(`${this.text}\n`);
    return this.pieces;
  }

  /** A value after `key:` or `- ` (`head`, not yet written), nested `indent` deep. */
  node(head: string, value: PlainData, indent: string, afterKey: boolean): void {
    // A scalar is written with its head in one go.
    if (value === null || value === undefined) this.text += `${head} null`;
    else if (typeof value === 'string') this.text += `${head} ${yamlString(value, indent)}`;
    else if (typeof value === 'number') this.text += `${head} ${yamlNumber(value)}`;
    else if (typeof value === 'boolean') this.text += value ? `${head} true` : `${head} false`;
    // After `key:` a collection starts on the next line, indented; after `- ` (or `? key\n:`) on the same line.
    else if (!Array.isArray(value)) {
      if (!this.map(value as PlainObject, indent, afterKey ? `${head}\n${indent}` : `${head} `)) this.text += `${head} {}`;
    } else if (value.length === 0) this.text += `${head} []`;
    else {
      this.text += afterKey ? `${head}\n${indent}` : `${head} `;
      this.seq(value as readonly PlainData[], indent);
    }
  }

  /** The members of `value` but those `undefined`, the first after `lead`; false if there was none to write. */
  map(value: PlainObject, indent: string, lead: string): boolean {
    const inner = `${indent}  `;
    const next = `\n${indent}`;
    let written = false;
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (item === undefined) continue;
      this.cut();
      const name = this.key(key, indent === '');
      const start = written ? next : lead;
      written = true;
      if (name.length > IMPLICIT_KEY_MAX) this.node(`${start}? ${name}${next}:`, item, inner, false);
      else this.node(`${start}${name}:`, item, inner, true);
    }
    return written;
  }

  seq(value: readonly PlainData[], indent: string): void {
    const inner = `${indent}  `;
    const next = `\n${indent}-`;
    for (let i = 0; i < value.length; i++) {
      this.cut();
      this.node(i === 0 ? '-' : next, value[i], inner, false);
    }
  }

  /** A key as written; a top-level one is not kept, as it alone may need quotes for looking like `---` or `%`. */
  private key(key: string, topLevel: boolean): string {
    if (topLevel) return yamlKey(key, true);
    let name = this.keys.get(key);
    if (name === undefined) this.keys.set(key, (name = yamlKey(key, false)));
    return name;
  }

  /** Starts a new piece once this one is long enough (between items, so no piece ends inside a scalar). */
  private cut(): void {
    if (this.text.length < PIECE) return;
    this.pieces.push(this.text);
    this.text = '';
  }
}

/**
 * Data as YAML, the same way every time: keys in insertion order, block style, no line folding, no anchors for
 * repeated objects, strings quoted (double quotes) only where a reader could take them for something else. A
 * string is quoted when a YAML 1.2 reader or a YAML 1.1 one (PyYAML, older js-yaml) would read it as a
 * non-string: `"2023"`, `"1."`, `"2022-07-05"` (a 1.1 timestamp), `"no"` (a 1.1 boolean).
 *
 * Written by hand rather than through the library's Document (a node tree, a visit, then a string per node): that
 * cost ~80 times JSON's. The text is the library's to the byte; tests/yaml.test.ts compares the two.
 */
export function dumpYaml(value: PlainObject): string {
  return dumpYamlParts(value).join('');
}

/** `dumpYaml(value)` in pieces of about 16 K characters, for writing to a file piece by piece (see emit/json.ts). */
export function dumpYamlParts(value: PlainObject): string[] {
  const writer = new YamlWriter();
  return writer.map(value, '', '') ? writer.end() : ['{}\n'];
}
