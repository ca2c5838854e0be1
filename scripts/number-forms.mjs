// The README's table of number forms, generated from the examples of rules/units.yaml (so it cannot drift from the
// code): each example is extracted and its value, unit, normalised value and value in the base unit shown.
//   node scripts/number-forms.mjs          rewrite the table in README.md (after `npm run build`)
//   node scripts/number-forms.mjs --check  exit 1 when README.md differs from what would be written
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const START = '<!-- number-forms:start -->';
export const END = '<!-- number-forms:end -->';
const ROOT = join(import.meta.dirname, '..');

/** Every rule of units.yaml with examples, in the file's order of sections: forms, special readings, units. */
export function formRules(unitsYaml) {
  const u = parse(unitsYaml);
  const special = [u.subunits, u.halves, u.bareMagnitude].filter(Boolean);
  return [...(u.forms ?? []), ...special, ...(u.units ?? [])].filter((r) => r.examples?.match?.length);
}

const cell = (text) => String(text).replace(/\|/g, '\\|');
const number = (n) => (n === null ? '–' : String(n));

/** The quantity an example shows: the one its rule produced, else the first. */
function shown(quantities, id) {
  return quantities.find((q) => q.rule === id) ?? quantities[0] ?? null;
}

/** The table (Markdown), one row per example; `extract` is the library's extract(input). */
export function numberFormsTable(extract, unitsYaml) {
  const rows = ['| rule | example | core | value | unit | normalized | base |', '|---|---|---|---|---|---|---|'];
  for (const rule of formRules(unitsYaml)) {
    for (const example of rule.examples.match) {
      const q = shown(extract({ text: example }).quantities, rule.id);
      if (!q) { rows.push(`| \`${rule.id}\` | ${cell(example)} | (none) | | | | |`); continue; }
      const value = q.range ? `${q.range[0]}–${q.range[1]}` : number(q.value);
      const n = q.normalized;
      const normal = `${number(n.value)} ${n.unit ?? '(none)'}${n.currency ? ` (${n.currency})` : ''}`;
      const base = n.base ? `${number(n.base.value)} ${n.base.unit}` : '–';
      rows.push(`| \`${rule.id}\` | ${cell(example)} | ${cell(q.core.text)} | ${q.comparator ? `${q.comparator} ` : ''}${value} | ${cell(q.unit)} | ${cell(normal)} | ${cell(base)} |`);
    }
  }
  return `${rows.join('\n')}\n`;
}

/** README text with the table between the markers replaced. */
export function withTable(readme, table) {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md: the markers ${START} and ${END} are missing`);
  return `${readme.slice(0, a + START.length)}\n${table}${readme.slice(b)}`;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { extract } = await import('../dist/index.js');
  const readmePath = join(ROOT, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const next = withTable(readme, numberFormsTable(extract, readFileSync(join(ROOT, 'rules', 'units.yaml'), 'utf8')));
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      process.stderr.write('README.md: the number forms table is out of date; run node scripts/number-forms.mjs\n');
      process.exitCode = 1;
    }
  } else if (next !== readme) writeFileSync(readmePath, next);
}
