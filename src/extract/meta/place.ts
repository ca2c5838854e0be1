import type { Block, Doc } from '../../document.js';
import type { Rules } from '../../rules/schema.js';
import { bareLevel, cityBefore, mostNamedCity, placeAt, regions, type Place, type Regions } from './region.js';

/** 在昆明市官渡区第十七届人民代表大会, 在第十四届全国人民代表大会: the congress the report was delivered to. */
const DELIVERY = /在(.{0,24}?)第[一二三四五六七八九十百]{1,4}届(全国)?人民代表大会/u;
/** 阜平县十七届人大五次会议文件 */
const CONGRESS = /^([\u4e00-\u9fff]{2,24}?)第?[一二三四五六七八九十]{1,4}届(人大|人民代表大会)/u;
/**
 * 1月27日，临江市第十七届人民代表大会第五次会议开幕 (a news report of the session), （2026年1月18日衡阳市第十六届人民代表大会
 * …批准）: the place just before the congress, after any date.
 */
const CONGRESS_IN = /(?:^|[^\u4e00-\u9fff]|[年月日])((?![年月日])[\u4e00-\u9fff]{1,12}?(?:省|自治区|市|州|盟|县|区|旗))第?[一二三四五六七八九十]{1,4}届人民代表大会/u;

/** Strings that name the issuing place, most telling first: the congress line, the title, the issuer. */
function anchors(doc: Doc, title: string | null, front: Block[], issuer: string | null, r: Regions): string[] {
  const out: string[] = [];
  for (const b of front) {
    const v = doc.view.slice(b.start, b.end);
    const d = DELIVERY.exec(v);
    if (d) out.push(d[2] ? '全国' : d[1]!);
    const c = d ? null : CONGRESS.exec(v);
    if (c) out.push(c[1]!);
    const inside = d || c ? null : CONGRESS_IN.exec(v);
    if (inside) out.push(inside[1]!);
  }
  if (title) out.push(title);
  if (issuer && bareLevel(issuer, r) === null) out.push(issuer);
  return out;
}

/**
 * Province, city and district of the document: parsed from its anchors, the first one that names a place setting the
 * level; a missing city is found where the text writes it before the district (昆明市官渡区) or as the city it names most;
 * a missing province comes from the city (昆明市 → 云南省). A national document has none.
 */
export function placeOf(doc: Doc, rules: Rules, title: string | null, front: Block[], issuer: string | null): Place {
  const r = regions(rules);
  let place: Place = {};
  for (const a of anchors(doc, title, front, issuer, r)) {
    const p = placeAt(a, r);
    const empty = !place.province && !place.city && !place.district;
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
  }
  const level = issuer ? bareLevel(issuer, r) : null;
  if (!place.city && place.district) place.city = cityBefore(doc.view, place.district, r) ?? mostNamedCity(doc.view, r) ?? undefined;
  if (!place.city && !place.province && !place.district && level && r.levels.city.includes(level)) place.city = mostNamedCity(doc.view, r) ?? undefined;
  if (place.city && !place.province) place.province = r.provinceOf.get(place.city);
  return place;
}
