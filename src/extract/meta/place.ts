import type { Block, Doc } from '../../document.js';
import { mayHold } from '../../rules/regex-ast.js';
import type { Rules } from '../../rules/schema.js';
import type { Meta } from '../../schema.js';
import { bareLevel, cityBefore, mostNamed, mostNamedShort, municipalityNamed, occurrences, placeAt, provinceNamed, regions, type Place, type Regions } from './region.js';

/**
 * Strings that name the issuing place, most telling first: the congress lines (rules/meta.yaml congress: 在昆明市官渡区
 * 第十七届人民代表大会, 阜平县十七届人大, …，临江市第十七届人民代表大会…), the title, the issuer.
 */
function anchors(doc: Doc, rules: Rules, title: string | null, front: Block[], issuer: string | null, r: Regions): string[] {
  const out: string[] = [];
  const congress = rules.meta.congress;
  for (const b of front) {
    // As read: a pinyin reading or markup inside the line (蓬江區(qū)第十一屆) is no break in the place's name.
    const v = doc.reading.slice(b.start, b.end);
    for (let k = 0; k < congress.length; k++) {
      // A rule is run only on a line holding a text it needs (人民代表大会…): its place, read character by character
      // from every position of the line, cost far more than the search.
      const m = mayHold(v, r.congressNeeds[k]) ? congress[k]!.pattern.exec(v) : null;
      if (!m) continue;
      out.push(m.groups?.national ?? m.groups?.place ?? '');
      break;
    }
  }
  if (title) out.push(title);
  if (issuer && bareLevel(issuer, r) === null) out.push(issuer);
  return out;
}

/** How often a text must name a city in full to be that city's when nothing else places it. */
const MIN_NAMED = 3;

/**
 * Province, city and district of the document: parsed from its anchors, the first one that names a place setting the
 * level; a missing city is found where the text writes it before the district (昆明市官渡区) or as the city it names most;
 * a missing province comes from the city (昆明市 → 云南省). A national document has none.
 */
export function placeOf(doc: Doc, rules: Rules, title: string | null, front: Block[], issuer: string | null): Place {
  const r = regions(rules);
  let place: Place = {};
  for (const a of anchors(doc, rules, title, front, issuer, r)) {
    const p = placeAt(a, r);
    const empty = !place.province && !place.city && !place.district && !place.township;
    if (p.national) {
      if (empty) return { national: true };
      continue;
    }
    if (empty) {
      place = p;
      continue;
    }
    if (p.province && !place.province) place.province = p.province;
    if (p.city && !place.city && (!place.province || r.provinceOf.get(p.city) === place.province)) place.city = p.city;
    if (p.district && !place.district && (!p.city || p.city === place.city)) place.district = p.district;
    if (p.township && !place.township && (!p.district || p.district === place.district)) place.township = p.township;
  }
  const level = issuer ? bareLevel(issuer, r) : null;
  // The text counted without what the cleaner took out as page furniture (a site's list of other reports, 焦作市…).
  let text: string | null = null;
  const kept = () => (text ??= keptView(doc));
  // The cities the text names, counted once (a scan of the whole view) however many of the steps below ask.
  let counted: ReturnType<typeof mostNamed> | null = null;
  const most = () => (counted ??= mostNamed(kept(), r));
  if (!place.city && place.district) {
    const before = cityBefore(kept(), place.district, r);
    const named = before ? null : most();
    // A district of a municipality: the municipality is its province and its city (regionOf then gives city null).
    // A county whose text names its province again and again (四川…四川, 河北…河北) is in no city or municipality of
    // another, one it only mentions (马鞍山水库, 争取北京朝阳区帮扶): in the one city of its province it names, if one.
    const spoken = !before && !place.province ? provinceNamed(kept(), r) : null;
    const own = spoken && spoken.n >= MIN_NAMED && spoken.n >= 2 * spoken.second ? spoken.province.name : null;
    const municipality = named && !place.province ? municipalityNamed(kept(), r, named) : null;
    // (A district, 区, of a municipality stays in it whatever province its text names: 长三角 texts name 浙江 often.)
    if (municipality && (!own || place.district.endsWith('区'))) place.province = place.city = municipality;
    else place.city = before ?? named?.name ?? undefined;
    if (own && place.city && place.city !== municipality && r.provinceOf.get(place.city) !== own) {
      place.province = own;
      place.city = onlyCityNamed(kept(), r, own) ?? undefined;
    }
  }
  // A city's government named by its level alone (我代表市人民政府, 州人民政府): the city the text names most, by its full
  // name or, where it writes that far more often, by its short one (黔西南…黔西南州 beside one 惠州市 it works with).
  if (!place.city && !place.province && !place.district && level && r.levels.city.includes(level)) {
    const full = most();
    const short = mostNamedShort(kept(), r);
    place.city = (short.name && short.n >= MIN_NAMED && short.n > 2 * full.n ? short.name : full.name) ?? undefined;
    // A government of another level than the city's own (市人民政府 where the city is 恩施土家族苗族自治州) is that of the
    // county-level city its seat is named for (恩施市), when the text names it so again and again.
    const chosen = place.city ? r.cities.find((c) => c.name === place.city) : undefined;
    const seat = chosen && !chosen.name.endsWith(level) ? chosen.short + level : null;
    if (seat && occurrences(kept(), seat) >= MIN_NAMED) place.district = seat;
  }
  // A document with no place in its anchors, whose text names one city in full again and again (广州市…广州…) and
  // others far less (a national notice naming pilot cities names several alike), is that city's.
  if (!place.city && !place.province && !place.district && !place.national) {
    const named = most();
    if (named.name && !named.short && named.n >= MIN_NAMED && named.n >= 2 * named.second) place.city = named.name;
    // By its short name too (大理…大理) when the area the text calls its own is a city's (全州, 全市): a county's
    // text (全县) names its city by the short name as often.
    else if (ownAreaLevel(kept(), rules, null) === 'city') {
      const short = mostNamedShort(kept(), r);
      if (short.name && short.n >= MIN_NAMED && short.n >= 2 * short.second) place.city = short.name;
    }
  }
  // Nor a city: a province the text names again and again (宁夏…宁夏), far more than any other, when the area it calls
  // its own is that province (全省, an autonomous region's 全区) or none: not a county of it (全县) writing its province.
  if (!place.city && !place.province && !place.district && !place.national) {
    const named = provinceNamed(kept(), r);
    if (named && named.n >= MIN_NAMED && named.n >= 2 * named.second && (ownAreaLevel(kept(), rules, named.province) ?? 'province') === 'province') {
      place.province = named.province.name;
    }
  }
  // A news item telling of the governor who delivered the report (山东省省长姜大明…向大会作政府工作报告, 重庆市长…).
  if (!place.city && !place.province && !place.district && !place.national) {
    const governed = governorProvince(kept(), r);
    if (governed) place.province = governed;
  }
  if (place.city && !place.province) place.province = r.provinceOf.get(place.city);
  // A county-level unit its province administers (天门市) is the district, with no city.
  if (place.city && !place.district && rules.regions.countyLevelCities.includes(place.city)) {
    place.district = place.city;
    place.city = undefined;
  }
  return place;
}

