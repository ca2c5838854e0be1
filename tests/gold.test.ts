import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GoldError, loadGoldDir, metrics, readGold, scoreFile, shortfalls, thresholds, type GoldFile } from '../src/gold/index.js';
import { loadGoldYaml } from '../src/gold/yaml.js';
import type { Quantity, Result, Task } from '../src/schema.js';
import { normaliseText } from '../src/stages/normalise.js';
import { hasShared, SHARED } from './helpers.js';

/** Just enough of a result for scoring; the scorer reads sections, quantities, tasks and meta. */
function result(parts: { sections?: [string, number][]; quantities?: Partial<Quantity>[]; tasks?: Partial<Task>[]; meta?: Partial<Result['meta']> }): Result {
  const span = (start: number, end: number) => ({ start, end, line: 1, column: start + 1 });
  return {
    sections: (parts.sections ?? []).map(([heading, depth]) => ({ heading, depth, span: span(0, 0) })),
    quantities: parts.quantities ?? [],
    tasks: parts.tasks ?? [],
    meta: { title: null, docType: 'other', region: { province: null, city: null, district: null }, date: null, issuer: null, year: null, ...parts.meta },
  } as unknown as Result;
}

function quantity(text: string, core: string, occurrence: number, fields: Partial<Quantity>): Partial<Quantity> {
  let at = -1;
  for (let i = 0; i < occurrence; i++) at = text.indexOf(core, at + 1);
  const span = { start: at, end: at + core.length, line: 1, column: at + 1 };
  return { core: { text: core, span }, span, value: null, range: null, unit: '', comparator: null, indicator: null, ...fields };
}

const gold = (data: object): GoldFile => data as GoldFile;

describe('gold YAML', () => {
  it('joins a value that an unquoted ASCII comma split into a null-valued key', () => {
    const data = loadGoldYaml('- {text: 优化格局,高标准打造中枢门户区, depth: 1}\n- {text: 计划,2023,完成, depth: 2}\n- {marker: null, term: 六稳}\n', 'g.yaml');
    expect(data).toEqual([{ text: '优化格局,高标准打造中枢门户区', depth: 1 }, { text: '计划,2023,完成', depth: 2 }, { marker: null, term: '六稳' }]);
  });

  it('names the file and line of a bad gold file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnreport-gold-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'file: a.txt\npassages:\n  - start: 10\n    end: 20\n    quantities:\n      - {occurrence: 1, value: 7}\n');
    expect(() => readGold(file)).toThrow(GoldError);
    expect(() => readGold(file)).toThrow(new RegExp(`^${file}:6: not a valid gold file: .* at passages\\.0\\.quantities\\.0\\.core`));
    writeFileSync(file, 'file: a.txt\nheadings: [\n');
    expect(() => readGold(file)).toThrow(/bad\.yaml:3: YAML syntax error/);
  });

  it('takes a bare magnitude with normalized.unit null, as ANNOTATION.md writes it (贫困人口减少1240万)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnreport-gold-'));
    const file = join(dir, 'bare.yaml');
    writeFileSync(file, 'file: a.txt\npassages:\n  - start: 0\n    end: 12\n    quantities:\n      - {core: 1240万, occurrence: 1, value: 1240, unit: 万, normalized: {value: 12400000, unit: null}}\n');
    expect(readGold(file).passages[0]!.quantities[0]!.normalized).toEqual({ value: 12400000, unit: null });
  });
});

