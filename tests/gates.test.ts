import { describe, expect, it } from 'vitest';
import { byFirst, edgeSet, firstNear, holds, leadHolds, leadNeeds, maxWhole, nearNeeds, needsTest } from '../src/stages/gates.js';
import { units } from '../src/stages/clean.js';
import { opensMarker } from '../src/stages/wrap.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../src/api.js';
import { MAX_GATED } from '../src/extract/quantity/compile.js';
import type { Rules } from '../src/rules/schema.js';
import { docOf, rules, SEEDS } from './helpers.js';

const chars = (s: ReadonlySet<number> | null) => (s ? [...s].map((c) => String.fromCharCode(c)).sort().join('') : null);

describe('rule gates built once in the compile step', () => {
  it('bounds where an unanchored match lies around the texts of one of its items', () => {
    expect(nearNeeds(/(\d{4})\s?年(?:工作回顾|工作总结)/u)).toEqual({ texts: ['工作回顾', '工作总结'], before: 4 * 2 + 2 + 1, after: 0 });
    // Adjacent literal characters are one text; the longest shortest text is taken.
    expect(nearNeeds(/[ab]{1,2}年度计划x?/u)).toEqual({ texts: ['年度计划'], before: 4, after: 1 });
    // Anchors, lookarounds, back-references, open repeats and flags but u: no bound.
    for (const re of [/^年度计划/u, /(?<!本)年度计划/u, /(a)年度计划\1/u, /.*年度计划/u, /年度计划.+/u, /年度计划/g, /[a-z]+/u]) expect(nearNeeds(re)).toBeNull();
  });

  it('finds the first match only around the needed texts, as a scan of the whole text does', () => {
    const cases: [RegExp, string][] = [
      [/(?<year>\d{4})\s?年(?:工作回顾|工作总结)/u, '一、过去五年工作回顾。2024 年工作总结，2023年工作回顾'],
      [/(?<year>\d{4})\s?年(?:工作回顾|工作总结)/u, '一、过去五年工作回顾，没有年份'],
      // A later needed text can lengthen a match that an earlier one already opens (greedy .{0,3}).
      [/a.{0,3}(bc|bd)x?/u, '重点abdbd度'],
      [/a.{0,3}?(bc|bd)x?/u, 'xxabdbdx'],
      // A surrogate pair at the edge of a stretch is read whole.
      [/[^a]{1,2}bc/u, 'a😀bc'],
    ];
    for (const [re, text] of cases) {
      const whole = re.exec(text);
      const near = firstNear(re, text, nearNeeds(re)!);
      expect(near && [near.index, [...near], near.groups]).toEqual(whole && [whole.index, [...whole], whole.groups]);
    }
  });

  it('reads the characters an anchored pattern opens and closes with, \\d as its ten digits', () => {
    expect(chars(edgeSet(/^\d{1,2}\s*[.、]/u, 'first'))).toBe('0123456789');
    expect(chars(edgeSet(/^[(〔][一二三]{1,3}[)〕]/u, 'first'))).toBe('(〔');
    expect(chars(edgeSet(/^(扎实|全力)?做好/u, 'first'))).toBe('做全扎');
    expect(chars(edgeSet(/\((牵头|负责)\)$/u, 'last'))).toBe(')');
    // Not anchored, or any character may open it: unknown.
    expect(edgeSet(/年度/u, 'first')).toBeNull();
    expect(edgeSet(/^.{0,6}五年/u, 'first')).toBeNull();
  });

  it('bounds the length of a whole-unit match, and only of one', () => {
    expect(maxWhole(/^第[一二三]{1,3}页$/u)).toBe(2 + 3 * 2);
    expect(maxWhole(/^(沙发|板凳)$/u)).toBe(2);
    expect(maxWhole(/^\S+摄$/u)).toBe(Infinity);
    expect(maxWhole(/^摄影/u)).toBe(Infinity);
    expect(maxWhole(/^a$|^b$/u)).toBe(Infinity);
  });

  it('finds a required text near the start of an anchored match', () => {
    const lead = leadNeeds(/^(\S{1,12}(记者|通讯员))\s*\S{2,4}$/u)!;
    expect(lead).toEqual({ texts: ['记者', '通讯员'], window: 27 });
    expect(leadHolds('本报记者 张三', lead)).toBe(true);
    expect(leadHolds('全县上下团结奋斗，各项事业取得新进展，经济运行稳中有进，记者', lead)).toBe(false);
    expect(leadNeeds(/记者/u)).toBeNull();
  });

  it('indexes rules by first character, keeping their order and those any character may open', () => {
    const index = byFirst(['a', 'b', 'c'], (r) => (r === 'a' ? new Set([0x31]) : r === 'b' ? null : new Set([0x31, 0x32])));
    expect(index.of(0x31)).toEqual(['a', 'b', 'c']);
    expect(index.of(0x32)).toEqual(['b', 'c']);
    expect(index.of(0x33)).toEqual(['b']);
  });

  it('tests required texts in one scan', () => {
    const t = needsTest(['|', '\t', ' ', ']']);
    expect(['a|b', 'a\tb', 'a b', 'x]', 'ab'].map((s) => holds(s, t))).toEqual([true, true, true, true, false]);
    const words = needsTest(['牵头', '负责']);
    expect([holds('县商务局牵头', words), holds('县商务局配合', words)]).toEqual([true, false]);
    expect(needsTest(null)).toBeNull();
    expect(holds('anything', null)).toBe(true);
  });
});

