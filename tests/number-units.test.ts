import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import { loadRules } from '../src/rules/load.js';
import { Result } from '../src/schema.js';
import { rules } from './helpers.js';

const run = (text: string) => extract({ text }, { rules, explain: true });
/** The quantities of a sentence, as core → [value, unit, normalized value, normalized unit, base]. */
const read = (text: string) => run(text).quantities.map((q) => ({
  core: q.core.text, value: q.value, unit: q.unit, comparator: q.comparator,
  normal: [q.normalized.value, q.normalized.unit], base: q.normalized.base && [q.normalized.base.value, q.normalized.base.unit],
}));
const one = (text: string) => {
  const q = read(text);
  expect(q, text).toHaveLength(1);
  return q[0]!;
};

describe('normalized: magnitude folded, unit as written', () => {
  it.each([
    ['运动员平均身高172cm。', 172, '厘米', [1.72, '米']],
    ['运动员平均身高172厘米。', 172, '厘米', [1.72, '米']],
    ['运动员平均身高172公分。', 172, '公分', [1.72, '米']],
    ['每箱重40kg。', 40, '千克', [40, '千克']],
    ['每箱重4千克。', 4, '千克', [4, '千克']],
    ['全程36km。', 36, '公里', [36000, '米']],
    ['全程36千米。', 36, '千米', [36000, '米']],
    ['改造厂房2.4万㎡。', 24000, '平方米', [24000, '平方米']],
    ['储能电站装机80MW。', 80, '兆瓦', [80000, '千瓦']],
    ['年发电量3万kWh。', 30000, '千瓦时', [30000, '千瓦时']],
    ['新增储量12万吨。', 120000, '吨', [120000000, '千克']],
    ['新增耕地3万亩。', 30000, '亩', [20000000, '平方米']],
    ['新增变电容量1.5万千伏安。', 15000, '千伏安', [15000, '千伏安']],
    ['主变容量100兆伏安。', 100, '兆伏安', [100000, '千伏安']],
  ])('%s', (text, value, unit, base) => {
    const q = one(text);
    expect(q.normal, text).toEqual([value, unit]);
    expect(q.base, text).toEqual(base);
  });

  it('gives a base of null to counts, money, rates and ranges', () => {
    for (const text of ['建成公园12个。', '投资3亿元。', '增长6.5%。', '新建道路3-5公里。', '节约标准煤2万吨标准煤。']) {
      expect(run(text).quantities.map((q) => q.normalized.base), text).toEqual([null]);
    }
  });

  it('reads transport work (万人公里, 万吨公里) and intensities per 10,000 yuan (吨标准煤/万元) whole, with no base', () => {
    expect(read('旅客周转量129000万人公里，货物周转量605425万吨公里。').map((q) => [q.core, q.normal, q.base])).toEqual([
      ['129000万人公里', [1290000000, '人公里'], null],
      ['605425万吨公里', [6054250000, '吨公里'], null],
    ]);
    expect(one('单位GDP能耗0.664吨标准煤/万元。')).toMatchObject({ core: '0.664吨标准煤/万元', normal: [0.664, '吨标准煤/万元'], base: null });
  });

  it('reads 亩 in square metres exactly as 10000/15', () => {
    expect(one('流转土地15亩。').base).toEqual([10000, '平方米']);
  });

  it('a result saved before `base` existed still validates, with base null', () => {
    const r = run('新增耕地3万亩。');
    const old = JSON.parse(JSON.stringify(r));
    for (const q of old.quantities) delete q.normalized.base;
    expect(Result.parse(old).quantities[0]!.normalized.base).toBeNull();
  });
});

