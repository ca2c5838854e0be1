import type { UnitEntry } from '../../rules/files/units.js';
import type { Compiled, NumberMatch } from './compile.js';
import { arabicValue, chineseIn, chineseValue, isCapital, scaleDecimal, splitChineseMagnitude, type Numerals } from './numbers.js';
import { isDigitCode } from '../../util/find.js';

/** A number read at one place of the view, with what follows it: magnitude, 余/多, unit (or none). */
export interface Amount {
  /** Where the amount starts: the number, or the currency sign before it ($20). */
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
  /** The unit as written (个百分点, 元/吨, or the sign: $), without the magnitude. */
  unitWord: string;
  /** The form rule (units.yaml `forms`) when the number is written in one of the special forms, else null. */
  form: string | null;
  /** The upper end of two neighbouring digits said together (三四个, 五六十万元: `value` is the lower), else null. */
  high: number | null;
}


/**
 * An amount with some fields changed. Written out field by field: object spread makes objects of changing shapes,
 * and it was most of the cost of reading numbers; no field is set again after (V8 then gives the shape another form).
 */
export function amend(a: Amount, end: number, value: number, form: string | null, numberText = a.numberText, unit = a.unit, unitWord = a.unitWord, magnitude = a.magnitude, exponent = a.exponent): Amount {
  return {
    start: a.start, numberEnd: a.numberEnd, end, value, arabic: a.arabic, numberText, magnitude,
    exponent, approx: a.approx, unit, unitWord, form, high: a.high,
  };
}

/** The digits (no decimal point after them) at `p`, read to at most `max` of them: their count, 0 for none. */
function digitsAt(view: string, p: number, max: number): number {
  let q = p;
  while (q < view.length && q - p <= max && isDigitCode(view.charCodeAt(q))) q++;
  return q > p && q - p <= max && view.charCodeAt(q) !== 0x2e ? q - p : 0;
}

/** The power of ten of a magnitude as written (万亿 = 4 + 8). */
function exponentOf(magnitude: string, c: Compiled): number {
  let e = 0;
  for (const ch of magnitude) e += c.magnitudeOf.get(ch)?.exponent ?? 0;
  return e;
}

/**
 * The number itself at a match after 百分之 or of a Chinese numeral (Arabic digits are read by readAmount): its value,
 * magnitude (a Chinese numeral's own), and form, or null.
 */
function numberOf(view: string, pos: number, m: NumberMatch, c: Compiled) {
  const n = c.numerals;
  const text = m.numeral;
  if (m.group === 1) {
    const arabic = isDigitCode(text.charCodeAt(0));
    return { value: arabic ? arabicValue(text) : chineseIn(text, { head: text, exponent: 0 }, n), arabic, magnitude: '', exponent: 0, form: null, high: null };
  }
  // 万元, 万亿元 after a word that bounds it (突破万元大关, 超万亿元, 近万辆): one of the magnitude. Never alone (万物, 万一).
  const alone = magnitudeAlone(text, n);
  if (alone) {
    const bounded = c.cmpBefore.test(view.slice(Math.max(0, pos - 4), pos)) || c.approx.at(view, pos + text.length) !== null;
    return bounded ? { value: 1, arabic: false, magnitude: text, exponent: alone, form: 'number.about', high: null } : null;
  }
  const split = splitChineseMagnitude(text, n);
  let form: string | null = null;
  if (isCapital(text, n)) {
    // 陆家嘴, 队伍支撑: one capital character is a name or a word; a capital numeral has two or more (陆仟, 贰拾), or
    // is an amount of money (伍元).
    if (text.length < 2 && c.unitOf.get(c.unit.at(view, pos + text.length) ?? '')?.dimension !== 'currency') return null;
    form = 'number.capital';
  }
  // 百姓, 千年, 千方百计: a bare 百/千 is a number only as the head of a magnitude (千万吨, 百亿元), after a word that
  // bounds it (近千公里, 逾百家), or with 余/多 right after it (千余人, 百余项).
  if (n.notAlone.has(split.head.charCodeAt(0)) && !split.magnitude) {
    const bounded = c.cmpBefore.test(view.slice(Math.max(0, pos - 4), pos)) || c.approx.at(view, pos + text.length) !== null;
    if (!bounded) return null;
    form = 'number.about';
  }
  const pair = neighbours(split.head, c);
  if (pair) return { value: pair[0], arabic: false, magnitude: split.magnitude, exponent: split.exponent, form: 'number.range', high: pair[1] };
  // 零部件, 零售: a leading zero is never an amount but in a decimal (零点五); 一五支渠, 二〇二四: digit strings are names
  // and years.
  if (leadingZero(split.head, c) || allDigits(split.head, c)) return null;
  return { value: chineseIn(text, split, n), arabic: false, magnitude: split.magnitude, exponent: split.exponent, form, high: null };
}

