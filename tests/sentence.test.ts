import { describe, expect, it } from 'vitest';
import { AnyWord, compiled, Patterns, type Compiled } from '../src/extract/quantity/compile.js';
import { Sentence } from '../src/extract/quantity/context.js';
import { ReadingView } from '../src/util/reading.js';
import { hardWrap, rules } from './helpers.js';

// A sentence's facts are read once for all its figures; each answer must be the one a scan of the part of the
// sentence before the figure gives on its own (the way every figure read them before).

const c = compiled(rules);

/**
 * The compiled rules with other kind cue words (as a user's rule file may give them), and words that hold one but are
 * none (notKindCues).
 */
function withKindWords(words: string[], not: string[] = []): Compiled {
  const all = [...words, ...not];
  const re = new RegExp(`(?:${[...all].sort((a, b) => b.length - a.length).join('|')})`);
  const kindOf = new Map(words.map((w) => [w, { id: 'kind.target.cue', value: 'target' as const, yieldsToYear: false }]));
  return { ...c, kind: new Patterns([{ re, firsts: all.map((w) => w.charCodeAt(0)) }]), kindOf };
}

/** The last match of the kind words in `text` that is a cue word, as a scan of that text alone finds it. */
const lastCueIn = (c: Compiled, text: string) => c.kind.first(text).filter((m) => c.kindOf.has(m[0])).at(-1)?.[0] ?? null;

/** Every answer of a Sentence over [start, end) of `read`, against the per-figure reading, at every position. */
function expectSameAsPrefixScans(read: ReadingView, start: number, end: number, c: Compiled = compiled(rules)): number {
  const s = new Sentence(start, end, read, c);
  let cues = 0;
  for (let pos = start; pos <= end; pos++) {
    const before = read.slice(start, pos);
    expect(s.before(pos)).toBe(before);
    expect(s.kindCue(pos)).toBe(lastCueIn(c, before));
    expect(s.done(pos)).toBe(c.doneCue.in(before));
    for (const from of [start, Math.floor((start + pos) / 2)]) expect(s.between(from, pos)).toBe(read.slice(from, pos));
    if (s.kindCue(pos) !== null) cues++;
  }
  return cues;
}

describe('Sentence: facts read once per sentence', () => {
  // Kind cues that hold shorter ones (比上年 / 上年, 过去一年 / 去年), a done cue (截至), a cue word reaching across a
  // figure's position, and figures all along.
  // (In the view, where sentences are read, full-width commas are ASCII.)
  const sentence = '截至10月底,全县已完成投资12亿元,比上年增长8%,过去一年新增就业3000人,力争全年实现产值50亿元,预计增长6.5%以上。';

  it('answers as the part before each position would, in a plain block', () => {
    const read = new ReadingView(sentence, sentence, [{ start: 0, end: sentence.length }]);
    expect(expectSameAsPrefixScans(read, 0, sentence.length)).toBeGreaterThan(30);
  });

  it('answers so across the line breaks of a hard-wrapped block', () => {
    const text = hardWrap(sentence, 12);
    expect(text).toContain('\n');
    const read = new ReadingView(text, text, [{ start: 0, end: text.length }]);
    expect(expectSameAsPrefixScans(read, 0, text.length)).toBeGreaterThan(30);
  });

  it('answers so for a range in no one block (each part then read on its own)', () => {
    const text = `${sentence}\n\n${sentence}`;
    const read = new ReadingView(text, text, [{ start: 0, end: sentence.length }, { start: sentence.length + 2, end: text.length }]);
    expect(read.inBlock(0, text.length)).toBe(false);
    expect(expectSameAsPrefixScans(read, 10, text.length - 10)).toBeGreaterThan(30);
  });

  it('scans the part before a position on its own when a cue reaches across it (计划完成 over 计划|完成)', () => {
    const text = '今年计划完成投资20亿元,计划新建学校3所,目标是全年计划完成。';
    const read = new ReadingView(text, text, [{ start: 0, end: text.length }]);
    const k = withKindWords(['计划完成', '计划', '目标']);
    const s = new Sentence(0, text.length, read, k);
    // Between 计划 and 完成 the part before reads 计划, though the sentence's own match there is 计划完成.
    expect(s.kindCue(text.indexOf('完成'))).toBe('计划');
    expect(s.kindCue(text.indexOf('投资'))).toBe('计划完成');
    expect(expectSameAsPrefixScans(read, 0, text.length, k)).toBeGreaterThan(20);
  });

  it('passes over a word that holds a cue but is none (主要 holds 要, 一年内 holds 年内), across every position', () => {
    const text = '今年要完成主要指标,项目一年内投产,力争重要产品产量30万吨。';
    const read = new ReadingView(text, text, [{ start: 0, end: text.length }]);
    const k = withKindWords(['要', '年内', '力争', '今年'], ['主要', '重要', '一年内']);
    const s = new Sentence(0, text.length, read, k);
    expect(s.kindCue(text.indexOf('指标'))).toBe('要');
    expect(s.kindCue(text.indexOf('投产'))).toBe('要');
    expect(s.kindCue(text.indexOf('30'))).toBe('力争');
    expect(expectSameAsPrefixScans(read, 0, text.length, k)).toBeGreaterThan(20);
    // The built-in rules: 主要 and 一年内 are no cues, so nothing makes these figures targets.
    const own = new ReadingView('主要指标增长5%', '主要指标增长5%', [{ start: 0, end: 8 }]);
    expect(new Sentence(0, 8, own, c).kindCue(6)).toBeNull();
  });

  it('reads the deadline the sentence opens with', () => {
    const text = '到2027年,建成5G基站1000个。全年新增就业3000人。';
    const read = new ReadingView(text, text, [{ start: 0, end: text.length }]);
    expect(new Sentence(0, text.indexOf('。') + 1, read, c).opening).toBe(2027);
    expect(new Sentence(text.indexOf('全年'), text.length, read, c).opening).toBeNull();
  });
});

describe('AnyWord.firstEnd', () => {
  it('tells for every prefix whether it holds a word, as `in` does', () => {
    const words = new AnyWord(['已完成', '完成', '截至目前', '截至', '成']);
    for (const text of ['截至目前已完成', '完成了', '未见', '截', '已完', '目前截至已完成成']) {
      const end = words.firstEnd(text);
      for (let n = 0; n <= text.length; n++) expect(end >= 0 && end <= n).toBe(words.in(text, 0, n));
    }
    expect(new AnyWord(['']).firstEnd('任何')).toBe(0);
    expect(new AnyWord([]).firstEnd('任何')).toBe(-1);
  });
});
