import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { batch, formatProgress, formatSummary } from '../src/batch/index.js';
import { commonBase, outputPath, plan } from '../src/batch/plan.js';
import { run } from '../src/cli/index.js';
import { filesUnder } from './helpers.js';

const REPORT = '一、总体要求\n到2025年，地区生产总值增长6%左右。\n二、重点任务\n(一)扩大有效投资。完成固定资产投资500亿元。\n';

async function cli(argv: string[], isTTY = false) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (s: string) => void (stdout += s), stderr: (s: string) => void (stderr += s), isTTY };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** A folder of reports: two good ones nested, one binary, written fresh for each test. */
function corpus(): { dir: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cnreport-batch-'));
  mkdirSync(join(dir, 'in', 'city', 'district'), { recursive: true });
  writeFileSync(join(dir, 'in', 'city', 'plan.txt'), REPORT);
  writeFileSync(join(dir, 'in', 'city', 'district', 'work.txt'), REPORT.replace('6%', '7%'));
  writeFileSync(join(dir, 'in', 'broken.txt'), Buffer.from([0, 1, 2, 3, 0xff, 0, 0x89, 0x50, 0x4e, 0x47]));
  return { dir, out: join(dir, 'out') };
}

beforeAll(() => {
  if (!existsSync(join(import.meta.dirname, '..', 'dist', 'batch', 'worker.js'))) throw new Error('workers run the built code: run `npx tsc -p .` first');
});

