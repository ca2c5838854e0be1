// Running things and timing them, for run.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
export const RSS_SOURCE = TIME ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS';

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Wall seconds of a command, its output thrown away. */
export function wall(argv, cwd) {
  const t = performance.now();
  const r = spawnSync(argv[0], argv.slice(1), { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 300)}`);
  return (performance.now() - t) / 1000;
}

/** Run the CLI with these arguments: wall seconds, peak RSS (MB) of the whole process, exit status. */
export function cli(root, args) {
  const node = process.execPath;
  const argv = TIME ? [TIME, '-v', node, join(root, 'bin', 'cnreport.js'), ...args] : [node, join(root, 'bench', 'rss.mjs'), ...args];
  const t = performance.now();
  const r = spawnSync(argv[0], argv.slice(1), { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t) / 1000;
  const grab = (re) => Number(r.stderr.match(re)?.[1] ?? NaN);
  const kb = TIME ? grab(/Maximum resident set size \(kbytes\): (\d+)/) : grab(/maxRSS (\d+) /);
  const cpu = TIME ? grab(/User time \(seconds\): ([\d.]+)/) + grab(/System time \(seconds\): ([\d.]+)/) : grab(/cpu ([\d.]+)\s*$/);
  return { seconds, cpuSeconds: Number.isNaN(cpu) ? null : cpu, rssMB: Number.isNaN(kb) ? null : kb / 1024, status: r.status, stderr: r.stderr };
}

/**
 * Time each pipeline stage over one file in a child (bench/stages.mjs). Killed after `timeoutMs`; the stages that
 * finished are still returned, with `timedOut` naming the stage that was running.
 */
export function stages(root, file, timeoutMs, warmup) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bench', 'stages.mjs'), file, ...(warmup ? [warmup] : [])], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = { stages: {}, cpu: {}, running: null, timedOut: null, error: '' };
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines.map((l) => JSON.parse(l))) {
        if (line.running) out.running = line.running;
        if (line.stage) [out.stages[line.stage], out.cpu[line.stage]] = [line.ms, line.cpuMs];
      }
    });
    child.stderr.on('data', (chunk) => void (out.error += chunk));
    const timer = setTimeout(() => {
      out.timedOut = out.running;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0 && !out.timedOut) out.error ||= `exited ${code}`;
      resolve(out);
    });
  });
}
