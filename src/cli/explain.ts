import type { Result } from '../schema.js';
import { unwrap } from '../util/breaks.js';

// Headings and quantity texts are shown as one line: the breaks of hard-wrapped text are taken out (unwrap).

/**
 * A readable account of what was found and which rule found it, one item a line; a quantity's line ends with the
 * rules behind its kind and its year (`rules.kind`, `rules.year`; - where none decided it).
 */
export function explain(result: Result): string {
  const { meta } = result;
  const lines = [`# ${result.source.path ?? '-'}: ${meta.docType}, ${meta.level ?? 'no level'}, ${meta.year ?? 'no year'}, ${meta.title ?? '(no title)'}`];
  const at = (s: { line: number; column: number }) => `${s.line}:${s.column}`;
  for (const s of result.sections) lines.push(`${at(s.span)}\tsection\t${s.rule}\t${'  '.repeat(s.depth - 1)}${unwrap(s.heading)}${s.role ? ` [${s.role}: ${s.roleRule}]` : ''}`);
  for (const t of result.tasks) lines.push(`${at(t.span)}\ttask\t${t.rule}\t${t.marker ?? ''}${t.title} [lead: ${t.lead.join('、')}; responsible: ${t.responsible.join('、')}]`);
  for (const q of result.quantities) {
    lines.push(`${at(q.core.span)}\tquantity\t${q.rule}\t${unwrap(q.core.text)} → ${q.indicator ?? '?'} ${q.comparator ?? ''}${q.value ?? q.range?.join('–')} ${q.unit} (${q.kind}, ${q.measure}, ${q.period ? q.period.join('–') : q.year ?? '?'}) [kind: ${q.rules.kind ?? '-'}; year: ${q.rules.year ?? '-'}]`);
  }
  for (const g of result.glossary) lines.push(`${at(g.span)}\tglossary\t${g.rule}\t${g.term}`);
  for (const m of result.messages) lines.push(`${m.span ? at(m.span) : '-'}\t${m.severity}\t${m.code}\t${m.message}`);
  for (const r of result.removed) lines.push(`${at(r.span)}\tremoved\t${r.rule}\t${r.text.slice(0, 40).replace(/\s+/g, ' ')}`);
  return `${lines.join('\n')}\n`;
}