describe('cnreport batch', () => {
  it('writes the good files, names the bad one and exits 1', async () => {
    const { dir, out } = corpus();
    const r = await cli(['batch', join(dir, 'in'), '--out-dir', out, '-j', '2']);
    expect(r.code).toBe(1);
    expect(filesUnder(out)).toEqual(['city/district/work.json', 'city/plan.json']);
    expect(r.stderr).toContain(`cnreport: ${join(dir, 'in', 'broken.txt')}: binary file`);
    expect(r.stderr).toMatch(/^3 files, 1 failed, [\d.]+ MB in [\d.]+ s \([\d.]+ MB\/s\)$/m);
    const work = JSON.parse(readFileSync(join(out, 'city/district/work.json'), 'utf8'));
    expect(work.source.path).toBe(join(dir, 'in', 'city', 'district', 'work.txt'));
  });

  it('mirrors paths below the glob\'s base (here in/city), in the chosen format, and exits 0 when all succeed', async () => {
    const { dir, out } = corpus();
    const r = await cli(['batch', `${join(dir, 'in')}/city/**/*.txt`, '--out-dir', out, '-f', 'yaml', '--quiet']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(filesUnder(out)).toEqual(['district/work.yaml', 'plan.yaml']);
  });

  it('--skip-existing leaves finished outputs alone and retries the rest', async () => {
    const { dir, out } = corpus();
    await cli(['batch', join(dir, 'in'), '--out-dir', out, '--quiet']);
    writeFileSync(join(out, 'city', 'plan.json'), 'kept');
    const r = await cli(['batch', join(dir, 'in'), '--out-dir', out, '--skip-existing']);
    expect(readFileSync(join(out, 'city', 'plan.json'), 'utf8')).toBe('kept');
    expect(r.stderr).toMatch(/^1 files, 1 failed, 2 skipped,/m);
  });

  it('jsonl: one line per good document in input order, into DIR/all.jsonl or standard output', async () => {
    const { dir, out } = corpus();
    const toDir = await cli(['batch', join(dir, 'in'), '--out-dir', out, '-f', 'jsonl', '-j', '2', '--quiet']);
    const toStdout = await cli(['batch', join(dir, 'in'), '--out-dir', '-', '-f', 'jsonl', '--quiet']);
    expect([toDir.code, toStdout.code]).toEqual([1, 1]);
    expect(filesUnder(out)).toEqual(['all.jsonl']);
    expect(readFileSync(join(out, 'all.jsonl'), 'utf8')).toBe(toStdout.stdout);
    const paths = toStdout.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).source.path);
    expect(paths).toEqual([join(dir, 'in', 'city', 'district', 'work.txt'), join(dir, 'in', 'city', 'plan.txt')]);
  });

  it('exit 2 for usage and output-directory errors', async () => {
    const { dir, out } = corpus();
    writeFileSync(out, 'a file, not a directory');
    const cases = [
      ['batch', join(dir, 'in'), '--out-dir', out],
      ['batch', join(dir, 'in'), '--out-dir', '-', '-f', 'json'],
      ['batch', join(dir, 'in'), '--out-dir', join(dir, 'o2'), '-j', '0'],
      ['batch', join(dir, 'nothing', '*.txt'), '--out-dir', join(dir, 'o3')],
      ['batch', join(dir, 'in')],
      ['batch', join(dir, 'in'), '--out-dir', join(dir, 'o4'), '--encoding', 'latin-9'],
    ];
    for (const argv of cases) expect((await cli(argv)).code, argv.join(' ')).toBe(2);
    expect((await cli(cases[0]!)).stderr).toMatch(/cannot write to the output directory/);
  });

  it('draws a progress bar only on a terminal and never with --quiet', async () => {
    const { dir, out } = corpus();
    const tty = await cli(['batch', join(dir, 'in'), '--out-dir', out], true);
    const quiet = await cli(['batch', join(dir, 'in'), '--out-dir', out, '--quiet'], true);
    expect(tty.stderr).toMatch(/\r\[[#.]+\] \d\/3 files/);
    expect(quiet.stderr).not.toMatch(/\r/);
  });
});

describe('batch library', () => {
  it('an aborted run finishes the files in hand, skips the rest and leaves no partial output', async () => {
    const { dir, out } = corpus();
    for (let i = 0; i < 30; i++) writeFileSync(join(dir, 'in', `extra${i}.txt`), REPORT);
    const controller = new AbortController();
    const summary = await batch({ patterns: [join(dir, 'in')], outDir: out, jobs: 1, signal: controller.signal }, { file: () => controller.abort() });
    expect(summary.interrupted).toBe(true);
    expect(summary.files).toBeLessThan(33);
    const written = filesUnder(out);
    expect(written.every((f) => f.endsWith('.json'))).toBe(true);
    for (const f of written) expect(JSON.parse(readFileSync(join(out, f), 'utf8')).schemaVersion).toBe(1);
    const jsonl = await batch({ patterns: [join(dir, 'in')], outDir: join(dir, 'j'), format: 'jsonl', jobs: 1, signal: AbortSignal.abort() });
    expect([jsonl.interrupted, filesUnder(join(dir, 'j'))]).toEqual([true, []]);
  });
});

describe('output placement', () => {
  it('never places an output outside the out-dir', () => {
    expect(outputPath('/data/in/a/b.txt', '/data/in', '/out', 'json')).toBe('/out/a/b.json');
    expect(outputPath('/data/other/b.txt', '/data/in', '/out', 'json')).toBeNull();
    expect(commonBase(['/data/in/a', '/data/in/b/c', '/data/in'])).toBe('/data/in');
  });

  it('flags two inputs that would share an output, and ignores files inside the out-dir', () => {
    const { dir } = corpus();
    writeFileSync(join(dir, 'in', 'plan.txt'), REPORT);
    writeFileSync(join(dir, 'in', 'plan.md'), REPORT);
    const { jobs } = plan([join(dir, 'in')], [join(dir, 'in', 'plan.md'), join(dir, 'in', 'plan.txt'), join(dir, 'in', 'out', 'x.txt')], {
      cwd: dir, outDir: join(dir, 'in', 'out'), format: 'json', skipExisting: false,
    });
    expect(jobs.map((j) => [relative(dir, j.abs), j.conflict !== undefined])).toEqual([['in/plan.md', false], ['in/plan.txt', true]]);
  });

  it('formats progress and the summary line', () => {
    const MB = 1024 * 1024;
    expect(formatProgress({ done: 5, total: 10, bytes: 5 * MB, totalBytes: 10 * MB, seconds: 2 }, 10)).toBe('[#####.....] 5/10 files  2.5 MB/s  ETA 0:02');
    expect(formatSummary({ files: 10, failed: 1, skipped: 0, bytes: 10 * MB, seconds: 4, interrupted: false })).toBe('10 files, 1 failed, 10.0 MB in 4.0 s (2.5 MB/s)');
  });
});
