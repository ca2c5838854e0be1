// Child process of run.mjs: times each pipeline stage over one file, printing one JSON line per stage as it
// finishes, so that when the parent kills a run that takes too long it still knows which stage was running.
// Usage: node bench/stages.mjs FILE [WARMUP-FILE]
import { readFileSync } from 'node:fs';
import { assemble } from '../dist/assemble.js';
import { newDoc } from '../dist/document.js';
import { emit } from '../dist/emit/index.js';
import { PIPELINE } from '../dist/pipeline.js';
import { loadRules } from '../dist/rules/load.js';

const file = process.argv[2];
const rules = loadRules();
// Warm up on a document of similar make (the 1 MB one), so lazy loads (nodejieba) and JIT stay out of the timings.
const seed = process.argv[3] ?? new URL('../seeds/000_8e5208af9c013f38.txt', import.meta.url);
let warm = newDoc(readFileSync(seed), null);
for (const stage of PIPELINE) warm = stage(warm, { rules });
emit(assemble(warm), 'json');

const say = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);
const time = (name, fn) => {
  say({ running: name });
  const t = performance.now();
  const c = process.cpuUsage();
  const out = fn();
  const cpu = process.cpuUsage(c);
  say({ stage: name, ms: performance.now() - t, cpuMs: (cpu.user + cpu.system) / 1000 });
  return out;
};
let doc = newDoc(readFileSync(file), file);
for (const stage of PIPELINE) doc = time(stage.name, () => stage(doc, { rules }));
const result = time('assemble', () => assemble(doc));
time('emit json', () => emit(result, 'json'));
say({ done: true, quantities: result.quantities.length, sections: result.sections.length });
