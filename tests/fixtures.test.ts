import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dumpYaml } from '../src/util/yaml-write.js';
import { parseYaml as load } from '../src/util/yaml.js';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import type { Result } from '../src/schema.js';
import { rules, SEEDS } from './helpers.js';

/**
 * Expected-output fixtures for the seeds: a compact, reviewable projection of the result (one line per item),
 * checked by hand against ANNOTATION.md and ../shared/gold; each quantity line ends with the rules behind its kind and year. Regenerate with UPDATE_FIXTURES=1, then review the diff.
 */
const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

function project(result: Result) {
  const num = (v: number | null, r: [number, number] | null) => (r ? `${r[0]}-${r[1]}` : String(v));
  return {
    meta: result.meta,
    sections: result.sections.map((s) => `${'  '.repeat(s.depth - 1)}${s.heading}${s.lead.length ? ` [lead: ${s.lead.join('、')}]` : ''}${s.role ? ` {${s.role} ${s.period?.join('-') ?? s.year ?? '-'}}` : ''}`),
    tasks: result.tasks.map((t) => `${t.marker ?? ''}${t.title} | lead: ${t.lead.join('、')} | responsible: ${t.responsible.join('、')} | cooperating: ${t.cooperating.join('、')}`),
    quantities: result.quantities.map((q) =>
      `${q.span.line}: ${q.core.text} | ${q.indicator ?? '-'} | ${q.comparator ?? ''}${num(q.value, q.range)} ${q.unit} | ${q.normalized.value} ${q.normalized.unit} | ${q.measure}${q.direction ? `/${q.direction}` : ''} | ${q.kind} | ${q.period ? q.period.join('-') : q.year ?? '-'} | ${q.rules.kind ?? '-'} ${q.rules.year ?? '-'}`),
    tables: result.tables.map((t) => `${t.title ?? '-'}: ${t.rows.length} rows × ${t.columns.length} columns`),
    glossary: result.glossary.map((g) => g.term),
    removed: result.removed.map((r) => `${r.span.line}: ${r.rule}`),
  };
}

const seeds = readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort();

describe('seed fixtures', () => {
  for (const name of seeds) {
    const fixture = join(FIXTURES, name.replace(/\.txt$/, '.yaml'));
    it(`${name} matches fixtures/${name.replace(/\.txt$/, '.yaml')}`, () => {
      const got = project(extract({ path: join(SEEDS, name) }, { rules, path: `seeds/${name}` }));
      if (process.env.UPDATE_FIXTURES) writeFileSync(fixture, dumpYaml(got));
      expect(existsSync(fixture)).toBe(true);
      expect(got).toEqual(load(readFileSync(fixture, 'utf8')));
    });
  }
});
