import { alternation } from '../../rules/pattern.js';
import type { UnitEntry, UnitRules } from '../../rules/files/units.js';

/**
 * The characters of Chinese numerals as read from units.yaml: digits (capitals too), places 十百千, tens written as
 * one character (廿), and the big units 万/亿 with their powers of ten. Keyed by character code, so reading a
 * numeral makes no strings and looks up no object properties.
 */
export interface Numerals {
  digit: Map<number, number>;
  place: Map<number, number>;
  tens: Map<number, number>;
  /** Single-character big units (万, 亿, 萬, 億) by their power of ten. */
  big: Map<number, number>;
  /** Big units as words, longest first (万亿 before 亿), for splitting a trailing magnitude off. */
  bigWords: { word: string; exponent: number }[];
  /** Capital characters (壹…玖, 拾佰仟, 萬億): a numeral holding one is written in capitals. */
  capital: Set<number>;
  /** The decimal point (点), or '' when the rules name none. */
  point: string;
  /** Places that are a number alone only when bounded (百, 千: 百姓, 千方百计). */
  notAlone: Set<number>;
  /** Words before a number that make it an amount of a unit (百分之, 千分之), longest first, with the unit as written. */
  prefixes: { word: string; unit: UnitEntry; unitWord: string }[];
  /** The form rule an approximate word right after a number puts it in (几 → number.more), by the word. */
  formAfter: ReadonlyMap<string, string>;
  /** A regexp source for the prefixes, as one alternation (a never-matching group when there are none). */
  prefixSource: string;
  /** A regexp source for one Chinese numeral (the regexp itself is built by compile.ts). */
  source: string;
  /** The characters a Chinese numeral can start with (digits, places, tens). */
  lead: readonly number[];
}

const byCode = (entries: Record<string, number>) => new Map(Object.entries(entries).map(([ch, v]) => [ch.charCodeAt(0), v]));
const codes = (chars: readonly string[] | undefined) => new Set((chars ?? []).map((ch) => ch.charCodeAt(0)));
const charClass = (chars: Iterable<number>) => [...chars].map((code) => String.fromCharCode(code).replace(/[\\\]^-]/g, '\\$&')).join('');

export function numeralsOf(units: UnitRules): Numerals {
  const digit = byCode(units.numerals.digits);
  const place = byCode(units.numerals.places);
  const tens = byCode(units.numerals.tens);
  const bigWords = units.magnitudes.filter((m) => m.exponent >= 4 && !m.arabicOnly)
    .map((m) => ({ word: m.word, exponent: m.exponent }))
    .sort((a, b) => b.word.length - a.word.length);
  const big = new Map(bigWords.filter((b) => b.word.length === 1).map((b) => [b.word.charCodeAt(0), b.exponent]));
  const capital = codes(units.numerals.capitals);
  const point = units.numerals.point ?? '';
  const lead = charClass([...digit.keys(), ...place.keys(), ...tens.keys()]);
  const body = charClass([...digit.keys(), ...place.keys(), ...tens.keys(), ...big.keys()]);
  const digits = charClass(digit.keys());
  const decimals = point ? `(?:${charClass([point.charCodeAt(0)])}[${digits}]+[${charClass(big.keys())}]*)?` : '';
  // A magnitude alone (万元, 万亿元) is read too, never going on into digits (万亿两个: 两个 is the numeral): after a word
  // that bounds it (突破万元大关, 超万亿元, 近万辆) it is one of itself (amount.ts).
  const bigs = charClass(big.keys());
  const source = `(?:[${bigs}]{1,3}(?![${lead}])|[${lead}][${body}]*${decimals})`;
  const prefixes = units.units.flatMap((unit) => unit.prefixes.map((word) => ({ word, unit, unitWord: unit.words[0]! })))
    .sort((a, b) => b.word.length - a.word.length);
  const prefixSource = prefixes.length ? `(?:${alternation(prefixes.map((p) => p.word))})` : '(?!)';
  return {
    digit, place, tens, big, bigWords, capital, point, notAlone: codes(units.numerals.notAlone), prefixes, prefixSource, source,
    formAfter: new Map(units.forms.flatMap((f) => f.after.map((w) => [w, f.id] as const))),
    lead: [...digit.keys(), ...place.keys(), ...tens.keys(), ...big.keys()],
  };
}

export const ARABIC_NUMERAL = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
/**
 * Digits split by single spaces, as OCR leaves them (1 2 %, 2 9 0 0 亿元, 8 . 2 %, 40.8 2 亿元): not after a digit, a point or a
 * comma. The first digit is matched before the look-behind, so the many positions holding no digit cost one test.
 */
