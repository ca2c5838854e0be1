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
  year: z.number().int(),
  /** The indicator as written in the report. */
  phrase: z.string(),
  measure: z.enum(['level', 'growth']),
  direction: z.enum(['up', 'down']).nullable(),
  comparator: Comparator.nullable(),
  value: z.number().nullable(),
  range: z.tuple([z.number(), z.number()]).nullable(),
  unit: z.string(),
  normalized: z.object({ value: z.number().nullable(), unit: z.string().nullable(), dimension: z.string(), currency: z.string().nullable().optional() }),
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

export const TrackMessage = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
});

export const TrackResult = z.object({
  schemaVersion: z.literal(TRACK_SCHEMA_VERSION),
  files: z.array(z.object({ file: z.string(), year: z.number().int().nullable(), region: Meta.shape.region, title: z.string().nullable() })),
  pairs: z.array(Pair),
  /** Targets for which no report gave an outcome. */
  targetsWithoutOutcome: z.array(Unpaired),
  /** Outcomes for which no report set a target. */
  outcomesWithoutTarget: z.array(Unpaired),
  messages: z.array(TrackMessage),
});

export type Observation = z.infer<typeof Observation>;
export type Match = z.infer<typeof Match>;
export type Status = z.infer<typeof Status>;
export type Pair = z.infer<typeof Pair>;
export type Unpaired = z.infer<typeof Unpaired>;
export type TrackMessage = z.infer<typeof TrackMessage>;
export type TrackResult = z.infer<typeof TrackResult>;
