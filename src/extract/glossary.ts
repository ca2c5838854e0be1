import { withFields, type Doc, type Range, type Stage } from '../document.js';
import type { Rules } from '../rules/schema.js';
import { FULL_STOP, SEMICOLON, SENTENCE_END, type Punctuation } from '../rules/punctuation.js';
import type { GlossaryEntry } from '../schema.js';
import { countBefore, lineOf, textSpan, trimRange } from '../span.js';

type GlossaryRules = Rules['tables']['glossary'];

interface Draft {
  marker: Range | null;
  term: Range;
  definition: Range;
  end: number;
  rule: string;
}

/** What a term never holds: a sentence end, full stop or semicolon (headings.yaml). */
const TERM_STOP = SENTENCE_END | FULL_STOP | SEMICOLON;
const CONTINUES = /[。!?)”;]$/u;

/** Index of the first block starting at or after `offset`; blocks come in text order (see `blocksFrom`). */
const firstBlockAt = (blocks: readonly Range[], offset: number) => countBefore(blocks.length, (i) => blocks[i]!.start < offset);

/**
 * The blocks starting in [from, to), in order. Segment emits blocks in text order, so a binary search finds the
 * first one instead of a walk over the whole document for every glossary section; unordered blocks are filtered.
 */
function blocksIn(blocks: readonly Range[], ordered: boolean, from: number, to: number): Range[] {
  if (!ordered) return blocks.filter((b) => b.start >= from && b.start < to);
  const out: Range[] = [];
  for (let k = firstBlockAt(blocks, from); k < blocks.length && blocks[k]!.start < to; k++) out.push(blocks[k]!);
  return out;
}

const inOrder = (blocks: readonly Range[]) => blocks.every((b, i) => i === 0 || blocks[i - 1]!.start <= b.start);

/**
 * The paragraphs of a section, one per line (segment may split a line at runs of spaces), except that a block
 * opening with an entry marker starts a paragraph of its own (a glossary flattened onto one line).
 */
function lineUnits(doc: Pick<Doc, 'blocks' | 'lineStarts' | 'view'>, ordered: boolean, from: number, to: number, rules: GlossaryRules): Range[] {
  const units: (Range & { line: number })[] = [];
  const marked = (b: Range) => rules.markers.some((m) => m.pattern.test(doc.view.slice(b.start, Math.min(b.end, b.start + 8))));
  for (const b of blocksIn(doc.blocks, ordered, from, to)) {
    const line = lineOf(doc.lineStarts, b.start);
    const last = units.at(-1);
    if (last && last.line === line && !marked(b)) last.end = b.end;
    else units.push({ start: b.start, end: b.end, line });
  }
  return units;
}

/** `1.term:definition`, `〔1〕term:…`, `term:definition`, or `[1] term definition` (a bracketed marker, no colon). */
export function parseEntry(view: string, unit: Range, rules: GlossaryRules, p: Punctuation): Draft | null {
  const text = view.slice(unit.start, unit.end);
  let marker: Range | null = null;
  let rule = rules.plainId;
  let at = 0;
  for (const m of rules.markers) {
    const hit = m.pattern.exec(text);
    if (!hit) continue;
    marker = trimRange(view, unit.start, unit.start + hit[0].length);
    rule = m.id;
    at = hit[0].length;
    break;
  }
  const rest = text.slice(at);
  const colon = rest.indexOf(':');
  let termEnd = colon;
  let defStart = colon + 1;
  if (colon < 0 || colon > rules.maxTerm) {
    const spaced = marker && /^[〔\[【(]/u.test(text) ? /^\S{1,40}?(?=\s)/u.exec(rest) : null;
    if (!spaced) return null;
    termEnd = spaced[0].length;
    defStart = termEnd;
  }
  const term = trimRange(view, unit.start + at, unit.start + at + termEnd);
  const definition = trimRange(view, unit.start + at + defStart, unit.end);
  const termText = view.slice(term.start, term.end);
  if (term.end <= term.start || termText.length > rules.maxTerm || p.has(termText, TERM_STOP) || definition.end <= definition.start) return null;
  return { marker, term, definition, end: unit.end, rule };
}

/** Entries of one glossary section: marked entries skip stray lines; unmarked ones stop at the first line that is not one. */
function entries(doc: Doc, ordered: boolean, from: number, to: number, rules: GlossaryRules, p: Punctuation): Draft[] {
  const out: Draft[] = [];
  let style: 'marked' | 'plain' | null = null;
  let open = false;
  for (const unit of lineUnits(doc, ordered, from, to, rules)) {
    const e = parseEntry(doc.view, unit, rules, p);
    const fits = e && (style === null || (e.marker ? 'marked' : 'plain') === style);
    if (fits) {
      style ??= e.marker ? 'marked' : 'plain';
      out.push(e);
      open = true;
      continue;
    }
    // A definition that runs on over more lines: the next line, with no marker of its own, ending a sentence.
    if (open && !e?.marker && CONTINUES.test(doc.view.slice(unit.start, unit.end))) {
      out.at(-1)!.end = unit.end;
      out.at(-1)!.definition.end = unit.end;
      continue;
    }
    open = false;
    if (style === 'plain') break;
  }
  return out;
}

/** Glossary entries of every 名词解释 section; `text`/`span` are the whole entry, marker included. */
export const glossary: Stage = (doc, { rules }): Doc => {
  const out: GlossaryEntry[] = [];
  let ordered: boolean | null = null;
  for (const s of doc.sections) {
    if (s.style !== 'glossary') continue;
    ordered ??= inOrder(doc.blocks);
    for (const d of entries(doc, ordered, s.heading.end, s.end, rules.tables.glossary, rules.headings.compiled.punctuation)) {
      const start = d.marker?.start ?? d.term.start;
      out.push({
        marker: d.marker ? doc.text.slice(d.marker.start, d.marker.end) : null,
        term: doc.text.slice(d.term.start, d.term.end),
        definition: doc.text.slice(d.definition.start, d.definition.end),
        ...textSpan(doc, start, d.end),
        rule: d.rule,
      });
    }
  }
  // A new record even with no entries: a stage that handed some documents on as they came and spread others gave the
  // later stages documents of two hidden classes, and their code was thrown away and compiled again for the second.
  return withFields(doc, { glossary: out });
};
