import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import { validateRules } from '../src/rules/load.js';
import type { Quantity } from '../src/schema.js';
import { rules, SEEDS } from './helpers.js';

/**
 * Provenance: every quantity names the rule behind each decided field in `rules` (unit, comparator, measure, kind,
 * year, indicator), and every such id is a rule of rules/*.yaml.
 */

const quantities = (text: string) => extract({ text }, { rules }).quantities;
/** The only quantity of a text whose core is `core`. */
function one(text: string, core: string): Quantity {
  const found = quantities(text).filter((q) => q.core.text === core);
  expect(found, `${core} in ${text}`).toHaveLength(1);
  return found[0]!;
}

describe('the rule behind each field of a quantity', () => {
  it('a target by 力争: the kind cue rule; no comparator, no growth; the indicator read before the figure', () => {
    const q = one('力争全年接待游客1000万人次。', '1000万人次');
    expect(q.kind).toBe('target');
    expect(q.rules).toEqual({ unit: q.rule, comparator: null, measure: null, kind: 'kind.target.cue', year: null, indicator: 'indicator.before' });
    expect(q.rules.unit).toBe('unit.people');
  });

  it('an actual in a review section: the section rule decides the kind (kind.review-section) and gives the year', () => {
    const q = one('2024年政府工作报告\n一、2023年工作回顾\n全市新增城镇就业1.2万人。\n', '1.2万人');
    expect([q.kind, q.year]).toEqual(['actual', 2023]);
    expect(q.rules.kind).toBe('kind.review-section');
    expect(q.rules.year).toBe('section.review');
  });

  it('a target in a plan section: kind.plan-section, the year from section.plan', () => {
    const q = one('2024年政府工作报告\n二、2024年工作任务\n全市新增城镇就业1.3万人。\n', '1.3万人');
    expect([q.kind, q.year, q.rules.kind, q.rules.year]).toEqual(['target', 2024, 'kind.plan-section', 'section.plan']);
  });

  it('a year by 到2025年: year.by; a paragraph opening with the deadline gives it to the figures after', () => {
    const q = one('全县地区生产总值到2025年达到400亿元。', '400亿元');
    expect([q.year, q.rules.year]).toEqual([2025, 'year.by']);
    const later = one('到2027年，全县地区生产总值达到400亿元，新增城镇就业1万人。', '1万人');
    expect([later.year, later.rules.year]).toEqual([2027, 'year.opening-deadline']);
  });

  it('a period by 年均: the span the figure stands in (过去五年: year.last-n); with no span, year.average and no year', () => {
    const q = one('2024年政府工作报告\n过去五年，全县地区生产总值年均增长6%。\n', '6%');
    expect([q.year, q.period, q.rules.year]).toEqual([null, [2019, 2023], 'year.last-n']);
    const bare = one('全县地区生产总值年均增长6%。', '6%');
    expect([bare.year, bare.period, bare.rules.year]).toEqual([null, null, 'year.average']);
  });

  it('growth by 增长 and 下降: the growth rule; a plain level has none', () => {
    expect(one('全年地区生产总值增长6%。', '6%').rules.measure).toBe('growth.up');
    expect(one('单位能耗下降3%。', '3%').rules.measure).toBe('growth.down');
    expect(one('支出比上年减少2亿元。', '2亿元').rules.measure).toBe('growth.amount');
    expect(one('城镇化率达到65%。', '65%').rules.measure).toBeNull();
  });

  it('a comparator by 以上 (and one shared by a list): the comparator rule', () => {
    const q = one('粮食产量稳定在50万吨以上。', '50万吨');
    expect([q.comparator, q.rules.comparator]).toEqual(['>=', 'comparator.at-least']);
    const list = quantities('一产、二产、三产增加值分别增长4.5%、6.5%、7%以上。');
    expect(list.map((x) => [x.comparator, x.rules.comparator])).toEqual(Array.from({ length: 3 }, () => ['>=', 'comparator.at-least']));
  });

  it('the indicator: read before the figure, after a count, lent by the figure before, shared by a list, handed out in parts', () => {
    expect(one('全年地区生产总值增长6%。', '6%').rules.indicator).toBe('indicator.before');
    expect(one('打造15个城市街心花园。', '15个').rules.indicator).toBe('indicator.after');
    expect(one('粮食产量50万吨，增长3%。', '3%').rules.indicator).toBe('indicator.previous');
    expect(quantities('城镇新增就业1.2万人、2万人和3万人。').map((q) => q.rules.indicator)).toEqual(['indicator.before', 'indicator.list', 'indicator.list']);
    const parts = quantities('一产、二产、三产增加值分别增长6%、5.2%、5.3%。');
    expect(parts.map((q) => [q.indicator, q.rules.indicator])).toEqual([
      ['一产增加值', 'indicator.parts'], ['二产增加值', 'indicator.parts'], ['三产增加值', 'indicator.parts'],
    ]);
  });

  it('no indicator, no rule for it', () => {
    const q = one('名词解释\n1.城镇化率：指城镇常住人口占总人口的比重，全国平均为65%。\n', '65%');
    expect([q.indicator, q.rules.indicator, q.rules.kind]).toEqual([null, null, 'kind.glossary']);
  });
});

/** Every `id` of the rule files (examples left out). */
function ruleIds(): Set<string> {
  const ids = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object' && !(value instanceof RegExp)) {
      const id = (value as { id?: unknown }).id;
      if (typeof id === 'string') ids.add(id);
      for (const [k, v] of Object.entries(value)) if (k !== 'examples') walk(v);
    }
  };
  walk(validateRules());
  return ids;
}

describe('every id in the outputs', () => {
  it('of the seeds (each quantity rule and field rule, each section role rule) is a rule of rules/*.yaml', () => {
    const ids = ruleIds();
    const seeds = readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort();
    expect(seeds.length).toBeGreaterThan(0);
    const used = new Set<string>();
    for (const name of seeds) {
      const result = extract({ path: join(SEEDS, name) }, { rules });
      for (const q of result.quantities) for (const id of [q.rule, ...Object.values(q.rules)]) if (id !== null) used.add(id);
      for (const s of result.sections) if (s.roleRule !== null) used.add(s.roleRule);
    }
    // The seeds exercise the main decisions: a sanity check that the test looks at something.
    for (const id of ['kind.review-section', 'kind.plan-section', 'section.review', 'indicator.before', 'growth.up']) expect(used).toContain(id);
    expect([...used].filter((id) => !ids.has(id))).toEqual([]);
  });
});
