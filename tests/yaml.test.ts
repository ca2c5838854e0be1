import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Document, isScalar, visit } from 'yaml';
import { extract } from '../src/api.js';
import { dumpYaml, IMPLICIT_SCALARS, type PlainObject } from '../src/util/yaml-write.js';
import { parseYaml, YamlError } from '../src/util/yaml.js';
import { random, rules, SEEDS, SHARED } from './helpers.js';

describe('the YAML wrapper', () => {
  it('quotes a string wherever a YAML 1.2 or 1.1 reader would take it for something else, and nothing more', () => {
    const data = { date: '2024-03-05', year: '2024', marker: '1.', answer: 'no', op: '>=', unit: '%', title: '一、总体要求', empty: '' };
    expect(dumpYaml(data)).toBe([
      'date: "2024-03-05"', 'year: "2024"', 'marker: "1."', 'answer: "no"', 'op: ">="', 'unit: "%"', 'title: 一、总体要求', 'empty: ""', '',
    ].join('\n'));
  });

  it('writes long lines whole, repeated objects in full, multi-line strings as blocks, and reads back what it wrote', () => {
    const span = { start: 0, end: 12 };
    const data = { a: { span }, b: { span }, long: '全面推进乡村振兴，'.repeat(20), text: '第一行\n第二行', n: [1.5, null, true] };
    const text = dumpYaml(data);
    expect(text).not.toMatch(/[&*]\w/);
    expect(text).toContain(`long: ${data.long}\n`);
    expect(text).toContain('text: |-\n  第一行\n  第二行\n');
    expect(parseYaml(text)).toEqual(data);
  });

  it('reads mappings as Maps on request, keeping key order, and reports the line and column of a syntax error', () => {
    expect([...(parseYaml('2024: a\n2023: b\n', { maps: true }) as Map<unknown, unknown>).keys()]).toEqual([2024, 2023]);
    try {
      parseYaml('a: 1\nb: [unclosed\n');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(YamlError);
      expect((error as YamlError).line).toBe(3);
    }
  });
});

/** The reference: dumpYaml as the YAML library writes it (how the project wrote YAML before the hand-written emitter). */
function libraryDump(value: unknown): string {
  const doc = new Document(value, { version: '1.2', aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && libraryImplicit.some((re) => re.test(node.value as string))) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0, minContentWidth: 0 });
}

/** The library's tests for strings that a YAML 1.1 or 1.2 reader resolves to a non-string. */
const libraryImplicit = (['1.1', '1.2'] as const).flatMap((version) => new Document(null, { version }).schema.tags)
  .flatMap((tag) => (tag.default && tag.test && tag.tag !== 'tag:yaml.org,2002:str' ? [tag.test] : []));

/** Pieces that each trip one rule of YAML scalars: indicators, blanks and line breaks, escapes. Drawn most often. */
const SYNTAX = [' ', '  ', '\t', '\n', '\n\n', '\r', '\r\n', ': ', ':', '#', ' #', '"', "'", '\\', '-', '- ', '?', '? ', '---', '...', '%'];

/** Pieces that read as something other than a string, other indicators, CJK text, controls and odd code points. */
const PIECES = [
  ...SYNTAX, '', '\\n', '@', '`', '|', '>', '!', '&', '*', '{', '}', '[', ']', ',', '~', '=', '+', '.', '_', 'e', 'E', 'x', 'o', 'b',
  'null', 'Null', 'NULL', 'true', 'False', 'no', 'Yes', 'y', 'N', 'on', 'OFF', '<<', '.inf', '-.Inf', '.NaN', '.nan',
  '0', '1', '12', '2024', '0x1F', '0o17', '0b101', '017', '1_000', '1.', '.5', '1e3', 'e5', '1.5e-3', '+1', '-2.5', '-.',
  '2022-07-05', '2022-7-5 12:30:45.5 +8', '2022-07-05T01:02:03Z', '1:20', '190:20:30.15',
  'abc', 'a b', '全面推进', '一、', '（一）', '≥', '％', '，', '\u0085', '\u00a0', '\u2028', '\u2029', '\u0000', '\u0001', '\u0007', '\u000b', '\u001f',
  '\u001b', '\u007f', '\u009f', '\ud800', '\udfff', '😀', '𠀀', '\ufeff', '全面推进乡村振兴，'.repeat(12),
];

function awkwardString(next: () => number): string {
  const n = Math.floor(next() * 7);
  let s = '';
  for (let i = 0; i < n; i++) {
    const pick = next();
    // Runs of letters of any length reach the length limits (a double-quoted string breaks lines from 40 characters).
    if (pick < 0.15) s += 'a'.repeat(Math.floor(next() * 48));
    else s += pick < 0.6 ? SYNTAX[Math.floor(next() * SYNTAX.length)]! : PIECES[Math.floor(next() * PIECES.length)]!;
  }
  return s;
}

const NUMBERS = [0, -0, 1, -1, 2024, 0.1, 1.5, -2.25, 1e21, 1e-7, 123456789012, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, NaN, Infinity, -Infinity];

function awkwardValue(next: () => number, depth: number): unknown {
  const pick = next();
  if (depth > 0 && pick < 0.2) return Array.from({ length: Math.floor(next() * 4) }, () => awkwardValue(next, depth - 1));
  if (depth > 0 && pick < 0.4) return awkwardObject(next, depth - 1);
  if (pick < 0.75) return awkwardString(next);
  if (pick < 0.85) return NUMBERS[Math.floor(next() * NUMBERS.length)];
  if (pick < 0.9) return next() < 0.5;
  return next() < 0.5 ? null : undefined;
}

function awkwardObject(next: () => number, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const n = Math.floor(next() * 5);
  for (let i = 0; i < n; i++) {
    // Now and then a key too long to be implicit (over 1024 characters as written).
    const key = next() < 0.03 ? `${awkwardString(next)}${'键'.repeat(1020)}${awkwardString(next)}` : awkwardString(next);
    out[key] = awkwardValue(next, depth);
  }
  return out;
}

describe('dumpYaml against the YAML library', () => {
  it('tests for implicit scalars exactly as the library does', () => {
    expect(new Set(IMPLICIT_SCALARS.map(String))).toEqual(new Set(libraryImplicit.map(String)));
  });

  it('writes every seed and corpus report byte for byte as the library', () => {
    const texts = [SEEDS, join(SHARED, 'corpus')].filter(existsSync)
      .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => join(dir, f)));
    expect(texts.length).toBeGreaterThan(4);
    for (const path of texts) {
      const result = extract({ path }, { rules, path });
      expect(dumpYaml(result), path).toBe(libraryDump(result));
    }
  });

  it('writes every awkward string, as a value, a list item and a key, as the library', () => {
    const next = random(1);
    const strings = [...PIECES, ...Array.from({ length: 3000 }, () => awkwardString(next))];
    for (const s of strings) {
      const data = { [s]: s, list: [s, [s], { [s]: [s] }], nested: { [s]: { [s]: s } } };
      expect(dumpYaml(data), JSON.stringify(s)).toBe(libraryDump(data));
    }
  });

  it('writes generated data (nesting, empty and undefined members, numbers, long keys) as the library', () => {
    for (let seed = 1; seed <= 1500; seed++) {
      const data = awkwardObject(random(seed), 4) as PlainObject;
      expect(dumpYaml(data), `seed ${seed}`).toBe(libraryDump(data));
    }
  });
});
