import { z } from 'zod';
import { Pattern, RuleId } from '../pattern.js';

/**
 * Page furniture. `line` rules remove a whole matching line; `block` rules remove from a matching line
 * through the end of the text (footers) or up to and including a matching `until` line.
 */
const LineRule = z.object({ id: RuleId, pattern: Pattern }).strict();
const BlockRule = z.object({
  id: RuleId,
  pattern: Pattern,
  until: Pattern.optional(),
  /** Remove from the start of the text up to and including the matching line (collector headers, forum panels). */
  fromStart: z.boolean().default(false),
  /** Only look at lines within this fraction of the text from the relevant end. */
  within: z.number().min(0).max(1).default(1),
}).strict();

export const BoilerplateRules = z.object({
  lines: z.array(LineRule).default([]),
  blocks: z.array(BlockRule).default([]),
}).strict();