export const SPLIT_NUMERAL = '\\d(?<![\\d.,] ?\\d)(?:(?: \\d)+(?: ?\\. ?\\d+(?: \\d)*)?|\\d*(?: \\. ?| ?\\. )\\d+(?: \\d)*|\\d*\\.\\d+(?: \\d)+)(?! ?[\\d.])';

/**
 * The value of a Chinese numeral (一千二百 → 1200, 十五 → 15, 两万三千 → 23000, 廿五 → 25, 陆仟柒佰捌拾 → 6780,
 * 三点五 → 3.5), or null when it is not one. Big units nest (一万二千亿) and descend (三亿零五百万). A last digit
 * right after a place, with no 零 between, stands for the next place down, as people say it: 三千五 → 3500,
 * 一万五 → 15000, 三千五万 → 3500万 (一千零五 is 1005). Digit-by-digit forms (二〇二四) read as a digit string: they
 * are years and codes, and callers drop them.
 */
export function chineseValue(text: string, n: Numerals): number | null {
  if (text.length === 0) return null;
  const point = n.point ? text.indexOf(n.point) : -1;
  if (point >= 0) return decimalValue(text, point, n);
  if (text.length > 1 && allDigits(text, n)) {
    let digits = '';
    for (let i = 0; i < text.length; i++) digits += n.digit.get(text.charCodeAt(i))!;
    return Number(digits);
  }
  /** Chunks closed by a big unit, each already scaled by it, with that unit's power of ten. */
  const chunks: { value: number; exponent: number }[] = [];
  let section = 0;
  let digit: number | null = null;
  /** The place a last digit stands in: a tenth of the last place or big unit read, 1 after a 零. */
  let next = 1;
  const last = () => (digit ?? 0) * next;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const d = n.digit.get(code);
    if (d !== undefined) {
      if (d === 0) { next = 1; continue; } // 一千零五: a zero only marks a skipped place
      if (digit !== null) return null;
      digit = d;
      continue;
    }
    const place = n.place.get(code) ?? (n.tens.has(code) ? n.tens.get(code)! : undefined);
    if (place !== undefined) {
      if (n.tens.has(code) && digit !== null) return null;
      section += n.tens.has(code) ? place : (digit ?? 1) * place;
      digit = null;
      next = n.tens.has(code) || place < 10 ? 1 : place / 10;
      continue;
    }
    const exponent = n.big.get(code);
    if (exponent === undefined) return null;
    let chunk = section + last();
    // 一万二千亿: the chunks closed by smaller units are scaled again by this one.
    while (chunks.length && chunks.at(-1)!.exponent < exponent) chunk += chunks.pop()!.value;
    if (chunk === 0) return null;
    chunks.push({ value: chunk * 10 ** exponent, exponent });
    section = 0;
    digit = null;
    next = 10 ** (exponent - 1);
  }
  let total = section + last();
  for (const c of chunks) total += c.value;
  return total;
}

/** 三点五 → 3.5, 十二点零五 → 12.05, 三点五亿 → 350000000: digits after 点 are read one by one. */
function decimalValue(text: string, point: number, n: Numerals): number | null {
  const whole = chineseValue(text.slice(0, point), n);
  if (whole === null) return null;
  let frac = '';
  let i = point + 1;
  for (; i < text.length && n.digit.has(text.charCodeAt(i)); i++) frac += n.digit.get(text.charCodeAt(i))!;
  if (!frac) return null;
  let exponent = 0;
  for (; i < text.length; i++) {
    const e = n.big.get(text.charCodeAt(i));
    if (e === undefined) return null;
    exponent += e;
  }
  return scaleDecimal(Number(`${whole}.${frac}`), exponent);
}

function allDigits(text: string, n: Numerals): boolean {
  for (let i = 0; i < text.length; i++) if (!n.digit.has(text.charCodeAt(i))) return false;
  return true;
}

/** Whether a numeral is written in capitals (陆仟柒佰捌拾, 贰拾万). */
export function isCapital(text: string, n: Numerals): boolean {
  for (let i = 0; i < text.length; i++) if (n.capital.has(text.charCodeAt(i))) return true;
  return false;
}

/**
 * Split a Chinese numeral's trailing magnitude off, as the unit is written: 一千二百万 → 一千二百 + 万,
 * 千万 → 千 + 万, 三万四千 → 三万四千 + none (a magnitude inside the number stays part of the value).
 */
export function splitChineseMagnitude(text: string, n: Numerals): { head: string; magnitude: string; exponent: number } {
  for (const { word, exponent } of n.bigWords) {
    if (text.endsWith(word) && text.length > word.length) {
      const head = text.slice(0, -word.length);
      if (!n.big.has(head.charCodeAt(head.length - 1))) return { head, magnitude: word, exponent };
    }
  }
  return { head: text, magnitude: '', exponent: 0 };
}

