import type { Doc, Range } from '../../document.js';
import type { Rules } from '../../rules/schema.js';
import { requiredText } from '../../rules/regex-ast.js';
import { holds, needsTest, type NeedsTest } from '../../stages/gates.js';
import { unionOf } from '../../rules/union.js';
import { trimRange } from '../../span.js';
import { packedMap } from '../../util/arrays.js';
import { digitWithin } from '../../util/find.js';
import { isNumber, isYear, parseCell } from './cells.js';
import type { Grammar } from '../units/grammar.js';
import { isUnit, splitItems } from '../units/split.js';
import { barCells } from './bars.js';
import { mergedCells } from './merged.js';

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
  /** `merged[j]`: cell j is another row's, a cell merged over several rows written once (see merged.ts). */
  lines: { span: Range; cells: Range[]; merged?: boolean[] }[];
  /** How many leading lines are header lines, when the layout knows; otherwise the reader decides. */
  headerCount: number | null;
  /** Rows whose cells stand where the layout put them: a short row is never filled from the row above. */
  placed: boolean;
  /** Group rows written whole on one line (一、主要经济社会发展指标): cells of the table that may stand as headings. */
  headings?: Range[];
}

type Layout = Rules['tables']['layouts'][number];

/** By line index, 1 for a line an earlier table took: a typed array, read for every line by every layout. */
type Taken = Uint8Array;

const MAX_SPACED_CELL = 40;
/**
 * No table row runs this long: a longer line is prose (a report flattened onto one line). Testing it for separators
 * would also run the engine's backtracking stack out on a run of millions of spaces.
 */
const MAX_ROW = 20_000;

export function tableLines(doc: Pick<Doc, 'view' | 'lines' | 'removed'>): Line[] {
  const lines = doc.lines;
  let k = 0;
  return packedMap(lines, (l) => {
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
  /** Texts a line cannot match `any` without one of (requiredText), as one test. */
  anyNeeds: NeedsTest;
  /**
   * Per layout, the texts its separator cannot match without (requiredText, as one test), or null. A line lacking
   * them has no separator of that layout: it is not scanned for them (a line spaced with runs of spaces is not read
   * for pipes or tabs, a line with none of any is read by no layout).
   */
  needs: Map<Layout, NeedsTest>;
}

/** Called once by the rule loader (src/rules/compile.ts): `rules.tables.compiled.separators`. */
export function compileSeparators(layouts: readonly Layout[]): Separators {
  const each = new Map(layouts.map((l) => [l, new RegExp(l.separator.source, 'gu')]));
  const any = unionOf(layouts.map((l) => l.separator.source));
  const needs = new Map(layouts.map((l) => [l, needsTest(requiredText(l.separator))]));
  return { each, any, anyNeeds: any ? needsTest(requiredText(any)) : null, needs };
}

/**
 * Runs of lines split by one layout's separator; `taken` marks lines already used by an earlier table, and a line
 * that is no `candidate` has no separator of the layout.
 */
function separated(doc: Pick<Doc, 'view'>, lines: Line[], layout: Layout, taken: Taken, sep: RegExp, candidate: (i: number) => boolean): RawTable[] {
  // A typed array: one hidden class however it is filled (a `map` result's kind varies once V8 optimises the call).
  const count = new Int32Array(lines.length);
  for (let i = 0; i < lines.length; i++) count[i] = lines[i]!.removed || taken[i] || !candidate(i) ? 0 : countSeparators(lines[i]!.body, sep);
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
      const table = plausibleTable(doc.view, lines, layout, sep, count, first, j);
      if (table) out.push(table);
    }
    i = j;
  }
  return out;
}

/**
 * The lines first..j (a run of `separated`, `count` separators each) as a table, or null where they read as no table.
 * Its own function: few runs get this far, and inlined into the scan of every line it made that scan several times
 * as costly to optimise.
 */
