// Issue 14 (points 2, 3, 6, 7, 8) and issue 17 (batch --ext): hostile and odd input met outside the extractors.
// Each reproducer of the issue is a test here; the platform-dependent ones (FIFOs, devices, /proc, symlinks) skip
// cleanly where the platform lacks them.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../src/api.js';
import { shardOf } from '../src/batch/index.js';
import { MAX_RULE_FILE_BYTES } from '../src/rules/load.js';
import { patternRisk } from '../src/rules/safety.js';
import { cli, filesUnder } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'cnreport.js');
const REPORT = '一、总体要求\n到2025年，地区生产总值增长6%左右。\n二、重点任务\n(一)扩大有效投资。完成固定资产投资500亿元。\n';
const posix = process.platform !== 'win32';
const fresh = () => mkdtempSync(join(tmpdir(), 'cnreport-hostile-'));
/** One line on stderr per problem, no stack trace. */
const lines = (stderr: string) => stderr.split('\n').filter(Boolean);

/** The CLI in its own process, for what needs real standard input or could hang (a bounded wait). */
function node(args: string[], options: { input?: Buffer | string; timeout?: number; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input: options.input, timeout: options.timeout ?? 30_000, cwd: options.cwd, maxBuffer: 1 << 26 });
  return { code: r.status, signal: r.signal, stdout: r.stdout?.toString() ?? '', stderr: r.stderr?.toString() ?? '' };
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'batch', 'worker.js'))) throw new Error('workers run the built code: run `npm run build` first');
});

describe('rule patterns from --rules are proven safe or refused (point 2)', () => {
  // The patterns of the issue: each passes the static screen (backtrack.ts) and runs for seconds to minutes.
  const HOSTILE = ['^(\\d{1,3},?)+x', '^(\\d{1,99})+x', '^(a{1,50}){1,50}x', '^([a-z]{1,20}[a-z]{1,20})+!', '^([^a]|[\\u4e01-\\u4e02])+x'];

  it('refuses every hostile pattern of the issue with file:line:column, exit 2, one line', async () => {
    const dir = fresh();
    const good = join(dir, 'good.txt');
    writeFileSync(good, REPORT);
    for (const pattern of HOSTILE) {
      const rules = mkdtempSync(join(dir, 'rules-'));
      const file = join(rules, 'boilerplate.yaml');
      writeFileSync(file, `# a user's furniture rule\nlines:\n  - id: user.hostile\n    pattern: '${pattern}'\n`);
      const r = await cli('extract', good, '--rules', rules);
      expect([pattern, r.code, r.stdout]).toEqual([pattern, 2, '']);
      expect(lines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toMatch(new RegExp(`^cnreport: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:14: pattern ".*" refused: it takes exponential time`));
    }
  }, 60_000);

  it('accepts ordinary user patterns (quadratic at worst, like the built-in ones)', () => {
    for (const pattern of ['^共\\d{1,4}页$', '(打印本页|关闭窗口)', '[\\d.]+%', '\\p{Script=Han}+省', '(?<=\\d)万']) expect([pattern, patternRisk(pattern)]).toEqual([pattern, null]);
  });

  it('lets batch refuse the rule file once, before any worker starts', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'a.txt'), REPORT);
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'rules', 'boilerplate.yaml'), `lines:\n  - id: user.hostile\n    pattern: '${HOSTILE[0]}'\n`);
    const r = await cli('batch', join(dir, 'in'), '--out-dir', join(dir, 'out'), '--rules', join(dir, 'rules'), '--quiet');
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/boilerplate\.yaml:3:14: pattern .* refused/)]);
    expect(filesUnder(join(dir, 'out'))).toEqual([]);
  });
});

