import { describe, expect, it } from 'vitest';
import { dumpYaml, parseYaml, YamlError } from '../src/util/yaml.js';

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