/** The one city of a province a text names (in full or by its short name), or null when it names none or several. */
function onlyCityNamed(view: string, r: Regions, province: string): string | null {
  let found: string | null = null;
  for (const c of r.cities) {
    if (c.province !== province || !(view.includes(c.name) || (c.short.length >= 2 && view.includes(c.short)))) continue;
    if (found !== null) return null;
    found = c.name;
  }
  return found;
}

/** The province whose governor (省长, 主席, a municipality's 市长) the text says delivered the report, or null. */
function governorProvince(view: string, r: Regions): string | null {
  if (!view.includes('作政府工作报告')) return null;
  const m = r.governor.exec(view);
  if (!m) return null;
  const p = r.provinces.find((q) => q.name === m[1] || q.short.includes(m[1]!));
  // A municipality's head is its 市长; a province's its 省长, an autonomous region's its 主席.
  if (!p || (m[2] === '市长') !== !!p.municipality) return null;
  return p.name;
}

const AREA_LEVELS = ['township', 'county', 'city', 'province', 'national'] as const;

/**
 * The level of the area a text calls its own most often (rules/regions.yaml ownArea: 全省, 全市, 全县…), the lower
 * one on a tie, or null when it uses none. An area compared with or ranked in (高于全市平均水平, 全省第一: regions.yaml
 * ownAreaCompared) is not counted. Of `province`'s
 * texts, its own words (an autonomous region's 全区) are the province's, not the level they stand for elsewhere.
 */
export function ownAreaLevel(view: string, rules: Rules, province: Regions['provinces'][number] | null): Meta['level'] {
  const words = rules.regions.ownArea;
  const own = province?.ownArea ?? [];
  const { before, after } = rules.regions.ownAreaCompared;
  let best: Meta['level'] = null;
  let most = 0;
  for (const level of AREA_LEVELS) {
    let n = 0;
    const count = (word: string) => {
      for (let at = view.indexOf(word); at >= 0; at = view.indexOf(word, at + word.length)) {
        if (at > 0 && before.includes(view[at - 1]!)) continue;
        const next = view[at + word.length];
        if (next === undefined || !after.includes(next)) n++;
      }
    };
    for (const word of words[level]) if (!own.includes(word)) count(word);
    if (level === 'province') own.forEach(count);
    if (n > most) [best, most] = [level, n];
  }
  return best;
}

/** The view with the ranges the cleaner removed (page furniture) blanked: the same length, so offsets hold. */
function keptView(doc: Doc): string {
  if (doc.removed.length === 0) return doc.view;
  let out = '';
  let at = 0;
  for (const r of doc.removed) {
    if (r.start < at) continue;
    out += doc.view.slice(at, r.start) + ' '.repeat(r.end - r.start);
    at = r.end;
  }
  return out + doc.view.slice(at);
}
