import type { Doc, Range } from '../../document.js';
import { trimRange } from '../../span.js';
import type { Draft } from './draft.js';
import type { Grammar, UnitRole } from './grammar.js';
import { markedItem, parseContent, type UnitList } from './lists.js';
import type { SectionIndex } from './sections.js';
import { splitItems } from './split.js';
import { FULL_STOP } from '../../rules/punctuation.js';

/** An item marker opening a title cell, when the table has no serial column. */
const ITEM_MARKER = /^(\d{1,2}\s*[.、](?!\d)|[(]\d{1,2}[)])\s*/u;

function roleOf(header: string, g: Grammar): { role: UnitRole; id: string } | null {
  for (const [word, info] of g.labels) if (info && header.includes(word)) return info;
  return null;
}

/** Rows of tables that have a unit column (责任单位, 牵头单位, 负责考核部门): one task a row. */
export function tableDrafts(doc: Doc, g: Grammar, sections: SectionIndex): Draft[] {
  const view = doc.view;
  const drafts: Draft[] = [];
  for (const table of doc.tables) {
    const headers = table.columns.map((c) => c.path.join(''));
    const roles = headers.map((h) => roleOf(h, g));
    if (!roles.some(Boolean)) continue;
    const free = headers.map((h, i) => (roles[i] || g.serialHeaders.has(h) ? -1 : i)).filter((i) => i >= 0);
    const titleCol = free.find((i) => g.titleHeader.test(headers[i]!)) ?? free[0];
    const serialCol = headers.findIndex((h) => g.serialHeaders.has(h));
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
        const items = splitItems(view, cell.span.start, cell.span.end, g).map((r) => markedItem(view, r, [info.role], g));
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
      drafts.push({ start: row.span.start, end: row.span.end, marker, title, section: sections.sectionAt(row.span.start), lists, rule: g.shapeIds.table });
    }
  }
  return drafts;
}
