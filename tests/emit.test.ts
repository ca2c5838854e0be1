import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import { emitParts, FORMATS } from '../src/emit/index.js';
import { json, jsonParts } from '../src/emit/json.js';
import { yamlFormat } from '../src/emit/yaml.js';
import type { Result } from '../src/schema.js';
import { writeFileAtomic } from '../src/util/write.js';
import { rules, SEEDS } from './helpers.js';
import { fixtureResult } from './result-fixture.js';

const seedResults = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => extract({ path: join(SEEDS, f) }, { rules, path: f }));

describe('json in pieces', () => {
  it('joins to exactly the json text for every seed', () => {
    for (const r of seedResults) {
      const parts = jsonParts(r);
      expect(parts.join('')).toBe(json(r));
      // A seed's result has lists longer than one group: they are cut into several pieces.
      expect(parts.length).toBeGreaterThan(Object.keys(r).length + 2);
    }
  });

  it('joins to the json text whatever the list lengths (empty, one group, one more than a group)', () => {
    const base = fixtureResult();
    const quantity = base.quantities[0]!;
    for (const n of [0, 1, 7, 8, 9, 16, 17, 40]) {
      const r: Result = { ...base, quantities: Array.from({ length: n }, (_, i) => ({ ...quantity, id: `q${i + 1}`, text: `第${i}项「引号」\\ "quoted"` })) };
      expect(jsonParts(r).join(''), `${n} quantities`).toBe(json(r));
      expect(JSON.parse(jsonParts(r).join('')).quantities).toHaveLength(n);
    }
  });

  it('keeps every piece small', () => {
    for (const r of seedResults) for (const p of jsonParts(r)) expect(p.length).toBeLessThan(64 * 1024);
  });

  it('is what emitParts gives for json; jsonl and csv come whole', () => {
    const r = seedResults[0]!;
    expect(emitParts(r, 'json')).toEqual(jsonParts(r));
    for (const format of ['jsonl', 'csv'] as const) expect(emitParts(r, format)).toEqual([FORMATS[format](r)]);
  });
});

describe('yaml in pieces', () => {
  it('joins to exactly the yaml text for every seed; a long text comes in several small pieces', () => {
    let cut = 0;
    for (const r of seedResults) {
      const parts = emitParts(r, 'yaml');
      expect(parts.join('')).toBe(yamlFormat(r));
      for (const p of parts) expect(p.length).toBeLessThan(64 * 1024);
      if (parts.length > 1) cut++;
    }
    expect(cut).toBeGreaterThan(1);
  });
});

describe('writeFileAtomic', () => {
  it('writes pieces in order as UTF-8 and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnreport-write-'));
    const r = seedResults[0]!;
    writeFileAtomic(join(dir, 'out', 'a.json'), jsonParts(r));
    writeFileAtomic(join(dir, 'out', 'b.txt'), ['甲', '𠀀'.repeat(20_000), '乙']);
    expect(readFileSync(join(dir, 'out', 'a.json'), 'utf8')).toBe(json(r));
    expect(readFileSync(join(dir, 'out', 'b.txt'), 'utf8')).toBe(`甲${'𠀀'.repeat(20_000)}乙`);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.json', 'b.txt']);
  });
});
