import type { Range } from '../../document.js';
import type { Rules } from '../../rules/schema.js';
import type { Grammar } from '../units/grammar.js';
import { isUnit, splitItems } from '../units/split.js';
import { COLON, COMMA, FULL_STOP, SEMICOLON, SENTENCE_END } from '../../rules/punctuation.js';
import { isNumber } from './cells.js';
import type { Line, RawTable } from './layout.js';

type Merged = NonNullable<Rules['tables']['mergedCells']>;

/** What a column holds, from its header word (rules/tables.yaml mergedCells). */
type Kind = 'task' | 'unit' | 'time' | 'other';

/**
 * One cell as written: a line, or (with a blank line after each cell) a run of written lines. An empty cell is a blank
 * line (a gap of 2k+1 blank lines holds k of them where a blank line follows every cell): it stands where it is.
 */
interface Cell extends Range {
  /** Indices of its first and last line. */
  first: number;
  last: number;
  /** Its text in the view, lines joined by line breaks; empty for an empty cell. */
  text: string;
}

/** A row of the table: a group row (its one cell), or a serial row with its cells. */
interface Row {
  group: Cell | null;
  serial: Cell | null;
  /** The task cell: its first cell to its last (a task written over several lines). */
  task: Range | null;
  /** Per column after the task column, the row's own written cell, else null. */
  own: (Cell | null)[];
  /** Per column after the task column, whether the row writes that cell empty: it then takes none from its block. */
  empty: boolean[];
  /** The index of its last written line. */
  last: number;
}

/** The most blank lines between two cells: more ends the table. */
const MAX_GAP = 5;
/** No header has more columns than this on either side of the serial header. */
const MAX_HEADER = 8;
/** Stops and clause marks: a group cell (旧区改造) has none. */
/** Sentence and clause punctuation (headings.yaml) but the enumeration comma. */
const CLAUSE = SENTENCE_END | FULL_STOP | COMMA | SEMICOLON | COLON;
const HAN = /\p{Script=Han}/u;
/** The most items a unit cell names. */
const MAX_UNITS = 12;

const groupOf = (c: Cell): Row => ({ group: c, serial: null, task: null, own: [], empty: [], last: c.last });

/**
 * Task lists written one cell per line whose merged cells are written once (rules/tables.yaml mergedCells): a header
 * of known words around a serial header, rows opened by the bare serial number, group rows and group cells between
 * them; a row lacking a cell takes the one its block wrote, before or after it as the table writes them. With
 * `leaveComplete`, a table cellPerLine reads whole (every row complete, no group column, group rows only of its kind)
 * is left to it: the layouts run this first with it, and again without it once the others have taken their tables.
 * `taken` marks lines an earlier table took; `view` is the text the lines index.
 */
export function mergedCells(view: string, lines: Line[], rules: Rules['tables'], taken: Uint8Array, units: Grammar | null, leaveComplete: boolean): RawTable[] {
  const g = rules.mergedCells;
  if (!g || !units) return [];
  const out: RawTable[] = [];
  const longest = Math.max(...g.serialHeaders.map((w) => w.length)) * 3;
  const serialHeader = (body: string) => body.length <= longest && g.serialHeaders.includes(body.replace(/\s+/gu, ''));
  const cellGroup = leaveComplete ? (rules.cellPerLine?.groupTitle ?? /(?!)/u) : null;
  for (let i = 0; i < lines.length; i++) {
    // Most lines are no serial header: a length test and a short list rule them out.
    if (taken[i] || lines[i]!.removed || !serialHeader(lines[i]!.body)) continue;
    const found = new Reader(view, lines, g, taken, units).tableAt(i, cellGroup);
    if (!found) continue;
    out.push(found.table);
    i = found.last;
  }
  return out;
}

class Reader {
  private readonly cells: Cell[] = [];
  /** The line the next cell is looked for from; -1 once the cells have ended. */
  private next = -1;
  private spaced = false;

