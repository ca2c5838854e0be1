// Generates the benchmark corpus from the seeds: deterministic, so figures compare across runs.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MB = 1024 * 1024;
const VERSION = 1; // bump when the generator changes, so a stale corpus is rebuilt

/** A small seeded PRNG (mulberry32): the same corpus on every machine. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A variant of a report: some body lines dropped, some swapped with their neighbour, and non-year numbers changed,
 * so copies differ in content and length but keep the headings, markers and units the extractors look for.
 */
export function vary(text, seed) {
  const rnd = random(seed);
  const lines = text.split('\n').filter((line, i) => i < 3 || line.length < 30 || rnd() > 0.12);
  for (let i = 3; i + 1 < lines.length; i++) {
    if (lines[i].length > 60 && lines[i + 1].length > 60 && rnd() < 0.1) [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
  }
  return lines.join('\n').replace(/\d+(\.\d+)?/g, (n) => (/^(19|20)\d\d$/.test(n) ? n : String(Math.max(1, Math.round(Number(n) * (0.5 + rnd()))))));
}

function seeds(seedDir) {
  return readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(seedDir, f), 'utf8'));
}

/** One document of at least `bytes`: seed variants concatenated. */
function bigDoc(texts, bytes, seed) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = vary(texts[i % texts.length], seed + i);
    parts.push(part);
    size += Buffer.byteLength(part) + 1;
  }
  return parts.join('\n');
}

/** About 1 KB of consecutive lines from a seed variant: a small notice-sized file. */
function snippet(texts, i) {
  const lines = vary(texts[i % texts.length], 100_000 + i).split('\n');
  const from = Math.floor(random(i)() * Math.max(1, lines.length - 10));
  const out = [];
  for (let j = from; j < lines.length && out.join('\n').length < 400; j++) out.push(lines[j]);
  return out.join('\n');
}

function writeTree(dir, count, make) {
  rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  for (let i = 0; i < count(bytes, i); i++) {
    const sub = join(dir, `d${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    const text = make(i);
    writeFileSync(join(sub, `r${String(i).padStart(5, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
}

/** Builds bench/out/{small,many,big1.txt,big10.txt} unless an up-to-date copy is there; returns their paths. */
export function corpus(root) {
  const out = join(root, 'bench', 'out');
  const paths = { small: join(out, 'small'), many: join(out, 'many'), big1: join(out, 'big1.txt'), big10: join(out, 'big10.txt') };
  const stamp = join(out, 'corpus.json');
  const texts = seeds(join(root, 'seeds'));
  const key = JSON.stringify({ VERSION, seeds: texts.map((t) => t.length) });
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === key) return paths;
  mkdirSync(out, { recursive: true });
  writeTree(paths.small, (bytes) => (bytes < 10.5 * MB ? Infinity : 0), (i) => vary(texts[i % texts.length], i));
  writeTree(paths.many, (_, i) => (i < 10_000 ? Infinity : 0), (i) => snippet(texts, i));
  writeFileSync(paths.big1, bigDoc(texts, 1 * MB, 1));
  writeFileSync(paths.big10, bigDoc(texts, 10 * MB, 1));
  writeFileSync(stamp, key);
  return paths;
}

/** Number of files and bytes below a directory. */
export function measure(dir) {
  let files = 0;
  let bytes = 0;
  if (!existsSync(dir)) return { files, bytes };
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += statSync(join(e.parentPath, e.name)).size;
  }
  return { files, bytes };
}

/**
 * The real reports (the seeds and, when it is there, ../shared/corpus), as they are, and copies of them repeated
 * into bench/out/real/ until it holds at least `atLeast` bytes: the corpus the batch budget speaks of. Without
 * ../shared the seeds alone are repeated (they are real reports too). Returns the originals' paths, the folder and
 * whether ../shared/corpus is in it.
 */
export function realCorpus(root, atLeast = 40 * MB) {
  const shared = join(root, '..', 'shared', 'corpus');
  const withShared = existsSync(shared);
  const files = [
    ...readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => join(root, 'seeds', f)),
    ...(withShared ? readdirSync(shared).filter((f) => f.endsWith('.txt')).sort().map((f) => join(shared, f)) : []),
  ];
  const dir = join(root, 'bench', 'out', 'real');
  const texts = files.map((f) => readFileSync(f));
  const key = JSON.stringify({ VERSION, atLeast, sizes: texts.map((t) => t.length) });
  const stamp = join(dir, '..', 'real.json');
  if (!(existsSync(stamp) && readFileSync(stamp, 'utf8') === key)) {
    rmSync(dir, { recursive: true, force: true });
    writeTree(dir, (bytes) => (bytes < atLeast ? Infinity : 0), (i) => texts[i % texts.length]);
    writeFileSync(stamp, key);
  }
  return { files, dir, withShared };
}