/**
 * A Chinese numeral standing alone at `pos`, followed by nothing that goes on an amount (the 四 of 百分之三至四, which the
 * number scan does not take alone: 一 and 二 of ordinary words look the same), with no unit; null when none is there.
 */
export function bareNumeral(view: string, pos: number, c: Compiled): Amount | null {
  const n = c.numerals;
  let q = pos;
  while (q < view.length && q - pos < 12) {
    const code = view.charCodeAt(q);
    if (!n.digit.has(code) && !n.place.has(code) && !n.tens.has(code) && !(q > pos && n.point === view[q])) break;
    q++;
  }
  const value = q > pos ? chineseValue(view.slice(pos, q), n) : null;
  if (value === null || !Number.isFinite(value)) return null;
  return { start: pos, numberEnd: q, end: q, value, arabic: false, numberText: view.slice(pos, q), magnitude: '', exponent: 0, approx: null, unit: null, unitWord: '', form: null, high: null };
}

/** The largest big unit's power of ten inside a Chinese numeral (8 in 六亿三千), 0 for none. */
function bigInside(numeral: string, n: Numerals): number {
  let most = 0;
  for (let i = 0; i < numeral.length; i++) most = Math.max(most, n.big.get(numeral.charCodeAt(i)) ?? 0);
  return most;
}

/** The exponent of a numeral made of magnitude words alone (万, 亿, 万亿), else 0. */
function magnitudeAlone(text: string, n: Numerals): number {
  let exponent = 0;
  for (let i = 0; i < text.length; i++) {
    const e = n.big.get(text.charCodeAt(i));
    if (e === undefined) return 0;
    exponent += e;
  }
  return exponent;
}

/**
 * 三四个, 一两天, 五六十万元, 三五家: two neighbouring digits said together (or 三五), with a place after them, are
 * a range; [low, high], or null for any other numeral (一五支渠 is a name).
 */
function neighbours(head: string, c: Compiled): [number, number] | null {
  if (head.length < 2 || head.length > 3) return null;
  const a = c.numerals.digit.get(head.charCodeAt(0));
  const b = c.numerals.digit.get(head.charCodeAt(1));
  if (!a || !b || !(b === a + 1 || (a === 3 && b === 5))) return null;
  if (head.length === 2) return [a, b];
  const place = c.numerals.place.get(head.charCodeAt(2));
  return place ? [a * place, b * place] : null;
}

/** A zero opening a numeral that is not a decimal (零部件, 零售; 零点五 is one). */
function leadingZero(text: string, c: Compiled): boolean {
  return c.numerals.digit.get(text.charCodeAt(0)) === 0 && !(c.numerals.point && text.startsWith(c.numerals.point, 1));
}

function allDigits(text: string, c: Compiled): boolean {
  if (text.length < 2) return false;
  for (let i = 0; i < text.length; i++) if (!c.numerals.digit.has(text.charCodeAt(i))) return false;
  return true;
}

/**
 * 1万6千, 3万4000, 1亿5000万: after a magnitude of 万 or more, digits of a smaller place. Returns the value in the
 * unit of the last magnitude written when that is a big one (1亿5000万 → 15000 in 万), else in plain units, and
 * where the compound ends; null when no compound follows.
 */
