import type { Rules } from '../../rules/schema.js';
import { alternation } from '../../rules/pattern.js';

export interface Place {
  national?: boolean;
  province?: string;
  city?: string;
  district?: string;
}

interface City {
  name: string;
  short: string;
  province: string;
}

/** The province and city vocabulary of one run, with the lookups built once. */
export interface Regions {
  provinces: Rules['regions']['provinces'];
  cities: City[];
  provinceOf: Map<string, string>;
}

export function regions(rules: Rules): Regions {
  const provinceShort = new Set(rules.regions.provinces.flatMap((p) => p.short));
  const cities = Object.entries(rules.regions.cities)
    .flatMap(([province, list]) => list.map((c) => ({ ...c, province, short: provinceShort.has(c.short) ? c.name : c.short })))
    .sort((a, b) => b.name.length - a.name.length);
  return {
    provinces: [...rules.regions.provinces].sort((a, b) => b.name.length - a.name.length),
    cities,
    provinceOf: new Map(cities.map((c) => [c.name, c.province])),
  };
}

const NATIONAL = /^(国务院|全国|中华人民共和国|中共中央|党中央|第[一二三四五六七八九十]{1,3}届全国)/;
/** A county-level name right where a place name stands: 盘龙区, 阜平县, 额济纳旗; never a common word such as 关于. */
const DISTRICT = /^([\u4e00-\u9fff]{1,4}?(区|县|旗|市))/u;
const NOT_NAME = /关于|印发|的|和|与|建设|全|各|本|我|该|此/;
const COMMON = /^(城区|新区|园区|社区|景区|市区|地区|辖区|片区|街区|山区|湾区|校区|城市|都市|省市|县市|区县|郊县)$/;

function district(s: string): string | undefined {
  const m = DISTRICT.exec(s);
  return m && !NOT_NAME.test(m[1]!) && !COMMON.test(m[1]!) ? m[1] : undefined;
}

/** The place a name string opens with: 昆明市盘龙区人民政府办公室, 2022年成都市金牛区…, 昆明西山区:…, 宁夏回族自治区, 国务院. */
export function placeAt(text: string, r: Regions): Place {
  const s = text.replace(/^\s*((\d{4}|[〇零一二三四五六七八九]{4})年度?)?\s*(中共)?/u, '');
  if (NATIONAL.test(s)) return { national: true };
  const place: Place = {};
  let i = 0;
  const province = r.provinces.find((p) => s.startsWith(p.name));
  if (province) {
    place.province = province.name;
    i = province.name.length;
    if (province.municipality) place.city = province.name;
  }
  for (const c of place.city ? [] : r.cities) {
    if (s.startsWith(c.name, i)) {
      place.city = c.name;
      i += c.name.length;
      break;
    }
    const rest = s.slice(i + c.short.length);
    if (s.startsWith(c.short, i) && (rest.startsWith('州') || district(rest))) {
      place.city = c.name;
      i += c.short.length + (rest.startsWith('州') && !district(rest) ? 1 : 0);
      break;
    }
  }
  const d = district(s.slice(i));
  if (d && !(place.province && !place.city && d.endsWith('市'))) place.district = d;
  return place;
}

/** The city named most often by its official name, or null. Ties go to the one named first. */
export function mostNamedCity(view: string, r: Regions): string | null {
  const counts = new Map<string, number>();
  const names = new RegExp(alternation(r.cities.map((c) => c.name)), 'gu');
  for (const m of view.matchAll(names)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  // Only when no city is named in full: short names (潜江 for 潜江市), which are more often ordinary words.
  if (!counts.size) for (const c of r.cities) if (c.short !== c.name) counts.set(c.name, view.split(c.short).length - 1);
  let best: string | null = null;
  for (const [name, n] of counts) if (n > 0 && (!best || n > counts.get(best)!)) best = name;
  return best;
}

/** The city written right before a district name somewhere in the text: 昆明市官渡区, 昆明官渡区. */
export function cityBefore(view: string, districtName: string, r: Regions): string | null {
  for (const c of r.cities) {
    if (view.includes(c.name + districtName) || (c.short.length >= 2 && view.includes(c.short + districtName))) return c.name;
  }
  return null;
}
