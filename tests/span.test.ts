import { describe, expect, it } from 'vitest';
import { isSpaceCode, LineCursor, lineStarts, spanOf, trimRange } from '../src/span.js';

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

describe('LineCursor', () => {
  it('gives the span spanOf gives, whatever was asked before', () => {
    const text = '一\n\n二三\r\n四\r五六七\n';
    const doc = { lineStarts: lineStarts(text) };
    const lines = new LineCursor(doc.lineStarts);
    const offsets = Array.from({ length: text.length + 1 }, (_, i) => i);
    for (const o of [...offsets, ...offsets.reverse(), 3, 9, 0, 10, 5, 6, -1]) expect(lines.span(o, o + 1)).toEqual(spanOf(doc, o, o + 1));
  });
});
