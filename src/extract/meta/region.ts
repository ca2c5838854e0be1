import { alternation } from '../../rules/pattern.js';
import { requiredText } from '../../rules/regex-ast.js';
import type { RawRules, Rules } from '../../rules/schema.js';

export interface Place {
  national?: boolean;
  province?: string;
  city?: string;
  district?: string;
  /** A township-level unit named after the county-level one (城关镇 of 阜平县城关镇人民政府): the level only. */
  township?: string;
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
  /**
   * Official names by the char codes of their last two characters (every name has two or more: the schema's), as
   * indices into `cities`, each list in `cities` order: a text is searched for each last character (`ends`) and only
   * the names ending with the two characters found there are tried.
   */
  byLastTwo: Map<number, Map<number, number[]>>;
  ends: string[];
  /** The distinct short names that differ from their official name, and where their counts go (see `mostNamed`). */
  shorts: ShortNames;
  /** The short names of the provinces that are no municipality, each once, counted in one scan (provinceNamed). */
  provinceShorts: ShortNames;
  /** For each of `provinces`, the indices in `provinceShorts.words` of its short names (none for a municipality). */
  provinceWords: number[][];
  /** Cities by the char code their name or short name opens with, each list in `cities` order. */
  byEitherFirstChar: Map<number, City[]>;
  /** Some city has an empty short name, which stands anywhere. */
  emptyShort: boolean;
  /** A county-level name → each county of that name (regions.yaml counties): its city (null for none) and province. */
  countyOf: Map<string, { city: string | null; province: string }[]>;
  /** A city's official name, or its short name of two or more characters, → the lowest index in `cities` it stands for. */
  nameIndex: Map<string, number>;
  /** Every distinct length of a key of `nameIndex`, and every char code one ends with. */
  nameLengths: number[];
  nameEnds: Set<number>;
  /** The rules of rules/regions.yaml on names (district, notDistrict, national, township, bareGovernment), null when a rule set leaves one out. */
  district: RegExp | null;
  notDistrict: RegExp | null;
  commonPlaces: ReadonlySet<string>;
  national: RegExp | null;
  township: RegExp | null;
  bareGovernment: RegExp | null;
  levels: RawRules['regions']['levels'];
  /**
   * `congressNeeds[k]`: the texts the congress rule k of meta.yaml (a front line naming the congress, which placeOf
   * reads the place from) cannot match without one of (requiredText), or null.
   */
  congressNeeds: readonly (readonly string[] | null)[];
  /** A province named with its head's title (省长, 主席, a municipality's 市长) who delivered the report (place.ts governorProvince). */
  governor: RegExp;
}

/**
 * The short names (潜江 for 潜江市) a text is searched for when it names no city in full: each distinct word once, by the
 * char code it opens with; `firstUnits` marks those char codes, `secondUnits` the char codes a word has second.
 */
export interface ShortNames {
  words: string[];
  /** Indices into `words` by the char code the word opens with, in `words` order. */
  byFirstChar: Map<number, number[]>;
  firstUnits: Uint8Array;
  secondUnits: Uint8Array;
  /** Char codes that, right after a short name, make it a street's name (rules/regions.yaml streetWords): not counted. */
  streetUnits: Uint8Array;
  /**
   * The cities with a short name apart from their name, each name once, in `cities` order, with the index in `words`
   * of its short name (-1 for an empty one); a name listed twice has its last listing's.
   */
  named: { name: string; word: number }[];
}

/** Built once at load (`rules.regions.compiled`): the vocabulary is fixed for a run, and meta runs once per document. */
export const regions = (rules: Rules): Regions => rules.regions.compiled;

function addTo<K, V>(map: Map<K, V[]>, key: K, c: V): void {
  const list = map.get(key);
  if (list) list.push(c);
  else map.set(key, [c]);
}

/** A table marking each character of `chars` (rules/regions.yaml streetWords). */
function streetUnits(chars: string): Uint8Array {
  const units = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) units[chars.charCodeAt(i)] = 1;
  return units;
}

/** Mark the second char code of `word`; a one-character word may stand before anything, so it marks every one. */
function markSecond(units: Uint8Array, word: string): void {
  if (word.length < 2) units.fill(1);
  else units[word.charCodeAt(1)] = 1;
}

/**
 * The index of `word` in `s.words` (`known` maps each word to it), added (and indexed) on first sight. An empty word is
 * never found, so never added.
 */
