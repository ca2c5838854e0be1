import type { Doc, Range } from '../../document.js';
import type { Rules } from '../../rules/schema.js';
import { mayHold, requiredText } from '../../rules/regex-ast.js';
import { unionOf } from '../../rules/union.js';
import { trimRange } from '../../span.js';
import { isNumber, isYear, parseCell } from './cells.js';

/** One physical line of the text, trimmed; `removed` when it touches page furniture. */
export interface Line extends Range {
  body: string;
  removed: boolean;
}

/** A run of lines read as one table: each line's cells (empty cells are empty ranges), before any header reading. */
export interface RawTable {
  rule: string;
  /** Index of the first table line in the line list. */
  first: number;
  lines: { span: Range; cells: Range[] }[];
  /** How many leading lines are header lines, when the layout knows; otherwise the reader decides. */
  headerCount: number | null;
  /** Rows whose cells stand where the layout put them: a short row is never filled from the row above. */
  placed?: boolean;
}

type Layout = Rules['tables']['layouts'][number];

const MAX_SPACED_CELL = 40;

export function tableLines(doc: Pick<Doc, 'view' | 'lines' | 'removed'>): Line[] {
  const lines = doc.lines;
  let k = 0;
  return lines.map((l) => {
    while (k < doc.removed.length && doc.removed[k]!.end <= l.start) k++;
    const removed = k < doc.removed.length && doc.removed[k]!.start < Math.max(l.end, l.start + 1);
    return { start: l.start, end: l.end, body: l.body, removed };
  });
}

/** After an empty match, `matchAll` steps over one code point; a `g` regex run by hand must do the same. */
function stepOverEmpty(body: string, sep: RegExp, m: RegExpExecArray): void {
  if (m[0].length === 0) sep.lastIndex += (body.codePointAt(sep.lastIndex) ?? 0) > 0xffff ? 2 : 1;
}

/** The separator matches of a line, as `matchAll` gives them, without cloning the regex for every line. */
function* matches(body: string, sep: RegExp): Generator<RegExpExecArray> {
  sep.lastIndex = 0;
  for (let m = sep.exec(body); m; m = sep.exec(body)) {
    stepOverEmpty(body, sep, m);
    yield m;
  }
}

/** How many separators a line has: this runs on every line for every layout, so it is a plain loop. */
function countSeparators(body: string, sep: RegExp): number {
  let n = 0;
  sep.lastIndex = 0;
  for (let m = sep.exec(body); m; m = sep.exec(body)) {
    stepOverEmpty(body, sep, m);
    n++;
  }
  return n;
}

function split(view: string, line: Line, sep: RegExp): Range[] {
  const cells: Range[] = [];
  let from = line.start;
  for (const m of matches(line.body, sep)) {
    cells.push(trimRange(view, from, line.start + m.index));
    from = line.start + m.index + m[0].length;
  }
  cells.push(trimRange(view, from, line.end));
  return cells;
}

/** Markdown tables open every line with the separator: there is no cell before it. Elsewhere a leading empty cell is real. */
function dropMarkdownEdge(rows: RawTable['lines']): RawTable['lines'] {
  const opens = (r: RawTable['lines'][number]) => r.cells.length > 1 && r.cells[0]!.start === r.span.start && r.cells[0]!.end === r.span.start;
  if (rows.filter(opens).length * 2 <= rows.length) return rows;
  return rows.map((r) => (opens(r) ? { ...r, cells: r.cells.slice(1) } : r));
}

/** Layouts compiled once per rule list: each separator with the `g` flag, and one test for any separator at all. */
export interface Separators {
  each: Map<Layout, RegExp>;
  /** Matches a line iff some layout's separator does; null when the separators cannot share one expression. */
  any: RegExp | null;
  /** Texts a line cannot match `any` without one of (requiredText), or null. */
  anyNeeds: readonly string[] | null;
}

