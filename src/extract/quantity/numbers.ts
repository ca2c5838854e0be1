/**
 * Chinese numerals: digits, the small units 十百千 and the big units 万亿 (which may nest: 一万二千亿). Keyed by
 * character code, so reading a numeral makes no strings and looks up no object properties.
 */
const byCode = (entries: Record<string, number>) => new Map(Object.entries(entries).map(([ch, v]) => [ch.charCodeAt(0), v]));
const DIGIT = byCode({ 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 });
const SMALL = byCode({ 十: 10, 百: 100, 千: 1000 });
const BIG = byCode({ 万: 1e4, 亿: 1e8 });

export const CN_NUMERAL = '[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿]*';
export const ARABIC_NUMERAL = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';

/**
 * The value of a Chinese numeral (一千二百 → 1200, 十五 → 15, 两万三千 → 23000), or null when it is not one.
 * Digit-by-digit forms (二〇二四) read as a digit string: they are years and codes, and callers drop them by unit.
 */
export function chineseValue(text: string): number | null {
  if (text.length === 0) return null;
  if (text.length > 1 && allDigits(text)) {
    let digits = '';
    for (let i = 0; i < text.length; i++) digits += DIGIT.get(text.charCodeAt(i))!;
    return Number(digits);
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const d = DIGIT.get(code);
    if (d !== undefined) {
      if (d === 0) continue; // 一千零五: a zero only marks a skipped place
      if (digit !== null) return null;
      digit = d;
      continue;
    }
    const small = SMALL.get(code);
    if (small !== undefined) {
      section += (digit ?? 1) * small;
      digit = null;
      continue;
    }
    const big = BIG.get(code);
    if (big === undefined) return null;
    const part = section + (digit ?? 0);
    if (part === 0 && total === 0) return null;
    total = (total + part) * big;
    section = 0;
    digit = null;
  }
  return total + section + (digit ?? 0);
}

function allDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!DIGIT.has(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Split a Chinese numeral's trailing magnitude off, as the unit is written: 一千二百万 → 一千二百 + 万,
 * 千万 → 千 + 万, 三万四千 → 三万四千 + none (a magnitude inside the number stays part of the value).
 */
export function splitChineseMagnitude(text: string): { head: string; magnitude: string } {
  for (const m of ['万亿', '亿', '万']) {
    if (text.endsWith(m) && text.length > m.length) {
      const head = text.slice(0, -m.length);
      if (!/[万亿]$/.test(head)) return { head, magnitude: m };
    }
  }
  return { head: text, magnitude: '' };
}

/** An Arabic numeral as written (thousands separators allowed) to its value. */
export function arabicValue(text: string): number {
  return Number(text.indexOf(',') < 0 ? text : text.replace(/,/g, ''));
}

/**
 * `value × 10^exponent` computed on the decimal string, so 1441.37 × 10^8 is exactly 144137000000 rather than
 * the float product's 144137000000.00002.
 */
export function scaleDecimal(value: number, exponent: number): number {
  if (exponent === 0 || !Number.isFinite(value)) return value;
  // A whole number whose product stays a safe integer is scaled exactly by the float product (the usual case).
  if (Number.isInteger(value) && value >= 0 && exponent > 0 && exponent <= 22) {
    const product = value * 10 ** exponent;
    if (product <= Number.MAX_SAFE_INTEGER) return product;
  }
  const [int = '0', frac = ''] = String(value).split('.');
  // 1e+21 and beyond are written with an exponent: add to it (1e+21e4 would be NaN).
  const [mantissa, power] = String(value).split('e');
  if (power !== undefined) return Number(`${mantissa}e${Number(power) + exponent}`);
  if (exponent > 0) {
    const digits = int + frac.padEnd(exponent, '0');
    const point = int.length + exponent;
    return Number(`${digits.slice(0, point)}.${digits.slice(point) || '0'}`);
  }
  return Number(`${value}e${exponent}`);
}
