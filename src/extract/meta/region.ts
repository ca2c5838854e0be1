import type { RawRules, Rules } from '../../rules/schema.js';

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
  provinces: RawRules['regions']['provinces'];
  /** Longest name first, so a scan takes the longest city name that matches. */
  cities: City[];
  provinceOf: Map<string, string>;
  /** Cities by the char code their official name opens with, each list in `cities` order. */
  byFirstChar: Map<number, City[]>;
  /** 1 at each char code some official name opens with: a scan of every character asks this before `byFirstChar`. */
  firstUnits: Uint8Array;
  /** Cities by the char code their name or short name opens with, each list in `cities` order. */
  byEitherFirstChar: Map<number, City[]>;
  /** Some city has an empty short name, which stands anywhere. */
  emptyShort: boolean;
  /** A city's official name, or its short name of two or more characters, → the lowest index in `cities` it stands for. */
  nameIndex: Map<string, number>;
  /** Every distinct length of a key of `nameIndex`, and every char code one ends with. */
  nameLengths: number[];
  nameEnds: Set<number>;
}

/** Built once at load (`rules.regions.compiled`): the vocabulary is fixed for a run, and meta runs once per document. */
export const regions = (rules: Rules): Regions => rules.regions.compiled;

function addTo<K>(map: Map<K, City[]>, key: K, c: City): void {
  const list = map.get(key);
  if (list) list.push(c);
  else map.set(key, [c]);
}

/**
 * Called once by the rule loader (src/rules/compile.ts). Plain loops and char-code keys: this runs once per
 * process, but cold, so its cost shows on a small batch.
 */
export function compileRegions(rules: RawRules): Regions {
  const provinceShort = new Set(rules.regions.provinces.flatMap((p) => p.short));
  const cities: City[] = [];
  for (const [province, list] of Object.entries(rules.regions.cities)) {
    for (const c of list) cities.push({ name: c.name, short: provinceShort.has(c.short) ? c.name : c.short, province });
  }
  cities.sort((a, b) => b.name.length - a.name.length);
  const r: Regions = {
    provinces: [...rules.regions.provinces].sort((a, b) => b.name.length - a.name.length),
    cities,
    provinceOf: new Map(),
    byFirstChar: new Map(),
    firstUnits: new Uint8Array(0x10000),
    byEitherFirstChar: new Map(),
    emptyShort: false,
    nameIndex: new Map(),
    nameLengths: [],
    nameEnds: new Set(),
  };
  const index = (key: string, i: number) => {
    if (r.nameIndex.has(key)) return;
    r.nameIndex.set(key, i);
    if (!r.nameLengths.includes(key.length)) r.nameLengths.push(key.length);
    r.nameEnds.add(key.charCodeAt(key.length - 1));
  };
  for (let i = 0; i < cities.length; i++) {
    const c = cities[i]!;
    r.provinceOf.set(c.name, c.province); // a name listed twice goes to its last province, as before
    const first = c.name.charCodeAt(0);
    addTo(r.byFirstChar, first, c);
    r.firstUnits[first] = 1;
    addTo(r.byEitherFirstChar, first, c);
    if (!c.short) r.emptyShort = true;
    else if (c.short.charCodeAt(0) !== first) addTo(r.byEitherFirstChar, c.short.charCodeAt(0), c);
    index(c.name, i);
    if (c.short.length >= 2) index(c.short, i);
  }
  return r;
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

/**
 * The cities, in `cities` order, whose name or short name can stand at offset `i` of `s`: those opening with the
 * character there (with an empty short name, in the pathological case of one, any city can).
 */
function citiesOpeningAt(s: string, i: number, r: Regions): City[] {
  if (r.emptyShort) return r.cities;
  return r.byEitherFirstChar.get(s.charCodeAt(i)) ?? [];
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
  for (const c of place.city ? [] : citiesOpeningAt(s, i, r)) {
    if (s.startsWith(c.name, i)) {
      place.city = c.name;
      i += c.name.length;
      break;
    }
    if (!s.startsWith(c.short, i)) continue;
    const rest = s.slice(i + c.short.length);
    if (rest.startsWith('州') || district(rest)) {
      place.city = c.name;
      i += c.short.length + (rest.startsWith('州') && !district(rest) ? 1 : 0);
      break;
    }
  }
  const d = district(s.slice(i));
  if (d && !(place.province && !place.city && d.endsWith('市'))) place.district = d;
  return place;
}

/**
 * The output region of a place: none for a national document; a municipality directly under the central government
 * is the province, with no city (上海市浦东新区 → 上海市, null, 浦东新区), though matching treats it as its own city.
 */
export function regionOf(place: Place, r: Regions): { province: string | null; city: string | null; district: string | null } {
  if (place.national) return { province: null, city: null, district: null };
  const municipality = r.provinces.some((p) => p.municipality && p.name === place.province && p.name === place.city);
  return { province: place.province ?? null, city: municipality ? null : place.city ?? null, district: place.district ?? null };
}

/** Non-overlapping occurrences of `word` in `text`, counted left to right (as `text.split(word).length - 1`). */
function occurrences(text: string, word: string): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) n++;
  return n;
}

/**
 * Official city names in the text, counted, in order of first mention. One left-to-right scan that takes the longest
 * name at each position and goes on after it, as a longest-first alternation searched globally would.
 */
function countNames(view: string, r: Regions): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < view.length; ) {
    const code = view.charCodeAt(i);
    const hit = r.firstUnits[code] === 1 ? r.byFirstChar.get(code)!.find((c) => view.startsWith(c.name, i)) : undefined;
    if (!hit) {
      i++;
      continue;
    }
    counts.set(hit.name, (counts.get(hit.name) ?? 0) + 1);
    i += hit.name.length;
  }
  return counts;
}

/** The city named most often by its official name, or null. Ties go to the one named first. */
export function mostNamedCity(view: string, r: Regions): string | null {
  // An alternation of no names matched the empty string everywhere; keep that answer for a rule set without cities.
  if (!r.cities.length) return '';
  const counts = countNames(view, r);
  // Only when no city is named in full: short names (潜江 for 潜江市), which are more often ordinary words.
  if (!counts.size) for (const c of r.cities) if (c.short !== c.name) counts.set(c.name, occurrences(view, c.short));
  let best: string | null = null;
  for (const [name, n] of counts) if (n > 0 && (!best || n > counts.get(best)!)) best = name;
  return best;
}

/**
 * The city written right before a district name somewhere in the text: 昆明市官渡区, 昆明官渡区. The first city in
 * `cities` order that is written so wins; found from each place the district is named rather than by searching the
 * whole text once per city.
 */
export function cityBefore(view: string, districtName: string, r: Regions): string | null {
  if (!districtName) return null;
  let best = -1;
  for (let at = view.indexOf(districtName); at >= 0; at = view.indexOf(districtName, at + 1)) {
    if (!r.nameEnds.has(view.charCodeAt(at - 1))) continue;
    for (const len of r.nameLengths) {
      if (len > at) continue;
      const i = r.nameIndex.get(view.slice(at - len, at));
      if (i !== undefined && (best < 0 || i < best)) best = i;
    }
  }
  return best >= 0 ? r.cities[best]!.name : null;
}