/** Called once by the rule loader (src/rules/compile.ts): `rules.tables.compiled.separators`. */
export function compileSeparators(layouts: readonly Layout[]): Separators {
  const each = new Map(layouts.map((l) => [l, new RegExp(l.separator.source, 'gu')]));
  const any = unionOf(layouts.map((l) => l.separator.source));
  return { each, any, anyNeeds: any ? requiredText(any) : null };
}

/** Runs of lines split by one layout's separator; `taken` marks lines already used by an earlier table. */
function separated(doc: Pick<Doc, 'view'>, lines: Line[], layout: Layout, taken: boolean[], sep: RegExp, candidate: boolean[]): RawTable[] {
  const count = lines.map((l, i) => (l.removed || taken[i] || !candidate[i] ? 0 : countSeparators(l.body, sep)));
  const ok = (i: number) => count[i]! >= layout.minSeparators;
  const out: RawTable[] = [];
  // Tables come out in line order without overlapping, so the last one reaches furthest down.
  const reached = () => (out.length ? out.at(-1)!.first + out.at(-1)!.lines.length : 0);
  for (let i = 0; i < lines.length; i++) {
    if (!ok(i)) continue;
    let j = i;
    while (j + 1 < lines.length && ok(j + 1) && (!layout.sameCount || count[j + 1] === count[i])) j++;
    // Header lines of an aligned table may have fewer separators than its rows: take up to two above the run.
    let first = i;
    if (layout.sameCount && j - i + 1 >= layout.minLines) {
      while (first > i - 2 && first > 0 && ok(first - 1) && count[first - 1] !== count[i] && !(reached() > first - 1)) first--;
    }
    if (j - i + 1 >= layout.minLines) {
      const rows = lines.slice(first, j + 1).map((l) => ({ span: { start: l.start, end: l.end }, cells: split(doc.view, l, sep) }));
      const texts = rows.flatMap((r) => r.cells.map((c) => doc.view.slice(c.start, c.end)));
      // Navigation bars and forum panels also use separators: a table has a figure, or (pipes) several even lines.
      const numbers = texts.some((t) => isNumber(t));
      const even = j - first >= 2 && count.slice(first, j + 1).every((c) => c === count[j]);
      const plausible = layout.sameCount ? numbers && texts.every((t) => t.length <= MAX_SPACED_CELL) : numbers || even;
      if (plausible) out.push({ rule: layout.id, first, lines: dropMarkdownEdge(rows), headerCount: null });
    }
    i = j;
  }
  return out;
}

/** One cell per line: a header opened by 序号 and rows that each open with the next serial number. */
function cellPerLine(lines: Line[], rules: Rules['tables'], taken: boolean[]): RawTable[] {
  const grammar = rules.cellPerLine;
  if (!grammar) return [];
  const out: RawTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (taken[i] || lines[i]!.removed || !grammar.opens.includes(lines[i]!.body)) continue;
    let j = i;
    while (j < lines.length && lines[j]!.body && lines[j]!.body !== '1' && !lines[j]!.removed && lines[j]!.body.length <= grammar.maxHeaderCell && !isNumber(lines[j]!.body)) j++;
    const width = j - i;
    if (width < 3 || lines[j]?.body !== '1') continue;
    const rows: Line[][] = [];
    let lastLine = -1;
    for (let p = j, n = 1; p + width <= lines.length && lines[p]!.body === String(n); n++) {
      const row = lines.slice(p, p + width);
      if (row.some((l) => l.removed)) break;
      rows.push(row);
      lastLine = p + width - 1;
      p += width;
      while (p < lines.length && !lines[p]!.body && !lines[p]!.removed && lines[p + 1]?.body === String(n + 1)) p++;
    }
    if (rows.length < 2) continue;
    const header = lines.slice(i, j);
    // Empty cells are blank lines: a row ends at its last written cell.
    const asRow = (ls: Line[]) => ({ span: { start: ls[0]!.start, end: [...ls].reverse().find((l) => l.body)!.end }, cells: ls.map((l) => ({ start: l.start, end: l.end })) });
    out.push({ rule: grammar.id, first: i, lines: [asRow(header), ...rows.map(asRow)], headerCount: 1 });
    i = lastLine;
  }
  return out;
}

