export { extract, run, MAX_INPUT_BYTES } from './api.js';
export type { ExtractOptions, Input } from './api.js';
export { Result, SCHEMA_VERSION, jsonSchema } from './schema.js';
export type { Section, Task, Quantity, Organization, Table, GlossaryEntry, Span } from './schema.js';
export { loadRules, RuleError, BUILTIN_RULES_DIR } from './rules/load.js';
export type { Rules } from './rules/schema.js';
export { InputError } from './stages/read.js';
export { FORMATS, emit } from './emit/index.js';
export type { Format } from './emit/index.js';
