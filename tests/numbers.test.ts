import { describe, expect, it } from 'vitest';
import { arabicValue, chineseValue, convert, numeralsOf, scaleDecimal, splitChineseMagnitude } from '../src/extract/quantity/numbers.js';
import { rules } from './helpers.js';

const n = numeralsOf(rules.units);
const value = (text: string) => chineseValue(text, n);

describe('chineseValue', () => {
  it.each([
    ['一千二百', 1200], ['十五', 15], ['十', 10], ['二十', 20], ['两', 2], ['两万三千', 23000],
    ['一千零五', 1005], ['千', 1000], ['三百六十五', 365], ['一万二千', 12000],
    ['一万二千亿', 1.2e12], ['三亿零五百万', 305000000], ['廿五', 25], ['卅', 30],
    ['陆仟柒佰捌拾', 6780], ['三千五', 3500], ['一万五', 15000], ['两万三', 23000], ['一百五', 150], ['一亿五', 150000000], ['三千五万', 35000000], ['一百零五', 105], ['廿五', 25], ['贰拾萬', 200000], ['壹佰零伍', 105], ['三点五', 3.5], ['十二点零五', 12.05], ['三点五亿', 350000000],
  ])('%s is %d', (text, expected) => expect(value(text)).toBe(expected));

  it('reads digit-by-digit numerals as digit strings (years, codes)', () => {
    expect(value('二〇二四')).toBe(2024);
  });

  it('refuses what is not a numeral', () => {
    expect(value('十三五')).toBeNull();
    expect(value('')).toBeNull();
    expect(value('万')).toBeNull();
    expect(value('二廿')).toBeNull();
    expect(value('一点')).toBeNull();
  });
});

describe('splitChineseMagnitude', () => {
  it.each([
    ['一千二百万', '一千二百', '万'], ['千万', '千', '万'], ['两万', '两', '万'], ['十亿', '十', '亿'],
    ['一点', '一点', ''], ['三万四千', '三万四千', ''], ['一万亿', '一', '万亿'], ['贰拾萬', '贰拾', '萬'],
  ])('%s → %s + %s', (text, head, magnitude) => expect(splitChineseMagnitude(text, n)).toMatchObject({ head, magnitude }));
});

describe('arabicValue, scaleDecimal and convert', () => {
  it('drops thousands separators and OCR spaces', () => {
    expect(arabicValue('45,643.5')).toBe(45643.5);
    expect(arabicValue('1 0 8 0')).toBe(1080);
  });

  it('folds a magnitude exactly, without float noise', () => {
    expect(scaleDecimal(1441.37, 8)).toBe(144137000000);
    expect(scaleDecimal(12.94, 4)).toBe(129400);
    expect(scaleDecimal(1.3, 12)).toBe(1300000000000);
    expect(scaleDecimal(0.5, 4)).toBe(5000);
    expect(scaleDecimal(2.3456, 2)).toBe(234.56);
    expect(scaleDecimal(7, 0)).toBe(7);
  });

  it('scales as shifting the digits of the shortest decimal would, for any value and exponent', () => {
    // The digits shifted by hand (the way it was once computed): the decimal point moved, then parsed once.
    const shifted = (value: number, exponent: number) => {
      const text = String(value);
      if (exponent < 0 || text.includes('e')) return Number(`${text}e${exponent}`);
      const [int, frac = ''] = text.split('.');
      const digits = int! + frac.padEnd(exponent, '0');
      const point = int!.length + exponent;
      return Number(`${digits.slice(0, point)}.${digits.slice(point) || '0'}`);
    };
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let i = 0; i < 5000; i++) {
      const value = Number((random() * 10 ** Math.floor(random() * 12)).toFixed(Math.floor(random() * 7))) * (random() < 0.2 ? -1 : 1);
      const exponent = Math.floor(random() * 17) - 4;
      if (exponent === 0 || Number.isInteger(value)) continue;
      expect(scaleDecimal(value, exponent)).toBe(shifted(value, exponent));
    }
    expect(scaleDecimal(-12.5, 3)).toBe(-12500);
    expect(scaleDecimal(1.5e-7, 4)).toBe(0.0015);
  });

  it('scales as parsing the shortest decimal with the exponent added does, with or without reading the string', () => {
    const parsed = (value: number, exponent: number) => {
      const text = String(value);
      const e = text.indexOf('e');
      return e >= 0 ? Number(`${text.slice(0, e)}e${Number(text.slice(e + 1)) + exponent}`) : Number(`${text}e${exponent}`);
    };
    let seed = 11;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let i = 0; i < 20000; i++) {
      const digits = Math.floor(random() * 17);
      const value = Number((random() * 10 ** digits).toFixed(Math.floor(random() * 9))) * (random() < 0.2 ? -1 : 1);
      const exponent = Math.floor(random() * 45) - 22;
      // (A zero scaled up keeps its sign, -0, as the product of whole numbers gives it.)
      if (exponent === 0 || value === 0) continue;
      expect(scaleDecimal(value, exponent)).toBe(parsed(value, exponent));
    }
    for (const value of [0.1, 0.3, 2.675, 1e-7, 4503599627370.495, 999999.999999, 0.000001, -0.5, 123456789.123456])
      for (const exponent of [-22, -8, -4, -1, 1, 4, 8, 16, 22]) expect(scaleDecimal(value, exponent)).toBe(parsed(value, exponent));
  });

  it('converts by a unit factor without float noise', () => {
    expect(convert(168, 0.00001)).toBe(0.00168);
    expect(convert(30, 0.001)).toBe(0.03);
    expect(convert(3, 0.00005)).toBe(0.00015);
    expect(convert(2.5, 1000)).toBe(2500);
  });
});
