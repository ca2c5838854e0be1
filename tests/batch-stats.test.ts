// How batch hands out its jobs (large inputs first) and what it tells of where the time went (--stats).
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batch, formatStats, largeFirst, type BatchSummary } from '../src/batch/index.js';
import type { Job } from '../src/batch/plan.js';
import { run } from '../src/cli/index.js';

const REPORT = '一、总体要求\n到2025年，地区生产总值增长6%左右。\n二、重点任务\n(一)扩大有效投资。完成固定资产投资500亿元。\n';
const linux = existsSync('/proc/thread-self/schedstat');

function jobs(sizes: number[]): Job[] {
  return sizes.map((bytes, id) => ({ id, input: `r${id}.txt`, abs: `/in/r${id}.txt`, bytes, output: `/out/r${id}.json` }));
}

/** Six small reports and a binary file, in a fresh folder. */
function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cnreport-stats-'));
  mkdirSync(join(dir, 'in'));
  for (let i = 0; i < 6; i++) writeFileSync(join(dir, 'in', `r${i}.txt`), REPORT.replace('6%', `${i + 1}%`));
  writeFileSync(join(dir, 'in', 'broken.txt'), Buffer.from([0, 1, 2, 3, 0xff, 0]));
  return dir;
}

describe('largeFirst', () => {
  it('hands out the inputs large against a worker\'s share first, largest first, and the rest in input order', () => {
    // 830 bytes for 2 workers: large means more than 830 / 32 bytes.
    expect(largeFirst(jobs([10, 10, 500, 10, 300]), 2).map((j) => j.id)).toEqual([2, 4, 0, 1, 3]);
    expect(largeFirst(jobs([300, 10, 500]), 1).map((j) => j.id)).toEqual([2, 0, 1]);
  });

  it('leaves a run of like-sized inputs in input order', () => {
    // 200 inputs of 30 to 70 bytes: none holds a sixteenth of a worker's hundred.
    const even = jobs(Array.from({ length: 200 }, (_, i) => 30 + ((i * 37) % 41)));
    expect(largeFirst(even, 2)).toEqual(even);
    expect(largeFirst([], 2)).toEqual([]);
  });
});

describe('batch figures', () => {
  it('account for every file and byte by worker, with busy time within each worker\'s life', async () => {
    const dir = corpus();
    const summary = await batch({ patterns: [join(dir, 'in')], outDir: join(dir, 'out'), jobs: 2 });
    expect([summary.files, summary.failed]).toEqual([7, 1]);
    expect(summary.workers.length).toBeGreaterThanOrEqual(1);
    expect(summary.workers.reduce((n, w) => n + w.files, 0)).toBe(summary.files);
    expect(summary.workers.reduce((n, w) => n + w.bytes, 0)).toBe(summary.bytes);
    for (const w of summary.workers) {
      expect(w.busySeconds).toBeGreaterThan(0);
      expect(w.busySeconds).toBeLessThanOrEqual(w.aliveSeconds);
      expect(w.starved).toBeGreaterThanOrEqual(1); // at least when the run's jobs ran out
      if (linux) {
        expect(w.cpuSeconds).toBeGreaterThan(0);
        expect(w.jobCpuSeconds).toBeLessThanOrEqual(w.cpuSeconds!);
        expect(w.warm?.bytes).toBe(w.bytes); // a small run is all warm-up
      }
    }
    expect(summary.cpu.processSeconds).toBeGreaterThan(0);
    if (linux) expect(summary.cpu.mainSeconds).toBeGreaterThan(0);
  });

  it('batch --stats prints them after the summary, also with --quiet; without it, nothing', async () => {
    const dir = corpus();
    const cli = async (argv: string[]) => {
      let stderr = '';
      const code = await run(argv, { stdout: () => undefined, stderr: (s: string) => void (stderr += s), isTTY: false } as never);
      return { code, stderr };
    };
    const stats = await cli(['batch', join(dir, 'in'), '--out-dir', join(dir, 'a'), '--quiet', '--stats', '-j', '1']);
    const plain = await cli(['batch', join(dir, 'in'), '--out-dir', join(dir, 'b'), '--quiet', '-j', '1']);
    expect([stats.code, plain.code]).toEqual([1, 1]);
    const lines = stats.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^cnreport: .*broken\.txt: binary file/);
    expect(lines[1]).toMatch(/^cnreport: worker 1: 7 files, 0\.0 MB, busy [\d.]+ s of [\d.]+ s/);
    expect(lines[2]).toMatch(/^cnreport: CPU [\d.]+ s/);
    expect(lines).toHaveLength(3);
    expect(plain.stderr).not.toMatch(/worker 1|CPU/);
  });

  it('formats the figures: per worker, then the run\'s CPU time split by threads', () => {
    const MB = 1024 * 1024;
    const summary = {
      files: 300, bytes: 20 * MB, cpu: { processSeconds: 6, mainSeconds: 0.5 },
      workers: [
        { files: 200, bytes: 12 * MB, aliveSeconds: 3, busySeconds: 2.5, starved: 1, cpuSeconds: 2.6, jobCpuSeconds: 2.5, warm: { bytes: 4 * MB, cpuSeconds: 1 } },
        { files: 100, bytes: 8 * MB, aliveSeconds: 3, busySeconds: 2.7, starved: 3, cpuSeconds: 2.4, jobCpuSeconds: 2.3, warm: { bytes: 4 * MB, cpuSeconds: 1.3 } },
      ],
    } as unknown as BatchSummary;
    expect(formatStats(summary)).toEqual([
      'worker 1: 200 files, 12.0 MB, busy 2.5 s of 3.0 s, out of work 1x, CPU 2.6 s (start-up 0.10 s, first 4.0 MB at 4.0 MB/CPU-s, the rest at 5.3 MB/CPU-s)',
      'worker 2: 100 files, 8.0 MB, busy 2.7 s of 3.0 s, out of work 3x, CPU 2.4 s (start-up 0.10 s, first 4.0 MB at 3.1 MB/CPU-s, the rest at 4.0 MB/CPU-s)',
      'CPU 6.0 s (3.3 MB/CPU-s): workers 5.0 s, main thread 0.5 s, V8 helper threads (compiler, GC) 0.5 s',
    ]);
    const elsewhere = { ...summary, bytes: 1.2 * MB, cpu: { processSeconds: 6 }, workers: [{ files: 2, bytes: MB, aliveSeconds: 1, busySeconds: 0.5, starved: 1 }] } as unknown as BatchSummary;
    expect(formatStats(elsewhere)).toEqual(['worker 1: 2 files, 1.0 MB, busy 0.5 s of 1.0 s, out of work 1x', 'CPU 6.0 s (0.2 MB/CPU-s)']);
  });
});
