import { z } from 'zod';
import { Comparator, Meta, Span } from '../schema.js';

export const TRACK_SCHEMA_VERSION = 1 as const;

/** One side of a pair: a target or an outcome, where it was found and what it says. */
export const Observation = z.object({
  /** The report it comes from (its `source.path`, or `#n` for the n-th input without a path). */
  file: z.string(),
  /** `text` for a quantity of the running text, `table` for a table cell. */
  origin: z.enum(['text', 'table']),
  /** The quantity id (`q12`) or the cell (`tb1:r3:c4`). */
  ref: z.string(),
  /** The year the figure is for; for a figure over several years, the last year of its `period`. */
  year: z.number().int(),
  /** [from, to] for a figure over several years (a five-year average or total), else null. */
  period: z.tuple([z.number().int(), z.number().int()]).nullable(),
  /** The indicator as written in the report. */
  phrase: z.string(),
  measure: z.enum(['level', 'growth']),
  direction: z.enum(['up', 'down']).nullable(),
  comparator: Comparator.nullable(),
  value: z.number().nullable(),
  range: z.tuple([z.number(), z.number()]).nullable(),
  unit: z.string(),
  normalized: z.object({ value: z.number().nullable(), unit: z.string().nullable(), dimension: z.string(), currency: z.string().nullable().optional(), base: z.object({ value: z.number(), unit: z.string() }).nullable().optional() }),
  text: z.string(),
  span: Span,
});

/** How the two sides were found to name one indicator. */
export const Match = z.object({
  /** The indicators.yaml entry id, or `phrase` (same phrase) / `phrase.suffix` (one phrase ends the other). */
  rule: z.string(),
  /** The alias or stripped phrase each side matched on. */
  target: z.string(),
  actual: z.string(),
});

export const Status = z.enum(['met', 'missed', 'unknown']);

export const Pair = z.object({
  /** The canonical name (indicators.yaml `name`), or the stripped phrase of an unlisted indicator. */
  indicator: z.string(),
  year: z.number().int(),
  measure: z.enum(['level', 'growth']),
  target: Observation,
  actual: Observation,
  status: Status,
  /** Why the status is what it is, in a few words. */
  reason: z.string(),
  match: Match,
});

export const Unpaired = z.object({ indicator: z.string(), rule: z.string().nullable(), observation: Observation });

/** A candidate outcome a target was not paired with, and why. */
export const Rejected = z.object({ file: z.string(), ref: z.string(), phrase: z.string(), year: z.number().int(), reason: z.string() });
/** For `--explain`: per target, the outcomes considered for it and why each was not taken. */
export const Explanation = z.object({ file: z.string(), ref: z.string(), indicator: z.string(), year: z.number().int(), paired: z.string().nullable(), rejected: z.array(Rejected) });

export const TrackMessage = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
});

export const TrackResult = z.object({
  schemaVersion: z.literal(TRACK_SCHEMA_VERSION),
  files: z.array(z.object({ file: z.string(), year: z.number().int().nullable(), level: Meta.shape.level, region: Meta.shape.region, title: z.string().nullable() })),
  pairs: z.array(Pair),
  /** Targets for which no report gave an outcome. */
  targetsWithoutOutcome: z.array(Unpaired),
  /** Outcomes for which no report set a target. */
  outcomesWithoutTarget: z.array(Unpaired),
  messages: z.array(TrackMessage),
  /** With `explain`: the candidates each target was not paired with. */
  explain: z.array(Explanation).optional(),
});

export type Observation = z.infer<typeof Observation>;
export type Match = z.infer<typeof Match>;
export type Status = z.infer<typeof Status>;
export type Pair = z.infer<typeof Pair>;
export type Unpaired = z.infer<typeof Unpaired>;
export type TrackMessage = z.infer<typeof TrackMessage>;
export type Explanation = z.infer<typeof Explanation>;
export type TrackResult = z.infer<typeof TrackResult>;
