import type { UnitEntry } from '../../rules/files/units.js';
import type { Compiled } from './compile.js';
import { arabicValue, chineseValue, splitChineseMagnitude } from './numbers.js';

/** A number read at one place of the view, with what follows it: magnitude, 余/多, unit (or none). */
export interface Amount {
  start: number;
  /** Just past the number, its magnitude and any 余/多: where a unit would start. */
  numberEnd: number;
  /** Just past the unit (equal to `numberEnd` when there is none). */
  end: number;
  /** The number in the written unit: 12.94 for 12.94万人次. */
  value: number;
  arabic: boolean;
  /** The number and its magnitude as written in the view (一千二百万, 3.5万). */
  numberText: string;
  magnitude: string;
  exponent: number;
  approx: string | null;
  unit: UnitEntry | null;
  /** The unit as written (个百分点, 元/吨), without the magnitude. */
  unitWord: string;
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * 3万4000: the digits right after a magnitude, as `^\d+(?![\d.])` finds them in the next 8 characters: all the
 * digits there, unless a decimal point follows them inside that window. Returns their count (0 for none).
 */
function trailingDigits(view: string, p: number): number {
  const limit = Math.min(p + 8, view.length);
  let q = p;
  while (q < limit && isDigit(view.charCodeAt(q))) q++;
  return q > p && (q === limit || view.charCodeAt(q) !== 0x2e) ? q - p : 0;
}

/** The power of ten of a magnitude as written (万亿 = 4 + 8). */
function exponentOf(magnitude: string, c: Compiled): number {
  let e = 0;
  for (const ch of magnitude) e += c.magnitudeOf.get(ch)?.exponent ?? 0;
  return e;
}

/**
 * Read the number starting exactly at `pos`, or null when what stands there is no number (百姓, 千方百计).
 * `found` is the number regexp's match at `pos` when the caller has it already (the scan), so it is not run twice.
 */
export function readAmount(view: string, pos: number, limit: number, c: Compiled, found?: RegExpExecArray): Amount | null {
  let m = found;
  if (!m) {
    c.numberAt.lastIndex = pos;
    const at = c.numberAt.exec(view);
    if (!at) return null;
    m = at;
  }
  const numberText = m[0];
  let p = pos + numberText.length;
  let value: number | null;
  let magnitude = '';
  const arabic = m[2] !== undefined || (m[1] !== undefined && isDigit(m[1].charCodeAt(0)));
  if (m[1] !== undefined) value = arabic ? arabicValue(m[1]) : chineseValue(m[1]);
  else if (m[2] !== undefined) value = arabicValue(m[2]);
  else {
    const split = splitChineseMagnitude(m[3]!);
    // 百姓, 千年, 千方百计: a bare 百/千 is a number only as the head of a magnitude (千万吨, 百亿元).
    if (/^[百千]/.test(split.head) && !split.magnitude) return null;
    // 零部件, 零售: a leading zero is never an amount; 一五支渠, 二〇二四: digit strings are names and years.
    if (/^[零〇]/.test(split.head) || /^[零〇一二两三四五六七八九]{2,}$/.test(split.head)) return null;
    // 一亿二千万: the trailing 万 scales only what follows the 亿, so in 万 the 亿 counts as 万 (一万二千 = 12000万).
    value = chineseValue(split.magnitude === '万' ? split.head.replace(/亿/g, '万') : split.head);
    magnitude = split.magnitude;
  }
  if (value === null || !Number.isFinite(value)) return null;
  if (m[1] !== undefined) {
    return { start: pos, numberEnd: p, end: p, value, arabic, numberText, magnitude: '', exponent: 0, approx: null, unit: c.percent, unitWord: '%' };
  }
  // A unit that starts with a magnitude character (千瓦, 千米, 百分点) is a unit, not a magnitude.
  if (!magnitude && !c.unit.at(view, p)) {
    const word = c.magnitude.at(view, p);
    const info = word ? c.magnitudeOf.get(word) : undefined;
    if (word && info && (arabic || !info.arabicOnly)) {
      magnitude = word;
      p += word.length;
      // 3万4000: a magnitude followed by more digits adds them, and the unit is then plain.
      const rest = arabic ? trailingDigits(view, p) : 0;
      if (rest > 0 && info.exponent >= 4 && rest <= info.exponent) {
        value = value * 10 ** info.exponent + Number(view.slice(p, p + rest));
        magnitude = '';
        p += rest;
      }
    }
  }
  const exponent = magnitude ? exponentOf(magnitude, c) : 0;
  const approx = c.approx.at(view, p);
  if (approx) p += approx.length;
  const numberEnd = p;
  if (view.charCodeAt(p) === 0x20 && c.unit.at(view, p + 1)) p++;
  const word = c.unit.at(view, p);
  const unit = word ? c.unitOf.get(word)! : null;
  if (!word || !unit || (unit.arabicOnly && !arabic) || p + word.length > limit) {
    return { start: pos, numberEnd, end: numberEnd, value, arabic, numberText, magnitude, exponent, approx, unit: null, unitWord: '' };
  }
  p += word.length;
  const per = c.per.at(view, p);
  if (per) p += per.length;
  return { start: pos, numberEnd, end: p, value, arabic, numberText, magnitude, exponent, approx, unit, unitWord: word + (per ?? '') };
}
