import { describe, expect, it } from 'vitest';
import { arabicValue, chineseValue, scaleDecimal, splitChineseMagnitude } from '../src/extract/quantity/numbers.js';

describe('chineseValue', () => {
  it.each([
    ['一千二百', 1200], ['十五', 15], ['十', 10], ['二十', 20], ['两', 2], ['两万三千', 23000],
    ['一千零五', 1005], ['千', 1000], ['三百六十五', 365], ['一万二千', 12000],
  ])('%s is %d', (text, value) => expect(chineseValue(text)).toBe(value));

  it('reads digit-by-digit numerals as digit strings (years, codes)', () => {
    expect(chineseValue('二〇二四')).toBe(2024);
  });

  it('refuses what is not a numeral', () => {
    expect(chineseValue('十三五')).toBeNull();
    expect(chineseValue('')).toBeNull();
    expect(chineseValue('万')).toBeNull();
  });
});

describe('splitChineseMagnitude', () => {
  it.each([
    ['一千二百万', '一千二百', '万'], ['千万', '千', '万'], ['两万', '两', '万'], ['十亿', '十', '亿'],
    ['一点', '一点', ''], ['三万四千', '三万四千', ''], ['一万亿', '一', '万亿'],
  ])('%s → %s + %s', (text, head, magnitude) => expect(splitChineseMagnitude(text)).toEqual({ head, magnitude }));
});

describe('arabicValue and scaleDecimal', () => {
  it('drops thousands separators', () => expect(arabicValue('45,643.5')).toBe(45643.5));

  it('folds a magnitude exactly, without float noise', () => {
    expect(scaleDecimal(1441.37, 8)).toBe(144137000000);
    expect(scaleDecimal(12.94, 4)).toBe(129400);
    expect(scaleDecimal(1.3, 12)).toBe(1300000000000);
    expect(scaleDecimal(0.5, 4)).toBe(5000);
    expect(scaleDecimal(2.3456, 2)).toBe(234.56);
    expect(scaleDecimal(7, 0)).toBe(7);
  });
});
