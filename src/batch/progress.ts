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
