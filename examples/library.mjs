// The library in three steps: extract one report, batch a folder, track targets against outcomes across two years.
// Run it from the repository after `npm run build`:  node examples/library.mjs [folder]
// (the folder defaults to examples/reports, two short reports written for this example).
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batch, csvOf, extract, track } from 'cnreport';

const folder = process.argv[2] ?? join(import.meta.dirname, 'reports');
const files = readdirSync(folder).filter((f) => f.endsWith('.txt')).sort().map((f) => join(folder, f));

// 1. Extract one file: the validated result (meta, sections, tasks, quantities, organizations, …).
const result = extract({ path: files[0] });
console.log(`${result.meta.title}: ${result.sections.length} sections, ${result.tasks.length} tasks, ${result.quantities.length} quantities`);
for (const q of result.quantities.filter((q) => q.kind === 'target')) {
  console.log(`  target ${q.indicator ?? '?'} ${q.year}: ${q.comparator ?? ''}${q.value ?? q.range?.join('-')}${q.unit}`);
}
console.log(csvOf(result).replace(/^\uFEFF/, '').split('\r\n')[0]); // the CSV header; csvOf takes one result or an array

// 2. Batch a folder: one JSON file per report, written on worker threads; a failed file never stops the rest.
const outDir = mkdtempSync(join(tmpdir(), 'cnreport-example-'));
const summary = await batch({ patterns: [folder], outDir, jobs: 2 });
console.log(`batch: ${summary.files} files, ${summary.failed} failed, written to ${outDir}`);

// 3. Track two years: each year's targets paired with the outcomes the next report gives for them.
const tracked = track(files.map((path) => extract({ path })));
for (const p of tracked.pairs) {
  console.log(`  ${p.indicator} ${p.year}: target ${p.target.text.trim()} → actual ${p.actual.value}${p.actual.unit} (${p.status})`);
}
for (const m of tracked.messages) console.log(`  ${m.severity}: ${m.message}`);