describe('scoring quantities', () => {
  const text = '序言7%。\n力争增长7%以上，新建基站1000个，其中5G基站20个。\n完成投资3亿元。';
  const passage = { start: 6, end: 34, anchor: '力争增长', tasks: [] };
  const g = gold({
    file: 'a.txt',
    passages: [{ ...passage, quantities: [
      { core: '7%', occurrence: 1, value: 7, unit: '%', comparator: '>=', measure: 'growth', kind: 'target', indicator: '增长' },
      { core: '1000个', occurrence: 1, value: 1000, unit: '个', comparator: null, kind: 'target', indicator: '基站' },
      { core: '20个', occurrence: 1, value: 20, unit: '个', comparator: null, kind: 'target', indicator: '5G基站' },
    ] }],
  });

  it('matches by core overlap, counts precision inside passages only, and scores fields among matches', () => {
    const r = result({ quantities: [
      quantity(text, '7%', 1, { value: 7, unit: '%' }), // before the passage: neither true nor false positive
      quantity(text, '7%以上', 1, { value: 7, unit: '%', comparator: '>=', measure: 'growth', kind: 'target', indicator: '增长' }),
      quantity(text, '1000个', 1, { value: 1000, unit: '个', kind: 'actual', indicator: '新建基站' }),
      quantity(text, '5G', 1, { value: 5, unit: 'G' }), // inside the passage, in no gold entry: a false positive
      quantity(text, '3亿元', 1, { value: 3, unit: '亿元' }), // after the passage
    ] });
    // The first extracted 7% lies before the passage; only the passage's 7%以上 can match gold 7% (occurrence 1 within it).
    const s = scoreFile(g, text, r);
    expect(s.quantities.match).toEqual({ tp: 2, fp: 1, fn: 1 });
    const m = metrics(s);
    expect([m['quantities.precision'], m['quantities.recall']]).toEqual([2 / 3, 2 / 3]);
    expect(s.quantities.fields.kind).toEqual({ ok: 1, n: 2 });
    expect(s.quantities.fields.indicator).toEqual({ ok: 1, n: 2 });
    expect(s.quantities.indicatorOverlap).toEqual({ ok: 2, n: 2 });
    expect(s.quantities.fields.measure).toEqual({ ok: 1, n: 1 }); // left out of the second gold entry: not scored
    expect(s.notes).toContain('quantity 1000个 at 19: kind expected "target", got "actual"');
    expect(s.warnings).toEqual([]);
  });

  it('finds the n-th occurrence in the passage, falls back to width folding, and warns about cores it cannot find', () => {
    const t = '目标：增长７％，城镇增长７％，农村增长8%。';
    const g2 = gold({ file: 'a.txt', passages: [{ start: 0, end: t.length, tasks: [], quantities: [
      { core: '7%', occurrence: 1, value: 7 }, // written ７％ in the text: found through the folded view
      { core: '7%', occurrence: 2, value: 7 },
      { core: '9%', occurrence: 1, value: 9 },
    ] }] });
    const r = result({ quantities: [quantity(t, '７％', 1, { value: 7.000000000000001 }), quantity(t, '７％', 2, { value: 8 })] });
    const s = scoreFile(g2, t, r);
    expect(s.quantities.match).toEqual({ tp: 2, fp: 0, fn: 1 });
    expect(s.quantities.fields.value).toEqual({ ok: 1, n: 2 });
    expect(s.warnings).toEqual([`gold quantity 9% (occurrence 1) is not in passage 0-${t.length}: counted as missed`]);
  });

  it('compares a range with a range', () => {
    const t = '新建1-2个。';
    const g3 = gold({ file: 'a.txt', passages: [{ start: 0, end: t.length, tasks: [], quantities: [{ core: '1-2个', occurrence: 1, value: null, range: [1, 2] }] }] });
    const good = scoreFile(g3, t, result({ quantities: [quantity(t, '1-2个', 1, { range: [1, 2] })] }));
    const bad = scoreFile(g3, t, result({ quantities: [quantity(t, '2个', 1, { value: 2 })] }));
    expect([good.quantities.fields.value, bad.quantities.fields.value]).toEqual([{ ok: 1, n: 1 }, { ok: 0, n: 1 }]);
  });
});

describe('scoring headings, tasks and meta', () => {
  it('matches headings in order after folding width and spaces, and checks depth', () => {
    const g = gold({ file: 'a.txt', passages: [], headings: [
      { text: '一、总体要求', depth: 1 }, { text: '(一)加强领导', depth: 2 }, { text: '名词解释', depth: 1 }, { text: '二、保障措施', depth: 1 },
    ] });
    const r = result({ sections: [['一、总体要求', 1], ['（一）加强领导', 1], ['名 词 解 释', 1], ['加快调整产业结构', 2]] });
    const s = scoreFile(g, 'x', r);
    expect(s.headings.match).toEqual({ tp: 3, fp: 1, fn: 1 });
    expect(s.headings.depth).toEqual({ ok: 2, n: 3 });
    expect(s.notes).toEqual(expect.arrayContaining(['missed heading 二、保障措施', 'extra heading 加快调整产业结构 (line 1)']));
  });

  it('matches tasks by marker and title inside passages and compares their unit lists', () => {
    const t = '1.推进项目建设。(责任单位:区教育局、区财政局)\n2.加强督查。(牵头单位:区政府办)';
    const g = gold({ file: 'a.txt', passages: [{ start: 0, end: t.length, quantities: [], tasks: [
      { marker: '1.', title: '推进项目建设', lead: [], responsible: ['区教育局', '区财政局'], cooperating: [] },
      { marker: '2.', title: '加强督查', lead: ['区政府办'], responsible: [], cooperating: [] },
    ] }] });
    const task = (start: number, marker: string, title: string, lead: string[], responsible: string[]) =>
      ({ marker, title, lead, responsible, cooperating: [], span: { start, end: start + 5, line: 1, column: 1 } });
    const r = result({ tasks: [task(0, '1．', '推进项目建设', [], ['区教育局', '区财政局']), task(27, '2.', '加强督查', ['区政府办'], ['区政府办']), task(40, '3.', '其他', [], [])] });
    const s = scoreFile(g, t, r);
    expect(s.tasks.match).toEqual({ tp: 2, fp: 1, fn: 0 });
    expect([s.tasks.lead, s.tasks.responsible, s.tasks.cooperating]).toEqual([{ ok: 2, n: 2 }, { ok: 1, n: 2 }, { ok: 2, n: 2 }]);
  });

  it('scores each meta field the gold gives, title folded', () => {
    const g = gold({ file: 'a.txt', passages: [], meta: { title: '2022年 政府工作报告', docType: 'work-report', region: { province: '云南省', city: null }, date: '2022-01-14' } });
    const r = result({ meta: { title: '2022年政府工作报告', docType: 'news', region: { province: '云南省', city: null, district: '盘龙区' }, date: null } });
    const m = metrics(scoreFile(g, 'x', r));
    expect([m['meta.title'], m['meta.docType'], m['meta.province'], m['meta.city'], m['meta.district'], m['meta.date'], m['meta.issuer']]).toEqual([1, 0, 1, 1, null, 0, null]);
  });
});

