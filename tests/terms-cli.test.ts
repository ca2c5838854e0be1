import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, SEEDS } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'cnreport-terms-'));
const words = join(dir, 'words.txt');
writeFileSync(words, '环境: 生态 环保 污染 绿色\n数字: 数字经济 人工智能\n');
// Reports written for these tests: one region, three years.
const report = (year: number, body: string) => `某市${year}年政府工作报告\n一、${year - 1}年工作回顾\n${body}\n二、${year}年工作安排\n坚持生态优先，发展数字经济。\n`;
const files = [2021, 2022, 2023, 2024].map((year, i) => {
  const path = join(dir, `r${year}.txt`);
  writeFileSync(path, report(year, ['推进绿色发展。', '加强环保督察，治理污染。', '生态环境持续改善，绿色转型加快。', '人工智能产业壮大。'][i]!));
  return path;
});

describe('cnreport terms', () => {
  it('prints tidy CSV, one row per document, part, group and keyword', async () => {
    const r = await cli('terms', files[0]!, files[1]!, '--words', words, '--quiet');
    expect(r.code).toBe(0);
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows[0]).toBe('file,year,province,city,district,level,doc_type,part,part_title,group,keyword,count,occurrences,words,per_10k,share');
    expect(rows).toHaveLength(1 + 2 * (2 + 6));
    expect(rows[1]).toMatch(new RegExp(`^${files[0]!.replace(/[.\\]/g, '\\$&')},2021,`));
  });

  it('writes JSON with hit spans and an HTML chart across years', async () => {
    const chart = join(dir, 'chart.html');
    const r = await cli('terms', ...files, '--words', words, '-f', 'json', '--chart', chart, '--quiet', '-j', '1');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.documents.map((d: { year: number }) => d.year)).toEqual([2021, 2022, 2023, 2024]);
    for (const d of json.documents) {
      const source = readFileSync(d.file, 'utf8');
      for (const g of d.parts[0].groups) for (const k of g.keywords) for (const h of k.hits) expect(source.slice(h.start, h.end)).toBe(k.keyword);
    }
    const html = readFileSync(chart, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    expect((html.match(/<circle/g) ?? []).length).toBe(4);
  });

  it('gives the same counts on worker threads as in process', async () => {
    const one = await cli('terms', ...files, '--words', words, '-j', '1', '--quiet', '--by', 'role');
    const two = await cli('terms', ...files, '--words', words, '-j', '2', '--quiet', '--by', 'role');
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('lists the top content words without --words', async () => {
    const r = await cli('terms', ...files, '--top', '3', '--quiet', '-j', '1');
    expect(r.code).toBe(0);
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows[0]).toBe('file,year,province,city,district,level,doc_type,part,part_title,rank,word,tag,count,words,per_10k,share,df,tfidf');
    expect(rows).toHaveLength(1 + 4 * 3);
  });

  it('exits 2 on usage and keyword-file errors, 1 when a file cannot be read', async () => {
    expect((await cli('terms', files[0]!, '--words', join(dir, 'missing.txt'))).code).toBe(2);
    expect((await cli('terms', files[0]!, '--words', words, '--by', 'chapter')).code).toBe(2);
    expect((await cli('terms', files[0]!, '--chart', join(dir, 'c.html'))).code).toBe(2);
    expect((await cli('terms', files[0]!, '--words', words, '--top', '5')).code).toBe(2);
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, '环境:\n');
    const r = await cli('terms', files[0]!, '--words', bad);
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining('bad.txt:1: group "环境" has no keywords') });
    const missing = await cli('terms', files[0]!, join(dir, 'nope.txt'), '--words', words, '--quiet');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.txt: no such file');
    expect(missing.stdout.split('\n')[1]).toContain('r2021.txt');
  });
});

describe('nodejieba is loaded by terms only', () => {
  const bundle = join(ROOT, 'dist', 'bundle', 'cli.cjs');
  it.skipIf(!existsSync(bundle))('extract, batch, check, view and track run without loading it; terms loads it', () => {
    const seed = join(SEEDS, '000_8e5208af9c013f38.txt');
    const out = join(dir, 'batch-out');
    const script = `
      const cli = require(${JSON.stringify(bundle)});
      const io = { stdout() {}, stderr() {} };
      const loaded = () => Object.keys(require.cache).some((k) => k.includes('nodejieba'));
      (async () => {
        const seen = {};
        for (const argv of [
          ['extract', ${JSON.stringify(seed)}],
          ['batch', ${JSON.stringify(seed)}, '--out-dir', ${JSON.stringify(out)}, '--quiet'],
          ['check', ${JSON.stringify(seed)}],
          ['view', ${JSON.stringify(seed)}, '-o', ${JSON.stringify(join(dir, 'v.html'))}],
          ['track', ${JSON.stringify(seed)}],
          ['terms', ${JSON.stringify(seed)}, '--words', ${JSON.stringify(words)}, '-o', ${JSON.stringify(join(dir, 't.csv'))}],
        ]) {
          await cli.run(argv, io);
          seen[argv[0]] = loaded();
        }
        process.stdout.write(JSON.stringify(seen));
      })();`;
    const seen = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }));
    expect(seen).toEqual({ extract: false, batch: false, check: false, view: false, track: false, terms: true });
    // The batch worker is a bundle of its own: it holds no trace of jieba either.
    const worker = join(ROOT, 'dist', 'bundle', 'worker.cjs');
    if (existsSync(worker)) expect(readFileSync(worker, 'utf8')).not.toContain('nodejieba');
  });
});
