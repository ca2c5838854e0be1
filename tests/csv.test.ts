import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import { csv, CSV_COLUMNS, CSV_TABLES, csvField, csvOf, LIST_SEPARATOR, organizationsCsv, sectionPaths, tasksCsv } from '../src/emit/csv.js';
import { FORMATS } from '../src/emit/index.js';
import type { Result } from '../src/schema.js';
import { cli, rules, SEEDS } from './helpers.js';
import { fixtureResult } from './result-fixture.js';

/** A strict RFC 4180 reader: CRLF row ends, quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(input: string): Record<string, string>[] {
  expect(input.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 1;
  while (i < input.length) {
    let field = '';
    if (input[i] === '"') {
      for (i++; ; i++) {
        if (i >= input.length) throw new Error('unterminated quoted field');
        if (input[i] === '"' && input[i + 1] === '"') field += input[i++];
        else if (input[i] === '"') break;
        else field += input[i];
      }
      i++;
    } else {
      while (i < input.length && !/[,\r\n"]/.test(input[i]!)) field += input[i++];
      if (input[i] === '"' || input[i] === '\n') throw new Error(`bad character at ${i}`);
    }
    row.push(field);
    if (input[i] === ',') i++;
    else if (input.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
  const [header, ...body] = rows;
  for (const r of body) expect(r.length).toBe(header!.length);
  return body.map((r) => Object.fromEntries(header!.map((h, k) => [h, r[k]!])));
}

const seed = join(SEEDS, '000_8e5208af9c013f38.txt');

/** Every quantity of the result has a row that carries its fields. */
function expectEveryQuantity(result: Result, rows: Record<string, string>[]): void {
  expect(rows).toHaveLength(result.quantities.length);
  for (const q of result.quantities) {
    const row = rows.find((r) => r.id === q.id && r.file === (result.source.path ?? ''));
    expect(row, q.id).toBeDefined();
    expect([row!.value, row!.range_min, row!.range_max]).toEqual([String(q.value ?? ''), String(q.range?.[0] ?? ''), String(q.range?.[1] ?? '')]);
    expect([row!.unit, row!.kind, row!.core, row!.line]).toEqual([q.unit, q.kind, q.core.text, String(q.span.line)]);
    expect(row!.text.replace(/^'(?=[=+\-@])/, '')).toBe(q.text);
  }
}

describe('csv', () => {
  it('is registered as a format and starts with a BOM and a header', () => {
    expect(FORMATS.csv).toBe(csv);
    expect(csv(fixtureResult())).toMatch(/^\uFEFFfile,id,section,task,indicator,comparator,value,range_min,range_max,unit,normalized_value,normalized_unit,base_value,base_unit,measure,direction,kind,year,period_from,period_to,core,text,line,rule\r\n/);
  });

  it('quotes per RFC 4180 and defuses formula-like text', () => {
    expect(['plain', 'a,b', 'say "hi"', 'two\r\nlines', 'lf\nonly', 42, null].map(csvField)).toEqual(['plain', '"a,b"', '"say ""hi"""', '"two\r\nlines"', '"lf\nonly"', '42', '']);
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField(-3)).toBe('-3');
    expect(['', '+1', '@x', '\tx', '-a,"b"', '\rx', 'a=b', '1-2'].map(csvField)).toEqual(['', "'+1", "'@x", "'\tx", '"\'-a,""b"""', '"\'\rx"', 'a=b', '1-2']);
  });

  it('puts in every column of every table the field it is named for', () => {
    const result = extract({ path: seed }, { rules, path: seed });
    const paths = sectionPaths(result);
    const cell = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v).replace(/^[=+\-@]/, "'$&"));
    const quantities = parseCsv(csv(result));
    expect(quantities.length).toBeGreaterThan(10);
    result.quantities.forEach((q, i) => {
      const task = result.tasks.find((t) => t.id === q.task);
      expect(quantities[i], q.id).toEqual({
        file: seed, id: q.id, section: q.section ? paths.get(q.section) : '', task: task ? task.marker ?? task.id : '',
        indicator: cell(q.indicator), comparator: cell(q.comparator), value: cell(q.value), range_min: cell(q.range?.[0]), range_max: cell(q.range?.[1]),
        unit: cell(q.unit), normalized_value: cell(q.normalized.value), normalized_unit: cell(q.normalized.unit),
        base_value: cell(q.normalized.base?.value), base_unit: cell(q.normalized.base?.unit), measure: q.measure, direction: cell(q.direction),
        kind: q.kind, year: cell(q.year), period_from: cell(q.period?.[0]), period_to: cell(q.period?.[1]), core: cell(q.core.text), text: cell(q.text),
        line: String(q.span.line), rule: q.rule,
      });
    });
    const tasks = parseCsv(tasksCsv(result));
    expect(tasks.length).toBeGreaterThan(3);
    result.tasks.forEach((t, i) => {
      expect(tasks[i], t.id).toEqual({
        file: seed, id: t.id, section: t.section ? paths.get(t.section) : '', marker: cell(t.marker), title: cell(t.title),
        lead: t.lead.join(';'), responsible: t.responsible.join(';'), cooperating: t.cooperating.join(';'), quantities: t.quantities.join(';'),
        text: cell(t.text), line: String(t.span.line), rule: t.rule,
      });
    });
    const organizations = parseCsv(organizationsCsv(result));
    const named = result.organizations.filter((o) => !o.generic);
    expect(organizations.length).toBe(named.length);
    named.forEach((o, i) => {
      const { lead, responsible, cooperating } = o.roles;
      expect(organizations[i], o.name).toEqual({
        file: seed, name: cell(o.name), aliases: cell(o.aliases.join(';')), lead: String(lead.length), responsible: String(responsible.length),
        cooperating: String(cooperating.length), tasks: String(new Set([...lead, ...responsible, ...cooperating]).size), mentions: String(o.mentions.length),
      });
    });
  });

  it('gives one row per quantity with section path, task marker, range and normalised value', () => {
    const result = fixtureResult();
    const rows = parseCsv(csv(result));
    expectEveryQuantity(result, rows);
    expect(rows[0]).toMatchObject({ section: '一、2022年度重点工作 > (一)扩大有效投资', task: '1.', comparator: '>=', normalized_value: '120000000000', normalized_unit: '元', year: '2022' });
    expect(rows[1]).toMatchObject({ value: '', range_min: '1', range_max: '2', comparator: '' });
    expect(rows[2]).toMatchObject({ measure: 'growth', direction: 'up', kind: 'actual', task: '' });
    expect(rows[3]!.indicator).toBe('"引进",企业');
  });

  it('gives one row per task with units joined by ;', () => {
    const [row] = parseCsv(tasksCsv(fixtureResult()));
    expect(LIST_SEPARATOR).toBe(';');
    expect(row).toMatchObject({ marker: '1.', title: '推进项目建设', lead: '区发改局', responsible: '区发改局;区委组织部(区人才办、区编办)', quantities: 'q1;q2' });
  });

  it('csvOf takes one result or an array of results, and its columns are the documented ones', () => {
    const result = fixtureResult();
    expect(csvOf(result)).toBe(csvOf([result]));
    expect(csvOf(result, 'tasks')).toBe(tasksCsv(result));
    const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'csv.md'), 'utf8');
    for (const table of CSV_TABLES) {
      for (const column of CSV_COLUMNS[table]) expect(doc, `${table}.${column}`).toMatch(new RegExp(`^\\| \`${column}\` \\|`, 'm'));
    }
  });

  it('finds every quantity of the JSON output of a seed', () => {
    const result = extract({ path: seed }, { rules });
    expectEveryQuantity(result, parseCsv(csv(result)));
  });
});

describe('cnreport extract -f csv', () => {
  const run = cli;
  const other = join(SEEDS, '002_2ac18dfb8867e55f.txt');

  it('writes one CSV with one header for several files', async () => {
    const r = await run('extract', seed, other, '-f', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/\uFEFF/g)).toHaveLength(1);
    const rows = parseCsv(r.stdout);
    for (const file of [seed, other]) expectEveryQuantity(extract({ path: file }, { rules, path: file }), rows.filter((x) => x.file === file));
  });

  it('--table tasks gives the tasks table; --table needs -f csv and a known table', async () => {
    const r = await run('extract', seed, '-f', 'csv', '--table', 'tasks');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\uFEFFfile,id,section,marker,title,lead,responsible,cooperating,quantities,text,line,rule\r\n/);
    expect(parseCsv(r.stdout)).toHaveLength(extract({ path: seed }, { rules }).tasks.length);
    expect((await run('extract', seed, '--table', 'tasks')).code).toBe(2);
    expect((await run('extract', seed, '-f', 'csv', '--table', 'rows')).code).toBe(2);
  });
});
