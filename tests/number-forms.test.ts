import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error: a plain ES module script, without type declarations
import { END, numberFormsTable, START, withTable } from '../scripts/number-forms.mjs';
import { extract } from '../src/api.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { cli, rules } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');
const read = (name: string) => readFileSync(join(ROOT, name), 'utf8');
const unitsYaml = read('rules/units.yaml');
const units = parse(unitsYaml);
const quantitiesYaml = parse(read('rules/quantities.yaml'));
const run = (text: string) => extract({ text }, { rules, explain: true });

interface Example { id: string; examples?: { match?: string[]; noMatch?: string[] } }
const cases = (list: Example[], which: 'match' | 'noMatch') =>
  list.flatMap((r) => (r.examples?.[which] ?? []).map((text) => [r.id, text] as const));

/** Forms the unit's rule id names (plain Arabic and Chinese numerals, 百分之X): their examples give some quantity. */
const PLAIN = new Set(['number.arabic', 'number.chinese', 'number.percent-words']);
const forms: Example[] = [...units.forms, units.subunits, units.halves, units.bareMagnitude];

describe('number forms (rules/units.yaml examples)', () => {
  it.each(cases(forms, 'match'))('%s reads %s', (id, text) => {
    const found = run(text).quantities;
    expect(found.length, text).toBeGreaterThan(0);
    if (!PLAIN.has(id)) expect(found.map((q) => q.rule), text).toContain(id);
  });

  it.each(cases(forms, 'noMatch'))('%s does not read %s', (id, text) => {
    expect(run(text).quantities.map((q) => q.rule), text).not.toContain(id);
  });

  it.each(cases(units.units, 'match'))('unit %s reads %s', (id, text) => {
    const q = run(text).quantities;
    expect(q.length, text).toBeGreaterThan(0);
    // The quantity carries the unit's id, or the form's when it is written in a special form (一吨半, $20).
    const unitIds = new Set(q.map((x) => x.rule));
    const unitOf = units.units.find((u: Example) => u.id === id);
    expect(unitIds.has(id) || q.some((x) => unitOf.words.some((w: string) => x.unit.includes(w)) || x.rule.startsWith('number.')), text).toBe(true);
  });

  it.each(cases(units.units, 'noMatch'))('unit %s does not read %s', (id, text) => {
    expect(run(text).quantities.map((q) => q.rule), text).not.toContain(id);
  });
});

describe('measure rules (rules/quantities.yaml examples)', () => {
  const growth: Example[] = [...quantitiesYaml.growth, quantitiesYaml.amountChange];
  it.each(cases(growth, 'match'))('%s makes a change of %s', (_id, text) => {
    expect(run(text).quantities.map((q) => q.measure), text).toContain('growth');
  });
  it.each(cases(growth, 'noMatch'))('%s leaves a level in %s', (_id, text) => {
    expect(run(text).quantities.map((q) => q.measure), text).not.toContain('growth');
  });
});

describe('exclusions (rules/quantities.yaml examples)', () => {
  const excluded = (text: string) => run(text).messages.filter((m) => m.code === 'quantity.excluded').map((m) => m.message.split(':')[0]);
  it.each(cases(quantitiesYaml.exclude, 'match'))('%s leaves out a number of %s, with an info message', (id, text) => {
    expect(excluded(text), text).toContain(id);
  });
  it.each(cases(quantitiesYaml.exclude, 'noMatch'))('%s keeps %s', (id, text) => {
    expect(excluded(text), text).not.toContain(id);
  });

  it('keeps the count beside a threshold and reports nothing without --explain', () => {
    const r = extract({ text: '年产值超100亿元的龙头企业2家。' }, { rules });
    expect(r.quantities.map((q) => q.core.text)).toEqual(['2家']);
    expect(r.messages).toEqual([]);
  });

  it('extract --explain prints each exclusion with its rule', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cnreport-forms-')), 'r.txt');
    writeFileSync(file, '年产值超100亿元的龙头企业2家。\n');
    const r = await cli('extract', file, '--explain');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('info\tquantity.excluded\texclude.threshold: “100亿元” is not a quantity');
  });

  it('never reads N大 and N级 labels as figures', () => {
    expect(run('建设三大片区，打造10大产业基地和千亿级产业。').quantities).toEqual([]);
  });
});

describe('bounds and rates written other ways', () => {
  const text = '某县2024年工作要点\n一、重点任务\n每个乡镇至少培育1家龙头企业，最多安排3个试点，覆盖率≥50%，空置率≤5%。城乡居民收入年均递增8%，港口集装箱吞吐量达到120万标准箱。\n';
  const got = extract({ text }, { rules }).quantities.map((q) => [q.core.text, q.comparator, q.measure, q.indicator]);

  it('reads an adverb bounding the figure of the verb after it (至少培育1家), and ≥ ≤ as bounds, left out of the indicator', () => {
    expect(got.slice(0, 4)).toEqual([['1家', '>=', 'level', '龙头企业'], ['3个', '<=', 'level', '试点'], ['50%', '>=', 'level', '覆盖率'], ['5%', '<=', 'level', '空置率']]);
  });

  it('reads 年均递增 as an average growth, and 标准箱 as a count', () => {
    expect(got.slice(4)).toEqual([['8%', null, 'growth', '城乡居民收入'], ['120万标准箱', null, 'level', '港口集装箱吞吐量']]);
  });
});

describe('README number forms table', () => {
  it('is what scripts/number-forms.mjs generates from the rule examples', () => {
    const readme = read('README.md');
    expect(readme).toContain(START);
    expect(readme).toContain(END);
    expect(readme).toBe(withTable(readme, numberFormsTable((input: { text: string }) => extract(input, { rules }), unitsYaml)));
  });
});
