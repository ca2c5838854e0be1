/**
 * Header paths of a table's columns from one or more header lines. Flat copies of tables drop merged cells in
 * two ways: some keep an empty cell for each spanned column ("aligned": `2021年 | | 2022年`), others drop
 * them ("compact": a lower line that lists only the sub-headers, an upper line that lists each group once).
 * Columns with no sub-header take one upper cell each; the rest share the remaining upper cells as groups.
 */

export interface HeaderResult {
  paths: string[][];
  /** The split of sub-headers among their groups had to be guessed. */
  guessed: boolean;
}

/** Trailing empty cells are conversion noise; interior empty cells mark spanned columns. */
const aligned = (cells: string[], n: number) => cells.length >= n || cells.slice(0, -1).some((c) => !c);

/**
 * Sizes of `g` consecutive groups over `labels`: a group never repeats a label, and a level label (绝对值) opens a
 * group (it comes first in the usual 绝对值 | 增长率 pair). Falls back to equal groups, then one each with the rest last.
 */
export function splitGroups(labels: string[], g: number, isLevel: (s: string) => boolean): { sizes: number[]; guessed: boolean } {
  const sizes: number[] = [];
  let current: string[] = [];
  for (const label of labels) {
    if (current.length && (current.includes(label) || isLevel(label))) {
      sizes.push(current.length);
      current = [];
    }
    current.push(label);
  }
  if (current.length) sizes.push(current.length);
  if (sizes.length === g) return { sizes, guessed: false };
  if (g > 0 && labels.length % g === 0) return { sizes: Array(g).fill(labels.length / g), guessed: true };
  const ones = Array(Math.max(g - 1, 0)).fill(1);
  return { sizes: [...ones, labels.length - ones.length], guessed: true };
}

function combine(upper: string[][], upperAligned: boolean, lower: string[], n: number, isLevel: (s: string) => boolean): HeaderResult {
  const lowerCompact = lower.filter(Boolean);
  const sub: (string | null)[] = aligned(lower, n)
    ? Array.from({ length: n }, (_, i) => lower[i] || null)
    : Array.from({ length: n }, (_, i) => (i >= n - lowerCompact.length ? lowerCompact[i - (n - lowerCompact.length)]! : null));
  const up: string[][] = Array.from({ length: n }, () => []);
  let guessed = false;
  if (upperAligned) {
    for (let i = 0; i < n; i++) {
      const spanned = !upper[i]?.length && i > 0 && sub[i] && sub[i - 1];
      up[i] = upper[i]?.length ? upper[i]! : spanned ? up[i - 1]! : [];
    }
  } else {
    const cells = upper.filter((p) => p.length);
    const subCols = sub.map((s, i) => (s ? i : -1)).filter((i) => i >= 0);
    const groups = cells.length - (n - subCols.length);
    const split = splitGroups(subCols.map((i) => sub[i]!), groups, isLevel);
    guessed = split.guessed;
    let next = 0;
    let left = 0;
    for (let i = 0; i < n; i++) {
      if (!sub[i]) { up[i] = cells[next++] ?? []; left = 0; continue; }
      if (groups <= 0) continue;
      if (left === 0) { left = split.sizes.shift() ?? Infinity; up[i] = cells[next++] ?? []; }
      else up[i] = up[i - 1]!;
      left--;
    }
  }
  return { paths: up.map((p, i) => (sub[i] ? [...p, sub[i]!] : p)), guessed };
}

/** One path per column, top header line first; `rows` are header lines' cell texts with trailing empties removed. */
export function headerPaths(rows: string[][], n: number, isLevel: (s: string) => boolean): HeaderResult {
  if (!rows.length) return { paths: Array.from({ length: n }, () => []), guessed: false };
  let paths = Array.from({ length: n }, (_, i) => (rows[0]![i] ? [rows[0]![i]!] : []));
  let upperAligned = aligned(rows[0]!, n);
  if (!upperAligned) paths = rows[0]!.filter(Boolean).map((c) => [c]);
  let guessed = false;
  for (const lower of rows.slice(1)) {
    const r = combine(paths, upperAligned, lower, n, isLevel);
    paths = r.paths;
    guessed ||= r.guessed;
    upperAligned = true;
  }
  while (paths.length < n) paths.push([]);
  return { paths: paths.slice(0, n), guessed };
}