function plausibleTable(view: string, lines: Line[], layout: Layout, sep: RegExp, count: Int32Array, first: number, j: number): RawTable | null {
  const rows = packedMap(lines.slice(first, j + 1), (l) => ({ span: { start: l.start, end: l.end }, cells: split(view, l, sep) }));
  const texts = rows.flatMap((r) => r.cells.map((c) => view.slice(c.start, c.end)));
  // Navigation bars and forum panels also use separators: a table has a figure, or (pipes) several even lines.
  const numbers = texts.some((t) => isNumber(t));
  const even = j - first >= 2 && count.slice(first, j + 1).every((c) => c === count[j]);
  const plausible = layout.sameCount ? numbers && texts.every((t) => t.length <= MAX_SPACED_CELL) : numbers || even;
  return plausible && !prose(view, rows, layout) ? { rule: layout.id, first, lines: dropMarkdownEdge(rows), headerCount: null, placed: false } : null;
}

/** Whether a run of lines split by a layout's separator is prose (the layout's `prose`): lines whose cells read as clauses. */
function prose(view: string, rows: readonly { cells: Range[] }[], layout: Layout): boolean {
  const p = layout.prose;
  if (!p) return false;
  let n = 0;
  for (const r of rows) if (r.cells.some((c) => p.pattern.test(view.slice(c.start, c.end)))) n++;
  return n >= p.share * rows.length;
}

/**
 * Whether a line is one of `words` whole (a layout's openers, 序号 or 指标): runs on every line, most of which are blank
 * or longer than any opener, and a length outside the openers' rules a line out before the list is searched.
 */
function wholeWord(words: readonly string[]): (body: string) => boolean {
  let min = Infinity;
  let max = 0;
  for (const w of words) {
    min = Math.min(min, w.length);
    max = Math.max(max, w.length);
  }
  return (body) => body.length >= min && body.length <= max && words.includes(body);
}

/** Whether a line reads as a unit list (县河长办 / 区委宣传部、区水务局): the unit column's cell that closes a row. */
export type UnitLine = (line: Line) => boolean;

/** A unit-list test from the unit grammar (src/extract/units/): a short line whose every item is a unit name. */
export function unitLineTest(view: string, g: Grammar): UnitLine {
  return (l) => {
    if (!l.body || l.end - l.start > 4 * g.maxNameLength) return false;
    const items = splitItems(view, l.start, l.end, g);
    return items.length > 0 && items.every((r) => isUnit(view, r, g));
  };
}

/**
 * One cell per line: a header opened by 序号 (a total row, 总分 and its figure, may follow it), then rows that each
 * open with the next serial number alone on its line, and group rows opened by a group marker alone on its line
 * (一、, then the group's title and score). A row is as many lines as the header when the next serial number comes
 * after them; otherwise it ends at the line after which the next serial number (or a group row) comes, or, for the
 * last row, at a line that reads as a unit list. The lines of a row beyond the header's width are one cell written
 * over several lines: the one before the unit cell, or the last one when the row ends in no unit list.
 */