describe('thresholds', () => {
  it('starts from the issue defaults, takes overrides by full or unique short name, and rejects others', () => {
    expect(thresholds([])['quantities.f1']).toBe(0.95);
    expect(thresholds(['value=0.5', 'tasks.f1=1'], false)).toEqual({ 'quantities.value': 0.5, 'tasks.f1': 1 });
    expect(() => thresholds(['f1=0.9'])).toThrow(/ambiguous score name; it could be headings\.f1, quantities\.f1, tasks\.f1/);
    expect(() => thresholds(['bogus=0.9'])).toThrow(/unknown score name/);
    expect(() => thresholds(['quantities.f1=1.5'])).toThrow(/a value from 0 to 1/);
  });

  it('reports scores below their minimum; nothing to measure never falls short', () => {
    expect(shortfalls({ 'quantities.f1': 0.9, 'tasks.f1': null, 'headings.f1': 1 }, { 'quantities.f1': 0.95, 'tasks.f1': 0.98, 'headings.f1': 0.95 }))
      .toEqual([{ name: 'quantities.f1', min: 0.95, value: 0.9 }]);
  });
});

/**
 * The real gold files, scored against an extraction built from the gold itself: every score must be perfect and no
 * gold entry may fail to fit its input (a passage past the end, an anchor or core that is not in its passage).
 */
describe.skipIf(!hasShared)('the shared gold files', () => {
  const sets = [[join(SHARED, 'gold'), join(SHARED, 'seeds')], [join(SHARED, 'corpus', 'gold'), join(SHARED, 'corpus')]] as const;
  for (const [goldDir, inputDir] of sets) {
    // The body runs at collection even when skipped, so the directory is only read when it exists.
    for (const [name, { gold: g }] of hasShared ? loadGoldDir(goldDir) : []) {
      it(`${name}: an extraction equal to the gold scores 1 everywhere`, () => {
        const text = readFileSync(join(inputDir, name), 'utf8').replace(/^\uFEFF/, '');
        const s = scoreFile(g, text, oracle(g, text));
        expect(s.warnings).toEqual([]);
        expect(s.notes).toEqual([]);
        for (const [metric, value] of Object.entries(metrics(s))) expect([metric, value ?? 1]).toEqual([metric, 1]);
        expect(s.headings.match.tp).toBe(g.headings?.length ?? 0);
      });
    }
  }
});

function oracle(g: GoldFile, text: string): Result {
  const quantities: Partial<Quantity>[] = [];
  const tasks: Partial<Task>[] = [];
  for (const p of g.passages) {
    const slice = text.slice(p.start, p.end);
    for (const q of p.quantities) {
      const [hay, core] = slice.includes(q.core) ? [slice, q.core] : [normaliseText(slice), normaliseText(q.core)];
      const at = p.start + hay.split(core, q.occurrence).join(core).length;
      const span = { start: at, end: at + q.core.length, line: 1, column: 1 };
      const { core: _core, occurrence: _occurrence, normalized: n = {}, ...fields } = q;
      quantities.push({ ...fields, span, core: { text: q.core, span }, value: q.value ?? null, range: q.range ?? null, period: q.period ?? null,
        normalized: { value: n.value ?? null, unit: n.unit ?? '', dimension: '' } } as Partial<Quantity>);
    }
    for (const t of p.tasks) tasks.push({ ...t, span: { start: p.start, end: p.end, line: 1, column: 1 } } as Partial<Task>);
  }
  const m = g.meta ?? {};
  const meta = { title: m.title ?? null, docType: m.docType ?? 'other', level: m.level ?? null, region: { province: null, city: null, district: null, ...m.region }, date: m.date ?? null, issuer: m.issuer ?? null };
  return result({ sections: (g.headings ?? []).map((h) => [h.text, h.depth]), quantities, tasks, meta: meta as Result['meta'] });
}
