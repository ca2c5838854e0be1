/** Chinese numerals: digits, the small units 十百千 and the big units 万亿 (which may nest: 一万二千亿). */
const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

export const CN_NUMERAL = '[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿]*';
export const ARABIC_NUMERAL = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';

/**
 * The value of a Chinese numeral (一千二百 → 1200, 十五 → 15, 两万三千 → 23000), or null when it is not one.
 * Digit-by-digit forms (二〇二四) read as a digit string: they are years and codes, and callers drop them by unit.
 */
export function chineseValue(text: string): number | null {
  if (text.length === 0) return null;
  if (text.length > 1 && [...text].every((c) => c in DIGIT)) return Number([...text].map((c) => DIGIT[c]).join(''));
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of text) {
    if (c in DIGIT) {
      if (DIGIT[c] === 0) continue; // 一千零五: a zero only marks a skipped place
      if (digit !== null) return null;
      digit = DIGIT[c]!;
    } else if (c in SMALL) {
      section += (digit ?? 1) * SMALL[c]!;
      digit = null;
    } else if (c in BIG) {
      const part = section + (digit ?? 0);
      if (part === 0 && total === 0) return null;
      total = (total + part) * BIG[c]!;
      section = 0;
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0);
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
  return Number(text.replace(/,/g, ''));
}

/**
 * `value × 10^exponent` computed on the decimal string, so 1441.37 × 10^8 is exactly 144137000000 rather than
 * the float product's 144137000000.00002.
 */
export function scaleDecimal(value: number, exponent: number): number {
  if (exponent === 0 || !Number.isFinite(value)) return value;
  const [int = '0', frac = ''] = String(value).split('.');
  if (String(value).includes('e')) return Number(`${value}e${exponent}`);
  if (exponent > 0) {
    const digits = int + frac.padEnd(exponent, '0');
    const point = int.length + exponent;
    return Number(`${digits.slice(0, point)}.${digits.slice(point) || '0'}`);
  }
  return Number(`${value}e${exponent}`);
}
