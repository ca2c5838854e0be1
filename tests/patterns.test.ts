import { describe, expect, it } from 'vitest';
import { edgeUnits } from '../src/rules/regex-ast.js';
import { AnyWord, Patterns, secondUnits, unitsAt, type NumberMatch } from '../src/extract/quantity/compile.js';
import { rules } from './helpers.js';

const c = rules.quantities.compiled;
/** What `text.matchAll(re)` gives: index and text of each match. */
const viaMatchAll = (re: RegExp, text: string) => [...text.matchAll(new RegExp(re.source, `${re.flags.replace('g', '')}g`))].map((m) => [m.index, m[0], m[1]]);
const viaPatterns = (found: readonly RegExpExecArray[]) => found.map((m) => [m.index, m[0], m[1]]);
const firsts = (re: RegExp) => edgeUnits(new RegExp(`^(?:${re.source})`, re.flags), 'first');

/** Texts written for these tests: years, spans, cue words and growth words next to each other and to figures. */
const TEXTS = [
  '2023年以来，全市地区生产总值比2020年增长15%，年均增长4.8%，较上年提高0.5个百分点。',
  '到2025年，累计新增就业5万人；“十四五”时期，城镇化率达到60%。今年力争增长6%左右。',
  '过去五年，我们完成投资120亿元，5年来改造农村危房1.28万户，2021—2025年下降18%。',
  '去年实现营业收入增长8%，增加值增长7%，增长点不断涌现，上年同期下降了2%。',
  '',
  '增长',
  '2020年2021年2022年以来以来',
];

describe('Patterns', () => {
  it('finds each year cue as matchAll does, in rule order', () => {
    const set = c.yearCues;
    for (const text of TEXTS) {
      const all = set.patterns.all(text);
      set.rules.forEach((rule, k) => expect(viaPatterns(all[k]!), `${rule.id} in ${text}`).toEqual(viaMatchAll(rule.pattern, text)));
    }
  });

  it('scans part way: the matches starting up to each stop are those all() finds, each reported once', () => {
    const set = c.yearCues;
    for (const text of TEXTS) {
      const all = set.patterns.all(text);
      for (const step of [1, 3, 7, 1000]) {
        const scan = set.patterns.scan(text);
        const seen: RegExpExecArray[][] = set.rules.map(() => []);
        for (let until = 0; until < text.length + step; until += step) {
          for (let m = scan.next(until); m; m = scan.next(until)) {
            expect(m.index, `${set.rules[scan.k]!.id} in ${text}`).toBeLessThanOrEqual(until);
            seen[scan.k]!.push(m);
          }
          set.rules.forEach((rule, k) => expect(viaPatterns(seen[k]!)).toEqual(viaPatterns(all[k]!.filter((m) => m.index <= until))));
        }
        // Asking again for an earlier stop reports nothing new.
        expect(scan.next(0)).toBeNull();
      }
    }
  });

  it('finds the growth words and the words they are cut out of as matchAll does', () => {
    const growth = new RegExp([...c.growthOf.keys()].sort((a, b) => b.length - a.length).join('|'));
    const not = new RegExp([...c.q.notGrowth].sort((a, b) => b.length - a.length).join('|'));
    for (const text of TEXTS) {
      const [blocked, words] = c.growthWords.all(text);
      expect(viaPatterns(words!)).toEqual(viaMatchAll(growth, text));
      expect(viaPatterns(blocked!)).toEqual(viaMatchAll(not, text));
    }
  });

  it('finds the first indicator cut of a phrase where exec finds it (cutAt)', () => {
    const cut = c.q.indicator.cut!;
    const phrases = [...TEXTS, '比上年增长', '高于全省0.2个百分点', '完成年度计划的80%', '由上年的53.9亿元', '在稳增长的情况下', '按可比价格计算，增长'];
    for (const text of phrases) {
      const m = cut.exec(text);
      const found = c.cutAt!.first(text)[0] ?? null;
      expect(found && [found.index, found[0]], text).toEqual(m && [m.index, m[0]]);
    }
  });

  it('reads a pattern whose first characters are not known as a global regexp, and empty matches as matchAll', () => {
    const unknown = /(?:.年)/u;
    const empty = /x*/u;
    const p = new Patterns([{ re: unknown, firsts: null }, { re: empty, firsts: null }]);
    for (const text of TEXTS) {
      const [a, b] = p.all(text);
      expect(viaPatterns(a!)).toEqual(viaMatchAll(unknown, text));
      expect(viaPatterns(b!)).toEqual(viaMatchAll(empty, text));
    }
  });

  it('honours look-behinds before the match: the text before it is read as the regexp reads it', () => {
    const re = /(?<![较比])([12][0-9]{3})年/u;
    const p = new Patterns([{ re, firsts: firsts(re) }]);
    expect(firsts(re)).not.toBeNull();
    for (const text of ['比2020年和2021年', '较2019年', '2018年', ...TEXTS]) expect(viaPatterns(p.first(text))).toEqual(viaMatchAll(re, text));
  });
});

