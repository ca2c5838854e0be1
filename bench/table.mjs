// Plain-text tables for run.mjs.

/** Columns padded to their widest cell. */
export function table(header, body) {
  const all = [header, ...body];
  const widths = header.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  return all.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}

/** Per-stage wall and CPU milliseconds over the 1 MB and 10 MB documents, with the growth of each stage. */
export function stageTable(one, ten) {
  const ms = (x) => (x === undefined ? '-' : x.toFixed(0));
  const names = [...new Set([...Object.keys(one.stages), ...Object.keys(ten?.stages ?? {})])];
  const body = names.map((name) => {
    const a = one.cpu[name];
    const b = ten?.cpu[name];
    const growth = ten?.timedOut === name ? 'timed out' : a === undefined || b === undefined ? '' : `${(b / Math.max(a, 0.5)).toFixed(1)}x`;
    return [name, ms(one.stages[name]), ms(one.cpu[name]), ms(ten?.stages[name]), ms(b), growth];
  });
  return table(['stage', '1 MB ms', 'CPU', '10 MB ms', 'CPU', '10/1 (CPU)'], body);
}
