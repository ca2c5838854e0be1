import { formatProgress } from '../batch/progress.js';
import type { Io } from './shared.js';

/**
 * One status line on a terminal (files, MB/s, ETA), redrawn at most ten times a second; a failure is printed above
 * it. Nothing is drawn when `enabled` is false (not a terminal, or --quiet), but the counts are kept for the summary.
 */
export function progressLine(io: Io, enabled: boolean) {
  const state = { done: 0, total: 0, bytes: 0, totalBytes: 0, seconds: 0 };
  const started = performance.now();
  let drawn = 0;
  const draw = (force = false) => {
    const now = performance.now();
    if (!enabled || (!force && now - drawn < 100)) return;
    drawn = now;
    io.stderr(`\r${formatProgress({ ...state, seconds: (now - started) / 1000 })}\x1b[K`);
  };
  return {
    start(total: { files: number; bytes: number }) {
      state.total = total.files;
      state.totalBytes = total.bytes;
      draw(true);
    },
    /** One file done, of `bytes`; `failure` prints what went wrong with it, above the line. */
    file(bytes: number, failure?: () => void) {
      state.done++;
      state.bytes += bytes;
      if (failure) {
        if (enabled) io.stderr('\r\x1b[K');
        failure();
        draw(true);
      } else draw();
    },
    clear: () => void (enabled && io.stderr('\r\x1b[K')),
    seconds: () => (performance.now() - started) / 1000,
    bytes: () => state.bytes,
  };
}