describe('rule files: size limit and empty overrides (points 6 and 8)', () => {
  it('refuses a rule file over the limit, in one line', async () => {
    const dir = fresh();
    const file = join(dir, 'units.yaml');
    writeFileSync(file, `# padding\n${'#'.repeat(MAX_RULE_FILE_BYTES)}\n`);
    const good = join(dir, 'good.txt');
    writeFileSync(good, REPORT);
    const r = await cli('extract', good, '--rules', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cnreport: ${file}:1:1: rule file too large (${MAX_RULE_FILE_BYTES + 11} bytes; the limit is ${MAX_RULE_FILE_BYTES})\n`);
  });

  it('takes an empty override file (or one of comments) as an empty override', async () => {
    const dir = fresh();
    const good = join(dir, 'good.txt');
    writeFileSync(good, REPORT);
    const rules = join(dir, 'rules');
    mkdirSync(rules);
    writeFileSync(join(rules, 'units.yaml'), '');
    writeFileSync(join(rules, 'headings.yaml'), '# nothing to change yet\n\n');
    const plain = await cli('extract', good);
    const r = await cli('extract', good, '--rules', rules);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(plain.stdout);
  });
});

describe('limits on every input (point 6)', () => {
  it.skipIf(!posix)('refuses a FIFO at once instead of hanging, in extract and batch', () => {
    const dir = fresh();
    const fifo = join(dir, 'pipe.txt');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo here
    writeFileSync(join(dir, 'a.txt'), REPORT);
    const r = node(['extract', fifo, join(dir, 'a.txt')], { timeout: 20_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([`cnreport: ${fifo}: not a regular file (a FIFO, device or socket); pipe it to standard input with - instead`]);
    expect(JSON.parse(r.stdout).source.path).toBe(join(dir, 'a.txt'));
    const b = node(['batch', dir, '--out-dir', join(dir, 'out'), '--quiet'], { timeout: 30_000 });
    expect(b.signal).toBeNull();
    expect(b.code).toBe(0);
    expect(lines(b.stderr)).toEqual([`cnreport: ${fifo}: not read: not a regular file (FIFO, socket or device)`]);
    expect(filesUnder(join(dir, 'out'))).toEqual(['a.json']);
  });

  it.skipIf(!existsSync('/dev/zero'))('refuses a device such as /dev/zero instead of reading without end', () => {
    const r = node(['extract', '/dev/zero'], { timeout: 20_000 });
    expect([r.signal, r.code, r.stdout]).toEqual([null, 1, '']);
    expect(r.stderr).toBe('cnreport: /dev/zero: not a regular file (a FIFO, device or socket); pipe it to standard input with - instead\n');
  });

  it('reads standard input up to the 64 MiB limit and refuses more', () => {
    const r = node(['extract', '-'], { input: Buffer.alloc(MAX_INPUT_BYTES + 1, 0x61), timeout: 60_000 });
    expect([r.signal, r.code, r.stdout]).toEqual([null, 1, '']);
    expect(r.stderr).toBe(`cnreport: -: standard input too large (more than ${MAX_INPUT_BYTES} bytes, the limit)\n`);
    const ok = node(['extract', '-'], { input: REPORT });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).source.path).toBe('-');
  }, 90_000);
});

describe('writing (points 3 and 8)', () => {
  it.skipIf(!existsSync('/proc/self'))('-o under /proc fails at once with a clear error instead of spinning', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'a.txt'), REPORT);
    const started = Date.now();
    const r = node(['extract', join(dir, 'a.txt'), '-o', '/proc/forbidden/x.json'], { timeout: 20_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cnreport: \/proc\/forbidden\/x\.json: cannot write output: [^\n]+\n$/);
    expect(Date.now() - started).toBeLessThan(15_000);
    const b = node(['batch', dir, '--out-dir', '/proc/forbidden/out'], { timeout: 20_000 });
    expect([b.signal, b.code]).toEqual([null, 2]);
    expect(b.stderr).toMatch(/^cnreport: \/proc\/forbidden\/out: cannot write to the output directory \([A-Z]+\)\n$/);
  });

  it.skipIf(!posix)('never writes through a symlink inside --out-dir that leads out of it', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'in', 'a.txt'), REPORT);
    writeFileSync(join(dir, 'in', 'sub', 'b.txt'), REPORT);
    mkdirSync(join(dir, 'out'));
    mkdirSync(join(dir, 'victim'));
    symlinkSync('../victim', join(dir, 'out', 'sub'));
    // An output that is itself a symlink is replaced by the new file, never written through.
    writeFileSync(join(dir, 'victim', 'kept.json'), 'victim data');
    symlinkSync('../victim/kept.json', join(dir, 'out', 'a.json'));
    const r = await cli('batch', join(dir, 'in'), '--out-dir', join(dir, 'out'), '--quiet', '-j', '1');
    expect(r.code).toBe(1);
    expect(readdirSync(join(dir, 'victim'))).toEqual(['kept.json']);
    expect(readFileSync(join(dir, 'victim', 'kept.json'), 'utf8')).toBe('victim data');
    expect(lstatSync(join(dir, 'out', 'a.json')).isFile()).toBe(true);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(new RegExp(`^cnreport: .*sub/b\\.txt: cannot write .*sub/b\\.json: .*out/sub leads outside .*out \\(through a symlink\\); refused$`))]);
    expect(filesUnder(join(dir, 'out'))).toEqual(['a.json']);
  });

  it('--skip-existing removes the hidden temporary files a killed run left, and says so', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'a.txt'), REPORT);
    mkdirSync(join(dir, 'out', 'deep'), { recursive: true });
    // What SIGKILL leaves: 0-byte temporary files of a process that no longer exists (pid 2^22 + 1 is above Linux's pid_max).
    const dead = 4_194_305;
    writeFileSync(join(dir, 'out', `.a.json.${dead}-1.tmp`), '');
    writeFileSync(join(dir, 'out', 'deep', `.x.json.${dead}-0.tmp`), '');
    writeFileSync(join(dir, 'out', '.notes.tmp'), 'not ours');
    writeFileSync(join(dir, 'out', '.draft.2024.tmp'), 'not ours either');
    const r = await cli('batch', join(dir, 'in'), '--out-dir', join(dir, 'out'), '--skip-existing');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^cnreport: removed 2 temporary files left by an interrupted run$/m);
    expect(filesUnder(join(dir, 'out'))).toEqual(['.draft.2024.tmp', '.notes.tmp', 'a.json']);
  });
});

describe('batch: what a directory held and was not read (point 8, issue 17)', () => {
  it.skipIf(!posix)('names dangling symlinks and directories named *.txt, counts other extensions, and --ext reads them', async () => {
    const dir = fresh();
    const input = join(dir, 'in');
    mkdirSync(join(input, 'folder.txt'), { recursive: true });
    writeFileSync(join(input, 'a.txt'), REPORT);
    writeFileSync(join(input, 'b.md'), `# 标题\n\n${REPORT}`);
    writeFileSync(join(input, 'c.md'), REPORT);
    writeFileSync(join(input, 'd.html'), `<p>${REPORT}</p>`);
    symlinkSync('a.txt', join(input, 'link.txt'));
    symlinkSync('missing.txt', join(input, 'dangling.txt'));
    const r = await cli('batch', input, '--out-dir', join(dir, 'out'));
    expect(r.code).toBe(0);
    const err = lines(r.stderr);
    expect(err).toContain(`cnreport: ${join(input, 'dangling.txt')}: not read: dangling symlink`);
    expect(err).toContain(`cnreport: ${join(input, 'folder.txt')}: not read: directory`);
    expect(err).toContain('cnreport: skipped 1 .html, 2 .md: use --ext to read other extensions');
    expect(filesUnder(join(dir, 'out'))).toEqual(['a.json', 'link.json']);
    const all = await cli('batch', input, '--out-dir', join(dir, 'out2'), '--ext', 'txt,md,html', '--quiet');
    expect(all.code).toBe(0);
    expect(filesUnder(join(dir, 'out2'))).toEqual(['a.json', 'b.json', 'c.json', 'd.json', 'link.json']);
  });

  it('a folder with only other extensions says what it held', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'only.md'), REPORT);
    const r = await cli('batch', dir, '--out-dir', join(dir, 'out'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no input files matched: .* \(not read: 1 \.md; choose extensions with --ext\)\n$/);
  });
});

