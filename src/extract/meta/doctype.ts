import type { Doc } from '../../document.js';
import type { Rules } from '../../rules/schema.js';
import type { Meta } from '../../schema.js';
import { lineBodies, take } from './lines.js';

/** How many opening lines (page furniture included) the body cues look at. */
const OPENING_LINES = 60;

/** The title decides when a title cue matches it; otherwise the first body cue found in the opening lines. */
export function docTypeOf(doc: Doc, rules: Rules, title: string | null): Meta['docType'] {
  const t = title?.replace(/\s+$/u, '') ?? '';
  for (const c of rules.meta.titleCues) if (t && c.title.test(t)) return c.docType;
  const lines = take(lineBodies(doc), OPENING_LINES);
  const text = doc.view.slice(0, 4000);
  for (const c of rules.meta.bodyCues) {
    if (c.pattern.test(text) || lines.some((l) => c.pattern.test(l))) return c.docType;
  }
  return 'other';
}
