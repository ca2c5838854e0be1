import { z } from 'zod';

export const SCHEMA_VERSION = 1 as const;

const offset = z.number().int().nonnegative();

/** Half-open UTF-16 offsets into the decoded source; line and column count from 1. */
export const Span = z.object({
  start: offset,
  end: offset,
  line: z.number().int().positive(),
  column: z.number().int().positive(),
});

const Named = z.array(z.string());

/** Inclusive years [from, to] of a figure or section that covers several years. */
export const Period = z.tuple([z.number().int(), z.number().int()]);
export const SectionRole = z.enum(['review', 'plan', 'glossary', 'other']);

export const Section = z.object({
  id: z.string(),
  parent: z.string().nullable(),
  depth: z.number().int().positive(),
  marker: z.string().nullable(),
  title: z.string(),
  heading: z.string(),
  text: z.string(),
  span: Span,
  lead: Named,
  rule: z.string(),
  /** What the section holds (its figures' default kind) and the year or span it is about; `roleRule` names the evidence. */
  role: SectionRole.nullable(),
  roleRule: z.string().nullable(),
  year: z.number().int().nullable(),
  period: Period.nullable(),
});

export const Task = z.object({
  id: z.string(),
  section: z.string().nullable(),
  marker: z.string().nullable(),
  title: z.string(),
  text: z.string(),
  span: Span,
  lead: Named,
  responsible: Named,
  cooperating: Named,
  quantities: z.array(z.string()),
  rule: z.string(),
});

export const Comparator = z.enum(['>=', '<=', '>', '<', '~']);

export const Quantity = z.object({
  id: z.string(),
  section: z.string().nullable(),
  task: z.string().nullable(),
  text: z.string(),
  span: Span,
  core: z.object({ text: z.string(), span: Span }),
  indicator: z.string().nullable(),
  comparator: Comparator.nullable(),
  value: z.number().nullable(),
  range: z.tuple([z.number(), z.number()]).nullable(),
  unit: z.string(),
  /**
   * The magnitude folded in, the unit as written without it (a unit in Latin letters under its Chinese name: cm →
   * 厘米); `unit` is null for a magnitude written with no unit (贫困人口减少1240万); `currency` is the ISO code of an
   * amount of money (CNY, USD), else null; `base` is the value in the base unit of a physical dimension (168cm →
   * {1.68, 米}; 米, 千克, 平方米, 立方米, 千瓦, 千瓦时), null for counts, money, rates, ranges and units without a factor.
   */
  normalized: z.object({
    value: z.number().nullable(),
    unit: z.string().nullable(),
    dimension: z.string(),
    currency: z.string().nullable().default(null),
    base: z.object({ value: z.number(), unit: z.string() }).nullable().default(null),
  }),
  measure: z.enum(['level', 'growth']),
  direction: z.enum(['up', 'down']).nullable(),
  kind: z.enum(['target', 'actual', 'other']),
  year: z.number().int().nullable(),
  /** Several years: a total, average or change over a span (year is then null). */
  period: Period.nullable(),
  rule: z.string(),
  /**
   * The rule id behind each decided field, or null where nothing decided it: `unit` the unit or number-form rule (as
   * `rule`), `comparator` the comparator rule (null without one), `measure` the growth rule (null for a plain level),
   * `kind` the kind cue or decision, `year` the year cue or the evidence that gave the year or period (a role or
   * section rule, a deadline the paragraph opens with), `indicator` what delimited the indicator. Every id is a rule
   * of rules/*.yaml.
   */
  rules: z.object({
    unit: z.string(),
    comparator: z.string().nullable(),
    measure: z.string().nullable(),
    kind: z.string().nullable(),
    year: z.string().nullable(),
    indicator: z.string().nullable(),
  }),
});

/**
 * One organisation of the document. `name` is its canonical name (the region prefix of the document folded, alias
 * rules applied); `aliases` the other forms as written. `generic` entries (各有关单位, 相关街道办事处, X等单位) name
 * no one unit: they are kept as written and left out of per-unit counts.
 */
export const Organization = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  generic: z.boolean(),
  roles: z.object({ lead: z.array(z.string()), responsible: z.array(z.string()), cooperating: z.array(z.string()) }),
  mentions: z.array(Span),
});

