import { z } from 'zod';

/** The schema of rules/regions.yaml, built when first needed (see ruleSchemas in ../schema.ts). */
export function regionRules() {
  const Province = z.object({
    name: z.string().min(2),
    short: z.array(z.string().min(2)).default([]),
    municipality: z.boolean().default(false),
  }).strict();

  /** `全名` or `全名=简称`; without `=` the short form is the name less 市, 地区 or 盟. */
  const City = z.string().regex(/^[^=\s]{2,}(=[^=\s]{2,})?$/, 'expected a city name, or 全名=简称').transform((entry) => {
    const [name, short] = entry.split('=') as [string, string | undefined];
    return { name, short: short ?? name.replace(/(市|地区|盟)$/, '') };
  });

  /** Provinces and the prefecture-level cities of each, used to fill a province the text leaves implicit (昆明市 → 云南省). */
  return z.object({
    provinces: z.array(Province).default([]),
    cities: z.record(z.string(), z.array(City)).default({}),
  }).strict().superRefine((data, ctx) => {
    const names = new Set(data.provinces.map((p) => p.name));
    for (const key of Object.keys(data.cities)) {
      if (!names.has(key)) ctx.addIssue({ code: 'custom', path: ['cities', key], message: `unknown province "${key}", expected one of the names under provinces` });
    }
  });
}
