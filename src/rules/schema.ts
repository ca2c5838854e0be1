import type { z } from 'zod';
import type { CompiledParts } from './compile.js';
import { boilerplateRules } from './files/boilerplate.js';
import { headingRules } from './files/headings.js';
import { indicatorRules } from './files/indicators.js';
import { metaRules } from './files/meta.js';
import { organizationRules } from './files/organizations.js';
import { quantityRules } from './files/quantities.js';
import { unitRules } from './files/units.js';
import { regionRules } from './files/regions.js';
import { scriptRules } from './files/script.js';
import { tableRules } from './files/tables.js';

/** Every rule file the loader knows, by its name in `rules/` (without `.yaml`), with the function building its schema. */
const FACTORIES = {
  boilerplate: boilerplateRules,
  headings: headingRules,
  indicators: indicatorRules,
  meta: metaRules,
  organizations: organizationRules,
  quantities: quantityRules,
  units: unitRules,
  regions: regionRules,
  script: scriptRules,
  tables: tableRules,
} as const;

export type RuleFileName = keyof typeof FACTORIES;
export const RULE_FILE_NAMES = Object.keys(FACTORIES) as RuleFileName[];
type Schemas = { [K in RuleFileName]: ReturnType<(typeof FACTORIES)[K]> };
/** The rule files as validated: plain data, each pattern a RegExp (what the build-time cache holds). */
export type RawRules = { [K in RuleFileName]: z.output<Schemas[K]> };
/**
 * The compiled rule set `loadRules()` returns and the stages read: each file's rules as validated, with the pieces
 * compiled from them once at load (alternations, prefilters, lookup maps) beside them under `compiled`.
 */
export type Rules = {
  readonly [K in RuleFileName]: RawRules[K] & (K extends keyof CompiledParts ? { readonly compiled: CompiledParts[K] } : unknown);
};

/**
 * The zod schema of each rule file, built when rule files are validated (once per load). A run that revives the
 * built-in rules from the build-time cache validates none, and building these ~100 schemas at start-up was a
 * tenth of a cold `extract`.
 */
export function ruleSchemas(): Schemas {
  return Object.fromEntries(RULE_FILE_NAMES.map((name) => [name, FACTORIES[name]()])) as Schemas;
}