/** Longest cell of a row read without markers (指标 / 单位 / 2025年 / 2030年 / 属性): indicator names and figures are short. */
const MAX_FIXED_CELL = 40;

/**
 * One cell per line with no serial column (headedCellPerLine): a header of header-word lines opened by one of the
 * grammar's words, then rows. When the first row opens with an item marker (1.…), each row runs to the next marker
 * (at most as many lines as the header), its cells right-aligned under the header, since a group cell merged over
 * its items (考核项目) is written once, as a group row (一、…) standing alone. Otherwise each row is as many lines as
 * the header, with a figure after its first cell, and a short line alone between rows is a group row. Blank lines
 * are read through.
 */
function headedCellPerLine(lines: Line[], rules: Rules['tables'], taken: boolean[]): RawTable[] {
  const g = rules.headedCellPerLine;
  if (!g) return [];
  const out: RawTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (taken[i] || lines[i]!.removed || !g.opens.includes(lines[i]!.body)) continue;
    // The opener is the header's first cell: a header cell written above it (序号) belongs to another layout.
    let above = i - 1;
    while (above >= 0 && !lines[above]!.body && !lines[above]!.removed) above--;
    if (above >= 0 && (rules.cellPerLine?.opens.includes(lines[above]!.body) || g.headerCell.test(lines[above]!.body.replace(/\s+/gu, '')))) continue;
    const seq: number[] = [];
    for (let k = i; k < lines.length && !lines[k]!.removed && !taken[k]; k++) if (lines[k]!.body) seq.push(k);
    const body = (q: number) => lines[seq[q]!]!.body;
    let width = 0;
    while (width < seq.length && g.headerCell.test(body(width).replace(/\s+/gu, ''))) width++;
    if (width < 3) continue;
    const rows = headedRows(seq.length, width, body, g, rules);
    if (rows.filter((r) => !r.group).length < 2) continue;
    const cell = (q: number): Range => ({ start: lines[seq[q]!]!.start, end: lines[seq[q]!]!.end });
    const asRow = (qs: number[], pad: number) => {
      const at = cell(qs[0]!).start;
      return { span: { start: at, end: cell(qs.at(-1)!).end }, cells: [...Array.from({ length: pad }, () => ({ start: at, end: at })), ...qs.map(cell)] };
    };
    const header = Array.from({ length: width }, (_, q) => q);
    out.push({ rule: g.id, first: i, lines: [asRow(header, 0), ...rows.map((r) => asRow(r.cells, r.group ? 0 : width - r.cells.length))], headerCount: 1, placed: true });
    i = seq[rows.at(-1)!.cells.at(-1)!]!;
  }
  return out;
}

type Headed = NonNullable<Rules['tables']['headedCellPerLine']>;