  constructor(
    private readonly view: string,
    private readonly lines: Line[],
    private readonly g: Merged,
    private readonly taken: Uint8Array,
    private readonly units: Grammar,
  ) {}

  private usable(k: number): boolean {
    return k >= 0 && k < this.lines.length && !this.lines[k]!.removed && !this.taken[k];
  }

  private written(k: number): boolean {
    return k >= 0 && k < this.lines.length && !!this.lines[k]!.body;
  }

  /** The cell at position q from the serial header (0), gathered as far as needed; null past the table's cells. */
  private cell(q: number): Cell | null {
    while (this.cells.length <= q && this.next >= 0) this.gather();
    return this.cells[q] ?? null;
  }

  /** The next cell (after the empty cells its gap holds), or the end of the cells. */
  private gather(): void {
    let k = this.next;
    while (k < this.lines.length && !this.written(k) && !this.lines[k]!.removed) k++;
    const gap = k - this.next;
    // The cells end at furniture, at a line another table took, at a wide gap, at the end of the text.
    if (!this.usable(k) || !this.written(k) || gap > MAX_GAP) {
      this.next = -1;
      return;
    }
    let e = k;
    // With a blank line after each cell, a run of written lines is one cell; a run longer than any cell is prose.
    while (this.spaced && this.written(e + 1) && this.usable(e + 1) && e - k < this.g.maxCellLines) e++;
    if (this.spaced && this.written(e + 1)) {
      this.next = -1;
      return;
    }
    const empties = this.spaced ? (gap - 1) >> 1 : gap;
    for (let q = 0; q < empties; q++) {
      const blank = this.next + (this.spaced ? 1 + 2 * q : q);
      const at = this.lines[blank]!.start;
      this.cells.push({ start: at, end: at, first: blank, last: blank, text: '' });
    }
    this.cells.push({ start: this.lines[k]!.start, end: this.lines[e]!.end, first: k, last: e, text: this.view.slice(this.lines[k]!.start, this.lines[e]!.end) });
    this.next = e + 1;
  }

  /** The header cells written right above the serial header at line i that name group columns (任务类型). */
  private groupHeadersAbove(i: number): Cell[] {
    const out: Cell[] = [];
    let k = i - 1;
    while (out.length < MAX_HEADER) {
      while (k >= 0 && !this.written(k) && !this.lines[k]!.removed) k--;
      if (!this.usable(k) || !this.written(k) || !this.g.groupHeader.test(this.lines[k]!.body.replace(/\s+/gu, ''))) break;
      out.unshift({ start: this.lines[k]!.start, end: this.lines[k]!.end, first: k, last: k, text: this.lines[k]!.body });
      k--;
    }
    return out;
  }

  /** The kind of a header cell after the serial header, or null when it is none of the known words. */
  private headerKind(text: string, first: boolean): Kind | null {
    const h = text.replace(/\s+/gu, '');
    if (!h || h.length > this.g.maxHeaderCell) return null;
    if (first) return this.g.taskHeader.test(h) ? 'task' : null;
    // A unit column is named by a unit label (organizations.yaml labels: 推进单位, 牵头部门, 配合单位…).
    for (const [word, info] of this.units.labels) if (info && h.includes(word)) return 'unit';
    if (this.g.timeHeader.test(h)) return 'time';
    return this.g.otherHeader.test(h) ? 'other' : null;
  }

  /** A cell that reads as a list of unit names (区房管局、各相关街镇): most of its items are units, none a sentence. */
  private unitCell(c: Cell, grouped: boolean): boolean {
    if (!c.text || this.units.punct.has(c.text, FULL_STOP)) return false;
    const items: Range[] = [];
    for (let k = c.first; k <= c.last; k++) {
      const l = this.lines[k]!;
      if (l.body) items.push(...splitItems(this.view, l.start, l.end, this.units));
    }
    if (!items.length || items.length > MAX_UNITS) return false;
    const named = items.filter((r) => isUnit(this.view, r, this.units)).length;
    if (items.length === 1) {
      if (!named) return false;
      // Under a group column a lone place (产业园区) is the group cell of the rows after it.
      const name = this.view.slice(items[0]!.start, items[0]!.end);
      return !(grouped && !this.units.generic?.test(name) && this.g.placeEndings.some((w) => name.endsWith(w)));
    }
    // A name the suffixes do not know (区“两旧”专班) leaves the others a unit list.
    return named * 3 >= items.length * 2;
  }

