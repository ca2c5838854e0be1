import { describe, expect, it } from 'vitest';
import { edgeUnits, mayHold, parse, requiredText, shape, sharingTrees } from '../src/rules/regex-ast.js';
import { unionOf } from '../src/rules/union.js';

describe('requiredText: the literal texts a regex cannot match without', () => {
  it('takes the longest literal run of a sequence', () => {
    expect(requiredText(/受.{0,15}委托.{0,80}执行情况/u)).toEqual(['执行情况']);
    expect(requiredText(/(?:甲乙)?丙丁/u)).toEqual(['丙丁']);
    expect(requiredText(/(?:甲乙)+丙/u)).toEqual(['甲乙']);
  });

  it('takes every alternative of an alternation, or nothing when one has no literal', () => {
    expect(requiredText(/(备案号|标识码)[:：]/u)).toEqual(['备案号', '标识码']);
    expect(requiredText(/甲|乙?/u)).toBeNull();
    expect(requiredText(/(?:甲|)乙?/u)).toBeNull();
  });

  it('takes the characters of a control escape or a small class of plain characters, not of a range or negation', () => {
    expect(requiredText(/(?:\|)|(?:[ ]*\t)|(?:[ ]{2,})/u)).toEqual(['|', '\t', ' ']);
    expect(requiredText(/[甲乙]丙?/u)).toEqual(['甲', '乙']);
    expect(requiredText(/[a-c]x?/u)).toBeNull();
    expect(requiredText(/[^a]/u)).toBeNull();
    expect(requiredText(/[\d]/u)).toBeNull();
  });

  it('gives nothing for a case-insensitive pattern or one with no literal', () => {
    expect(requiredText(/<p>/iu)).toBeNull();
    expect(requiredText(/\d+\s*[^,]/u)).toBeNull();
    expect(requiredText(/\d+[年月]/u)).toEqual(['年', '月']);
  });

  it('never rules out a text the regex matches', () => {
    const cases: [RegExp, string[]][] = [
      [/受.{0,15}委托.{0,80}执行情况/u, ['受市政府委托，向大会报告执行情况', '受委托执行情况']],
      [/(责任|牵头)(单位|部门)\s*[:：]/u, ['牵头单位：市发展改革委', '责任部门 ：']],
      [/<!--[\s\S]{0,200}?-->/u, ['前<!-- 注 -->后']],
      [/(?<![较比])(上年|去年)(?=同期)/u, ['与去年同期相比']],
      [/(?:\|)|(?:[ ]*\t)|(?:[ ]{2,})/u, ['甲|乙', '甲\t乙', '甲  乙']],
      [/[a\-b]{2}/u, ['x-a']],
    ];
    for (const [re, texts] of cases) {
      for (const text of texts) {
        expect(re.test(text)).toBe(true);
        expect(mayHold(text, requiredText(re))).toBe(true);
      }
    }
    expect(mayHold('没有标记的文字', requiredText(/(备案号|标识码)[:：]/u))).toBe(false);
  });
});

describe('edgeUnits: the characters an anchored pattern needs next to its anchor', () => {
  const chars = (set: ReadonlySet<number> | null) => (set ? [...set].map((c) => String.fromCharCode(c)).sort().join('') : null);

  it('reads the last characters of a …$ pattern and the first of a ^… pattern', () => {
    expect(chars(edgeUnits(/(第|前|倒数)$/u, 'last'))).toBe([...'第前数'].sort().join(''));
    expect(chars(edgeUnits(/^(会议|全会)/u, 'first'))).toBe([...'会全'].sort().join(''));
    expect(chars(edgeUnits(/^(以上|以下)?的/u, 'first'))).toBe([...'以的'].sort().join(''));
    expect(chars(edgeUnits(/[a-c]$/u, 'last'))).toBe('abc');
  });

  it('gives nothing when the pattern is not anchored there or its edge is open', () => {
    expect(edgeUnits(/第$/u, 'first')).toBeNull();
    expect(edgeUnits(/^[^,]{0,5}工程/u, 'first')).toBeNull();
    expect(edgeUnits(/^(等|和|$)/u, 'first')).toBeNull();
    expect(edgeUnits(/\d$/u, 'last')).toBeNull();
    expect(edgeUnits(/第$/iu, 'last')).toBeNull();
  });

  it('never rules out a text the pattern matches', () => {
    const cases: [RegExp, 'first' | 'last', string[]][] = [
      [/(若干|超过|每)$/u, 'last', ['年均超过', '每', '若干']],
      [/^(?![A-Z]级)[A-Za-z#_]/u, 'first', ['B类', '#3', '_x']],
      [/^[十百千]{1,3}级/u, 'first', ['千级洁净']],
    ];
    for (const [re, side, texts] of cases) {
      const set = edgeUnits(re, side)!;
      for (const text of texts) {
        expect(re.test(text)).toBe(true);
        expect(set.has(side === 'first' ? text.charCodeAt(0) : text.charCodeAt(text.length - 1))).toBe(true);
      }
    }
  });
});

describe('shape and unionOf: rule patterns joined into one prefilter, read by the one regex analyser', () => {
  it('tells a top-level alternation from one inside a group or a class', () => {
    expect(shape('甲|乙').alternation).toBe(true);
    expect(shape('(?:甲|乙)丙').alternation).toBe(false);
    expect(shape('[|]甲').alternation).toBe(false);
    expect(shape('\\|甲').alternation).toBe(false);
  });

  it('finds a backreference anywhere, numbered or named', () => {
    expect(shape('(甲)\\1').backref).toBe(true);
    expect(shape('(?<x>甲)(?:乙|\\k<x>)').backref).toBe(true);
    expect(shape('(甲)\\d').backref).toBe(false);
    expect(shape('[\\1]').backref).toBe(false);
  });

  it('joins sources into one expression that matches where one of them does, and refuses a backreference', () => {
    const u = unionOf(['甲|乙', '丙丁'], '^')!;
    expect(['甲', '乙x', '丙丁'].map((t) => u.test(t))).toEqual([true, true, true]);
    expect(['x甲', '丙'].map((t) => u.test(t))).toEqual([false, false]);
    expect(unionOf(['(甲)\\1', '乙'])).toBeNull();
    expect(unionOf([])).toBeNull();
  });
});

describe('sharingTrees: each pattern parsed once while a rule set is compiled', () => {
  it('hands out one tree per source inside, and parses afresh outside', () => {
    const [a, b] = sharingTrees(() => [parse('(甲|乙)+丙'), parse('(甲|乙)+丙')]);
    expect(a).toBe(b);
    expect(parse('(甲|乙)+丙')).not.toBe(parse('(甲|乙)+丙'));
    expect(parse('(甲|乙)+丙')).toEqual(a);
  });
});
