import { sectionPaths } from '../emit/csv.js';
import type { Quantity, Result, Span } from '../schema.js';

/** What a highlight is; also its CSS class and its layer in the page's filters. */
export type MarkType = 'heading' | 'task' | 'quantity' | 'org' | 'removed';
export type Kind = Quantity['kind'];

/** One highlight: a range of the text, what it is, and the fields its panel shows (plain data, escaped later). */
export interface Mark {
  start: number;
  end: number;
  type: MarkType;
  kind: Kind | null;
  label: string;
  section: string | null;
  fields: [string, string][];
}

/** Outer types are opened first where two marks start together, so a heading wraps the task it begins. */
export const NESTING: readonly MarkType[] = ['removed', 'heading', 'task', 'org', 'quantity'];

const at = (s: Span) => `${s.line}:${s.column}`;
const list = (names: readonly string[]) => names.join('、');
const num = (n: number | null) => (n === null ? '' : String(n));

function quantityFields(q: Quantity, path: (id: string | null) => string, tasks: Map<string, string>): [string, string][] {
  return [
    ['id', q.id], ['core', q.core.text], ['indicator', q.indicator ?? ''], ['comparator', q.comparator ?? ''],
    [q.range ? 'range' : 'value', q.range ? q.range.join('-') : num(q.value)], ['unit', q.unit],
    ['normalized', `${num(q.normalized.value)} ${q.normalized.unit} (${q.normalized.dimension})`],
    ['measure', q.measure], ['direction', q.direction ?? ''], ['kind', q.kind], ['year', num(q.year)],
    ['period', q.period ? q.period.join('–') : ''],
    ['section', path(q.section)], ['task', q.task ? tasks.get(q.task) ?? q.task : ''], ['clause', q.text],
    ['at', at(q.core.span)], ['rule', q.rule],
    // The rule behind each decided field (rules/*.yaml ids), where one decided it.
    ...(['comparator', 'measure', 'kind', 'year', 'indicator'] as const).flatMap((f): [string, string][] => (q.rules[f] ? [[`${f} rule`, q.rules[f]]] : [])),
  ];
}

/** Every heading, task, quantity, organisation mention and removed span of a result, as highlights. */
export function marksOf(result: Result): Mark[] {
  const paths = sectionPaths(result);
  const path = (id: string | null) => (id ? paths.get(id) ?? id : '');
  const tasks = new Map(result.tasks.map((t) => [t.id, `${t.marker ?? ''}${t.title}`]));
  const marks: Mark[] = [];
  const add = (span: Span, type: MarkType, label: string, section: string | null, fields: [string, string][], kind: Kind | null = null) =>
    marks.push({ start: span.start, end: span.end, type, kind, label, section, fields });

  for (const s of result.sections) {
    add(s.span, 'heading', `Heading ${s.heading}`, s.id, [
      ['id', s.id], ['heading', s.heading], ['depth', String(s.depth)], ['marker', s.marker ?? ''], ['title', s.title],
      ['path', path(s.id)], ['lead', list(s.lead)],
      ['role', s.role ? `${s.role}${s.period ? ` ${s.period.join('–')}` : s.year ? ` ${s.year}` : ''} (${s.roleRule ?? ''})` : ''],
      ['at', at(s.span)], ['rule', s.rule],
    ]);
  }
  for (const t of result.tasks) {
    add(t.span, 'task', `Task ${t.marker ?? ''}${t.title}`, t.section, [
      ['id', t.id], ['marker', t.marker ?? ''], ['title', t.title], ['section', path(t.section)], ['lead', list(t.lead)],
      ['responsible', list(t.responsible)], ['cooperating', list(t.cooperating)], ['quantities', t.quantities.join(', ')],
      ['at', at(t.span)], ['rule', t.rule],
    ]);
  }
  for (const q of result.quantities) add(q.core.span, 'quantity', `Quantity ${q.core.text}`, q.section, quantityFields(q, path, tasks), q.kind);
  for (const o of result.organizations) {
    const roles: [string, string][] = [
      ['name', o.name], ['lead in', o.roles.lead.map((id) => tasks.get(id) ?? id).join('; ')],
      ['responsible in', o.roles.responsible.map((id) => tasks.get(id) ?? id).join('; ')],
      ['cooperating in', o.roles.cooperating.map((id) => tasks.get(id) ?? id).join('; ')], ['mentions', String(o.mentions.length)],
    ];
    for (const m of o.mentions) add(m, 'org', `Organisation ${o.name}`, null, [...roles, ['at', at(m)]]);
  }
  for (const r of result.removed) {
    add(r.span, 'removed', 'Removed page furniture', null, [['rule', r.rule], ['at', at(r.span)], ['text', r.text]]);
  }
  return marks;
}

/** A stretch of text from one heading to the next (any depth), with the chain of sections it belongs to. */
export interface Region {
  start: number;
  end: number;
  /** Section ids from the top of the tree down to the region's own section; empty before the first heading. */
  chain: string[];
}

/** Section id → the ids from the top of the tree down to it (a cycle in bad input stops the walk). */
export function sectionChains(result: Result): (id: string | null) => string[] {
  const byId = new Map(result.sections.map((s) => [s.id, s]));
  return (id) => {
    const chain: string[] = [];
    for (let s = id ? byId.get(id) : undefined; s && !chain.includes(s.id); s = s.parent ? byId.get(s.parent) : undefined) chain.unshift(s.id);
    return chain;
  };
}

/** Disjoint regions covering the text, so a section filter can hide whole regions without cutting through marks. */
export function regionsOf(result: Result, length: number): Region[] {
  const chainOf = sectionChains(result);
  const heads = [...result.sections].sort((a, b) => a.span.start - b.span.start).filter((s) => s.span.start < length);
  const regions: Region[] = [];
  let start = 0;
  let chain: string[] = [];
  for (const s of heads) {
    if (s.span.start > start) regions.push({ start, end: s.span.start, chain });
    start = Math.max(start, s.span.start);
    chain = chainOf(s.id);
  }
  regions.push({ start, end: length, chain });
  return regions;
}