describe('heading markers and the lines that open an item, read from rules/headings.yaml', () => {
  it('tells a line opening a heading or a numbered item from one that goes on', () => {
    for (const line of ['一、主要目标', '(三)加强组织领导', '12.强化要素保障', '第二部分 工作安排', '①实施城市更新行动']) expect(opensMarker(rules.headings, line)).toBe(true);
    // A footnote reference wrapped to the start of a line (〔35〕、…) opens no item: wrapOpens is narrower than the markers.
    for (const line of ['一是加快项目建设', '1.5万亩高标准农田', '2024年工作安排', '〔35〕、“6+1”清理规范', '']) expect(opensMarker(rules.headings, line)).toBe(false);
  });

  it('cuts a report flattened onto one line before each marker after a sentence end', () => {
    const body = '全县上下团结奋斗，各项事业取得新进展，经济运行稳中有进，社会大局和谐稳定。'.repeat(8);
    const doc = docOf(`一、工作回顾${body}(一)产业转型步伐加快。${body}二、工作安排${body}`);
    const cut = units(doc, rules.headings.compiled).map((u) => u.body.slice(0, 6));
    expect(cut).toEqual(['一、工作回顾', '(一)产业转', '二、工作安排']);
  });

  it('cuts a flattened notice before each marker after the units closing a measure (…按职责分工负责）二、…)', () => {
    const body = '健全部门协同工作机制，加强项目立项与用地、规划等建设条件衔接，加快项目落地。'.repeat(8);
    const doc = docOf(`一、持续提升投资建设便利度（一）优化审批流程。${body}（国家发展改革委牵头，国务院相关部门及各地区按职责分工负责）（二）提升审批效率。${body}（住房城乡建设部牵头）二、进一步简化审批${body}`);
    const cut = units(doc, rules.headings.compiled).map((u) => u.body.slice(0, 6));
    expect(cut).toEqual(['一、持续提升', '(一)优化审', '(二)提升审', '二、进一步简']);
  });

  it('leaves an inline list of a flattened report whole: (1) and ① mark no cut (headings.yaml flatCut)', () => {
    const body = '全县上下团结奋斗，各项事业取得新进展，经济运行稳中有进，社会大局和谐稳定。'.repeat(8);
    const list = '扎实做好民生实事。（1）促进群众就业增收，开展职业技能培训2万人次。（2）办好人民满意教育，新建学校20所。①新增学位3000个。';
    const doc = docOf(`一、工作回顾${body}${list}${body}二、工作安排${body}`);
    const cut = units(doc, rules.headings.compiled).map((u) => u.body.slice(0, 6));
    expect(cut).toEqual(['一、工作回顾', '二、工作安排']);
  });
});

describe('exclusion gates', () => {
  it('stay on for the built-in rules: each figure is tried only against the exclusion rules its neighbours leave open', () => {
    // Bit sets of 64 rules at most (two words); one rule more turns the gates off and every rule is tried on every figure.
    expect(rules.quantities.exclude.length).toBeLessThanOrEqual(MAX_GATED);
    expect(rules.quantities.compiled.excludeGates).not.toBeNull();
  });

  it('leave out exactly what trying every rule on every figure leaves out, rules past the 32nd included', () => {
    const ungated = { ...rules, quantities: { ...rules.quantities, compiled: { ...rules.quantities.compiled, excludeGates: null } } } as Rules;
    const excluded = (r: Rules, text: string) => extract({ text }, { rules: r, explain: true }).messages.filter((m) => m.code === 'quantity.excluded').map((m) => m.message);
    for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).slice(0, 3)) {
      const text = readFileSync(join(SEEDS, file), 'utf8');
      expect(excluded(rules, text)).toEqual(excluded(ungated, text));
    }
    // A rule past the 32nd is reached through the second word of the gates.
    const text = '禁止生产销售厚度低于0.01毫米的地膜。';
    expect(excluded(rules, text)).toEqual(excluded(ungated, text));
    expect(excluded(rules, text).join()).toMatch(/exclude\.threshold-noun/);
  });
});