function shortWord(s: ShortNames, known: Map<string, number>, word: string): number {
  const at = known.get(word);
  if (at !== undefined || !word) return at ?? -1;
  known.set(word, s.words.length);
  s.words.push(word);
  const first = word.charCodeAt(0);
  const list = s.byFirstChar.get(first);
  if (list) list.push(s.words.length - 1);
  else s.byFirstChar.set(first, [s.words.length - 1]);
  s.firstUnits[first] = 1;
  markSecond(s.secondUnits, word);
  return s.words.length - 1;
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
  // The governor pattern names a province by its full or short name of two characters or more.
  const provinceNames = rules.regions.provinces.flatMap((p) => [p.name, ...p.short]).filter((n) => n.length >= 2);
  const r: Regions = {
    provinces: [...rules.regions.provinces].sort((a, b) => b.name.length - a.name.length),
    cities,
    provinceOf: new Map(),
    byLastTwo: new Map(),
    ends: [],
    shorts: { words: [], byFirstChar: new Map(), firstUnits: new Uint8Array(0x10000), secondUnits: new Uint8Array(0x10000), streetUnits: streetUnits(rules.regions.streetWords ?? ''), named: [] },
    provinceShorts: { words: [], byFirstChar: new Map(), firstUnits: new Uint8Array(0x10000), secondUnits: new Uint8Array(0x10000), streetUnits: new Uint8Array(0x10000), named: [] },
    provinceWords: [],
    byEitherFirstChar: new Map(),
    emptyShort: false,
    countyOf: countyIndex(rules),
    nameIndex: new Map(),
    nameLengths: [],
    nameEnds: new Set(),
    district: rules.regions.district?.pattern ?? null,
    notDistrict: rules.regions.notDistrict?.pattern ?? null,
    commonPlaces: new Set(rules.regions.commonPlaces),
    national: rules.regions.national?.pattern ?? null,
    township: rules.regions.township?.pattern ?? null,
    bareGovernment: rules.regions.bareGovernment?.pattern ?? null,
    levels: rules.regions.levels,
    congressNeeds: rules.meta.congress.map((c) => requiredText(c.pattern)),
    governor: new RegExp(`(${alternation(provinceNames)})代?(省长|主席|市长)[^。,，;；]{0,20}?作政府工作报告`, 'u'),
  };
  const index = (key: string, i: number) => {
    if (r.nameIndex.has(key)) return;
    r.nameIndex.set(key, i);
    if (!r.nameLengths.includes(key.length)) r.nameLengths.push(key.length);
    r.nameEnds.add(key.charCodeAt(key.length - 1));
  };
  const namedAt = new Map<string, number>();
  // Looked up for each of some 300 cities: a search of the word list for each was some 50 000 comparisons at each start.
  const shortAt = new Map<string, number>();
  for (let i = 0; i < cities.length; i++) {
    const c = cities[i]!;
    r.provinceOf.set(c.name, c.province); // a name listed twice goes to its last province, as before
    const first = c.name.charCodeAt(0);
    const last = c.name.charCodeAt(c.name.length - 1);
    if (!r.byLastTwo.has(last)) r.byLastTwo.set(last, new Map());
    addTo(r.byLastTwo.get(last)!, c.name.charCodeAt(c.name.length - 2), i);
    if (c.short !== c.name) {
      const word = shortWord(r.shorts, shortAt, c.short);
      const at = namedAt.get(c.name);
      if (at === undefined) namedAt.set(c.name, r.shorts.named.push({ name: c.name, word }) - 1);
      else r.shorts.named[at]!.word = word;
    }
    addTo(r.byEitherFirstChar, first, c);
    if (!c.short) r.emptyShort = true;
    else if (c.short.charCodeAt(0) !== first) addTo(r.byEitherFirstChar, c.short.charCodeAt(0), c);
    index(c.name, i);
    if (c.short.length >= 2) index(c.short, i);
  }
  r.ends = [...r.byLastTwo.keys()].map((code) => String.fromCharCode(code));
  const provinceAt = new Map<string, number>();
  for (const p of r.provinces) r.provinceWords.push(p.municipality ? [] : p.short.map((s) => shortWord(r.provinceShorts, provinceAt, s)));
  return r;
}

/**
 * The place name a rule captures (`name`) where `s` opens, unless it holds a word that names no place (notDistrict)
 * or is one of the common words built like a place name (commonPlaces).
 */