describe('AnyWord', () => {
  const words = ['完成', '已', '截至', '完成率', '力争'];
  const any = new AnyWord(words);
  it('tells whether a text holds one of the words, as includes does', () => {
    for (const text of [...TEXTS, '已', '完', '截', '截至', '成完', '力 争', '计划完成投资8亿元']) {
      expect(any.in(text), text).toBe(words.some((w) => text.includes(w)));
    }
  });

  it('reads only the range asked for, and a word must end inside it', () => {
    const text = '力争完成投资';
    expect(any.in(text, 1, 3)).toBe(false);
    expect(any.in(text, 2, 4)).toBe(true);
    expect(any.in(text, 2, 3)).toBe(false);
    expect(any.in(text, 0, 2)).toBe(true);
  });

  it('holds nothing with no words, everything with an empty word', () => {
    expect(new AnyWord([]).in('完成')).toBe(false);
    expect(new AnyWord(['']).in('')).toBe(true);
  });
});

describe('NumberFinder', () => {
  /** The match of the sticky number regexp at `p`: index, text, the group that matched and its text. */
  const regexpAt = (text: string, p: number) => {
    c.number.re.lastIndex = p;
    const m = c.number.re.exec(text);
    if (!m) return null;
    const group = [1, 2, 3, 4].find((k) => m[k] !== undefined)!;
    return [m.index, m[0], group, m[group]];
  };
  /** The first match at or after `from` by running the sticky number regexp at every position. */
  const reference = (text: string, from: number) => {
    for (let p = from; p < text.length; p++) {
      const m = regexpAt(text, p);
      if (m) return m;
    }
    return null;
  };
  const found = (m: NumberMatch | null) => (m ? [m.index, m.text, m.group, m.numeral] : null);
  const texts = [
    ...TEXTS,
    '统一一批三百万元二〇二三年一万亿十五个百分之五十千分之三一点五亿元三点五两个半月',
    '一二三四五六七八九十百千万亿', '百分之', '千分之二', '三', '三万', '十一五规划', '约三成左右，一是二是', '一 2 3 %',
    // Runs of digits with what may go on them: split digits, decimals, thousands, at the end of the text.
    '1 2 %，2 9 0 0 亿元，8 . 2 %，40.8 2 亿元，12 .5，1,234.5万，1,23，12,345,678元，3.，3. 5，7 ', '2024', '12.', '5,',
  ];
  it('finds the match the number regexp finds first, from every position', () => {
    for (const text of texts) {
      for (let from = 0; from <= text.length; from++) {
        expect(found(c.number.from(text, from, text.length)), `${text} from ${from}`).toEqual(reference(text, from));
      }
    }
  });

  it('finds the match the number regexp finds at a position, and none where it finds none', () => {
    for (const text of texts) {
      for (let p = 0; p <= text.length; p++) expect(found(c.number.at(text, p)), `${text} at ${p}`).toEqual(regexpAt(text, p));
    }
  });
});

describe('secondUnits', () => {
  const chars = (re: RegExp) => {
    const units = secondUnits(re);
    return units && [...units].map((code) => String.fromCharCode(code)).sort().join('');
  };
  it('tells the characters every match goes on with, past lookarounds, groups, classes and repeats', () => {
    expect(chars(/(?:过去|近)(\d)年/)).toBe(['去', ...'0123456789'].sort().join(''));
    expect(chars(/(?<![较比])((?:19|20)\d{2})年/)).toBe('09');
    expect(chars(/(?=x)ab/)).toBe('b');
    expect(chars(/\d{2,}/)).toBe('0123456789');
    expect(chars(/“?十([一二])五/)).toBe(['十', '一', '二'].sort().join(''));
    expect(chars(/年[一-龥]/)).toBeNull();
    expect(chars(/a[b-d\-]/)).toBe('-bcd');
  });

  it('tells the third unit the same way, where every match has one', () => {
    const third = (re: RegExp) => {
      const units = unitsAt(re, 2);
      return units && [...units].map((code) => String.fromCharCode(code)).sort().join('');
    };
    expect(third(/((?:19|20)\d{2})年/)).toBe('0123456789');
    expect(third(/(?:过去|近)([两三]{1,2})年/)).toBe(['两', '三', '年'].sort().join(''));
    expect(third(/ab|cde/)).toBeNull();
  });

  it('tells the first unit as well, and reads runs of alternatives without writing out every way through them', () => {
    const units = (re: RegExp, index: number) => {
      const found = unitsAt(re, index);
      return found && [...found].map((code) => String.fromCharCode(code)).sort().join('');
    };
    expect(units(/[一二]{0,3}年/, 0)).toBe(['一', '二', '年'].sort().join(''));
    expect(units(/[一二]{0,3}年/, 1)).toBeNull();
    const letters = 'abcdefghijklmnop';
    const many = new RegExp(`(?:${[...letters].join('|')})`.repeat(3));
    for (const index of [0, 1, 2]) expect(units(many, index)).toBe(letters);
  });

  it('tells nothing where a match may be one character long or the second cannot be told', () => {
    for (const re of [/a|bc/, /ab?/, /a.b/, /[^a]b/, /a\sb/, /a\b/, /(a)\1/, /AB/i, /a*/, /(?:x?)+y/]) expect(chars(re), re.source).toBeNull();
  });

  it('gates patterns without changing what all() finds', () => {
    const patterns = [/(?:过去|近)(\d)年/g, /(?<![较比])((?:19|20)\d{2})年/g, /a|bc/g];
    const p = new Patterns(patterns.map((re) => ({ re, firsts: firsts(re) })));
    for (const text of [...TEXTS, '近5年来，过去3年，较2020年，2019年', 'abcbca']) {
      const all = p.all(text);
      patterns.forEach((re, k) => expect(viaPatterns(all[k]!), `${re.source} in ${text}`).toEqual(viaMatchAll(re, text)));
    }
  });
});
