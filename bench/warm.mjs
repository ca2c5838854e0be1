// Child of run.mjs: warm extraction of real reports through the library on one core (extract + JSON), after two
// passes of warm-up. Usage: node bench/warm.mjs FILE... (prints one JSON line).
import { readFileSync } from 'node:fs';
import { emit, extract, loadRules } from '../dist/index.js';

const rules = loadRules();
const inputs = process.argv.slice(2).map((f) => readFileSync(f));
const bytes = inputs.reduce((n, b) => n + b.length, 0);
const pass = () => {
  for (const b of inputs) emit(extract(b, { rules }), 'json');
};
pass();
pass();
const passes = [];
const started = performance.now();
while (passes.length < 3 || (performance.now() - started < 5000 && passes.length < 20)) {
  const t = performance.now();
  const c = process.cpuUsage();
  pass();
  const cpu = process.cpuUsage(c);
  passes.push({ seconds: (performance.now() - t) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = median(passes.map((p) => p.seconds));
const cpuSeconds = median(passes.map((p) => p.cpuSeconds));
process.stdout.write(`${JSON.stringify({ files: inputs.length, bytes, passes: passes.length, seconds, cpuSeconds, mbPerSecond: bytes / 1048576 / seconds, mbPerCpuSecond: bytes / 1048576 / cpuSeconds })}\n`);