/** The rows after a headed table's header, as runs of positions in its written lines (see headedCellPerLine). */
function headedRows(n: number, width: number, body: (q: number) => string, g: Headed, rules: Rules['tables']): { cells: number[]; group: boolean }[] {
  const rows: number[][] = [];
  const span = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
  const marker = (q: number) => (g.groupRow.test(body(q)) ? 'group' : g.itemRow.test(body(q)) ? 'item' : null);
  let q = width;
  if (q < n && marker(q)) {
    const fits = (p: number) => p < n && body(p).length <= g.maxCell;
    const groups = new Set<number>();
    while (fits(q)) {
      const m = marker(q);
      if (!m) break;
      let e = q + 1;
      while (e < q + width && fits(e) && !marker(e)) e++;
      if (m === 'item' && e - q < 2) break;
      if (m === 'group') groups.add(rows.length);
      rows.push(span(q, e));
      q = e;
    }
    // A group row with no items after it ends nothing: it is the text after the table.
    while (rows.length && groups.has(rows.length - 1)) rows.pop();
    return rows.map((r, k) => ({ cells: r, group: groups.has(k) }));
  }
  // Rows without markers only under a header that names a year or a unit column (指标 / 单位 / 2025年 / 2030年 / 属性).
  if (!Array.from({ length: width }, (_, k) => body(k)).some((h) => isYear(h) || rules.columns.unit.includes(h))) return [];
  const short = (p: number) => p < n && body(p).length <= MAX_FIXED_CELL && !g.headerCell.test(body(p));
  // Each cell fits its column: a figure (or a placeholder) under a year, a short word under the unit, a name first.
  const heads = Array.from({ length: width }, (_, k) => body(k));
  const value = (p: number) => parseCell(body(p), rules).value !== null;
  const fitsColumn = (k: number, p: number, first: boolean) => {
    if (first) return !isNumber(body(p)) && !value(p);
    if (isYear(heads[k]!)) return value(p) || rules.placeholders.includes(body(p));
    if (rules.columns.unit.includes(heads[k]!)) return body(p).length <= 8 && !value(p);
    return true;
  };
  // A row from line p, its first `skip` columns merged with the row above (a 类别 cell written once per group).
  const row = (p: number, skip = 0) => {
    if (p + width - skip > n) return false;
    for (let k = skip; k < width; k++) if (!short(p + k - skip) || !fitsColumn(k, p + k - skip, k === skip)) return false;
    for (let k = skip + 1; k < width; k++) if (value(p + k - skip)) return true;
    return false;
  };
  const out: { cells: number[]; group: boolean }[] = [];
  for (;;) {
    if (row(q)) {
      out.push({ cells: span(q, q + width), group: false });
      q += width;
    } else if (out.length && width > 3 && row(q, 1)) {
      out.push({ cells: span(q, q + width - 1), group: false });
      q += width - 1;
    } else if (short(q) && parseCell(body(q), rules).value === null && row(q + 1)) out.push({ cells: [q++], group: true });
    else break;
  }
  return out;
}

/** Line ranges of the one-cell-per-line tables with no serial column: their lines are cells, never headings. */
export function headedTableRanges(doc: Pick<Doc, 'view' | 'lines' | 'removed'>, rules: Rules['tables']): Range[] {
  if (!rules.headedCellPerLine) return [];
  const lines = tableLines(doc);
  return headedCellPerLine(lines, rules, lines.map(() => false)).map((t) => ({ start: t.lines[0]!.span.start, end: t.lines.at(-1)!.span.end }));
}

/**
 * Index of the first line reaching the end of a table's last row. Lines end in increasing order and every line
 * before the table ends before it starts, so the search starts at the table's first line, not at the top.
 */
function lastLineOf(lines: Line[], t: RawTable): number {
  const end = t.lines.at(-1)!.span.end;
  for (let k = t.first; k < lines.length; k++) if (lines[k]!.end >= end) return k;
  return -1;
}

/** Every table found in the text, in document order; a line belongs to at most one table. */
export function findTables(doc: Pick<Doc, 'view'>, lines: Line[], rules: Rules['tables']): RawTable[] {
  const taken = lines.map(() => false);
  const found: RawTable[] = [];
  const take = (tables: RawTable[]) => {
    for (const t of tables) {
      const last = lastLineOf(lines, t);
      for (let k = t.first; k <= last; k++) taken[k] = true;
      found.push(t);
    }
  };
  const seps = rules.compiled.separators;
  // Most lines are prose with no separator of any layout: one test rules them out for all layouts.
  const candidate = lines.map((l) => !!l.body && !l.removed && (!seps.any || (mayHold(l.body, seps.anyNeeds) && seps.any.test(l.body))));
  for (const layout of rules.layouts) take(separated(doc, lines, layout, taken, seps.each.get(layout)!, candidate));
  take(cellPerLine(lines, rules, taken));
  take(headedCellPerLine(lines, rules, taken));
  return found.sort((a, b) => a.first - b.first);
}