describe('batch --timeout (point 2)', () => {
  it('fails a file that runs too long, names it, replaces its worker and goes on', async () => {
    const dir = fresh();
    const input = join(dir, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'a-small.txt'), REPORT);
    // About 22 MB: seconds of honest work for one worker (over 1 s even at the 15 MB/s budget), far above the limit below.
    writeFileSync(join(input, 'm-large.txt'), REPORT.repeat(150_000));
    writeFileSync(join(input, 'z-small.txt'), REPORT.replace('6%', '7%'));
    const started = Date.now();
    const r = await cli('batch', input, '--out-dir', join(dir, 'out'), '-j', '1', '--timeout', '0.5');
    expect(r.code).toBe(1);
    expect(lines(r.stderr).filter((l) => l.startsWith('cnreport:'))).toEqual([`cnreport: ${join(input, 'm-large.txt')}: timed out after 0.5 s (see --timeout)`]);
    expect(r.stderr).toMatch(/^3 files, 1 failed,/m);
    expect(filesUnder(join(dir, 'out'))).toEqual(['a-small.json', 'z-small.json']);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 60_000);

  it('refuses a timeout that is not a number of seconds', async () => {
    const r = await cli('batch', fresh(), '--out-dir', join(fresh(), 'o'), '--timeout', 'soon');
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('cnreport: --timeout expects a number of seconds (0 for no limit), got "soon"\n');
  });
});

