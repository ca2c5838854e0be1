import { describe, expect, it } from 'vitest';
import { isSpaceCode, trimRange } from '../src/span.js';

describe('isSpaceCode', () => {
  it('agrees with /\\s/ on every UTF-16 code unit', () => {
    const disagree: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (isSpaceCode(code) !== /\s/.test(String.fromCharCode(code))) disagree.push(code.toString(16));
    }
    expect(disagree).toEqual([]);
  });

  it('trims ideographic, no-break and byte-order-mark spaces but not zero-width ones', () => {
    const view = '\u3000\u00a0\ufeff 目标\u200b\u2003 ';
    const { start, end } = trimRange(view, 0, view.length);
    expect(view.slice(start, end)).toBe('目标\u200b');
  });
});
