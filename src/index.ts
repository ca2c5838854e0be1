export { extract, run, MAX_INPUT_BYTES } from './api.js';
export type { ExtractOptions, Input } from './api.js';
export { Result, SCHEMA_VERSION, jsonSchema } from './schema.js';
export type { Section, Task, Quantity, Organization, Table, GlossaryEntry, Span } from './schema.js';
export { loadRules, RuleError, BUILTIN_RULES_DIR } from './rules/load.js';
export type { Rules } from './rules/schema.js';
export { InputError } from './stages/read.js';
export { FORMATS, emit } from './emit/index.js';
export type { Format } from './emit/index.js';
export { csvOf } from './emit/csv.js';
export { batch } from './batch/index.js';
export type { BatchOptions, BatchSummary } from './batch/index.js';
export { check, scoreGold } from './gold/index.js';
export type { CheckOptions, CheckReport, GoldReport } from './gold/index.js';
export { viewHtml } from './view/index.js';
export { track, TrackResult } from './track/index.js';
export type { TrackOptions } from './track/index.js';
// Keyword counts on jieba, one namespace: terms.terms(inputs, options), terms.termsCsv(report), terms.loadSegmenter(...).
export * as terms from './terms/index.js';
