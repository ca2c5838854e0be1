import type { Doc } from './document.js';
import { conformance } from './conform.js';
import { Result, SCHEMA_VERSION, type Section } from './schema.js';
import { spanOf } from './span.js';

function sections(doc: Doc): Section[] {
  return doc.sections.map((s) => {
    const heading = doc.text.slice(s.heading.start, s.heading.end);
    return {
      id: s.id,
      parent: s.parent,
      depth: s.depth,
      marker: s.marker ? doc.text.slice(s.marker.start, s.marker.end) : null,
      title: doc.text.slice(s.title.start, s.title.end),
      heading,
      text: heading,
      span: spanOf(doc, s.heading.start, s.heading.end),
      lead: doc.sectionLeads.get(s.id) ?? [],
      rule: s.rule,
      role: s.role,
      roleRule: s.roleRule,
      year: s.year,
      period: s.period,
    };
  });
}

/**
 * Each task with the ids of its quantities, read from the quantities' own `task` links: the quantities stage links a
 * figure to its task and leaves the tasks as the tasks stage made them (tasks without figures pass unchanged).
 */
function withQuantities(doc: Doc): Doc['tasks'] {
  const byTask = new Map<string, string[]>();
  for (const q of doc.quantities) {
    if (!q.task) continue;
    const list = byTask.get(q.task);
    if (list) list.push(q.id);
    else byTask.set(q.task, [q.id]);
  }
  if (byTask.size === 0) return doc.tasks;
  return doc.tasks.map((t) => (byTask.has(t.id) ? { ...t, quantities: byTask.get(t.id)! } : t));
}

/** `Result.parse`'s verdict on an assembled result, without its copy (src/conform.ts); compiled once from the schema. */
const conforms = conformance(Result);

/**
 * The document object → the output contract, checked against the zod schema `Result` (DESIGN.md's validate step:
 * no output leaves the pipeline that the schema refuses). A result that conforms (every field as the schema wants
 * it, keys in the schema's order) is returned as it is: zod's parse would return a copy equal to it, key for key.
 * Anything else goes through `Result.parse`, which throws the same error as ever for a result it refuses (and returns
 * its own copy for one it accepts after reordering or completing it). The result returned as it is shares the
 * document's objects (meta, quantities, tables…): the pipeline is done with them, and no reader of a result changes it.
 */
export function assemble(doc: Doc): Result {
  const result = assembled(doc);
  return conforms?.(result) ? result : Result.parse(result);
}

/** The result as assembled, not yet validated. */
export function assembled(doc: Doc) {
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { path: doc.path, sha256: doc.sha256, encoding: doc.encoding, bytes: doc.bytes.length, chars: doc.text.length },
    meta: doc.meta,
    sections: sections(doc),
    tasks: withQuantities(doc),
    quantities: doc.quantities,
    organizations: doc.organizations,
    tables: doc.tables,
    glossary: doc.glossary,
    removed: doc.removed.map((r) => ({ text: doc.text.slice(r.start, r.end), span: spanOf(doc, r.start, r.end), rule: r.rule })),
    messages: doc.messages.map((m) => ({ severity: m.severity, code: m.code, message: m.message, span: m.range ? spanOf(doc, m.range.start, m.range.end) : null })),
  };
}