function compound(view: string, p: number, value: number, exponent: number, c: Compiled) {
  const rest = digitsAt(view, p, exponent);
  if (rest === 0) return null;
  const digits = Number(view.slice(p, p + rest));
  const word = c.magnitude.at(view, p + rest);
  const info = word ? c.magnitudeOf.get(word) : undefined;
  if (word && info && info.exponent < exponent && digits < 10 ** (exponent - info.exponent)) {
    if (info.exponent >= 4) return { value: scaleDecimal(value, exponent - info.exponent) + digits, magnitude: word, exponent: info.exponent, end: p + rest + word.length };
    return { value: scaleDecimal(value, exponent) + digits * 10 ** info.exponent, magnitude: '', exponent: 0, end: p + rest + word.length };
  }
  if (rest > exponent || (word && !c.unit.at(view, p + rest))) return null;
  // 1万5, 2亿5: one digit after the magnitude is its next place down, as people say it (1.5万, 2.5亿); not the
  // digit of a code (覆盖2亿5G用户).
  if (rest === 1 && /[A-Za-z]/.test(view.charAt(p + 1))) return null;
  if (rest === 1 && Number.isInteger(value)) return { value: Number(`${value}.${digits}`), magnitude: null, exponent, end: p + rest };
  return { value: scaleDecimal(value, exponent) + digits, magnitude: '', exponent: 0, end: p + rest };
}

/** The currency sign written right before `pos` ($20, ￥300), or null. */
function signBefore(view: string, pos: number, c: Compiled): { sign: string; unit: UnitEntry; at: number } | null {
  const end = view.charCodeAt(pos - 1) === 0x20 ? pos - 1 : pos; // $ 20
  if (!c.signEnds.has(view.charCodeAt(end - 1))) return null;
  for (const s of c.signs) if (end >= s.sign.length && view.startsWith(s.sign, end - s.sign.length)) return { sign: s.sign, unit: s.unit, at: end - s.sign.length };
  return null;
}

/**
 * Read the number starting exactly at `pos`, or null when what stands there is no number (百姓, 千方百计).
 * `found` is the number at `pos` when the caller has it already (the scan), so it is not read twice.
 */