function cellPerLine(lines: Line[], rules: Rules['tables'], taken: Taken, unit: UnitLine | null, spacedToo = true, groupedAt = -1): RawTable[] {
  // The lines are the cells of a table written with a blank line after each (see `spaced`): a cell over several lines
  // is one of them already, and no row runs on over the next.
  const compact = !spacedToo;
  const grammar = rules.cellPerLine;
  if (!grammar) return [];
  const body = (k: number) => lines[k]?.body ?? '';
  const usable = (k: number) => k < lines.length && !lines[k]!.removed && !taken[k];
  const group = (k: number) => !!grammar.groupRow && usable(k) && grammar.groupRow.test(body(k));
  // A group row written whole on one line (一、主要经济社会发展指标（牵头领导：…）): its marker and title together.
  const titled = (k: number) => !!grammar.groupTitle && usable(k) && grammar.groupTitle.test(body(k));
  // The next written line after k.
  const nextWritten = (k: number) => {
    k++;
    while (k < lines.length && !body(k) && !lines[k]!.removed) k++;
    return k;
  };
  // The line of the header of a group column written before the serial one at line k (分类 on the written line
  // above), or -1.
  const groupHeaderAt = (k: number) => {
    let a = k - 1;
    while (a >= 0 && !body(a) && !lines[a]!.removed) a--;
    return a >= 0 && usable(a) && grammar.groupHeaders.includes(body(a)) ? a : -1;
  };
  /** The table with that header line (`a`) as the first cell of its header row. */
  const withGroupHeader = (found: { table: RawTable; last: number }, a: number) => {
    const [head, ...rows] = found.table.lines;
    const cell = { start: lines[a]!.start, end: lines[a]!.end };
    // Each row but a group's own (its group cell alone) leaves the group column empty.
    const empty = (r: RawTable['lines'][number]) => (r.cells.length === 1 ? r : { ...r, cells: [{ start: r.span.start, end: r.span.start }, ...r.cells] });
    found.table.lines = [{ ...head!, span: { start: cell.start, end: head!.span.end }, cells: [cell, ...head!.cells] }, ...rows.map(empty)];
    found.table.first = a;
    return found;
  };
  let grouped = false;
  // That column's cell, written once right before its group's first row (serial n).
  const groupCell = (k: number, n: number) => grouped && usable(k) && !!body(k) && body(k).length <= grammar.maxHeaderCell && !isNumber(body(k)) && body(nextWritten(k)) === String(n);
  // A group row on one line heads row n when the serial number n follows it (a part heading after the table does not).
  const heads = (k: number, n: number) => (titled(k) || groupCell(k, n)) && body(nextWritten(k)) === String(n);
  // The next row opens at k (serial n, or a group row), perhaps after blank lines.
  const opensAt = (k: number, n: number) => {
    while (k < lines.length && !body(k) && !lines[k]!.removed) k++;
    return usable(k) && (body(k) === String(n) || group(k) || heads(k, n)) ? k : -1;
  };
  const out: RawTable[] = [];
  const opener = wholeWord(grammar.opens);
  // The cells of a table written with blank lines (see `spaced`) are read from its opener, their first line, only.
  for (let i = 0; i < (compact ? Math.min(1, lines.length) : lines.length); i++) {
    if (taken[i] || lines[i]!.removed || !opener(lines[i]!.body)) continue;
    // (In a table compacted from blank-line cells, `groupedAt`, the header line stands before the compacted lines.)
    const groupHeader = groupHeaderAt(i);
    grouped = i === groupedAt || groupHeader >= 0;
    const read = tableAt(i) ?? (spacedToo ? spacedAt(i) : null);
    if (!read) continue;
    const found = groupHeader >= 0 ? withGroupHeader(read, groupHeader) : read;
    out.push(found.table);
    i = found.last;
  }
  return out;

  /** The table whose header opens at line i with a blank line after each cell (see `spaced`), or null. */
  function spacedAt(i: number): { table: RawTable; last: number } | null {
    // The cells are gathered a few at first, and more only while the table runs to the last of them: an opener
    // that opens no table costs the same whatever follows it.
    for (let limit = SPACED_CELLS; ; limit *= 4) {
      const compact = spaced(lines, i, taken, limit, grammar!.maxRowLines);
      if (!compact) return null;
      const table = cellPerLine(compact.lines, rules, compact.taken, unit, false, grouped ? 0 : -1)[0];
      if (!table || table.first !== 0) return null;
      if (compact.cut && lastLineOf(compact.lines, table) >= compact.lines.length - grammar!.maxRowLines - 1) continue;
      table.first = i;
      return { table, last: lastLineOf(lines, table) };
    }
  }

  /**
   * The table whose header opens at line i (an opener of the grammar), with its last line, or null. Its own function:
   * few lines open one, and inlined into the scan of every line it made that scan several times as costly to optimise.
   */
  function tableAt(i: number): { table: RawTable; last: number } | null {
    let j = i;
    while (j < lines.length && body(j) && body(j) !== '1' && !lines[j]!.removed && body(j).length <= grammar!.maxHeaderCell && !isNumber(body(j)) && !group(j) && !titled(j) && !(j - i >= 3 && groupCell(j, 1))) j++;
    // A total row (总分 / 100) written right under the header: its label is the last short line.
    let total: number[] | null = null;
    let first = j;
    if (j - i > 3 && isNumber(body(j)) && body(j) !== '1' && usable(j) && (body(j + 1) === '1' || group(j + 1) || heads(j + 1, 1))) {
      total = [j - 1, j];
      j--;
      first = j + 2;
    }
    const width = j - i;
    if (width < 3 || !(body(first) === '1' || group(first) || heads(first, 1))) return null;
    const rows: { at: number[]; group: boolean }[] = [];
    let p = first;
    let n = 1;
    while (usable(p)) {
      if (titled(p) || groupCell(p, n)) {
        // A group row on one line: the next serial number follows it.
        if (!heads(p, n)) break;
        rows.push({ at: [p], group: true });
        p = nextWritten(p);
        continue;
      }
      if (group(p)) {
        // A group row: its title and score, up to the next serial number; its own cells may be filled and written
        // over more lines than the header has cells (三、 / 水岸联动… / 15 / 落实属地管理… / …公示牌设置。 / 县河长办).
        let e = p + 1;
        while (e < p + Math.max(width, grammar!.maxRowLines) && usable(e) && body(e) && body(e) !== String(n)) e++;
        if (body(e) !== String(n) || e === p + 1) break;
        rows.push({ at: span(p, e - 1), group: true });
        p = e;
        continue;
      }
      if (body(p) !== String(n)) break;
      const end = rowEnd(p, n, width);
      if (end < 0) break;
      rows.push({ at: span(p, end), group: false });
      n++;
      // The next row, or, past the header written again at a page break, the row after it.
      const next = opensAt(end + 1, n);
      const resumed = next < 0 ? afterHeader(end + 1, i, j - i, n) : next;
      if (resumed < 0) break;
      p = resumed;
    }
    // A group row with no item after it ends nothing.
    while (rows.at(-1)?.group) rows.pop();
    if (rows.filter((r) => !r.group).length < 2) return null;
    const header = span(i, j - 1);
    const range = (k: number): Range => ({ start: lines[k]!.start, end: lines[k]!.end });
    const cellsOf = (at: number[]): Range[] => {
      if (at.length <= width) return at.map(range);
      // A cell written over several lines: all the lines between the fixed leading cells and the closing cell.
      const last = at.at(-1)!;
      const closes = unit?.(lines[last]!) ?? false;
      const from = closes ? width - 2 : width - 1;
      const to = closes ? at.length - 2 : at.length - 1;
      return [...at.slice(0, from).map(range), { start: lines[at[from]!]!.start, end: lines[at[to]!]!.end }, ...(closes ? [range(last)] : [])];
    };
    // Empty cells are blank lines: a row ends at its last written cell.
    const asRow = (at: number[], cells: Range[]) => ({ span: { start: lines[at[0]!]!.start, end: [...at].reverse().map((k) => lines[k]!).find((l) => l.body)!.end }, cells });
    const placed = !!total || rows.some((r) => r.group || r.at.length !== width);
    const totalRow = total ? [asRow(total, [{ start: lines[total[0]!]!.start, end: lines[total[0]!]!.start }, ...total.map(range)])] : [];
    const headings = rows.filter((r) => r.group && r.at.length === 1 && titled(r.at[0]!)).map((r) => range(r.at[0]!));
    const table: RawTable = { rule: grammar!.id, first: i, lines: [asRow(header, header.map(range)), ...totalRow, ...rows.map((r) => asRow(r.at, cellsOf(r.at)))], headerCount: 1, placed };
    if (headings.length) table.headings = headings;
    return { table, last: rows.at(-1)!.at.at(-1)! };
  }

  /**
   * The line opening row n past the table's header (its `width` lines from line h) written again from line k, as a
   * copy of a table broken over pages repeats it; -1 where no such repeat stands at k.
   */
  function afterHeader(k: number, h: number, width: number, n: number): number {
    for (let c = 0; c < width; c++) {
      while (k < lines.length && !body(k) && !lines[k]!.removed) k++;
      if (!usable(k) || body(k) !== body(h + c)) return -1;
      k++;
    }
    return opensAt(k, n);
  }

  /**
   * The last line of the row opened by serial n at p, or -1. The header's width when the next row opens right
   * after it (blank lines are empty cells then); else the line after which the next row opens, or a unit list.
   */
  function rowEnd(p: number, n: number, width: number): number {
    const fixed = p + width - 1;
    const fits = (e: number) => span(p, e).every((k) => usable(k));
    const opens = (k: number) => usable(k) && (body(k) === String(n + 1) || group(k) || heads(k, n + 1));
    if (fixed < lines.length && fits(fixed) && opensAt(fixed + 1, n + 1) >= 0) return fixed;
    const limit = Math.min(lines.length - 1, p + grammar!.maxRowLines - 1);
    // Written lines only: a blank line ends a cell written over several lines.
    let last = fixed;
    while (!compact && last < limit && usable(last + 1) && body(last + 1)) last++;
    if (fits(fixed) && span(p, fixed).every((k) => body(k))) {
      for (let e = fixed; e <= last; e++) if (opens(e + 1)) return e;
      for (let e = fixed; e <= last; e++) if (unit?.(lines[e]!)) return e;
    }
    // The last row, as wide as the header (old layout).
    return fixed < lines.length && fits(fixed) ? fixed : -1;
  }
  function span(from: number, to: number) {
    return Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);
  }
}

