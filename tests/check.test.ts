import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffJson, diffResults } from '../src/gold/index.js';
import { discover } from '../src/util/glob.js';
import { cli, hasShared, SEEDS, SHARED } from './helpers.js';


const REPORT = '2023年某区政府工作报告\n一、2022年工作回顾\n全区实现地区生产总值120.5亿元，增长6%。\n二、2023年工作安排\n力争地区生产总值增长7%以上。\n';

/** A folder with two small reports of our own, and an empty `expected` folder beside it. */
function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'cnreport-check-'));
  mkdirSync(join(dir, 'in'));
  mkdirSync(join(dir, 'expected'));
  writeFileSync(join(dir, 'in', 'a.txt'), REPORT);
  writeFileSync(join(dir, 'in', 'b.txt'), REPORT.replace('120.5', '98.2'));
  return dir;
}

describe('discover', () => {
  it('expands globs and directories, skips dotfiles and keeps missing plain paths, in sorted order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnreport-glob-'));
    mkdirSync(join(dir, 'sub', 'deep'), { recursive: true });
    for (const f of ['b.txt', 'a.txt', '.hidden.txt', 'sub/c.txt', 'sub/deep/d.txt', 'sub/e.md']) writeFileSync(join(dir, f), 'x');
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    expect(await discover(['*.txt'], { cwd: dir })).toEqual(['a.txt', 'b.txt']);
    expect(await discover(['sub', 'b.txt', 'sub/'], { cwd: dir })).toEqual(['b.txt', 'sub/c.txt', 'sub/deep/d.txt']);
    expect(await discover(['missing.txt', 'nothing*.txt'], { cwd: dir })).toEqual(['missing.txt']);
  });
});

describe('diffJson', () => {
  it('names the first differing fields by JSON path, skips ignored paths, and counts the rest', () => {
    const a = { source: { path: 'x' }, quantities: [{ value: 7, unit: '%' }, { value: 1 }], meta: { 'doc type': 'a' } };
    const b = { source: { path: 'y' }, quantities: [{ value: 8, unit: '%', extra: true }], meta: { 'doc type': 'b' } };
    expect(diffJson(a, b, { ignore: ['source.path'] })).toEqual({
      lines: ['quantities: expected 2 items, got 1', 'quantities[0].value: expected 7, got 8', 'quantities[0].extra: expected (missing), got true', 'meta["doc type"]: expected "a", got "b"'],
      total: 4,
    });
    expect(diffJson({ list: [1, 2, 3, 4] }, { list: [5, 6, 7, 8] }, { limit: 2 })).toEqual({ lines: ['list[0]: expected 1, got 5', 'list[1]: expected 2, got 6'], total: 4 });
  });
});