/**
 * One table cell. `value` is the bare number (`7以上` → 7, comparator in `comparator`, the text kept as written);
 * `unit`/`measure` say what a numeric cell measures, from its column header or its row's unit column.
 * `merged`: the flat copy dropped a cell merged with the row above, so its text and span are that row's cell.
 */
export const Cell = z.object({
  column: z.number().int().nonnegative(),
  text: z.string(),
  span: Span,
  value: z.number().nullable(),
  comparator: Comparator.nullable(),
  unit: z.string().nullable(),
  measure: z.enum(['level', 'growth']).nullable(),
  merged: z.boolean(),
});

/** A column: its header path (top to bottom) and what the path says (kind, year, plan/actual, growth/level, unit). */
export const Column = z.object({
  path: z.array(z.string()),
  kind: z.enum(['index', 'label', 'unit', 'data']),
  year: z.number().int().nullable(),
  role: z.enum(['plan', 'actual']).nullable(),
  measure: z.enum(['level', 'growth']).nullable(),
  unit: z.string().nullable(),
});

/** A table: `label` (附表1) and `title` (its caption) as written; `span` runs from the label or caption to the last row. */
export const Table = z.object({
  id: z.string(),
  section: z.string().nullable(),
  label: z.string().nullable(),
  title: z.string().nullable(),
  unit: z.string().nullable(),
  text: z.string(),
  span: Span,
  columns: z.array(Column),
  rows: z.array(z.object({ label: z.string().nullable(), span: Span, cells: z.array(Cell) })),
  rule: z.string(),
});

export const GlossaryEntry = z.object({
  marker: z.string().nullable(),
  term: z.string(),
  definition: z.string(),
  text: z.string(),
  span: Span,
  rule: z.string(),
});

export const Removed = z.object({ text: z.string(), span: Span, rule: z.string() });

export const Message = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  span: Span.nullable(),
});

export const DocType = z.enum(['work-report', 'plan-report', 'budget-report', 'plan-outline', 'progress-report', 'task-notice', 'policy-notice', 'news', 'other']);
export const Level = z.enum(['national', 'province', 'city', 'county', 'township']);

export const Meta = z.object({
  title: z.string().nullable(),
  docType: DocType,
  /** Administrative level of the government the document is about (a municipality is a province). */
  level: Level.nullable(),
  region: z.object({ province: z.string().nullable(), city: z.string().nullable(), district: z.string().nullable() }),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  issuer: z.string().nullable(),
  year: z.number().int().nullable(),
  /** Where the copy came from, as its front matter or scraper header says (a URL or a site), or null. */
  source: z.string().nullable(),
});

export const Source = z.object({
  path: z.string().nullable(),
  sha256: z.string(),
  encoding: z.string(),
  bytes: z.number().int().nonnegative(),
  chars: z.number().int().nonnegative(),
});

export const Result = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: Source,
  meta: Meta,
  sections: z.array(Section),
  tasks: z.array(Task),
  quantities: z.array(Quantity),
  organizations: z.array(Organization),
  tables: z.array(Table),
  glossary: z.array(GlossaryEntry),
  removed: z.array(Removed),
  messages: z.array(Message),
});

export type Span = z.infer<typeof Span>;
export type Section = z.infer<typeof Section>;
export type Task = z.infer<typeof Task>;
export type Quantity = z.infer<typeof Quantity>;
export type Organization = z.infer<typeof Organization>;
/** An organisation as the tasks stage finds it, before the organizations stage folds names and marks generic ones. */
export type OrganizationDraft = Pick<Organization, 'name' | 'roles' | 'mentions'>;
export type Table = z.infer<typeof Table>;
export type Cell = z.infer<typeof Cell>;
export type Column = z.infer<typeof Column>;
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;
export type Removed = z.infer<typeof Removed>;
export type Message = z.infer<typeof Message>;
export type Meta = z.infer<typeof Meta>;
export type DocType = z.infer<typeof DocType>;
export type Level = z.infer<typeof Level>;
export type Period = z.infer<typeof Period>;
export type SectionRole = z.infer<typeof SectionRole>;
export type Source = z.infer<typeof Source>;
export type Result = z.infer<typeof Result>;

/** The JSON Schema of the output, derived from the zod schema above. */
export function jsonSchema(): object {
  return z.toJSONSchema(Result, { target: 'draft-2020-12' });
}
