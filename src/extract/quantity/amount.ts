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

const at = (re: RegExp, view: string, pos: number): string | null => {
  re.lastIndex = pos;
  const m = re.exec(view);
  return m ? m[0] : null;
};

/** Read the number starting exactly at `pos`, or null when what stands there is no number (百姓, 千方百计). */
export function readAmount(view: string, pos: number, limit: number, c: Compiled): Amount | null {
  c.numberAt.lastIndex = pos;
  const m = c.numberAt.exec(view);
  if (!m) return null;
  let p = pos + m[0].length;
  let value: number | null;
  let magnitude = '';
  const arabic = m[2] !== undefined || (m[1] !== undefined && /^\d/.test(m[1]));
  if (m[1] !== undefined) value = arabic ? arabicValue(m[1]) : chineseValue(m[1]);
  else if (m[2] !== undefined) value = arabicValue(m[2]);
  else {
    const split = splitChineseMagnitude(m[3]!);
    // 百姓, 千年, 千方百计: a bare 百/千 is a number only as the head of a magnitude (千万吨, 百亿元).
    if (/^[百千]/.test(split.head) && !split.magnitude) return null;
    // 零部件, 零售: a leading zero is never an amount; 一五支渠, 二〇二四: digit strings are names and years.
    if (/^[零〇]/.test(split.head) || /^[零〇一二两三四五六七八九]{2,}$/.test(split.head)) return null;
    value = chineseValue(split.head);
    magnitude = split.magnitude;
    p = pos + split.head.length + magnitude.length;
  }
  if (value === null || !Number.isFinite(value)) return null;
  if (m[1] !== undefined) {
    return { start: pos, numberEnd: p, end: p, value, arabic, numberText: m[0], magnitude: '', exponent: 0, approx: null, unit: c.percent, unitWord: '%' };
  }
  // A unit that starts with a magnitude character (千瓦, 千米, 百分点) is a unit, not a magnitude.
  if (!magnitude && !at(c.unit, view, p)) {
    const word = at(c.magnitude, view, p);
    const info = word ? c.magnitudeOf.get(word) : undefined;
    if (word && info && (arabic || !info.arabicOnly)) {
      magnitude = word;
      p += word.length;
      // 3万4000: a magnitude followed by more digits adds them, and the unit is then plain.
      const rest = arabic ? /^\d+(?![\d.])/.exec(view.slice(p, p + 8)) : null;
      if (rest && info.exponent >= 4 && rest[0].length <= info.exponent) {
        value = value * 10 ** info.exponent + Number(rest[0]);
        magnitude = '';
        p += rest[0].length;
      }
    }
  }
  const exponent = magnitude ? magnitude.split('').reduce((e, ch) => e + (c.magnitudeOf.get(ch)?.exponent ?? 0), 0) : 0;
  const approx = at(c.approx, view, p);
  if (approx) p += approx.length;
  const numberEnd = p;
  if (view[p] === ' ' && at(c.unit, view, p + 1)) p++;
  const word = at(c.unit, view, p);
  const unit = word ? c.unitOf.get(word)! : null;
  const numberText = view.slice(pos, pos + m[0].length);
  if (!word || !unit || (unit.arabicOnly && !arabic) || p + word.length > limit) {
    return { start: pos, numberEnd, end: numberEnd, value, arabic, numberText, magnitude, exponent, approx, unit: null, unitWord: '' };
  }
  p += word.length;
  const per = at(c.per, view, p);
  if (per) p += per.length;
  return { start: pos, numberEnd, end: p, value, arabic, numberText, magnitude, exponent, approx, unit, unitWord: word + (per ?? '') };
}