function placeName(rule: RegExp | null, s: string, r: Regions): string | undefined {
  const name = rule?.exec(s)?.groups?.name;
  return name && !r.notDistrict?.test(name) && !r.commonPlaces.has(name) ? name : undefined;
}

/** A county-level name right where a place name stands (盘龙区, 阜平县, 额济纳旗): rules/regions.yaml district. */
const district = (s: string, r: Regions) => placeName(r.district, s, r);

/** A township-level name right where it stands (城关镇人民政府, 某某街道办事处): rules/regions.yaml township. */
const township = (s: string, r: Regions) => placeName(r.township, s, r);

/**
 * The cities, in `cities` order, whose name or short name can stand at offset `i` of `s`: those opening with the
 * character there (with an empty short name, in the pathological case of one, any city can).
 */
function citiesOpeningAt(s: string, i: number, r: Regions): City[] {
  if (r.emptyShort) return r.cities;
  // Nothing opens at the end: not read there (a read past the end deoptimised placeAt).
  return i < s.length ? r.byEitherFirstChar.get(s.charCodeAt(i)) ?? [] : [];
}

/**
 * A province written by its short name before a city or a county-level name (山东巨野县, 云南昆明市): the short name
 * alone (山东路, 云南白药) names none.
 */
function shortProvince(s: string, r: Regions): Regions['provinces'][number] | undefined {
  // Plain loops: a find over the provinces made a closure for the short names of each, on every anchor read.
  for (const p of r.provinces) for (const sh of p.short) if (sh.length >= 2 && s.startsWith(sh) && placeFollows(s.slice(sh.length), r)) return p;
  return undefined;
}

/** Whether a city or a county-level name opens `s`. */
function placeFollows(s: string, r: Regions): boolean {
  return citiesOpeningAt(s, 0, r).some((c) => s.startsWith(c.name)) || district(s, r) !== undefined;
}

/** A year as a name string writes it: 2023年, 二〇二三年. */
const YEAR = '(?:\\d{4}|[〇零一二三四五六七八九]{4})年';
/**
 * What comes before the place in a name string: a title's 关于 (关于某县2023年…的报告, see placeAt) or 关于印发, a year
 * and the months it covers (2020年1-11月份), 中共.
 */
const BEFORE_PLACE = new RegExp(`^\\s*(关于)?(?:印发)?(?:${YEAR}度?)?(?:\\d{1,2}(?:[-—–~至到]\\d{1,2})?月份?)?\\s*(?:中共)?`, 'u');
const YEAR_FIRST = new RegExp(`^${YEAR}`, 'u');

/** The place a name string opens with: 昆明市盘龙区人民政府办公室, 2022年成都市金牛区…, 昆明西山区:…, 宁夏回族自治区, 国务院. */
export function placeAt(text: string, r: Regions): Place {
  const before = BEFORE_PLACE.exec(text)!;
  const s = text.slice(before[0].length);
  const about = before[1] !== undefined;
  if (r.national?.test(s)) return { national: true };
  const place: Place = {};
  let i = 0;
  const province = r.provinces.find((p) => s.startsWith(p.name)) ?? shortProvince(s, r);
  if (province) {
    place.province = province.name;
    i = s.startsWith(province.name) ? province.name.length : province.short.find((sh) => s.startsWith(sh))!.length;
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
    if (rest.startsWith('州') || district(rest, r)) {
      place.city = c.name;
      i += c.short.length + (rest.startsWith('州') && !district(rest, r) ? 1 : 0);
      break;
    }
  }
  const d = district(s.slice(i), r);
  // After 关于 a county-level name stands only before the year the title is about (关于通山县2023年…): in 关于开展城市
  // 更新…, 开展城市 is no place.
  const dated = !about || place.province || place.city || (d && YEAR_FIRST.test(s.slice(i + d.length)));
  if (d && dated && !(place.province && !place.city && d.endsWith('市'))) place.district = d;
  const t = township(s.slice(i + (place.district?.length ?? 0)), r);
  if (t) place.township = t;
  return place;
}

/** The level word of a government named by its level alone (市人民政府 → 市, rules/regions.yaml bareGovernment), or null. */
export function bareLevel(name: string, r: Regions): string | null {
  return r.bareGovernment?.exec(name)?.groups?.level ?? null;
}

