import type { Doc, Range } from '../../document.js';
import { trimRange } from '../../span.js';
import type { Draft } from './draft.js';
import type { Grammar, UnitRole } from './grammar.js';
import { markedItem, parseContent, type UnitList } from './lists.js';
import type { SectionIndex } from './sections.js';
import { splitItems, unitCell } from './split.js';
import type { Table } from '../../schema.js';
import { FULL_STOP } from '../../rules/punctuation.js';

/** An item marker opening a title cell, when the table has no serial column. */
const ITEM_MARKER = /^(\d{1,2}\s*[.、](?!\d)|[(]\d{1,2}[)])\s*/u;

function roleOf(header: string, g: Grammar): { role: UnitRole; id: string } | null {
  for (const [word, info] of g.labels) if (info && header.includes(word)) return info;
  return null;
}

/** The lines of [start, end), trimmed, blank ones left out: a cell written over several lines (units one a line). */
function linesOf(view: string, start: number, end: number): Range[] {
  const out: Range[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    const c = i < end ? view.charCodeAt(i) : 0x0a;
    if (c !== 0x0a && c !== 0x0d) continue;
    const r = trimRange(view, from, i);
    if (r.end > r.start) out.push(r);
    from = i + 1;
  }
  return out;
}

/** The unit names of a cell when each of its lines is nothing but unit names (区科信局、区住建局 / 市农技中心), else null. */
function unitsOfCell(view: string, span: Range, g: Grammar): Range[] | null {
  const items: Range[] = [];
  for (const line of linesOf(view, span.start, span.end)) {
    const found = unitCell(view, line.start, line.end, g);
    if (!found) return null;
    items.push(...found);
  }
  return items.length ? items : null;
}

/**
 * Column roles of a table with no header (a table flattened with bars between its cells): a column of unit lists
 * holds the responsible units; the first column is the serial one when its cells count
 * 1, 2, 3…; the title column is the other column holding the most text. Null when no column holds units. A
 * column holds units when it is written in half the rows at least, and two thirds of its cells (two at least) are
 * nothing but unit names.
 */
function headerless(view: string, table: Table, g: Grammar, groupCell: RegExp | null): { roles: ({ role: UnitRole; id: string } | null)[]; serialCol: number; titleCol: number } | null {
  const n = table.columns.length;
  const cellsOf = (j: number) => table.rows.flatMap((r) => r.cells.filter((c) => c.column === j));
  const roles = Array.from({ length: n }, (_, j) => {
    const cells = cellsOf(j);
    // Unit names in most rows (a typo or an odd name in one cell does not unmake the column).
    const units = cells.filter((c) => unitsOfCell(view, c.span, g)).length;
    return units >= 2 && cells.length * 2 >= table.rows.length && units * 3 >= cells.length * 2 ? { role: 'responsible' as const, id: g.shapeIds.table } : null;
  });
  if (!roles.some(Boolean)) return null;
  const serialCol = table.rows.every((r, k) => r.cells.some((c) => c.column === 0 && c.text === String(k + 1))) ? 0 : -1;
  let titleCol = -1;
  let most = 0;
  for (let j = 0; j < n; j++) {
    if (roles[j] || j === serialCol) continue;
    const cells = cellsOf(j);
    // Not a column of figures, nor the group column (一、…) written in every row.
    if (cells.some((c) => c.value !== null) || (groupCell && cells.every((c) => groupCell.test(c.text)))) continue;
    const length = cells.reduce((sum, c) => sum + c.text.length, 0);
    if (length > most) [titleCol, most] = [j, length];
  }
  return titleCol < 0 ? null : { roles, serialCol, titleCol };
}

/**
 * Rows of tables that have a unit column (责任单位, 牵头单位, 负责考核部门): one task a row. `groupHeader` names a group
 * column (任务类型): its cells are written once per group, so it is never the title column even where its header holds
 * a title word.
 */
export function tableDrafts(doc: Doc, g: Grammar, sections: SectionIndex, groupCell: RegExp | null = null, groupHeader: RegExp | null = null): Draft[] {
  const view = doc.view;
  const drafts: Draft[] = [];
  for (const table of doc.tables) {
    // Header words spaced out (目  标  任  务) are read whole.
    const headers = table.columns.map((c) => c.path.join('').replace(/\s+/gu, ''));
    let roles = headers.map((h) => roleOf(h, g));
    const free = headers.map((h, i) => (roles[i] || g.serialHeaders.has(h) || groupHeader?.test(h) ? -1 : i)).filter((i) => i >= 0);
    let titleCol = free.find((i) => g.titleHeader.test(headers[i]!)) ?? free[0];
    let serialCol = headers.findIndex((h) => g.serialHeaders.has(h));
    if (!roles.some(Boolean)) {
      // A table with no header: its columns are told by what they hold.
      const read = headers.every((h) => !h) && table.rows.length ? headerless(view, table, g, groupCell) : null;
      if (!read) continue;
      ({ roles, serialCol, titleCol } = read);
    }
    for (const row of table.rows) {
      const lists: UnitList[] = [];
      for (const cell of row.cells) {
        const info = roles[cell.column];
        if (!info) continue;
        // A cell may say who does what (牵头单位:A;配合单位:B / A牵头,B配合 / A会同B负责); else every unit in it
        // has the column's role, or the one its own parenthesis names (区教育局(牵头)、区财政局).
        const said = parseContent(doc.reading, cell.span.start, cell.span.end, g);
        if (said) {
          lists.push({ ...said, start: cell.span.start, end: cell.span.end });
          continue;
        }
        // A cell written over several lines names a unit a line (市农技中心 / 市畜牧中心).
        const items = linesOf(view, cell.span.start, cell.span.end).flatMap((l) => splitItems(view, l.start, l.end, g)).map((r) => markedItem(view, r, [info.role], g));
        if (items.length) lists.push({ start: cell.span.start, end: cell.span.end, items, rule: info.id, firstIsLead: false, sticky: false });
      }
      // A group cell merged over its items (考核项目) is written once: an item's title is then in the next title column.
      const titleCell = row.cells.find((c) => c.column === titleCol) ?? row.cells.find((c) => c.column !== serialCol && !roles[c.column] && g.titleHeader.test(headers[c.column]!) && c.value === null);
      if (!lists.length || !titleCell) continue;
      const dot = g.punct.indexIn(view, titleCell.span.start, titleCell.span.end, FULL_STOP);
      let title = trimRange(view, titleCell.span.start, dot >= 0 ? dot : titleCell.span.end);
      const serial = row.cells.find((c) => c.column === serialCol);
      let marker: Range | null = serial ? trimRange(view, serial.span.start, serial.span.end) : null;
      // With no serial column, the item's own marker opens its title cell (1.规模以上工业增加值增长).
      const own = serial ? null : ITEM_MARKER.exec(view.slice(title.start, title.end));
      if (own) {
        marker = trimRange(view, title.start, title.start + own[0].length);
        title = trimRange(view, title.start + own[0].length, title.end);
      }
      // The section of the task cell: a group cell opening the row (1 / 一、… / task) heads the task's section.
      drafts.push({ start: row.span.start, end: row.span.end, marker, title, section: sections.sectionAt(titleCell.span.start), lists, rule: g.shapeIds.table });
    }
  }
  return drafts;
}
