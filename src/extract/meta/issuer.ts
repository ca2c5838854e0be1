import type { Block, Doc, Range } from '../../document.js';
import type { RawRules, Rules } from '../../rules/schema.js';
import { alternation } from '../../rules/pattern.js';
import { bareLevel, type Place, type Regions } from './region.js';

/** The issuer as the text writes it, before a bare level word (市人民政府) is expanded with the place. */
export interface IssuerCue {
  name: string;
  /** 我代表市人民政府 / 自治区人民政府主席: the name needs the place in front. */
  bare: boolean;
}

const DATE_LINE = /^(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d〇零一二三四五六七八九十]{1,2}\s*月\s*[\d〇零一二三四五六七八九十]{1,3}\s*日$/u;

/** The issuer patterns built from the rules, once at load (`rules.meta.compiled.issuer`). */
export interface IssuerPatterns {
  suffix: RegExp;
  speaker: RegExp;
  mayor: RegExp;
  /** A unit and its head's title, before a name or not (a wide gap may set the name apart): 汕头市发展和改革局局长 陈向光. */
  unitHead: RegExp | null;
}

/** Called once by the rule loader (src/rules/compile.ts). */
export function compileIssuer(rules: RawRules): IssuerPatterns {
  const titles = alternation(rules.meta.speakerTitles);
  return {
    suffix: new RegExp(`(${alternation(rules.meta.issuerSuffixes)})$`, 'u'),
    speaker: new RegExp(`^(.{2,30}?(人民政府|国务院|政府))?\\s*(${titles})(\\s|$)`, 'u'),
    mayor: new RegExp(`^(.{2,12}?(市|县|区|州|省))(${titles})(\\s|$)`, 'u'),
    unitHead: rules.meta.unitHeadTitles.length
      ? new RegExp(`^((?![区县市州省旗盟])[^\\s]{2,30}?(${alternation(rules.meta.issuerSuffixes)}))(${alternation(rules.meta.unitHeadTitles)})(\\s*[\\u4e00-\\u9fff·]{2,5})?$`, 'u')
      : null,
  };
}

function cueOf(name: string, r: Regions): IssuerCue {
  return { name, bare: bareLevel(name, r) !== null };
}

/**
 * Where the issuer is named, most explicit first: before 关于 in the title, a collector header, a line that is only a
 * unit name, a speaker line (成都市金牛区人民政府区长 罗开敏), a news byline, the signature above the closing date,
 * the speech formula 我代表…人民政府.
 */
export function issuerCue(doc: Doc, rules: Rules, title: string | null, collector: string | null, front: Block[], news: boolean): IssuerCue | null {
  const { suffix, speaker, mayor, unitHead } = rules.meta.compiled.issuer;
  const cue = (name: string) => cueOf(name, rules.regions.compiled);
  const about = title ? rules.meta.issuerAbout?.pattern.exec(title)?.groups?.name : undefined;
  if (about && suffix.test(about)) return cue(about);
  if (collector) return cue(collector);
  // Line by line: a hard-wrapped copy may have joined the speaker's line to the delivery line above it.
  const parts = front.flatMap((b) => physicalLines(doc.view, b));
  const views = parts.map((b) => doc.view.slice(b.start, b.end).trim());
  // (Not a page's title with its site after it: 2025年某市…统计公报_某市人民政府.)
  const orgLine = views.findIndex((v) => v.length <= 30 && suffix.test(v) && !/[,。:;、()_|｜]/.test(v) && !/代表|会议|报告|公报/.test(v));
  if (orgLine >= 0) return cue(doc.text.slice(parts[orgLine]!.start, parts[orgLine]!.end).trim());
  for (const v of views) {
    const m = speaker.exec(v);
    if (m?.[1]) return cue(m[1].replace(/^.*?(国务院)$/, '$1'));
    const n = mayor.exec(v);
    if (n && v.length <= 20) return cue(`${n[1]}人民政府`);
    const h = v.length <= 40 ? unitHead?.exec(v) : null;
    if (h) return cue(h[1]!);
  }
  if (news) {
    // A plain loop over the lines: a generator of their bodies took each line through the iteration protocol.
    for (const { body: line } of doc.lines) {
      const name = rules.meta.issuerByline?.pattern.exec(line)?.groups?.name;
      if (name && !rules.meta.bylineNot.includes(name)) return cue(name);
    }
    return null;
  }
  // The signature above the closing date line (某区人民政府办公室 / 2026年1月26日): at the end, else the first one, where
  // a cover notice ends before the task lists it transmits.
  const signed = signature(doc, suffix, Math.max(0, doc.blocks.length - 4), doc.blocks.length) ?? signature(doc, suffix, 0, doc.blocks.length - 4);
  if (signed) return cue(signed);
  // A national government word (国务院, rules/regions.yaml national) stands alone; another takes the name before it.
  const behalf = rules.meta.issuerOnBehalf?.pattern.exec(doc.view)?.groups;
  if (behalf) return rules.regions.compiled.national?.test(behalf.government!) ? cue(behalf.government!) : cue(`${behalf.name}${behalf.government}`);
  return null;
}