/** Where each county of a name is, from rules/regions.yaml counties (keyed by city, or by province). */
function countyIndex(rules: RawRules): Regions['countyOf'] {
  const provinceOfCity = new Map<string, string>();
  for (const [province, list] of Object.entries(rules.regions.cities)) for (const c of list) provinceOfCity.set(c.name, province);
  const out: Regions['countyOf'] = new Map();
  for (const [key, names] of Object.entries(rules.regions.counties)) {
    const province = provinceOfCity.get(key);
    const at = province ? { city: key, province } : { city: null, province: key };
    for (const name of names) {
      const list = out.get(name);
      if (list) list.push(at);
      else out.set(name, [at]);
    }
  }
  return out;
}

/**
 * The output region of a place: none for a national document; a municipality directly under the central government
 * is the province, with no city (上海市浦东新区 → 上海市, null, 浦东新区), though matching treats it as its own city.
 * A county named without its city is given the city and province of the one county of that name (in the province
 * named, if any: rules/regions.yaml counties).
 */
export function regionOf(place: Place, r: Regions): { province: string | null; city: string | null; district: string | null } {
  if (place.national) return { province: null, city: null, district: null };
  if (place.district && !place.city) {
    const at = r.countyOf.get(place.district)?.filter((c) => !place.province || c.province === place.province) ?? [];
    if (at.length === 1) return { province: at[0]!.province, city: at[0]!.city, district: place.district };
  }
  const municipality = r.provinces.some((p) => p.municipality && p.name === place.province && p.name === place.city);
  return { province: place.province ?? null, city: municipality ? null : place.city ?? null, district: place.district ?? null };
}

/**
 * Official city names in the text, counted, in order of first mention, as one left-to-right scan would count them that
 * takes the longest name at each position and goes on after it (a longest-first alternation searched globally). The
 * text is searched natively for each last character of a name; the names ending there are found, then taken left to
 * right, at each start the first in `cities` order (the longest), skipping those that start inside a name taken.
 */
function countNames(view: string, r: Regions): Map<string, number> {
  const found: number[] = [];
  const n = r.cities.length;
  for (const end of r.ends) {
    const byPrev = r.byLastTwo.get(end.charCodeAt(0))!;
    for (let at = view.indexOf(end, 1); at >= 0; at = view.indexOf(end, at + 1)) {
      const list = byPrev.get(view.charCodeAt(at - 1));
      if (!list) continue;
      for (const k of list) {
        const start = at + 1 - r.cities[k]!.name.length;
        if (start >= 0 && view.startsWith(r.cities[k]!.name, start)) found.push(start * n + k);
      }
    }
  }
  found.sort((a, b) => a - b);
  const counts = new Map<string, number>();
  let from = 0;
  for (const f of found) {
    // Sorted by start, then by index: the first found at a start is the one taken there.
    const start = Math.floor(f / n);
    if (start < from) continue;
    const name = r.cities[f % n]!.name;
    counts.set(name, (counts.get(name) ?? 0) + 1);
    from = start + name.length;
  }
  return counts;
}

/**
 * Each short word's non-overlapping occurrences, counted left to right (as `text.split(word).length - 1`), in one scan
 * that looks closer only where the first two characters can open a word.
 */
function countShorts(view: string, s: ShortNames): Int32Array {
  const counts = new Int32Array(s.words.length);
  // The first position each word may next be counted from (after its last counted occurrence).
  const from = new Int32Array(s.words.length);
  let next = view.charCodeAt(0);
  for (let i = 0; i < view.length; i++) {
    const code = next;
    // NaN past the end, where only a one-character word can stand (not read there: a read past the end deoptimised).
    next = i + 1 < view.length ? view.charCodeAt(i + 1) : NaN;
    if (s.firstUnits[code] !== 1 || (s.secondUnits[next] !== 1 && next === next)) continue;
    for (const w of s.byFirstChar.get(code)!) {
      if (i < from[w]! || !view.startsWith(s.words[w]!, i)) continue;
      // (朝阳路 names a road, not 朝阳市: streetWords.)
      const after = i + s.words[w]!.length;
      if (after < view.length && s.streetUnits[view.charCodeAt(after)] === 1) continue;
      counts[w]!++;
      from[w] = i + s.words[w]!.length;
    }
  }
  return counts;
}

/**
 * The city named most often by its official name (`name`, null for none; ties go to the one named first), how often
 * it is named (0 for none), how often the next most named city is, and whether only short names were counted.
 */