/** The most blank lines between two cells of a table written with a blank line after each cell: 5 is two empty cells. */
const MAX_SPACED_GAP = 5;
/** How many cells of such a table are gathered first (see spacedAt). */
const SPACED_CELLS = 64;

/**
 * The lines from i on as cells when the table writes a blank line after each cell (序号 / blank / 目标任务 / blank /
 * …, as pages converted one block a cell give it): a run of written lines is one cell, and a gap of 2k+1 blank lines
 * holds k empty cells. Null when the header (the opener and the two cells after it) is not written so; the lines end
 * at a gap longer than MAX_SPACED_GAP.
 */
function spaced(lines: Line[], i: number, taken: Taken, limit: number, maxLines: number): { lines: Line[]; taken: Taken; cut: boolean } | null {
  const written = (k: number) => k < lines.length && !!lines[k]!.body;
  if (!(written(i) && !written(i + 1) && written(i + 2) && !written(i + 3) && written(i + 4))) return null;
  // The first row (its serial number 1) comes within a header's reach, or there is no table.
  let one = i + 4;
  while (one < Math.min(lines.length, i + 4 * maxLines) && lines[one]!.body !== '1') one++;
  if (one >= lines.length || lines[one]!.body !== '1') return null;
  const out: Line[] = [];
  const took: number[] = [];
  let cut = false;
  for (let k = i; k < lines.length; ) {
    if (out.length >= limit) {
      cut = true;
      break;
    }
    let e = k;
    // A run of written lines longer than any cell is prose: the cells end before it.
    while (written(e + 1) && e - k < maxLines) e++;
    if (written(e + 1)) break;
    const block = lines.slice(k, e + 1);
    out.push({ start: lines[k]!.start, end: lines[e]!.end, body: block.map((l) => l.body).join('\n'), removed: block.some((l) => l.removed) });
    took.push(block.some((_, q) => taken[k + q]) ? 1 : 0);
    let gap = 0;
    while (e + 1 + gap < lines.length && !written(e + 1 + gap) && !lines[e + 1 + gap]!.removed) gap++;
    if (gap > MAX_SPACED_GAP || e + 1 + gap >= lines.length || !written(e + 1 + gap)) break;
    for (let q = 0; q < (gap - 1) >> 1; q++) {
      const at = lines[e + 2 + 2 * q]!.start;
      out.push({ start: at, end: at, body: '', removed: false });
      took.push(0);
    }
    k = e + 1 + gap;
  }
  return { lines: out, taken: Uint8Array.from(took), cut };
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
function headedCellPerLine(lines: Line[], rules: Rules['tables'], taken: Taken): RawTable[] {
  const g = rules.headedCellPerLine;
  if (!g) return [];
  const out: RawTable[] = [];
  const opener = wholeWord(g.opens);
  for (let i = 0; i < lines.length; i++) {
    if (taken[i] || lines[i]!.removed || !opener(lines[i]!.body)) continue;
    // The opener is the header's first cell: a header cell written above it (序号) belongs to another layout.
    let above = i - 1;
    while (above >= 0 && !lines[above]!.body && !lines[above]!.removed) above--;
    if (above >= 0 && (rules.cellPerLine?.opens.includes(lines[above]!.body) || g.headerCell.test(lines[above]!.body.replace(/\s+/gu, '')))) continue;
    const seq: number[] = [];
    for (let k = i; k < lines.length && !lines[k]!.removed && !taken[k]; k++) if (lines[k]!.body) seq.push(k);
    // A header cell may run over two lines, its year and what the column holds (2025年 / 完成值): `ends[q]` is the
    // last line of cell q, `texts` the header cells so joined.
    const ends = [...seq];
    const texts: string[] = [];
    const body = (q: number) => texts[q] ?? lines[seq[q]!]!.body;
    let width = 0;
    for (;;) {
      if (width >= seq.length) break;
      const head = lines[seq[width]!]!.body.replace(/\s+/gu, '');
      const note = width + 1 < seq.length && g.yearNote && YEAR_CELL.test(head) ? lines[seq[width + 1]!]!.body.replace(/\s+/gu, '') : '';
      const text = note && g.yearNote!.test(note) ? head + note : head;
      if (!g.headerCell.test(text)) break;
      if (text !== head) {
        texts.push(lines[seq[width]!]!.body + lines[seq[width + 1]!]!.body);
        ends.splice(width, 2, seq[width + 1]!);
        seq.splice(width + 1, 1);
      } else texts.push(lines[seq[width]!]!.body);
      width++;
    }
    if (width < 3) continue;
    const rows = headedRows(seq.length, width, body, g, rules);
    if (rows.filter((r) => !r.group).length < 2) continue;
    const cell = (q: number): Range => ({ start: lines[seq[q]!]!.start, end: lines[ends[q]!]!.end });
    const asRow = (qs: number[], pad: number) => {
      const at = cell(qs[0]!).start;
      return { span: { start: at, end: cell(qs.at(-1)!).end }, cells: [...Array.from({ length: pad }, () => ({ start: at, end: at })), ...qs.map(cell)] };
    };
    const header = Array.from({ length: width }, (_, q) => q);
    out.push({ rule: g.id, first: i, lines: [asRow(header, 0), ...rows.map((r) => asRow(r.cells, r.group ? 0 : width - r.cells.length))], headerCount: 1, placed: true });
    i = ends[rows.at(-1)!.cells.at(-1)!]!;
  }
  return out;
}

const hasDigit = (text: string) => digitWithin(text, 0, text.length) >= 0;
/** Longest group name of a headed table written without a marker (经济发展, 民生福祉). */
const MAX_GROUP_NAME = 8;

/** A header line that is a year alone (2025年), which the line under it may go on (完成值). */
const YEAR_CELL = /^(19|20)\d{2}年$/u;

/** A line of three cells with spaces between: the first token, what lies between, the last token (lazy middle). */
const THREE_CELLS = /^(\S+)[ \t]+(\S.*?)[ \t]+(\S+)$/u;

/**
 * Rows written one a line with single spaces between their cells (rules/tables.yaml serialRows): a header line
 * opened by 序号 and closed by a unit column's header, then lines of a serial number, the task and a unit list after
 * the last space, blank lines between them allowed. Three cells a row; at least two rows.
 */
function serialRows(lines: Line[], rules: Rules['tables'], taken: Taken, unit: UnitLine): RawTable[] {
  const g = rules.serialRows;
  if (!g) return [];
  const out: RawTable[] = [];
  // The three cells of a line (its body starts at l.start): the first token, the last, and what lies between.
  const cells = (l: Line, m: RegExpExecArray): Range[] => {
    const last = l.body.length - m[3]!.length;
    const mid = trimRange(l.body, m[1]!.length, last);
    return [{ start: l.start, end: l.start + m[1]!.length }, { start: l.start + mid.start, end: l.start + mid.end }, { start: l.start + last, end: l.start + l.body.length }];
  };
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i]!;
    if (taken[i] || head.removed || !head.body || !g.header.test(head.body)) continue;
    const parts = THREE_CELLS.exec(head.body);
    if (!parts) continue;
    const rows: RawTable['lines'] = [];
    let k = i + 1;
    for (let last = i; k < lines.length; k++) {
      const l = lines[k]!;
      if (!l.body && !l.removed) continue;
      // A row: the next serial number, the task, and a unit list.
      const m = l.removed || taken[k] ? null : THREE_CELLS.exec(l.body);
      const c = m ? cells(l, m) : null;
      if (!m || !c || m[1] !== String(rows.length + 1) || !unit({ start: c[2]!.start, end: c[2]!.end, body: m[3]!, removed: false })) break;
      rows.push({ span: { start: l.start, end: l.end }, cells: c });
      last = k;
    }
    if (rows.length < 2) continue;
    out.push({ rule: g.id, first: i, lines: [{ span: { start: head.start, end: head.end }, cells: cells(head, parts) }, ...rows], headerCount: 1, placed: true });
    i = k - 1;
  }
  return out;
}

