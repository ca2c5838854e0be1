import { describe, expect, it } from 'vitest';
import { normaliseText } from '../src/stages/normalise.js';
import { docOf } from './helpers.js';

describe('normalise: a view of the same length', () => {
  it('folds full-width ASCII (digits, letters, （）：，；％) to ASCII', () => {
    expect(normaliseText('增长６．５％，（一）ＧＤＰ：１２３；')).toBe('增长6.5%,(一)GDP:123;');
  });

  it('turns NBSP, en/em spaces, U+3000 and invisible spaces into plain spaces', () => {
    expect(normaliseText('a\u00a0b\u2002c\u2003d\u3000e\u200bf\ufeffg\u00adh')).toBe('a b c d e f g h');
  });

  it('folds half-width and small-form CJK punctuation', () => {
    expect(normaliseText('完成｡增长﹪﹙一﹚')).toBe('完成。增长%(一)');
  });

  it('makes HTML space entities spaces of the same length', () => {
    const text = '&nbsp;&nbsp;各位代表&#12288;：&amp;';
    const view = normaliseText(text);
    expect(view).toBe(`${' '.repeat(12)}各位代表${' '.repeat(8)}:&amp;`);
    expect(view.length).toBe(text.length);
  });

  it('leaves characters outside the BMP and line breaks as they are', () => {
    const text = '𠀀增长\r\n𪚥７%\r';
    expect(normaliseText(text)).toBe('𠀀增长\r\n𪚥7%\r');
  });

  it('keeps view and text the same length on every document', () => {
    const text = '政 府 工 作 报 告\u3000\u3000（２０２４年）\r\n&nbsp;一、总体要求①[1]\r\r\n';
    const doc = docOf(text);
    expect(doc.view.length).toBe(doc.text.length);
    expect(doc.view).toBe(normaliseText(text));
  });
});