export function mostNamed(view: string, r: Regions): { name: string | null; n: number; second: number; short: boolean } {
  // An alternation of no names matched the empty string everywhere; keep that answer for a rule set without cities.
  if (!r.cities.length) return { name: '', n: 0, second: 0, short: false };
  const counts = countNames(view, r);
  // Only when no city is named in full: short names (潜江 for 潜江市), which are more often ordinary words.
  if (!counts.size) return mostShortNamed(view, r.shorts);
  let best: string | null = null;
  for (const [name, n] of counts) if (n > 0 && (!best || n > counts.get(best)!)) best = name;
  let second = 0;
  for (const [name, n] of counts) if (name !== best && n > second) second = n;
  return { name: best, n: best ? counts.get(best)! : 0, second, short: false };
}

/** The city the text names most by its short name, whatever full names it holds (大理…大理 beside one 大理白族自治州). */
export function mostNamedShort(view: string, r: Regions): ReturnType<typeof mostNamed> {
  return r.cities.length ? mostShortNamed(view, r.shorts) : { name: '', n: 0, second: 0, short: false };
}

/**
 * mostNamed by the short names alone, read from the counts of the short words in the order of `s.named` (a map of
 * every city's count, filled in that order, was built for this before).
 */
function mostShortNamed(view: string, s: ShortNames): ReturnType<typeof mostNamed> {
  const counts = countShorts(view, s);
  const named = s.named;
  let best = -1;
  let most = 0;
  for (let i = 0; i < named.length; i++) {
    const n = named[i]!.word >= 0 ? counts[named[i]!.word]! : 0;
    if (n > 0 && (best < 0 || n > most)) {
      best = i;
      most = n;
    }
  }
  let second = 0;
  for (let i = 0; i < named.length; i++) {
    const n = named[i]!.word >= 0 ? counts[named[i]!.word]! : 0;
    if (i !== best && n > second) second = n;
  }
  return { name: best >= 0 ? named[best]!.name : null, n: most, second, short: true };
}

/** How often a name occurs in the view. */
export function occurrences(view: string, name: string): number {
  let n = 0;
  for (let at = view.indexOf(name); at >= 0; at = view.indexOf(name, at + name.length)) n++;
  return n;
}

/**
 * The province (not a municipality: those are found as cities) the text names most often, in full or by a short name,
 * with how often, and how often the next most named one is; null when it names none.
 */
export function provinceNamed(view: string, r: Regions): { province: Regions['provinces'][number]; n: number; second: number } | null {
  // Every full name holds a short name (宁夏回族自治区, 宁夏): counting the short names, in one scan, counts both.
  const counts = countShorts(view, r.provinceShorts);
  let best: Regions['provinces'][number] | null = null;
  let most = 0;
  let second = 0;
  for (let i = 0; i < r.provinces.length; i++) {
    let n = 0;
    for (const w of r.provinceWords[i]!) n = Math.max(n, counts[w]!);
    if (n > most) [best, most, second] = [r.provinces[i]!, n, most];
    else if (n > second) second = n;
  }
  return best && { province: best, n: most, second };
}

/**
 * The municipality (上海市, 北京市…) a district with no city is in, when the text names no city in full and names the
 * municipality (in full or short) more often than any city by its short name: 闵行区 in a text that names 上海
 * beside a place called 虹桥阿里 is in 上海市, not in 阿里地区.
 */
export function municipalityNamed(view: string, r: Regions, city: ReturnType<typeof mostNamed>): string | null {
  if (!city.short) return null;
  let best: { name: string; n: number } | null = null;
  for (const p of r.provinces) {
    if (!p.municipality) continue;
    // A short name is found inside the full one too: count the short names, which cover both.
    const n = Math.max(occurrences(view, p.name), ...p.short.map((s) => occurrences(view, s)));
    if (n > 0 && (!best || n > best.n)) best = { name: p.name, n };
  }
  return best && best.n > city.n ? best.name : null;
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
    // A name at the very start has no city before it (the read before the start deoptimised this).
    if (at === 0 || !r.nameEnds.has(view.charCodeAt(at - 1))) continue;
    for (const len of r.nameLengths) {
      if (len > at) continue;
      const i = r.nameIndex.get(view.slice(at - len, at));
      if (i !== undefined && (best < 0 || i < best)) best = i;
    }
  }
  return best >= 0 ? r.cities[best]!.name : null;
}
