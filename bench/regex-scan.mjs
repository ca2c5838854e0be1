// Child of run.mjs: how many characters the regexes scan per document, as a multiple of its length. Every regex
// operation (exec, test, match, matchAll, replace, split, search) goes through RegExp.prototype.exec once it is
// replaced, so wrapping it sees them all. A call scans from where it starts (lastIndex for global and sticky
// regexes, else 0) to the end of its match, or to the end of the input when nothing matches; a sticky regex tries
// one position only. Usage: node bench/regex-scan.mjs FILE... (prints one JSON line).
import { readFileSync } from 'node:fs';
import { extract, loadRules } from '../dist/index.js';

const rules = loadRules();
const exec = RegExp.prototype.exec;
/** `^…` with no top-level alternative and no m flag tries position 0 only: it scans what it matches, or one position. */
const anchoredCache = new Map();
function anchored(re) {
  if (re.multiline || !re.source.startsWith('^')) return false;
  let known = anchoredCache.get(re.source);
  if (known === undefined) {
    let depth = 0;
    let inClass = false;
    known = true;
    for (let i = 0; i < re.source.length; i++) {
      const ch = re.source[i];
      if (ch === '\\') i++;
      else if (inClass) inClass = ch !== ']';
      else if (ch === '[') inClass = true;
      else if (ch === '(') depth++;
      else if (ch === ')') depth--;
      else if (ch === '|' && depth === 0) known = false;
    }
    anchoredCache.set(re.source, known);
  }
  return known;
}
let scanned = 0;
RegExp.prototype.exec = function scan(input) {
  const text = String(input);
  const from = this.global || this.sticky ? this.lastIndex : 0;
  const m = exec.call(this, text);
  if (this.sticky || anchored(this)) scanned += m ? m[0].length + 1 : 1;
  else scanned += Math.max(1, (m ? m.index + m[0].length : text.length) - from);
  return m;
};

const ratios = [];
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  scanned = 0;
  extract({ text }, { rules });
  ratios.push({ file, chars: text.length, ratio: scanned / text.length });
}
RegExp.prototype.exec = exec;
ratios.sort((a, b) => a.ratio - b.ratio);
const at = (q) => ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))];
process.stdout.write(`${JSON.stringify({ files: ratios.length, median: at(0.5).ratio, max: ratios.at(-1), p90: at(0.9).ratio })}\n`);