/** The most characters a signature line (某县人民政府办公室) has, and the date line under it (2025年5月18日). */
const SIGNATURE = 30;

/**
 * The first signature in blocks [from, to): a short line naming a unit (`suffix`) with no punctuation, right above a
 * date line; its text as written, or null.
 */
function signature(doc: Doc, suffix: RegExp, from: number, to: number): string | null {
  for (let i = from; i + 1 < to; i++) {
    const b = doc.blocks[i]!;
    const next = doc.blocks[i + 1]!;
    // (Lengths first: most blocks are paragraphs far longer than either line, and are not sliced.)
    if (b.end - b.start > SIGNATURE + 4 || next.end - next.start > SIGNATURE) continue;
    // (The date line first: it is anchored, and fails at once on most lines.)
    if (!DATE_LINE.test(doc.view.slice(next.start, next.end).trim())) continue;
    const v = doc.view.slice(b.start, b.end).trim();
    if (v.length <= SIGNATURE && suffix.test(v) && !/[,。:;、()]/.test(v)) return doc.text.slice(b.start, b.end).trim();
  }
  return null;
}

/** The physical lines of a block (one, unless a hard wrap joined several). */
function physicalLines(view: string, b: Range): Range[] {
  const out: Range[] = [];
  let start = b.start;
  for (let i = view.indexOf('\n', start); i >= 0 && i < b.end; i = view.indexOf('\n', start)) {
    out.push({ start, end: i });
    start = i + 1;
  }
  out.push({ start, end: b.end });
  return out;
}

/** 市人民政府 → 来宾市人民政府; 区人民政府 → 成都市金牛区人民政府; 自治区人民政府 → 宁夏回族自治区人民政府; 市财政局 → 洛阳市财政局. */
export function expandIssuer(c: IssuerCue | null, place: Place, r: Regions): string | null {
  if (!c) return null;
  if (!c.bare) return c.name;
  const level = bareLevel(c.name, r)!;
  const { district, city, withCity } = r.levels;
  // A county-level city (天门市; 恩施市 in 恩施土家族苗族自治州) is named 市 by its own government: 市人民政府 is its, when the
  // place has no city or a city of another level word.
  const ownCity = (!place.city || !place.city.endsWith(level)) && place.district?.endsWith(level) ? place.district : undefined;
  const name = district.includes(level) ? (place.district ? (withCity.includes(level) ? (place.city ?? '') : '') + place.district : null)
    : city.includes(level) ? ownCity ?? place.city
    : place.province;
  // (A bureau keeps its own name after the place's: 市财政局 → 洛阳市财政局.)
  return name ? `${name}${r.bareGovernment?.exec(c.name)?.groups?.unit ?? '人民政府'}` : null;
}
