// How batch writes its outputs: one OutputWriter per run on the main thread (folders checked once per run, atomic
// rename), bytes encoded in the workers by a Utf8Encoder that keeps one buffer.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batch } from '../src/batch/index.js';
import { OutputWriter, tempName, Utf8Encoder } from '../src/util/write.js';
import { filesUnder } from './helpers.js';

const posix = process.platform !== 'win32';
const fresh = () => mkdtempSync(join(tmpdir(), 'cnreport-write-'));
const REPORT = '一、总体要求\n到2025年，地区生产总值增长6%左右。\n二、重点任务\n(一)扩大有效投资。完成固定资产投资500亿元。\n';

describe('Utf8Encoder', () => {
  it('gives the UTF-8 of the pieces joined, for BMP text, surrogate pairs and ASCII', () => {
    const encoder = new Utf8Encoder();
    for (const pieces of [[], [''], ['{', '\n  "a": "甲"', '}'], ['𠀀乙', '😀', 'plain ascii'], ['丙'.repeat(5000), '\n']]) {
      expect(Buffer.from(encoder.encode(pieces)).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
    }
  });

  it('encodes a text larger than its buffer whole, and keeps working on small ones after it', () => {
    const encoder = new Utf8Encoder();
    // 3 bytes a character: 1.5 MB, more than the 1 MiB buffer.
    const big = ['前言', '国'.repeat(500_000), '𠀀'];
    expect(Buffer.from(encoder.encode(big)).equals(Buffer.from(big.join(''), 'utf8'))).toBe(true);
    expect(Buffer.from(encoder.encode(['小'])).toString('utf8')).toBe('小');
  });

  it('encodes into a buffer it is given when the text fits, and into a new one when it does not', () => {
    const encoder = new Utf8Encoder();
    const given = Buffer.alloc(64);
    const small = encoder.encode(['五', '六'], given);
    expect([small.buffer === given.buffer, small.toString('utf8')]).toEqual([true, '五六']);
    const large = encoder.encode(['七'.repeat(100)], given);
    expect([large.buffer === given.buffer, large.length, Buffer.from(large).toString('utf8')]).toEqual([false, 300, '七'.repeat(100)]);
  });

  it('encodeOwn returns bytes in memory of their own, untouched by the next call', () => {
    const encoder = new Utf8Encoder();
    const first = encoder.encodeOwn(['第一份', '文件']);
    const second = encoder.encodeOwn(['第二份']);
    expect([first.byteOffset, first.buffer.byteLength]).toEqual([0, first.length]);
    expect(Buffer.from(first).toString('utf8')).toBe('第一份文件');
    expect(Buffer.from(second).toString('utf8')).toBe('第二份');
  });
});

describe('OutputWriter', () => {
  it('writes outputs in nested folders it makes, with no temporary file left', () => {
    const dir = fresh();
    const writer = new OutputWriter(dir);
    writer.write(join(dir, 'a', 'b', 'one.json'), ['{', '"甲"', '}']);
    writer.write(join(dir, 'a', 'b', 'two.json'), Buffer.from('二', 'utf8'));
    writer.write(join(dir, 'a', 'three.json'), '三');
    writer.write(join(dir, 'top.json'), '顶');
    expect(filesUnder(dir)).toEqual(['a/b/one.json', 'a/b/two.json', 'a/three.json', 'top.json']);
    expect(readFileSync(join(dir, 'a', 'b', 'one.json'), 'utf8')).toBe('{"甲"}');
    expect(readFileSync(join(dir, 'a', 'b', 'two.json'), 'utf8')).toBe('二');
  });

  it('replaces a temporary file a killed process of the same id left under its name', () => {
    const dir = fresh();
    const path = join(dir, 'x.json');
    writeFileSync(tempName(path), 'half a file');
    new OutputWriter(dir).write(path, 'whole');
    expect(readdirSync(dir)).toEqual(['x.json']);
    expect(readFileSync(path, 'utf8')).toBe('whole');
  });

  it.skipIf(!posix)('refuses a folder that leads out of the root, also after other folders were checked in the same run', () => {
    const dir = fresh();
    const root = join(dir, 'out');
    mkdirSync(join(root, 'fine'), { recursive: true });
    mkdirSync(join(dir, 'victim'));
    symlinkSync('../victim', join(root, 'sub'));
    const writer = new OutputWriter(root);
    writer.write(join(root, 'fine', 'a.json'), 'a');
    expect(() => writer.write(join(root, 'sub', 'b.json'), 'b')).toThrow(/leads outside .* \(through a symlink\); refused/);
    expect(() => writer.write(join(root, 'sub', 'deeper', 'c.json'), 'c')).toThrow(/refused/);
    writer.write(join(root, 'fine', 'd.json'), 'd');
    expect(readdirSync(join(dir, 'victim'))).toEqual([]);
    expect(filesUnder(root)).toEqual(['fine/a.json', 'fine/d.json']);
  });

  it('an output that is a symlink is replaced by the new file, never written through', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'target.txt'), 'kept');
    mkdirSync(join(dir, 'out'));
    symlinkSync(join(dir, 'target.txt'), join(dir, 'out', 'a.json'));
    new OutputWriter(join(dir, 'out')).write(join(dir, 'out', 'a.json'), 'new');
    expect(readFileSync(join(dir, 'target.txt'), 'utf8')).toBe('kept');
    expect(lstatSync(join(dir, 'out', 'a.json')).isFile()).toBe(true);
  });

  it('names a folder that is a file (ENOTDIR) and keeps failing it', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'plain'), 'a file');
    const writer = new OutputWriter(dir);
    for (let i = 0; i < 2; i++) expect(() => writer.write(join(dir, 'plain', 'x.json'), 'x')).toThrow(expect.objectContaining({ code: expect.stringMatching(/ENOTDIR|EEXIST/) }));
  });
});

