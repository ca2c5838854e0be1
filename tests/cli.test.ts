import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseYaml as load } from '../src/util/yaml.js';
import { describe, expect, it } from 'vitest';
import { cli, SEEDS } from './helpers.js';


const seed = join(SEEDS, '000_8e5208af9c013f38.txt');

describe('cnreport extract', () => {
  it('prints JSON by default and the same data as YAML with -f yaml', async () => {
    const json = await cli('extract', seed);
    const yaml = await cli('extract', seed, '-f', 'yaml');
    expect([json.code, yaml.code]).toEqual([0, 0]);
    const data = JSON.parse(json.stdout);
    expect(Object.keys(data)).toEqual(['schemaVersion', 'source', 'meta', 'sections', 'tasks', 'quantities', 'organizations', 'tables', 'glossary', 'removed', 'messages']);
    expect(load(yaml.stdout)).toEqual(data);
  });

  it('writes to -o atomically and prints nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnreport-'));
    const out = join(dir, 'nested', 'out.json');
    const r = await cli('extract', seed, '-o', out);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(1);
  });

  it('gives a JSON array for several files', async () => {
    const r = await cli('extract', seed, join(SEEDS, '002_2ac18dfb8867e55f.txt'));
    expect(JSON.parse(r.stdout).map((d: { source: { path: string } }) => d.source.path)).toEqual([seed, join(SEEDS, '002_2ac18dfb8867e55f.txt')]);
  });

  it('explains which rule produced each item', async () => {
    const r = await cli('extract', seed, '--explain');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+:\d+\tsection\theading\.cn-dun\t一、总体思路 \[plan: role\.sequence\]$/m);
  });

  it('--explain ends each quantity line with the rules behind its kind and year', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnreport-explain-'));
    const file = join(dir, 'report.txt');
    writeFileSync(file, '2024年政府工作报告\n一、2023年工作回顾\n全市新增城镇就业1.2万人。\n');
    const r = await cli('extract', file, '--explain');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\tquantity\tunit\.people\t1\.2万人 → .* \(actual, level, 2023\) \[kind: kind\.review-section; year: section\.review\]$/m);
  });

  it('keeps --explain to one item a line when a figure is broken over two lines of printed text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnreport-explain-'));
    const file = join(dir, 'printed.txt');
    const line = '全市地区生产总值增长6%左右，一般公共预算收入增长5%，规模以上工业增加值增长7%，固定资产投资完成1200亿元。';
    // Printed at 20 characters a line, so the first 增长7% is broken over two lines (7 | %).
    const printed = Array.from({ length: 4 }, () => line).join('').match(/.{1,20}/g)!.join('\n');
    expect(printed).toContain('7\n%');
    writeFileSync(file, printed);
    const r = await cli('extract', file, '--explain');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(1).every((l) => l.split('\t').length === 4)).toBe(true);
    const cores = lines.filter((l) => l.includes('\tquantity\t')).map((l) => l.split('\t')[3]!.split(' → ')[0]);
    expect(cores.filter((c) => c === '7%')).toHaveLength(4);
  });
});

describe('exit codes', () => {
  it('0: success', async () => {
    expect((await cli('schema')).code).toBe(0);
  });

  it('1: a file failed; the other files are still processed', async () => {
    const r = await cli('extract', '/nonexistent/report.txt', seed);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('cnreport: /nonexistent/report.txt: no such file\n');
    expect(JSON.parse(r.stdout).source.path).toBe(seed);
  });

  it('2: usage errors (unknown option, missing argument, unknown format)', async () => {
    expect((await cli('extract', seed, '--bogus')).code).toBe(2);
    expect((await cli('extract')).code).toBe(2);
    const r = await cli('extract', seed, '-f', 'xml');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown format "xml"/);
  });

  it('2: a broken rule file, named with its line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnreport-rules-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'headings.yaml'), 'markers:\n  - id: my.marker\n    pattern: "^(第"\n    style: x\n');
    const r = await cli('extract', seed, '--rules', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^cnreport: ${join(dir, 'headings.yaml')}:3:14: invalid regular expression`));
    expect(r.stdout).toBe('');
  });
});

describe('cnreport schema and rules check', () => {
  it('prints the JSON Schema of the output', async () => {
    const r = await cli('schema');
    expect(JSON.parse(r.stdout).properties.quantities.type).toBe('array');
  });

  it('checks the built-in rules', async () => {
    const r = await cli('rules', 'check');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^rules ok \(built-in\): /);
  });

  it('lets --rules add a heading style', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnreport-rules-'));
    writeFileSync(join(dir, 'headings.yaml'), 'markers:\n  - id: my.roman\n    pattern: "^[IVX]+\\\\.\\\\s*"\n    style: roman\n');
    const file = join(dir, 'r.txt');
    writeFileSync(file, 'I. 总体要求\n正文。\nII. 保障措施\n');
    const r = await cli('extract', file, '--rules', dir);
    expect(JSON.parse(r.stdout).sections.map((s: { heading: string; rule: string }) => [s.heading, s.rule])).toEqual([
      ['I. 总体要求', 'my.roman'],
      ['II. 保障措施', 'my.roman'],
    ]);
  });
});
