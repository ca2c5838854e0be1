import type { BatchSummary } from './index.js';

export interface Progress {
  done: number;
  total: number;
  bytes: number;
  totalBytes: number;
  seconds: number;
}

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toFixed(1);

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** One line for a terminal: bar, files done/total, throughput and time left (estimated from bytes, not files). */
export function formatProgress(p: Progress, width = 24): string {
  const share = p.totalBytes > 0 ? p.bytes / p.totalBytes : p.total > 0 ? p.done / p.total : 1;
  const filled = Math.min(width, Math.round(share * width));
  const rate = p.seconds > 0 ? p.bytes / p.seconds : 0;
  const eta = rate > 0 ? (p.totalBytes - p.bytes) / rate : Infinity;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total} files  ${mb(rate)} MB/s  ETA ${clock(eta)}`;
}

/** The closing line: `N files, M failed, X MB in Y s (Z MB/s)`. */
export function formatSummary(s: BatchSummary): string {
  const rate = s.seconds > 0 ? s.bytes / MB / s.seconds : 0;
  const skipped = s.skipped > 0 ? `, ${s.skipped} skipped` : '';
  const interrupted = s.interrupted ? ' (interrupted; rerun with --skip-existing to resume)' : '';
  return `${s.files} files, ${s.failed} failed${skipped}, ${mb(s.bytes)} MB in ${s.seconds.toFixed(1)} s (${rate.toFixed(1)} MB/s)${interrupted}`;
}

/**
 * `--stats`: one line per worker thread (files, MB, time busy on jobs against time alive, how often it ran out of
 * jobs, CPU time: its start-up, and the rate of its first MB against the rest, V8's warm-up), then where the run's
 * CPU time went. A CPU-bound run on a busy machine shows workers busy for less than their life yet never out of
 * work: the cores went to other threads (the main thread, V8's helpers, other processes), not to waiting.
 */
export function formatStats(s: BatchSummary): string[] {
  const lines = s.workers.map((w, i) => {
    const busy = `busy ${w.busySeconds.toFixed(1)} s of ${w.aliveSeconds.toFixed(1)} s, out of work ${w.starved}x`;
    if (w.cpuSeconds === undefined || w.jobCpuSeconds === undefined) return `worker ${i + 1}: ${w.files} files, ${mb(w.bytes)} MB, ${busy}`;
    const warm = w.warm ?? { bytes: 0, cpuSeconds: 0 };
    const parts = [
      `start-up ${(w.cpuSeconds - w.jobCpuSeconds).toFixed(2)} s`,
      warm.bytes > 0 ? `first ${mb(warm.bytes)} MB at ${rate(warm.bytes, warm.cpuSeconds)}` : '',
      w.bytes > warm.bytes ? `the rest at ${rate(w.bytes - warm.bytes, w.jobCpuSeconds - warm.cpuSeconds)}` : '',
    ];
    return `worker ${i + 1}: ${w.files} files, ${mb(w.bytes)} MB, ${busy}, CPU ${w.cpuSeconds.toFixed(1)} s (${parts.filter(Boolean).join(', ')})`;
  });
  const workers = s.workers.reduce((n, w) => n + (w.cpuSeconds ?? 0), 0);
  if (s.cpu.mainSeconds !== undefined && s.workers.every((w) => w.cpuSeconds !== undefined)) {
    const others = Math.max(0, s.cpu.processSeconds - workers - s.cpu.mainSeconds);
    lines.push(`CPU ${s.cpu.processSeconds.toFixed(1)} s (${rate(s.bytes, s.cpu.processSeconds)}): workers ${workers.toFixed(1)} s, main thread ${s.cpu.mainSeconds.toFixed(1)} s, V8 helper threads (compiler, GC) ${others.toFixed(1)} s`);
  } else {
    lines.push(`CPU ${s.cpu.processSeconds.toFixed(1)} s (${rate(s.bytes, s.cpu.processSeconds)})`);
  }
  return lines;
}

/** MB per CPU second. */
function rate(bytes: number, seconds: number): string {
  return `${seconds > 0 ? (bytes / MB / seconds).toFixed(1) : '-'} MB/CPU-s`;
}