/**
 * The value of a Chinese numeral in the unit of its trailing magnitude (一千二百万 → 1200 in 万; 一亿二千万 → 12000
 * in 万; 三点五亿 → 3.5 in 亿), or null.
 */
export function chineseIn(text: string, split: { head: string; exponent: number }, n: Numerals): number | null {
  if ((n.point && text.includes(n.point)) || !hasBig(split.head, n)) return chineseValue(split.head, n);
  const whole = chineseValue(text, n);
  return whole === null ? null : scaleDecimal(whole, -split.exponent);
}

function hasBig(text: string, n: Numerals): boolean {
  for (let i = 0; i < text.length; i++) if (n.big.has(text.charCodeAt(i))) return true;
  return false;
}

/** An Arabic numeral as written (thousands separators or OCR spaces allowed) to its value. */
export function arabicValue(text: string): number {
  return Number(text.indexOf(',') < 0 && text.indexOf(' ') < 0 ? text : text.replace(/[, ]/g, ''));
}

/**
 * `value × 10^exponent` as computed on the decimal string, so 1441.37 × 10^8 is exactly 144137000000 rather than
 * the float product's 144137000000.00002.
 */
export function scaleDecimal(value: number, exponent: number): number {
  if (exponent === 0 || !Number.isFinite(value)) return value;
  // A whole number whose product stays a safe integer is scaled exactly by the float product (the usual case).
  if (Number.isInteger(value) && value >= 0 && exponent > 0 && exponent <= 22) {
    const product = value * 10 ** exponent;
    if (product <= Number.MAX_SAFE_INTEGER) return product;
  }
  const exact = scaledDigits(value, exponent);
  if (exact !== null) return exact;
  const text = String(value);
  // 1e+21 and beyond are written with an exponent: add to it (1e+21e4 would be NaN).
  const e = text.indexOf('e');
  if (e >= 0) return Number(`${text.slice(0, e)}e${Number(text.slice(e + 1)) + exponent}`);
  // The shortest decimal of the value with the exponent added: parsed, it rounds once, as the decimal shifted would.
  return Number(`${text}e${exponent}`);
}

/** Powers of ten written out, each exact as a double (10 ** k is a call that need not be exact). */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
/** The most decimals `scaledDigits` tries: figures are written with a few, and each try is a division. */
const MAX_DECIMALS = 6;
/** Below this, two decimals of `d` places that both read as one double are one decimal (they differ by 10^-d). */
const UNIQUE_DIGITS = 2 ** 52;

/**
 * `scaleDecimal` without a string, for a value of a few decimals (1441.37) whose digits make an integer n below 2^52:
 * the shortest decimal of the value is n / 10^d (one decimal of d places reads as the value, the shortest is such a
 * decimal), and n times or over a power of ten, each exact, rounds once, as parsing the shifted decimal does. Null
 * when the value has more decimals or is too large: the string is read then. Converting a double to its shortest
 * decimal and back cost most of a figure's normalising.
 */
function scaledDigits(value: number, exponent: number): number | null {
  for (let d = 0; d <= MAX_DECIMALS; d++) {
    const n = Math.round(value * POW10[d]!);
    // No digit yet (0.05 at one place); a zero, whose sign the string keeps apart, is left to the string.
    if (n === 0) continue;
    if (Math.abs(n) >= UNIQUE_DIGITS) return null;
    if (n / POW10[d]! !== value) continue;
    const k = exponent - d;
    if (k < 0) return -k < POW10.length ? n / POW10[-k]! : null;
    const product = k < POW10.length ? n * POW10[k]! : Infinity;
    return Math.abs(product) <= Number.MAX_SAFE_INTEGER ? product : null;
  }
  return null;
}

/** `value × factor` for a unit's conversion factor (0.001, 0.00005), without float noise in the last digits. */
export function convert(value: number, factor: number, parts: FactorParts | undefined = undefined): number {
  if (factor === 1) return value;
  const { mantissa, exponent } = parts ?? factorParts(factor);
  return Number(scaleDecimal(value * mantissa, exponent).toPrecision(15));
}

/** A conversion factor as mantissa and power of ten (0.00005 → 5, -5), as `convert` reads it. */
export interface FactorParts { mantissa: number; exponent: number }

export function factorParts(factor: number): FactorParts {
  const [mantissa, exponent] = factor.toExponential().split('e');
  return { mantissa: Number(mantissa), exponent: Number(exponent) };
}
