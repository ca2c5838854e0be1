import type { z } from 'zod';
import { BoilerplateRules } from './files/boilerplate.js';
import { HeadingRules } from './files/headings.js';
import { IndicatorRules } from './files/indicators.js';
import { MetaRules } from './files/meta.js';
import { OrganizationRules } from './files/organizations.js';
import { QuantityRules } from './files/quantities.js';
import { UnitRules } from './files/units.js';
import { RegionRules } from './files/regions.js';
import { TableRules } from './files/tables.js';

/** Every rule file the loader knows, by its name in `rules/` (without `.yaml`). */
export const RULE_FILES = {
  boilerplate: BoilerplateRules,
  headings: HeadingRules,
  indicators: IndicatorRules,
  meta: MetaRules,
  organizations: OrganizationRules,
  quantities: QuantityRules,
  units: UnitRules,
  regions: RegionRules,
  tables: TableRules,
} as const;

export type RuleFileName = keyof typeof RULE_FILES;
export type Rules = { [K in RuleFileName]: z.output<(typeof RULE_FILES)[K]> };
