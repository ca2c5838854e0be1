#!/usr/bin/env node
// node bench/terms.mjs [--no-loo]: figures for `cnreport terms` (run `npm run build` first; dist/ is measured).
//  1. load time of jieba with the shipped dictionary, with jieba's default one through terms (--full-dictionary),
//     and nodejieba's own default load (default dictionary and its 6 MB IDF file): each in a fresh process, median of 3;
//  2. throughput in MB/s (MiB of UTF-8 text): jieba's cutting and tagging alone, and terms in process (extraction + counting),
//     one core, on ../shared/corpus (else the seeds) repeated; the CLI on a folder of copies with worker threads;
//  3. token agreement of the shipped dictionary with the default one: tokens at the same offsets, over all tokens
//     but whitespace and over counted words; and, unless --no-loo, leave one out: for each report a dictionary built
//     without it (seeds + the other reports + the 40,000 most frequent words), which is the figure for a report the
//     dictionary has never seen.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1024 * 1024;
const require = createRequire(import.meta.url);
const dist = (p) => import(pathToFileURL(join(ROOT, 'dist', p)).href);
const log = (s) => process.stderr.write(`${s}\n`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const SHARED = join(ROOT, '..', 'shared', 'corpus');
const corpusDir = existsSync(SHARED) ? SHARED : join(ROOT, 'seeds');
const files = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(corpusDir, f));
const texts = files.map((f) => readFileSync(f, 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

// Child mode: load once and print the milliseconds.
const mode = process.argv[2];
if (mode === '--child-load') {
  const which = process.argv[3];
  const t = performance.now();
  if (which === 'nodejieba-default') {
    const j = require('nodejieba');
    j.load();
    j.cut('测试');
  } else {
    const { loadSegmenter } = await dist('terms/jieba.js');
    loadSegmenter({ keywords: ['生态', '数字经济'], fullDictionary: which === 'full' }).tag('测试');
  }
  process.stdout.write(String(performance.now() - t));
  process.exit(0);
}

const results = { node: process.version, cpus: cpus().length, load: loadavg()[0], corpus: { dir: corpusDir, files: files.length, mb: bytes / MB } };
log(`corpus: ${files.length} files, ${(bytes / MB).toFixed(2)} MB from ${corpusDir}`);

// 1. Load times.
for (const which of ['shipped', 'full', 'nodejieba-default']) {
  const ms = Array.from({ length: 3 }, () => Number(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child-load', which], { encoding: 'utf8' })));
  results[`load_${which}_s`] = median(ms) / 1000;
  log(`load ${which}: ${(median(ms) / 1000).toFixed(3)} s (runs: ${ms.map((m) => (m / 1000).toFixed(2)).join(', ')})`);
}

// 2. Throughput in process, one core.
const { loadSegmenter } = await dist('terms/jieba.js');
const { countInput, countSettings } = await dist('terms/index.js');
const { loadRules } = await dist('rules/load.js');
const rules = loadRules();
const groups = [{ name: '环境', keywords: ['生态', '环保', '污染', '绿色'] }];
const settings = countSettings({ groups, by: 'role' });
const seg = loadSegmenter({ keywords: settings.keywords });
const rounds = Math.max(1, Math.ceil((4 * MB) / bytes));
const timed = (fn) => {
  const c = process.cpuUsage();
  const t = performance.now();
  for (let r = 0; r < rounds; r++) fn();
  const cpu = process.cpuUsage(c);
  return { s: (performance.now() - t) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
};
const cutOnly = timed(() => { for (const t of texts) seg.cut(t); });
const tagOnly = timed(() => { for (const t of texts) seg.tag(t); });
const whole = timed(() => { for (const f of files) countInput({ path: f }, seg, settings, rules, { path: f }); });
const mbs = (x) => (bytes * rounds) / MB / x;
results.cut_mb_s = mbs(cutOnly.s);
results.cut_mb_s_cpu = mbs(cutOnly.cpu);
results.tag_mb_s = mbs(tagOnly.s);
results.tag_mb_s_cpu = mbs(tagOnly.cpu);
results.terms_mb_s = mbs(whole.s);
results.terms_mb_s_cpu = mbs(whole.cpu);
log(`jieba cutting alone (keyword counts): ${results.cut_mb_s.toFixed(2)} MB/s wall, ${results.cut_mb_s_cpu.toFixed(2)} MB/s of CPU (${rounds} rounds)`);
log(`jieba tagging alone (--top): ${results.tag_mb_s.toFixed(2)} MB/s wall, ${results.tag_mb_s_cpu.toFixed(2)} MB/s of CPU (${rounds} rounds)`);
log(`terms in process (extract + count, --by role): ${results.terms_mb_s.toFixed(2)} MB/s wall, ${results.terms_mb_s_cpu.toFixed(2)} MB/s of CPU`);

// The CLI with worker threads on a folder of copies (about 4 MB).
const dir = mkdtempSync(join(tmpdir(), 'cnreport-terms-bench-'));
try {
  for (let r = 0; r < rounds; r++) for (const f of files) cpSync(f, join(dir, `${r}_${f.split('/').pop()}`));
  const words = join(dir, 'words.lst');
  writeFileSync(words, '环境: 生态 环保 污染 绿色\n');
  const t2 = performance.now();
  const cli = spawnSync(process.execPath, [join(ROOT, 'bin', 'cnreport.js'), 'terms', `${dir}/*.txt`, '--words', words, '-j', '2', '--quiet', '-o', join(dir, 'out.csv')], { encoding: 'utf8' });
  const s = (performance.now() - t2) / 1000;
  results.cli_workers_mb_s = mbs(s);
  results.cli_status = cli.status;
  log(`CLI, -j 2 worker threads, ${files.length * rounds} files: ${s.toFixed(2)} s, ${results.cli_workers_mb_s.toFixed(2)} MB/s (exit ${cli.status})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// 3. Token agreement, shipped against default, by offsets.
const nodejieba = require('nodejieba');
const { SHIPPED_DICT, SHIPPED_IDF } = await dist('terms/jieba.js');
const empty = join(mkdtempSync(join(tmpdir(), 'cnreport-terms-bench-')), 'user.dict.utf8');
writeFileSync(empty, '');
const stop = new Set(readFileSync(nodejieba.DEFAULT_STOP_WORD_DICT, 'utf8').split(/\r?\n/).filter(Boolean));
const { isWord } = await dist('terms/count.js');
const load = (dict, idf) => nodejieba.load({ dict, idfDict: idf, userDict: empty });
const tokens = (text) => {
  const out = [];
  let at = 0;
  for (const { word } of nodejieba.tag(text)) {
    const i = text.indexOf(word, at);
    out.push({ key: `${i}:${word}`, word });
    at = i + word.length;
  }
  return out;
};
const agreement = (base, other) => {
  let all = 0, same = 0, words = 0, sameWords = 0;
  base.forEach((toks, i) => {
    const set = new Set(other[i].map((t) => t.key));
    for (const t of toks) {
      if (!/\S/.test(t.word)) continue;
      all++;
      const hit = set.has(t.key);
      if (hit) same++;
      if (isWord(t.word, stop)) {
        words++;
        if (hit) sameWords++;
      }
    }
  });
  return { tokens: same / all, words: sameWords / words, n: all };
};
load(nodejieba.DEFAULT_DICT, SHIPPED_IDF);
const full = texts.map(tokens);
load(SHIPPED_DICT, SHIPPED_IDF);
const shipped = texts.map(tokens);
const a = agreement(full, shipped);
results.agreement_shipped = a;
log(`agreement, shipped dictionary vs default on ${files.length} files (${a.n} tokens): ${(a.tokens * 100).toFixed(2)}% of tokens, ${(a.words * 100).toFixed(2)}% of counted words`);

if (!process.argv.includes('--no-loo') && corpusDir === SHARED) {
  const seeds = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => join(ROOT, 'seeds', f));
  const out = mkdtempSync(join(tmpdir(), 'cnreport-terms-loo-'));
  const loo = [];
  try {
    files.forEach((f, i) => {
      execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-terms-dict.mjs'), '--out', out, ...seeds, ...files.filter((g) => g !== f)]);
      load(join(out, 'jieba.small.utf8'), join(out, 'idf.small.utf8'));
      loo.push(tokens(texts[i]));
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const b = agreement(full, loo);
  results.agreement_leave_one_out = b;
  log(`agreement, leave one out (each report against a dictionary built without it): ${(b.tokens * 100).toFixed(2)}% of tokens, ${(b.words * 100).toFixed(2)}% of counted words`);
}
rmSync(dirname(empty), { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