export function readAmount(view: string, pos: number, limit: number, c: Compiled, found?: NumberMatch): Amount | null {
  let m = found ?? c.number.at(view, pos);
  if (!m) return null;
  // 四千亿千瓦时: a numeral's last place character that opens a unit (千瓦时, 千米, 百分点) is the unit's.
  if (m.group === 4 && m.numeral.length > 1 && c.numerals.place.has(m.numeral.charCodeAt(m.numeral.length - 1))) {
    const last = pos + m.text.length - 1;
    const unit = c.unit.at(view, last);
    if (unit !== null && unit.length > 1) m = { index: m.index, text: m.text.slice(0, -1), group: m.group, numeral: m.numeral.slice(0, -1) };
  }
  const numberText = m.text;
  // 2 . 26 万人 that the split-digit pattern could not take whole: its tail alone would be a wrong value.
  // Every match of FRACTION_TAIL ends in . or a space: the character before the number rules most out.
  const tail = pos > 0 ? view.charCodeAt(pos - 1) : -1;
  if (m.group === 3 && (tail === 0x2e || tail === 0x20) && FRACTION_TAIL.test(view.slice(Math.max(0, pos - 3), pos))) return null;
  let value: number;
  let magnitude = '';
  let exponent = 0;
  let form: string | null = null;
  let high: number | null = null;
  let arabic = true;
  if (m.group === 2 || m.group === 3) {
    // Arabic digits (split by spaces: 2), most numbers, are read here: numberOf would only make a record of defaults.
    value = arabicValue(m.numeral);
    if (m.group === 2) form = 'number.split-digits';
  } else {
    const read = numberOf(view, pos, m, c);
    if (!read || read.value === null) return null;
    ({ value, magnitude, exponent, form, high, arabic } = read);
  }
  if (!Number.isFinite(value)) return null;
  let p = pos + numberText.length;
  if (m.group === 1) {
    // 百分之七: the unit is the one the word before the number names.
    const prefix = c.numerals.prefixes.find((x) => view.startsWith(x.word, pos))!;
    return { start: pos, numberEnd: p, end: p, value, arabic, numberText, magnitude: '', exponent: 0, approx: null, unit: prefix.unit, unitWord: prefix.unitWord, form, high };
  }
  // 2 9 0 0 亿元, 1.2 万亿元: in texts with spaced-out figures a space may stand before the magnitude.
  if (arabic && view.charCodeAt(p) === 0x20 && c.magnitude.at(view, p + 1) && !c.unit.at(view, p + 1)) p++;
  // A unit that starts with a magnitude character (千瓦, 千米, 百分点) is a unit, not a magnitude. The unit looked up
  // here (undefined: none was) is the number's when nothing moves past its end below, and is not looked up again.
  const bareEnd = p;
  const bareUnit = magnitude ? undefined : c.unit.at(view, p);
  if (!magnitude && !bareUnit) {
    const s = magnitudeAt(view, p, value, arabic, c);
    if (s) {
      ({ value, magnitude, exponent } = s);
      if (s.compound) form = 'number.compound';
      p = s.end;
    }
  }
  let approx = c.approx.at(view, p);
  if (approx) {
    p += approx.length;
    // 3200多亿元, 600多万套: the magnitude after 多/余.
    if (!magnitude && !c.unit.at(view, p)) {
      const s = magnitudeAt(view, p, value, arabic, c);
      if (s) {
        ({ value, magnitude, exponent } = s);
        // 六亿三千多万: a magnitude smaller than one inside the numeral scales only the places after that one
        // (六亿 and 三千多万: 63000 in 万, not 600003000).
        if (!arabic && bigInside(m.numeral, c.numerals) > exponent) value = scaleDecimal(chineseValue(m.numeral + s.magnitude, c.numerals) ?? NaN, -exponent);
        form = 'number.more';
        p = s.end;
      }
    } else if (magnitude && !c.unit.at(view, p)) {
      // 4万多亿元: more than 4 万亿, the larger magnitude after 多/余 joining the one before it.
      const big = c.numerals.big.get(view.charCodeAt(p));
      if (big !== undefined && big > exponent) {
        magnitude += view[p];
        exponent += big;
        form = 'number.more';
        p++;
      }
    }
    form = c.numerals.formAfter.get(approx) ?? form;
  }
  const numberEnd = p;
  if (view.charCodeAt(p) === 0x20 && c.unit.at(view, p + 1)) p++;
  const word = p === bareEnd && bareUnit !== undefined ? bareUnit : c.unit.at(view, p);
  const unit = word ? c.unitOf.get(word)! : null;
  // 5min, 三里屯: a unit word that is the first part of a longer word is no unit.
  const blocked = unit?.notBefore !== undefined && unit.notBefore.test(view.slice(p + word!.length, p + word!.length + 4));
  // A unit read only after digits (块, 头: 三块 is also "three pieces of it") is read after numerals too behind a
  // magnitude (二十五亿块): no phrase counts in 亿.
  if (!word || !unit || blocked || (unit.arabicOnly && !arabic && !magnitude) || p + word.length > limit) {
    const sign = arabic ? signBefore(view, pos, c) : null;
    if (sign) return { start: sign.at, numberEnd, end: numberEnd, value, arabic, numberText, magnitude, exponent, approx, unit: sign.unit, unitWord: sign.sign, form: 'number.sign', high };
    return { start: pos, numberEnd, end: numberEnd, value, arabic, numberText, magnitude, exponent, approx, unit: null, unitWord: '', form, high };
  }
  p += word.length;
  const whole: Amount = { start: pos, numberEnd, end: p, value, arabic, numberText, magnitude, exponent, approx, unit, unitWord: word, form, high };
  const yuan = subunits(view, p, limit, whole, c);
  if (yuan) return yuan;
  const half = halfAt(view, p, limit, whole, c);
  if (half) return half;
  const per = c.per.at(view, p);
  return per ? amend(whole, p + per.length, value, form, numberText, unit, word + per) : whole;
}

/** A magnitude read after a number: where it ends, the number's value in units of it, and the magnitude as written. */
interface Scaled { end: number; value: number; magnitude: string; exponent: number; compound: boolean }

/**
 * The magnitude written at `q` after a number of `value` (with 3万4000 compounds), or null when there is none. A
 * function of its own rather than one nested in readAmount: the nested one was a closure made on every call, and
 * the variables it set were kept in a context object rather than in registers.
 */