describe('units and forms found by blind testers', () => {
  it('reads a half after any unit of length, mass or area', () => {
    expect(one('沿河步道长六公里半。')).toMatchObject({ value: 6.5, unit: '公里', base: [6500, '米'] });
    expect(one('裁布两尺半。')).toMatchObject({ value: 2.5, unit: '尺' });
    expect(one('挖鱼塘七亩半。')).toMatchObject({ value: 7.5, unit: '亩' });
    expect(one('比上年下降三个半百分点。')).toMatchObject({ value: 3.5, unit: '个百分点', normal: [3.5, '百分点'] });
    // A duration and a half is a duration: left out, and not read as a count of three.
    expect(read('审批缩短了三个半月。')).toEqual([]);
    expect(one('工期缩短了三个半月。')).toMatchObject({ value: 3.5, unit: '个月' });
  });

  it('knows 尺, 寸, 丈 and 里 as lengths, not in place names', () => {
    expect(one('堤高二丈。')).toMatchObject({ value: 2, unit: '丈', base: [6.66666666666667, '米'] });
    expect(one('板宽8寸。').base).toEqual([0.266666666666667, '米']);
    expect(one('步行二十里到镇上。')).toMatchObject({ value: 20, unit: '里', base: [10000, '米'] });
    expect(read('居住在八里庄，途经九丈原。')).toEqual([]);
  });

  it('reads a Latin m after Arabic digits as metres, but not inside other units or words', () => {
    expect(one('塔高86.5m。')).toMatchObject({ value: 86.5, unit: 'm', normal: [86.5, '米'] });
    expect(one('赛道长400m，')).toMatchObject({ normal: [400, '米'] });
    expect(read('降雨量30mm。')[0]!.normal).toEqual([30, '毫米']);
    expect(read('住房90m²。')[0]!.normal).toEqual([90, '平方米']);
    expect(read('等待3min。')).toEqual([]);
  });

  it('reads 一 before a unit of measure as the number one, before a classifier as the indefinite article', () => {
    expect(one('大米一斤。')).toMatchObject({ value: 1, unit: '斤', base: [0.5, '千克'] });
    expect(one('铺设管道一公里。')).toMatchObject({ value: 1, unit: '公里' });
    expect(one('整理出一亩地。')).toMatchObject({ value: 1, unit: '亩' });
    expect(read('建设一个中心。')).toEqual([]);
  });

  it('takes 约为 (and 每X between) as about', () => {
    expect(one('鸡蛋价格约为每斤6元。').comparator).toBe('~');
    expect(one('人均补贴不低于每人800元。').comparator).toBe('>=');
    expect(one('收入约为8000元。').comparator).toBe('~');
  });

  it('reads concentrations in Latin letters and compound magnitudes before a rate', () => {
    expect(one('二氧化氮浓度18μg/m3。')).toMatchObject({ value: 18, normal: [18, '微克/立方米'] });
    expect(run('二氧化氮浓度18μg/m3。').quantities[0]!.normalized.dimension).toBe('concentration');
    expect(one('超算峰值达2.5百亿亿次/秒。')).toMatchObject({ value: 2.5, unit: '百亿亿次/秒', normal: [2.5e18, '次/秒'] });
  });

  it('keeps N个以上 followed by a noun as an at-least count; a threshold needs a bound word and 的', () => {
    expect(one('推进800个以上市级重点项目。')).toMatchObject({ value: 800, unit: '个', comparator: '>=' });
    expect(read('营收超50亿元的企业6家。').map((q) => q.core)).toEqual(['6家']);
    expect(read('新开工5亿元以上项目12个。').map((q) => q.core)).toEqual(['12个']);
  });

  it('leaves out policy packages named by their articles and a classifier cut out of a word', () => {
    expect(read('落实营商环境优化15条等政策。')).toEqual([]);
    expect(read('出台促进消费若干措施12条。')).toEqual([]);
    expect(read('三片区协同发展。')).toEqual([]);
    expect(one('新修道路12条。').value).toBe(12);
  });
});

describe('normalized.base across the ways of writing one length or mass', () => {
  const lengths: [string, number][] = [['米', 1], ['m', 1], ['公里', 1000], ['千米', 1000], ['km', 1000], ['厘米', 0.01], ['cm', 0.01], ['公分', 0.01]];
  const masses: [string, number][] = [['千克', 1], ['公斤', 1], ['kg', 1], ['吨', 1000], ['斤', 0.5]];
  it('gives the written number times the unit\'s factor, in 米 or 千克', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 99_999 }), fc.constantFrom(...lengths, ...masses), (n, [unit, factor]) => {
      const q = run(`全长${n}${unit}。`).quantities;
      expect(q).toHaveLength(1);
      expect(q[0]!.value).toBe(n);
      expect(q[0]!.normalized.base!.unit).toBe(lengths.some(([u]) => u === unit) ? '米' : '千克');
      expect(q[0]!.normalized.base!.value).toBeCloseTo(n * factor, 6);
    }), { numRuns: 200 });
  });
});

describe('base factors in a rules override', () => {
  const override = (units: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'cnreport-units-'));
    writeFileSync(join(dir, 'units.yaml'), units);
    return dir;
  };
  it('takes a fraction and a factor per word', () => {
    const r = loadRules([override("units:\n  - {id: unit.area, words: [亩, 公顷], base: {亩: 10000/15, 公顷: 10000}, dimension: area}\n")]);
    expect(extract({ text: '新增耕地3亩。' }, { rules: r }).quantities[0]!.normalized.base).toEqual({ value: 2000, unit: '平方米' });
  });
  it('refuses a base factor for a word the unit does not have, naming the file', () => {
    expect(() => loadRules([override("units:\n  - {id: unit.area, words: [亩], base: {公顷: 10000}, dimension: area}\n")])).toThrow(/units\.yaml.*unit\.area/);
  });
});

describe('a bare 百/千 bounded by 余/多 after it', () => {
  it('reads 千余人 and 百余项 as more than 1000 and 100, and leaves 百余年来 and 千方百计 alone', () => {
    expect(one('组织群众千余人参加应急演练。')).toMatchObject({ core: '千余人', value: 1000, unit: '人', comparator: '>', normal: [1000, '人'] });
    expect(one('完成改革任务百余项。')).toMatchObject({ core: '百余项', value: 100, unit: '项', comparator: '>' });
    expect(read('百余年来，城市面貌发生巨变，全市上下千方百计稳就业。')).toEqual([]);
  });
});