type Headed = NonNullable<Rules['tables']['headedCellPerLine']>;

/** The rows after a headed table's header, as runs of positions in its written lines (see headedCellPerLine). */
function headedRows(n: number, width: number, body: (q: number) => string, g: Headed, rules: Rules['tables']): { cells: number[]; group: boolean }[] {
  const rows: number[][] = [];
  const span = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
  const marked = (q: number) => (g.groupRow.test(body(q)) ? 'group' : g.itemRow.test(body(q)) ? 'item' : null);
  // A group's name with no marker (经济发展, 科技创新: a 类别 cell written once) is a short line of words right
  // before an item row.
  // (Not a word its rows end with, 预期性: the last cell of a row whose cell above was written over two lines.)
  const ends = new Set<string>();
  const named = (q: number) => q + 1 < n && body(q).length <= MAX_GROUP_NAME && !hasDigit(body(q)) && marked(q + 1) === 'item' && !ends.has(body(q));
  const marker = (q: number) => marked(q) ?? (named(q) ? 'group' : null);
  let q = width;
  if (q < n && marker(q)) {
    const fits = (p: number) => p < n && body(p).length <= g.maxCell;
    const groups = new Set<number>();
    // Under groups named without a marker, an item row fills the columns but the group's, one line more only where
    // a cell ran over two and the next row follows: no line after the table is taken for its last cell.
    const byName = !marked(q);
    const more = (e: number) => e + 1 < n && marker(e + 1) !== null;
    while (fits(q)) {
      const m = marker(q);
      if (!m) break;
      let e = q + 1;
      const limit = byName && m === 'item' ? q + width - 1 : q + width;
      while ((e < limit || (e === limit && byName && m === 'item' && more(e))) && fits(e) && !marked(e) && !(byName && m === 'item' && e - q >= width - 1 && named(e))) e++;
      if (m === 'item') ends.add(body(e - 1));
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
    // (A figure in words counts: “十四五”年均增长4.0 under 2025年完成值.)
    for (let k = skip + 1; k < width; k++) if (value(p + k - skip) || hasDigit(body(p + k - skip))) return true;
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

/**
 * Line ranges of every one-cell-per-line table (the serial layout and the headed one): their lines are cells, never
 * headings or front lines. `units` (the unit grammar) tells a unit cell that closes a row.
 */
export function cellTableRanges(doc: Pick<Doc, 'view' | 'lines' | 'removed'>, rules: Rules['tables'], units: Grammar | null = null): Range[] {
  if (!rules.headedCellPerLine && !rules.cellPerLine && !rules.barCells && !rules.mergedCells) return [];
  // The layouts open a table only at a line that is one of their opening words (序号, 指标…) or the bar whole: most
  // texts have none, and then the line list is not built.
  const opener = wholeWord([...(rules.cellPerLine?.opens ?? []), ...(rules.headedCellPerLine?.opens ?? []), ...(rules.barCells ? [rules.barCells.bar] : []), ...(rules.mergedCells?.serialHeaders ?? [])]);
  if (!doc.lines.some((l) => opener(l.body))) return [];
  const lines = tableLines(doc);
  const taken: Taken = new Uint8Array(lines.length);
  const unit = units ? unitLineTest(doc.view, units) : null;
  // The same layouts in the same order as findTables.
  const found: RawTable[] = [];
  const take = (tables: RawTable[]) => {
    for (const t of tables) for (let k = t.first, last = lastLineOf(lines, t); k <= last; k++) taken[k] = 1;
    found.push(...tables);
  };
  take(mergedCells(doc.view, lines, rules, taken, units, true));
  take(cellPerLine(lines, rules, taken, unit));
  take(headedCellPerLine(lines, rules, taken));
  take(barCells(lines, rules, taken));
  take(mergedCells(doc.view, lines, rules, taken, units, false));
  return found.flatMap(cellRanges).sort((a, b) => a.start - b.start);
}

/** A table's lines as ranges of cells: the whole table, but for its group rows that may stand as headings. */
function cellRanges(t: RawTable): Range[] {
  const out: Range[] = [];
  let start = t.lines[0]!.span.start;
  for (const h of t.headings ?? []) {
    if (h.start > start) out.push({ start, end: h.start });
    start = h.end;
  }
  const end = t.lines.at(-1)!.span.end;
  if (end > start) out.push({ start, end });
  return out;
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
export function findTables(doc: Pick<Doc, 'view'>, lines: Line[], rules: Rules['tables'], units: Grammar | null = null): RawTable[] {
  const taken: Taken = new Uint8Array(lines.length);
  const found: RawTable[] = [];
  const take = (tables: RawTable[]) => {
    for (const t of tables) {
      const last = lastLineOf(lines, t);
      for (let k = t.first; k <= last; k++) taken[k] = 1;
      found.push(t);
    }
  };
  const seps = rules.compiled.separators;
  const usable = new Uint8Array(lines.length);
  for (let i = 0; i < lines.length; i++) usable[i] = lines[i]!.body && !lines[i]!.removed && lines[i]!.body.length <= MAX_ROW ? 1 : 0;
  // Most lines are prose with no separator of any layout: one test rules them out for all layouts, asked once per
  // line and only of a line holding the text its layout's separator needs (|, a tab, a space): a line spaced with
  // runs of spaces is then not read for pipes or tabs. Either way a line left out would count no separator.
  const anyMemo = new Int8Array(lines.length);
  const anyHolds = (i: number) => {
    if (anyMemo[i] === 0) anyMemo[i] = !seps.any || (holds(lines[i]!.body, seps.anyNeeds) && seps.any.test(lines[i]!.body)) ? 1 : 2;
    return anyMemo[i] === 1;
  };
  for (const layout of rules.layouts) {
    const needs = seps.needs.get(layout) ?? null;
    // A view that holds nowhere what the separator needs (most have no pipe, no tab) has no line of this layout: a
    // line reads the view's text, or touches furniture clean blanked and is `removed`.
    if (!holds(doc.view, needs)) continue;
    take(separated(doc, lines, layout, taken, seps.each.get(layout)!, (i) => usable[i] === 1 && holds(lines[i]!.body, needs) && anyHolds(i)));
  }
  const unit = units ? unitLineTest(doc.view, units) : null;
  // Before cellPerLine, which reads a row merged with the next as one row, taking only tables cellPerLine cannot read
  // whole; and last, for a complete one no other layout took.
  take(mergedCells(doc.view, lines, rules, taken, units, true));
  take(cellPerLine(lines, rules, taken, unit));
  if (unit) take(serialRows(lines, rules, taken, unit));
  take(headedCellPerLine(lines, rules, taken));
  take(barCells(lines, rules, taken));
  take(mergedCells(doc.view, lines, rules, taken, units, false));
  return found.sort((a, b) => a.first - b.first);
}
