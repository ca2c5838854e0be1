import { z } from 'zod';
import { examples } from '../examples.js';
import { GlobalPattern, Pattern, RuleId, Words } from '../pattern.js';

/** The schema of rules/boilerplate.yaml, built when first needed (see ruleSchemas in ../schema.ts). */
export function boilerplateRules() {
  /**
   * Page furniture, matched against units: trimmed lines of the view, cut further at the inline breaks of flattened
   * reports. `within` keeps a rule to the head and/or tail of the text (a fraction of its characters, never less than
   * a few hundred), so a label such as 来源： is furniture at the edges of a page but left alone inside a report.
   */
  const Zone = {
    within: z.number().min(0).max(1).default(1),
    at: z.enum(['edges', 'head', 'tail']).default('edges'),
  };

  /** Units after a match that belong to it: a value on the next line (`next`), or a breadcrumb trail (`trail`). */
  const Follow = {
    next: Pattern.optional(),
    nextMax: z.number().int().min(1).max(20).default(1),
    /** Separator units (`>`); the short item after each separator is taken too. */
    trail: Pattern.optional(),
  };

  const LineRule = z.object({
    id: RuleId,
    ...examples,
    pattern: Pattern,
    ...Zone,
    ...Follow,
    /** A page break (a page number): the view reads across it like across a line break. */
    pageBreak: z.boolean().default(false),
  }).strict();

  const BlockRule = z.object({
    id: RuleId,
    ...examples,
    pattern: Pattern,
    ...Zone,
    ...Follow,
    /** Remove from the start of the text through the matching unit (collector headers, forum panels, page headers). */
    fromStart: z.boolean().default(false),
    /** End the block at the first unit matching this (searched over the next dozen units) instead of the text's end. */
    until: Pattern.optional(),
    /** One of the two units after the match must match this too (a numbered floor is one only above its post meta). */
    followedBy: Pattern.optional(),
    /** Allow prose (a long unit with a sentence end) inside the block; off by default so report text is never swept up. */
    prose: z.boolean().default(false),
    /** The block is a page's navigation (other pages' headlines and dates): no date of the document is read from it. */
    navigation: z.boolean().default(false),
    /**
     * A table of contents: the block runs over the units after the match that `entry` matches (a numbered line, a dot
     * leader), and the short lines wrapped off them, until the body repeats its first entry or a unit of neither sort
     * comes; it ends at its last entry.
     */
    contents: z.object({
      entry: Pattern,
      wrapped: z.number().int().min(0).default(8),
      /**
       * The match is the first entry itself (a list of the parts printed above the title, with no 目录 over it): the
       * block is removed only where `minEntries` entries or more run and the body repeats the first one after them.
       */
      unlabelled: z.boolean().default(false),
      minEntries: z.number().int().min(1).default(1),
    }).strict().optional(),
  }).strict();

  /** Stretches inside lines (HTML tags, scripts, entities), matched anywhere in the view. */
  const SpanRule = z.object({
    id: RuleId,
    ...examples,
    pattern: GlobalPattern,
    /** The rule inline HTML tags are removed under, which normalise already made fillers in the view (one rule). */
    inlineTags: z.boolean().default(false),
  }).strict();

  /** A YAML block or scraper header opening the file: removed under `id`; the listed keys give metadata hints. */
  const FrontMatter = z.object({
    id: RuleId,
    ...examples,
    title: Words.default([]),
    date: Words.default([]),
    issuer: Words.default([]),
    source: Words.default([]),
    other: Words.default([]),
  }).strict();

  /**
   * A short line (at most `maxLength`) standing beside page numbers (the `pageBreak` line rules) at `minPages` page
   * breaks or more, as written each time: a printed document's running head or foot. Elsewhere the words are kept.
   */
  const RunningHead = z.object({
    id: RuleId,
    ...examples,
    maxLength: z.number().int().positive().default(30),
    minPages: z.number().int().min(2).default(2),
  }).strict();

  return z.object({
    lines: z.array(LineRule).default([]),
    blocks: z.array(BlockRule).default([]),
    spans: z.array(SpanRule).default([]),
    frontMatter: FrontMatter.nullable().default(null),
    runningHead: RunningHead.nullable().default(null),
  }).strict();
}

export type BoilerplateRules = z.output<ReturnType<typeof boilerplateRules>>;
