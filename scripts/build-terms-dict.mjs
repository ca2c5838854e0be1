// Builds the trimmed jieba dictionary shipped in dict/ for `cnreport terms`:
//   node scripts/build-terms-dict.mjs [--general N] [--out DIR] [TEXT...]
// It keeps (1) every word of jieba's default dictionary that occurs in the given government-report texts (by
// default the project's seeds/*.txt and, when it is there, ../shared/corpus/*.txt: only jieba's own words are
// written, never text of the reports), (2) the N most frequent words of the default dictionary, and adds one dummy
// entry whose frequency is the mass of every word left out, so the total is unchanged and therefore every kept
// word's weight log(freq / total) is exactly the default dictionary's. The smallest frequency of the default
// dictionary is kept too (jieba gives unknown characters that weight). Deterministic: words in the default order.
import { existsSync, readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const jiebaDir = join(dirname(require.resolve('nodejieba/package.json')), 'submodules/cppjieba/dict');

const args = process.argv.slice(2);
let general = 40000;
let out = join(root, 'dict');
const texts = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--general') general = Number(args[++i]);
  else if (args[i] === '--out') out = args[++i];
  else texts.push(args[i]);
}
if (texts.length === 0) {
  for (const dir of [join(root, 'seeds'), join(root, '..', 'shared', 'corpus')]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.txt')) texts.push(join(dir, f));
  }
}

/** The dummy word: private-use characters, which no report contains. */
const DUMMY = '\uE000\uE001';
const DUMMY_MIN = '\uE000\uE002';

const lines = readFileSync(join(jiebaDir, 'jieba.dict.utf8'), 'utf8').split('\n').filter(Boolean);
const entries = lines.map((line) => {
  const [word, freq, tag] = line.split(' ');
  return { word, freq: Number(freq), tag };
});
const total = entries.reduce((n, e) => n + e.freq, 0);
const minFreq = entries.reduce((n, e) => Math.min(n, e.freq), Infinity);
const byWord = new Map(entries.map((e, i) => [e.word, i]));
const maxLen = entries.reduce((n, e) => Math.max(n, [...e.word].length), 0);

const keep = new Set();
for (const path of texts) {
  const chars = [...readFileSync(path, 'utf8')];
  for (let i = 0; i < chars.length; i++) {
    let w = '';
    for (let j = i; j < Math.min(chars.length, i + maxLen); j++) {
      w += chars[j];
      const k = byWord.get(w);
      if (k !== undefined) keep.add(k);
    }
  }
}
const fromTexts = keep.size;
[...entries.keys()].sort((a, b) => entries[b].freq - entries[a].freq || a - b).slice(0, general).forEach((k) => keep.add(k));

const kept = [...keep].sort((a, b) => a - b).map((k) => entries[k]);
let mass = total - kept.reduce((n, e) => n + e.freq, 0);
const extra = [];
if (!kept.some((e) => e.freq === minFreq)) {
  extra.push(`${DUMMY_MIN} ${minFreq} x`);
  mass -= minFreq;
}
extra.push(`${DUMMY} ${mass} x`);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'jieba.small.utf8'), `${[...kept.map((e) => `${e.word} ${e.freq} ${e.tag}`), ...extra].join('\n')}\n`);
// The keyword extractor nodejieba also builds needs an IDF file; terms computes its own, so one line does.
writeFileSync(join(out, 'idf.small.utf8'), `${DUMMY} 1.0\n`);
console.log(`${kept.length} words (${fromTexts} from ${texts.length} texts, ${general} most frequent), total frequency ${total} kept, dummy ${mass}`);
