import { withFields, type Doc, type DraftMessage, type Stage } from '../document.js';
import type { Rules } from '../rules/schema.js';
import { COLON, COMMA, ENUMERATION, FULL_STOP, SEMICOLON, SENTENCE_END, type Punctuation } from '../rules/punctuation.js';
import type { Table } from '../schema.js';
import { buildTable, type Preamble } from './table/build.js';
import { findTables, tableLines, type Line } from './table/layout.js';
import { indexSections, type SectionIndex } from './units/sections.js';

/** What a caption never ends with: sentence or clause punctuation (headings.yaml). */
const NOT_CAPTION_END = SENTENCE_END | FULL_STOP | COMMA | SEMICOLON | COLON | ENUMERATION;

/**
 * The lines just above a table that belong to it, read upwards: an optional `单位:亿元` line, the caption, and a
 * label line (`附表1`) or a label opening the caption (`表2 主要指标`). A blank line may stand between them.
 */
export function preamble(doc: Pick<Doc, 'text'>, lines: Line[], first: number, rules: Rules['tables'], p: Punctuation): Preamble {
  const out: Preamble = { start: lines[first]!.start, label: null, title: null, unit: null };
  let k = first - 1;
  const skipBlank = () => { if (k >= 0 && !lines[k]!.body && !lines[k]!.removed) k--; };
  const usable = () => k >= 0 && !lines[k]!.removed && !!lines[k]!.body;
  const slice = (start: number, end: number) => doc.text.slice(start, end);
  skipBlank();
  const unit = usable() && rules.unitLine ? rules.unitLine.exec(lines[k]!.body) : null;
  if (unit) {
    out.unit = unit.at(-1)!.trim();
    out.start = lines[k--]!.start;
    skipBlank();
  }
  if (!usable()) return out;
  const line = lines[k]!;
  const label = rules.label?.exec(line.body);
  if (label) {
    const rest = line.body.slice(label[0].length).replace(/^[\s:.、]+/u, '');
    out.label = slice(line.start, line.start + label[0].length);
    out.title = rest ? slice(line.end - rest.length, line.end) : null;
    out.start = line.start;
    return out;
  }
  if (line.body.length > rules.maxCaption || (line.body.length > 0 && p.is(line.body.charCodeAt(line.body.length - 1), NOT_CAPTION_END))) return out;
  out.title = slice(line.start, line.end);
  out.start = line.start;
  k--;
  skipBlank();
  const above = usable() ? rules.label?.exec(lines[k]!.body) : null;
  if (above && above[0].length === lines[k]!.body.length) {
    out.label = slice(lines[k]!.start, lines[k]!.end);
    out.start = lines[k]!.start;
  }
  return out;
}

/** Tables: pipe-, tab- or space-separated runs of lines and one-cell-per-line tables, with their captions. */
export const tables: Stage = (doc, { rules }): Doc => {
  const lines = tableLines(doc);
  const found: Table[] = [];
  const messages: DraftMessage[] = [];
  let claimed = 0;
  // Built at the first table: a binary search per table instead of a walk over every section.
  let sections: SectionIndex | null = null;
  for (const raw of findTables(doc, lines, rules.tables, rules.organizations.compiled)) {
    if (raw.lines.length < 2) continue;
    const pre = preamble(doc, lines, raw.first, rules.tables, rules.headings.compiled.punctuation);
    // A caption is never shared: a table right below another one starts at its own first line.
    if (pre.start < claimed) Object.assign(pre, { start: lines[raw.first]!.start, label: null, title: null, unit: null });
    const built = buildTable(doc, raw, pre, `tb${found.length + 1}`, (sections ??= indexSections(doc.sections)).sectionAt(pre.start), rules.tables);
    found.push(built.table);
    messages.push(...built.messages);
    claimed = built.table.span.end;
  }
  // A new record even with no tables: a stage that handed some documents on as they came and spread others gave the
  // later stages documents of two hidden classes, and their code was thrown away and compiled again for the second.
  return withFields(doc, { tables: found, messages: messages.length ? [...doc.messages, ...messages] : doc.messages });
};