describe('batch writes every output on the main thread', () => {
  it('writes all outputs of more files than threads, in every format, byte for byte what one file gives', async () => {
    const dir = fresh();
    for (let i = 0; i < 9; i++) {
      mkdirSync(join(dir, 'in', `d${i % 3}`), { recursive: true });
      writeFileSync(join(dir, 'in', `d${i % 3}`, `r${i}.txt`), REPORT.replace('6%', `${i + 1}%`));
    }
    for (const format of ['json', 'yaml', 'csv'] as const) {
      const out = join(dir, `out-${format}`);
      const summary = await batch({ patterns: [join(dir, 'in')], outDir: out, format, jobs: 2 });
      expect([summary.files, summary.failed]).toEqual([9, 0]);
      const one = join(dir, `one-${format}`);
      await batch({ patterns: [join(dir, 'in', 'd1', 'r4.txt')], outDir: one, format, jobs: 1 });
      const files = filesUnder(out);
      expect(files).toHaveLength(9);
      expect(files.every((f) => !f.split('/').pop()!.startsWith('.'))).toBe(true);
      expect(readFileSync(join(out, 'd1', `r4.${format}`), 'utf8')).toBe(readFileSync(join(one, `r4.${format}`), 'utf8'));
    }
  }, 60_000);

  it('starts no more threads than there are files, and a run that finds nothing leaves no thread behind', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'only.txt'), REPORT);
    const summary = await batch({ patterns: [join(dir, 'in')], outDir: join(dir, 'out'), jobs: 4 });
    expect([summary.files, summary.failed]).toEqual([1, 0]);
    await expect(batch({ patterns: [join(dir, 'none', '*.txt')], outDir: join(dir, 'out2'), jobs: 2 })).rejects.toThrow(/no input files matched/);
    expect(existsSync(join(dir, 'out', 'only.json'))).toBe(true);
  });
});