  private groupRow(c: Cell): boolean {
    return !!c.text && c.text.length <= this.g.maxGroupRow && this.g.groupRow.test(c.text);
  }

  /** A group column's cell (旧区改造): short, one line, no clause marks, no figure. */
  private groupCell(c: Cell): boolean {
    return c.first === c.last && c.text.length <= this.g.maxGroupCell && HAN.test(c.text) && !this.units.punct.has(c.text, CLAUSE) && !isNumber(c.text);
  }

  /** Whether the written cell c may fill a column of this kind. */
  private fits(c: Cell, kind: Kind, grouped: boolean): boolean {
    if (!c.text || this.groupRow(c) || isNumber(c.text)) return false;
    if (kind === 'unit') return this.unitCell(c, grouped);
    if (this.unitCell(c, grouped)) return false;
    if (kind === 'time') return c.text.length <= this.g.maxGroupCell && this.g.timeCell.test(c.text);
    return c.text.length <= this.g.maxGroupCell;
  }

  /**
   * The table whose serial header is line i, with its last line, or null. `cellGroup`: the group rows cellPerLine
   * reads (一、… written whole), when a table it reads whole is left to it; null: no table is left.
   */
  tableAt(i: number, cellGroup: RegExp | null): { table: RawTable; last: number } | null {
    const g = this.g;
    const above = this.groupHeadersAbove(i);
    const grouped = above.length > 0;
    // A blank line after the serial header: each cell is then a run of written lines.
    this.spaced = !this.written(i + 1);
    this.next = i + 1;
    this.cells.push({ start: this.lines[i]!.start, end: this.lines[i]!.end, first: i, last: i, text: this.lines[i]!.body });
    const kinds: Kind[] = [];
    for (let q = 1; q <= MAX_HEADER; q++) {
      const c = this.cell(q);
      const kind = c ? this.headerKind(c.text, q === 1) : null;
      if (!kind) break;
      kinds.push(kind);
    }
    // The task column, and a unit column at least.
    if (kinds[0] !== 'task' || !kinds.includes('unit')) return null;
    const extras = kinds.slice(1);
    const isGroup = (c: Cell) => this.groupRow(c) || (grouped && this.groupCell(c));
    const rows: Row[] = [];
    let p = kinds.length + 1;
    // Group cells may stand before the first row.
    for (let k = 0; k < g.maxRowCells && this.cell(p) && (!this.cell(p)!.text || isGroup(this.cell(p)!)); k++, p++) if (this.cell(p)!.text) rows.push(groupOf(this.cell(p)!));
    for (let n = 1; this.cell(p)?.text === String(n); n++) {
      let q = p + 1;
      while (q <= p + g.maxRowCells && this.cell(q) && this.cell(q)!.text !== String(n + 1)) q++;
      const read = this.cell(q)?.text === String(n + 1) ? this.rowUntil(p, q, extras, grouped) : null;
      if (read) {
        rows.push(read.row, ...read.groups.map(groupOf));
        p = q;
        continue;
      }
      // The last row: its task cell and the cells after it that fit the columns.
      const last = this.lastRow(p, extras, grouped);
      if (last) rows.push(last);
      break;
    }
    // Group cells after the last row head nothing.
    while (rows.length && !rows.at(-1)!.serial) rows.pop();
    const serialRows = rows.filter((r) => r.serial);
    if (serialRows.length < 2 || !serialRows.some((r) => r.own.some((c, j) => c && extras[j] === 'unit'))) return null;
    // What cellPerLine reads whole is left to it, read as it was.
    const complete = serialRows.every((r) => r.own.every((c, j) => c || r.empty[j]));
    if (cellGroup && !grouped && complete && rows.every((r) => r.serial || cellGroup.test(r.group!.text))) return null;
    return this.build(above, kinds, rows);
  }

