import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
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
    expect(r.stdout).toMatch(/^\d+:\d+\tsection\theading\.cn-dun\t一、总体思路$/m);
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