describe('cnreport check', () => {
  it('0: every file extracts and validates', async () => {
    const dir = workspace();
    const r = await cli('check', join(dir, 'in'));
    expect(r).toEqual({ code: 0, stdout: 'checked 2 files: 2 ok\n', stderr: '' });
  });

  it('1: a file that fails is named with its reason, and the others are still checked', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'in', 'c.txt'), new Uint8Array([0, 1, 2, 3]));
    const r = await cli('check', join(dir, 'in', '*.txt'), join(dir, 'in', 'gone.txt'));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`cnreport: ${join(dir, 'in', 'c.txt')}: binary file, not text (found control or NUL bytes)\ncnreport: ${join(dir, 'in', 'gone.txt')}: no such file\n`);
    expect(r.stdout).toBe('checked 4 files: 2 ok, 2 failed\n');
  });

  it('--update writes the expected files; a later run passes, and a change is shown as a short diff', async () => {
    const dir = workspace();
    const expected = join(dir, 'expected');
    expect((await cli('check', join(dir, 'in'), '--expected', expected, '--update')).stdout).toBe('checked 2 files: 2 ok, 2 expected files written\n');
    expect(readdirSync(expected).sort()).toEqual(['a.json', 'b.json']);
    expect(JSON.parse(readFileSync(join(expected, 'a.json'), 'utf8')).source.path).toBe('a.txt');
    expect(await cli('check', join(dir, 'in'), '--expected', expected)).toEqual({ code: 0, stdout: 'checked 2 files: 2 ok\n', stderr: '' });

    const file = join(expected, 'b.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.meta.title = '另一个标题';
    data.source.path = 'elsewhere/b.txt'; // ignored: it only says where the input was
    writeFileSync(file, JSON.stringify(data));
    const r = await cli('check', join(dir, 'in'), '--expected', expected);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^${join(dir, 'in', 'b.txt')}: differs from ${file} \\(1 difference\\):\\n  ~ meta: title "另一个标题" → .*\\n`));
    expect(r.stdout).toMatch(/checked 2 files: 1 ok, 1 differ from expected\n$/);
  });

  it('1: an input without an expected file; 2: an expected directory that does not exist', async () => {
    const dir = workspace();
    const r = await cli('check', join(dir, 'in', 'a.txt'), '--expected', join(dir, 'expected'));
    expect([r.code, r.stdout.split('\n')[1]]).toEqual([1, '  no expected file (run with --update to write it)']);
    const missing = await cli('check', join(dir, 'in'), '--expected', join(dir, 'nowhere'));
    expect([missing.code, missing.stderr]).toEqual([2, `cnreport: ${join(dir, 'nowhere')}: cannot read expected-output directory (missing or not a directory)\n`]);
  });

  it('2: usage errors (no matching input, --update without --expected, a bad --min)', async () => {
    const dir = workspace();
    expect((await cli('check', join(dir, 'in', '*.pdf'))).stderr).toMatch(/no input files match/);
    expect((await cli('check', join(dir, 'in'), '--update')).code).toBe(2);
    const r = await cli('check', join(dir, 'in'), '--gold', dir, '--min', 'speed=0.5');
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/^cnreport: --min speed: unknown score name/)]);
  });
});

describe('cnreport check --expected: items by identity', () => {
  /** Expected files written for the report, then the report edited as given. */
  async function changed(edit: (text: string) => string) {
    const dir = workspace();
    const expected = join(dir, 'expected');
    await cli('check', join(dir, 'in', 'a.txt'), '--expected', expected, '--update');
    writeFileSync(join(dir, 'in', 'a.txt'), edit(REPORT));
    return { input: join(dir, 'in', 'a.txt'), expected };
  }

  it('names a changed target in one line, and counts span-only shifts without listing them', async () => {
    // A target changed and a line inserted above everything: every later span moves.
    const { input, expected } = await changed((t) => t.replace('7%以上', '7.5%以上').replace('\n', '\n（2023年1月5日）\n'));
    const r = await cli('check', input, '--expected', expected);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('  ~ quantities'))).toEqual([
      '  ~ quantities q3 地区生产总值 2023: value 7 → 7.5; normalized.value 7 → 7.5; text "…区生产总值增长7%以上" → "…区生产总值增长7.5%以上"; core.text "7%" → "7.5%"',
    ]);
    expect(r.stdout).toMatch(/  \(\d+ items only moved: see them with --spans\)\n/);
    expect(r.stdout).not.toMatch(/span\.start/);
    const spans = await cli('check', input, '--expected', expected, '--spans');
    expect(spans.stdout).toMatch(/~ sections s1 一、2022年工作回顾: span\.start \d+ → \d+/);
  });

  it('reports an added item once, without renumbering the items after it into differences', async () => {
    const { input, expected } = await changed((t) => t.replace('一、2022年工作回顾\n', '一、2022年工作回顾\n全年粮食产量8.1万吨。\n'));
    const r = await cli('check', input, '--expected', expected, '--json');
    const diff = JSON.parse(r.stdout).files[0].difference;
    expect(diff.changes.map((c: { change: string; collection: string; id: string }) => `${c.change} ${c.collection} ${c.id}`)).toEqual(['changed source null', 'added quantities q1']);
    expect(diff.changes[1].label).toBe('粮食产量 2022');
  });

  it('gives the changed fields as data with --json', async () => {
    const { input, expected } = await changed((t) => t.replace('7%以上', '8%以上'));
    const data = JSON.parse((await cli('check', input, '--expected', expected, '--json')).stdout);
    const change = data.files[0].difference.changes.find((c: { collection: string }) => c.collection === 'quantities');
    expect(change).toMatchObject({ change: 'changed', id: 'q3', label: '地区生产总值 2023' });
    expect(change.fields).toContainEqual({ path: 'value', expected: 7, actual: 8 });
    expect(data.ok).toBe(false);
  });
});

describe('diffResults', () => {
  const q = (id: string, text: string, value: number, start: number) => ({ id, text, value, rule: 'r', span: { start, end: start + 2, line: 1, column: 1 }, task: 't1' });
  it('pairs equal texts in order, maps ids, and folds a change shared by many items into one', () => {
    const a = { quantities: [q('q1', '增长5%', 5, 0), q('q2', '增长5%', 5, 10)], tasks: [{ id: 't1', marker: '1.', title: 'A', rule: 'x' }] };
    const b = { quantities: [q('q1', '新增1户', 1, 0), q('q2', '增长5%', 5, 3), q('q3', '增长6%', 6, 13)], tasks: [{ id: 't1', marker: '1.', title: 'A', rule: 'x' }] };
    const d = diffResults(a, b);
    expect(d.changes.map((c) => [c.change, c.id, c.fields.map((f) => f.path)])).toEqual([
      ['added', 'q1', []],
      ['changed', 'q3', ['text', 'value']],
    ]);
    expect(d.moved).toBe(1); // q2 only moved from 10 to 3
    const many = Array.from({ length: 5 }, (_, i) => ({ id: `s${i}`, heading: `H${i}`, rule: 'h' }));
    const more = many.map((s) => ({ ...s, lead: [] }));
    expect(diffResults({ sections: many }, { sections: more })).toMatchObject({ changes: [], common: [{ collection: 'sections', path: 'lead', count: 5, items: ['s0', 's1', 's2', 's3', 's4'] }], total: 1 });
  });
});

describe('cnreport check --gold', () => {
  function goldDir(dir: string, body: string) {
    mkdirSync(join(dir, 'gold'));
    writeFileSync(join(dir, 'gold', 'a.yaml'), `file: a.txt\n${body}`);
    return join(dir, 'gold');
  }

  it('prints a table per kind of item, and exits 1 when a score falls short', async () => {
    const dir = workspace();
    const gold = goldDir(dir, 'headings:\n  - {text: 一、2022年工作回顾, depth: 1}\n  - {text: 三、保障措施, depth: 1}\n');
    const r = await cli('check', join(dir, 'in'), '--gold', gold, '--no-thresholds', '--min', 'headings.recall=0.9');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^headings +gold +out +tp +prec +rec +f1 +depth\na\.txt +2 +\d+ +1 /m);
    expect(r.stdout).toMatch(/^TOTAL +2 /m);
    expect(r.stdout).toContain('below threshold: headings.recall 0.500 < 0.900 (TOTAL)');
    expect(r.stdout).toMatch(/checked 2 files: 2 ok, 1 score below threshold\n$/);
    const json = await cli('check', join(dir, 'in'), '--gold', gold, '--no-thresholds', '--json', '--details');
    const data = JSON.parse(json.stdout);
    expect([json.code, data.ok, data.gold.total.scores['headings.recall']]).toEqual([0, true, 0.5]);
    expect(data.gold.files[0].score.notes).toContain('missed heading 三、保障措施');
  });

  it('2: a bad gold file is named with its line', async () => {
    const dir = workspace();
    const gold = goldDir(dir, 'headings:\n  - {text: 一、总体要求, depth: first}\n');
    const r = await cli('check', join(dir, 'in'), '--gold', gold);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(new RegExp(`^cnreport: ${join(gold, 'a.yaml')}:3: not a valid gold file: .* at headings\\.0\\.depth\\n$`))]);
  });

  it.skipIf(!hasShared)('scores the seeds against ../shared/gold (headings are a sanity check: they are nearly perfect)', async () => {
    const r = await cli('check', SEEDS, '--gold', join(SHARED, 'gold'), '--no-thresholds', '--json');
    const data = JSON.parse(r.stdout);
    expect(data.gold.files.map((f: { input: string }) => basename(f.input))).toEqual(readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort());
    expect(data.gold.unused).toEqual([]);
    expect(data.gold.total.scores['headings.f1']).toBeGreaterThan(0.9);
  });
});