describe('batch --shard K/N (issue 13)', () => {
  it('takes contiguous, disjoint shares whose union is the whole list', () => {
    const list = Array.from({ length: 10 }, (_, i) => i);
    for (const n of [1, 3, 4, 10, 12]) {
      const parts = Array.from({ length: n }, (_, k) => shardOf(list, k + 1, n));
      expect(parts.flat()).toEqual(list);
      expect(Math.max(...parts.map((p) => p.length)) - Math.min(...parts.map((p) => p.length))).toBeLessThanOrEqual(1);
    }
  });

  it('N shards together write exactly what one unsharded run writes, byte for byte', async () => {
    const dir = fresh();
    const input = join(dir, 'in');
    mkdirSync(join(input, 'sub'), { recursive: true });
    for (let i = 0; i < 7; i++) writeFileSync(join(input, i % 2 ? 'sub' : '', `r${i}.txt`), REPORT.replace('6%', `${i + 1}%`));
    const whole = await cli('batch', input, '--out-dir', join(dir, 'whole'), '--quiet');
    const jsonl = await cli('batch', input, '--out-dir', '-', '-f', 'jsonl', '--quiet');
    expect([whole.code, jsonl.code]).toEqual([0, 0]);
    const N = 3;
    let streamed = '';
    for (let k = 1; k <= N; k++) {
      const r = await cli('batch', input, '--out-dir', join(dir, 'shards'), '--shard', `${k}/${N}`, '--quiet');
      const s = await cli('batch', input, '--out-dir', '-', '-f', 'jsonl', '--shard', `${k}/${N}`, '--quiet');
      expect([r.code, s.code]).toEqual([0, 0]);
      streamed += s.stdout;
    }
    const files = filesUnder(join(dir, 'whole'));
    expect(files).toHaveLength(7);
    expect(filesUnder(join(dir, 'shards'))).toEqual(files);
    for (const f of files) expect(readFileSync(join(dir, 'shards', f), 'utf8')).toBe(readFileSync(join(dir, 'whole', f), 'utf8'));
    expect(streamed).toBe(jsonl.stdout);
    const bad = await cli('batch', input, '--out-dir', join(dir, 'x'), '--shard', '4/3');
    expect(bad).toMatchObject({ code: 2, stderr: 'cnreport: --shard expects K/N with 1 <= K <= N (e.g. 2/4), got "4/3"\n' });
  }, 60_000);
});