  /**
   * The cells of a row from position k to `end` (exclusive) placed in the columns after the task column: each written
   * cell in the first column left that it fits, an empty cell in the next column when a written cell of the row comes
   * after it (empty cells at the end of a row are the gap before the next one). Returns where placing stopped.
   */
  private place(k: number, end: number, extras: Kind[], grouped: boolean, row: Pick<Row, 'own' | 'empty'>): number {
    let col = 0;
    let pending = 0;
    for (; k < end; k++) {
      const c = this.cell(k);
      if (!c) break;
      if (!c.text) {
        pending++;
        continue;
      }
      let j = col + pending;
      while (j < extras.length && !this.fits(c, extras[j]!, grouped)) j++;
      if (j >= extras.length) break;
      for (let e = col; e < col + pending; e++) row.empty[e] = true;
      row.own[j] = c;
      col = j + 1;
      pending = 0;
    }
    return k - pending;
  }

  /**
   * The row opened by the serial cell p, the next serial cell being q: its task cell, the cells after it that fit the
   * columns in order (those before the first fitting one are more lines of the task), then group cells up to q. With
   * no fitting cell the task runs on to the first group cell. Null when a cell left over is no group cell.
   */
  private rowUntil(p: number, q: number, extras: Kind[], grouped: boolean): { row: Row; groups: Cell[] } | null {
    const first = this.cell(p + 1)!;
    if (q === p + 1 || !HAN.test(first.text) || this.groupRow(first)) return null;
    const isGroup = (c: Cell) => this.groupRow(c) || (grouped && this.groupCell(c));
    // A group row ends the row's own cells.
    let end = p + 2;
    while (end < q && !this.groupRow(this.cell(end)!)) end++;
    const row: Row = { group: null, serial: this.cell(p)!, task: null, own: extras.map(() => null), empty: extras.map(() => false), last: -1 };
    // The first written cell after the task that fits a column; the written cells before it are more of the task.
    let f = p + 2;
    while (f < end && !extras.some((kind) => this.fits(this.cell(f)!, kind, grouped))) f++;
    let taskEnd = p + 1;
    let k: number;
    if (f < end) {
      let from = f;
      while (from > p + 2 && !this.cell(from - 1)!.text) from--;
      for (let t = p + 2; t < from; t++) if (this.cell(t)!.text) taskEnd = t;
      k = this.place(from, end, extras, grouped, row);
    } else {
      while (taskEnd + 1 < end && (!this.cell(taskEnd + 1)!.text || !isGroup(this.cell(taskEnd + 1)!))) taskEnd++;
      while (taskEnd > p + 1 && !this.cell(taskEnd)!.text) taskEnd--;
      k = taskEnd + 1;
    }
    const groups: Cell[] = [];
    for (; k < q; k++) {
      const c = this.cell(k)!;
      if (!c.text) continue;
      if (!isGroup(c)) return null;
      groups.push(c);
    }
    row.task = { start: first.start, end: this.cell(taskEnd)!.end };
    row.last = Math.max(this.cell(taskEnd)!.last, ...row.own.map((c) => c?.last ?? -1));
    return { row, groups };
  }

  /** The last row, opened by the serial cell p: its task cell and the cells right after it that fit the columns. */
  private lastRow(p: number, extras: Kind[], grouped: boolean): Row | null {
    const task = this.cell(p + 1);
    if (!task || !HAN.test(task.text) || this.groupRow(task) || isNumber(task.text)) return null;
    const row: Row = { group: null, serial: this.cell(p)!, task: { start: task.start, end: task.end }, own: extras.map(() => null), empty: extras.map(() => false), last: -1 };
    this.place(p + 2, p + 2 + extras.length * (MAX_GAP + 1), extras, grouped, row);
    row.last = Math.max(task.last, ...row.own.map((c) => c?.last ?? -1));
    return row;
  }

