import { z } from 'zod';
import { examples } from '../examples.js';
import { captures, Pattern, RuleId } from '../pattern.js';

/** The schema of rules/regions.yaml, built when first needed (see ruleSchemas in ../schema.ts). */
export function regionRules() {
  const Province = z.object({
    name: z.string().min(2),
    short: z.array(z.string().min(2)).default([]),
    municipality: z.boolean().default(false),
    /** What a text of the province calls it besides the province level's words (an autonomous region's 全区). */
    ownArea: z.array(z.string().min(1)).default([]),
  }).strict();

  /** `全名` or `全名=简称`; without `=` the short form is the name less 市, 地区 or 盟. */
  const City = z.string().regex(/^[^=\s]{2,}(=[^=\s]{2,})?$/, 'expected a city name, or 全名=简称').transform((entry) => {
    const [name, short] = entry.split('=') as [string, string | undefined];
    return { name, short: short ?? name.replace(/(市|地区|盟)$/, '') };
  });

  const Rule = z.object({ id: RuleId, ...examples, pattern: Pattern }).strict();
  /** The government of a level alone (市人民政府): its pattern captures the level word as (?<level>…). */
  const BareGovernment = Rule.refine(...captures('level', 'the level word'));

  /** Provinces and the prefecture-level cities of each, used to fill a province the text leaves implicit (昆明市 → 云南省). */
  return z.object({
    provinces: z.array(Province).default([]),
    cities: z.record(z.string(), z.array(City)).default({}),
    /**
     * County-level divisions by the city they belong to (a name under `cities`), or by their province (a
     * municipality's districts, the counties a province administers directly): the city and province of a document
     * that names only its county.
     */
    counties: z.record(z.string(), z.array(z.string().min(2))).default({}),
    /** A county-level name where a place name stands, captured as (?<name>…); never one `notDistrict` finds in it, nor one of `commonPlaces`. */
    district: Rule.refine(...captures('name', 'the name')).optional(),
    notDistrict: Rule.optional(),
    commonPlaces: z.array(z.string().min(1)).default([]),
    /** Characters after a city's short name that make it a street's or a bridge's name (朝阳路, 南京街): no mention of the city. */
    streetWords: z.string().default(''),
    /** Units listed among the cities that are county level (province-administered): the district of a document. */
    countyLevelCities: z.array(z.string().min(1)).default([]),
    /** A place name that makes a document national (国务院, 全国…). */
    national: Rule.optional(),
    /** A township-level name right after the county-level one or where a place name stands (城关镇, …街道). */
    township: Rule.refine(...captures('name', 'the name')).optional(),
    /** A government named by its level alone (市人民政府): expanded with the document's place. */
    bareGovernment: BareGovernment.optional(),
    /** Which part of the place a level word takes: `district`, `city`, else the province; `withCity`: district levels written after the city. */
    levels: z.object({ district: z.array(z.string().min(1)).default([]), city: z.array(z.string().min(1)).default([]), withCity: z.array(z.string().min(1)).default([]) }).strict().default({ district: [], city: [], withCity: [] }),
    /** The words a text calls its own area by (全省, 全市, 全县…), by level: the level of a document that names no place. */
    ownArea: z.object({ national: z.array(z.string().min(1)).default([]), province: z.array(z.string().min(1)).default([]), city: z.array(z.string().min(1)).default([]), county: z.array(z.string().min(1)).default([]), township: z.array(z.string().min(1)).default([]) }).strict().default({ national: [], province: [], city: [], county: [], township: [] }),
    /**
     * Characters around an own-area word that make it another's area, compared with or ranked in (高于全市, 居全省第一,
     * 全省首个): `before` the word, `after` it. Such a word is not counted.
     */
    ownAreaCompared: z.object({ before: z.string().default(''), after: z.string().default('') }).strict().default({ before: '', after: '' }),
  }).strict().superRefine((data, ctx) => {
    const names = new Set(data.provinces.map((p) => p.name));
    for (const key of Object.keys(data.cities)) {
      if (!names.has(key)) ctx.addIssue({ code: 'custom', path: ['cities', key], message: `unknown province "${key}", expected one of the names under provinces` });
    }
    const cities = new Set(Object.values(data.cities).flatMap((list) => list.map((c) => c.name)));
    for (const key of Object.keys(data.counties)) {
      if (!names.has(key) && !cities.has(key)) ctx.addIssue({ code: 'custom', path: ['counties', key], message: `unknown city "${key}", expected a name under cities or provinces` });
    }
  });
}