function magnitudeAt(text: string, q: number, value: number, arabic: boolean, c: Compiled): Scaled | null {
  const mag = c.magnitude.at(text, q);
  const info = mag ? c.magnitudeOf.get(mag) : undefined;
  if (!mag || !info || (!arabic && info.arabicOnly)) return null;
  const next = arabic && info.exponent >= 4 ? compound(text, q + mag.length, value, info.exponent, c) : null;
  if (next) return { end: next.end, value: next.value, magnitude: next.magnitude ?? mag, exponent: next.exponent, compound: true };
  // 3千万, 5百万, 10.36百亿亿: a magnitude scales the big ones written after it, each at least as big as the one
  // before (亿亿 is 10^16; 亿万 is no magnitude), unless a unit starts there.
  let magnitude = mag;
  let last = info.exponent;
  for (;;) {
    const at = q + magnitude.length;
    const big = c.unit.at(text, at) ? null : c.magnitude.at(text, at);
    const e = big ? c.magnitudeOf.get(big)?.exponent ?? 0 : 0;
    if (!big || e < 4 || e < last) break;
    magnitude += big;
    last = e;
  }
  return { end: q + magnitude.length, value, magnitude, exponent: exponentOf(magnitude, c), compound: false };
}

const FRACTION_TAIL = /\d ?\. ?$|\d \.?$/;

/** 58元3角6分: the 角/分 after an amount of yuan, read into it (58.36元); null when none follow. */
function subunits(view: string, p: number, limit: number, a: Amount, c: Compiled): Amount | null {
  const rule = c.units.subunits;
  if (!rule || a.unit?.dimension !== 'currency' || !rule.after.includes(a.unitWord) || a.magnitude || a.approx) return null;
  let value = a.value;
  let q = p;
  const used = new Set<number>();
  for (;;) {
    const m = c.number.at(view, q);
    if (!m || (m.group !== 3 && m.group !== 4)) break;
    const n = m.group === 3 ? Number(m.numeral) : chineseIn(m.numeral, { head: m.numeral, exponent: 0 }, c.numerals);
    const word = c.subunit.at(view, q + m.text.length);
    const after = q + m.text.length + (word?.length ?? 0);
    // 5分钟, 3分类: a 分 that begins a word is no fen.
    if (n === null || !word || after > limit || rule.notBefore?.test(view.slice(after, after + 4))) break;
    const share = rule.parts[word]!;
    if (used.has(share) || n >= 10) break;
    used.add(share);
    value += n * share;
    q += m.text.length + word.length;
  }
  if (q === p) return null;
  return amend(a, q, Number(value.toFixed(2)), rule.id);
}

/** 一吨半, 两公里半, 两个半百分点: a half after the unit of a whole number (not 三个半导体企业). */
function halfAt(view: string, p: number, limit: number, a: Amount, c: Compiled): Amount | null {
  const rule = c.units.halves;
  if (!rule || p >= view.length || !c.halfFirsts.has(view.charCodeAt(p))) return null;
  if (!a.unit || a.magnitude || a.approx || a.high !== null || !Number.isInteger(a.value)) return null;
  const word = rule.words.find((w) => view.startsWith(w, p));
  if (!word) return null;
  // 两个半百分点, 三个半月: the half stands inside a unit that opens with a classifier (个百分点, 个月).
  const after = p + word.length;
  const whole = c.unit.at(a.unitWord + view.slice(after, after + 8), 0);
  const joined = whole && whole.length > a.unitWord.length ? c.unitOf.get(whole) : undefined;
  if (joined && whole && after + whole.length - a.unitWord.length <= limit) {
    return amend(a, after + whole.length - a.unitWord.length, a.value + 0.5, rule.id, a.numberText + word, joined, whole);
  }
  if (!rule.dimensions.includes(a.unit.dimension)) return null;
  if (rule.notBefore?.test(view.slice(p + word.length, p + word.length + 4))) return null;
  // The number read is the whole with its half (一…半), so 一吨半 is not the indefinite 一 of 一吨.
  return amend(a, p + word.length, a.value + 0.5, rule.id, a.numberText + word);
}