  /**
   * The rows as a raw table, each row lacking a cell given the one of its block (see rules/tables.yaml mergedCells):
   * blocks end at group rows, and the side is the one fewer rows would find nothing on, the page's own order (the
   * cell after the first row of its block) on a tie.
   */
  private build(above: Cell[], kinds: Kind[], rows: Row[]): { table: RawTable; last: number } {
    const extras = kinds.slice(1);
    // A group row runs across the table: no merged cell runs across it. Group cells of a column do not end a block.
    const blocks: Row[][] = [[]];
    for (const r of rows) {
      if (r.group && this.groupRow(r.group)) blocks.push([]);
      else if (r.serial) blocks.at(-1)!.push(r);
    }
    // Rows that would find no unit cell to take, were merged cells written after the first row of their block (0) or
    // after the last (1).
    const stranded = [0, 0];
    for (const block of blocks) {
      for (let j = 0; j < extras.length; j++) {
        if (extras[j] !== 'unit') continue;
        const has = block.map((r) => !!r.own[j] || r.empty[j]);
        const firstWith = has.indexOf(true);
        const lastWith = has.lastIndexOf(true);
        has.forEach((h, k) => {
          if (h) return;
          if (firstWith < 0 || k < firstWith) stranded[0]!++;
          if (firstWith < 0 || k > lastWith) stranded[1]!++;
        });
      }
    }
    const afterLast = stranded[1]! < stranded[0]!;
    const taken = new Map<Row, (Cell | null)[]>();
    for (const block of blocks) {
      const carry: (Cell | null)[] = extras.map(() => null);
      for (const r of afterLast ? [...block].reverse() : block) {
        taken.set(r, extras.map((_, j) => (r.own[j] || r.empty[j] ? null : carry[j]!)));
        // An empty cell is a cell of its own: the rows after it (on that side) take nothing from above it.
        r.own.forEach((c, j) => { if (c || r.empty[j]) carry[j] = c; });
      }
    }
    const columns = above.length + kinds.length + 1;
    const serialAt = above.length;
    const header = [...above, this.cells[0]!, ...kinds.map((_, k) => this.cells[k + 1]!)];
    const lines: RawTable['lines'] = [{ span: { start: header[0]!.start, end: header.at(-1)!.end }, cells: header.map((c) => ({ start: c.start, end: c.end })) }];
    const headings: Range[] = [];
    for (const r of rows) {
      if (r.group) {
        const cell = { start: r.group.start, end: r.group.end };
        // A group row with a heading marker (一、…) heads the rows under it; others (行动一：…, 旧区改造) stay cells.
        if (this.groupRow(r.group) && this.g.headingRow.test(r.group.text)) headings.push(cell);
        lines.push({ span: cell, cells: [cell] });
        continue;
      }
      const at = r.serial!.start;
      const cells: Range[] = Array.from({ length: columns }, () => ({ start: at, end: at }));
      const merged: boolean[] = Array.from({ length: columns }, () => false);
      cells[serialAt] = { start: r.serial!.start, end: r.serial!.end };
      cells[serialAt + 1] = r.task!;
      let end = r.task!.end;
      const inherited = taken.get(r)!;
      for (let j = 0; j < extras.length; j++) {
        const from = r.own[j] ?? inherited[j];
        if (!from) continue;
        cells[serialAt + 2 + j] = { start: from.start, end: from.end };
        merged[serialAt + 2 + j] = !r.own[j];
        if (r.own[j]) end = Math.max(end, from.end);
      }
      lines.push({ span: { start: at, end }, cells, ...(merged.some(Boolean) ? { merged } : {}) });
    }
    const table: RawTable = { rule: this.g.id, first: header[0]!.first, lines, headerCount: 1, placed: true };
    if (headings.length) table.headings = headings;
    return { table, last: rows.at(-1)!.last };
  }
}
