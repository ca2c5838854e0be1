import type { Doc } from '../../document.js';
import type { Rules } from '../../rules/schema.js';
import type { Meta } from '../../schema.js';
import { mayHold } from '../../rules/regex-ast.js';
import { lineBodies, take } from './lines.js';

/** How many opening lines (page furniture included) the body cues look at. */
const OPENING_LINES = 60;

/** How much of the view's opening the body cues search as one text. */
const OPENING_CHARS = 4000;

/** What a title cue counts: the document's own title more than a collector's header (标题：…) about it. */
const OWN_TITLE = 3;
const COLLECTOR_TITLE = 1.5;

/**
 * The document type from weighted evidence: the first title cue that matches the title counts 3 (1.5 when the title
 * is only a collector's), each body cue found in the opening lines (speech formula, mandate line, byline, a
 * session headline) its weight. The highest total wins; on a tie, the title's type; with no evidence, other.
 */
export function docTypeOf(doc: Doc, rules: Rules, title: string | null, fromCollector = false): Meta['docType'] {
  const t = title?.replace(/\s+$/u, '') ?? '';
  const score = new Map<Meta['docType'], number>();
  const add = (type: Meta['docType'], w: number) => score.set(type, (score.get(type) ?? 0) + w);
  const byTitle = t ? rules.meta.titleCues.find((c) => c.title.test(t))?.docType ?? null : null;
  if (byTitle) add(byTitle, fromCollector ? COLLECTOR_TITLE : OWN_TITLE);
  const lines = take(lineBodies(doc), OPENING_LINES);
  const text = doc.view.slice(0, OPENING_CHARS);
  // The lines that are not part of the opening text as it stands (past it, or changed in the view since: page breaks).
  const outside = doc.lines.slice(0, lines.length).filter((l) => l.end > text.length || text.slice(l.start, l.end) !== l.body).map((l) => l.body);
  rules.meta.bodyCues.forEach((c, k) => {
    // A cue cannot match a text without one of its required texts (requiredText): the regex is then not run. A cue
    // that reads nothing around its match (contextFree) and missed the opening text misses the lines inside it too.
    const needs = rules.meta.compiled.bodyCueNeeds[k];
    const may = (s: string) => mayHold(s, needs);
    if (may(text) && c.pattern.test(text)) return add(c.docType, c.weight);
    if ((rules.meta.compiled.bodyCueFree[k] ? outside : lines).some((l) => may(l) && c.pattern.test(l))) add(c.docType, c.weight);
  });
  let best: Meta['docType'] = byTitle ?? 'other';
  for (const [type, w] of score) if (w > (score.get(best) ?? 0)) best = type;
  return best;
}
