import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/api.js';
import { loadRules } from '../src/rules/load.js';
import type { Doc } from '../src/document.js';
import { docTypeOf } from '../src/extract/meta/doctype.js';
import { compileRegions, mostNamed, type Regions } from '../src/extract/meta/region.js';
import type { RawRules } from '../src/rules/schema.js';
import type { Meta } from '../src/schema.js';
import { docOf, random, rules } from './helpers.js';

/**
 * The meta readers find names and cue texts in one scan of a text. These tests hold each to the plain way of
 * reading the same thing (an alternation searched globally, a pass per word, a regex per line), on texts made here
 * from a few pieces in random order, so that names touch, overlap and repeat.
 */

const pick = <T>(next: () => number, xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The city named most often, read as before: a longest-first alternation of official names, else a split per short name. */
function plainMostNamedCity(view: string, r: Regions): string | null {
  if (!r.cities.length) return '';
  const counts = new Map<string, number>();
  const names = new RegExp(r.cities.map((c) => escape(c.name)).join('|'), 'gu');
  for (const m of view.matchAll(names)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  if (!counts.size) for (const c of r.cities) if (c.short !== c.name) counts.set(c.name, view.split(c.short).length - 1);
  let best: string | null = null;
  for (const [name, n] of counts) if (n > 0 && (!best || n > counts.get(best)!)) best = name;
  return best;
}

/**
 * A regions file of made-up places whose names overlap: 东山市 / 东山湖市 / 山湖市, a short name 东东 that overlaps itself
 * (with no congress rules, which the compiled regions gate too).
 */
const madeUp = compileRegions({
  meta: { congress: [] },
  regions: {
    provinces: [{ name: '甲省', short: ['甲'], municipality: false }, { name: '乙市', short: ['乙'], municipality: true }],
    cities: {
      甲省: [
        { name: '东山市', short: '东山' }, { name: '东山湖市', short: '东山湖' }, { name: '山湖市', short: '山湖' },
        { name: '湖市', short: '湖城' }, { name: '东海州', short: '东海' }, { name: '海东市', short: '海东' },
        { name: '东东市', short: '东东' }, { name: '甲市', short: '甲' }, { name: '北原盟', short: '北原' },
      ],
      乙市: [{ name: '山湖市', short: '山湖' }, { name: '东山地区', short: '东山' }],
    },
    counties: {},
  },
} as unknown as RawRules);

describe('meta: the city a text names most, in one scan', () => {
  it('counts as a longest-first alternation does, and short names only when no city is named in full', () => {
    const pieces = ['东', '山', '湖', '市', '海', '州', '北', '原', '盟', '城', '甲', '地区', '。', '东山', '东东', '湖市', '山湖市'];
    const next = random(13);
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = Math.floor(next() * 40);
      for (let i = 0; i < length; i++) text += pick(next, pieces);
      expect(mostNamed(text, madeUp).name, text).toBe(plainMostNamedCity(text, madeUp));
    }
  });

  it('agrees with the plain reading on the built-in regions', () => {
    const r = rules.regions.compiled;
    const names = r.cities.flatMap((c) => [c.name, c.short]);
    const filler = ['全市', '城市', '市区', '州', '区', '县', '，', '。', '\n', '的', '人民政府', '盟', '地区'];
    const next = random(7);
    for (let n = 0; n < 1000; n++) {
      let text = '';
      const length = Math.floor(next() * 30);
      for (let i = 0; i < length; i++) text += next() < 0.3 ? pick(next, names) : pick(next, filler);
      expect(mostNamed(text, r).name, text).toBe(plainMostNamedCity(text, r));
    }
  });

  it('reads a short name only when no city is named in full, a self-overlapping one counted without overlaps', () => {
    expect(mostNamed('东东东，湖城湖城', madeUp).name).toBe('湖市');
    expect(mostNamed('东东东东东，湖城湖城', madeUp).name).toBe('东东市');
    expect(mostNamed('东东东东东，湖城湖城，海东市', madeUp).name).toBe('海东市');
    expect(mostNamed('东山湖市东山湖市山湖市', madeUp).name).toBe('东山湖市');
    expect(mostNamed('没有地名', madeUp).name).toBeNull();
  });
});

/** The document type from the body cues alone, read as before: each cue's regex on the opening text, then line by line. */
function plainBodyType(doc: Doc): Meta['docType'] {
  const text = doc.view.slice(0, 4000);
  const lines = doc.lines.slice(0, 60).map((l) => l.body);
  const score = new Map<Meta['docType'], number>();
  for (const c of rules.meta.bodyCues) {
    if (c.pattern.test(text) || lines.some((l) => c.pattern.test(l))) score.set(c.docType, (score.get(c.docType) ?? 0) + c.weight);
  }
  let best: Meta['docType'] = 'other';
  for (const [type, w] of score) if (w > (score.get(best) ?? 0)) best = type;
  return best;
}

describe('meta: body cues, found in one scan of the opening', () => {
  it('types a document as the cues tried on the whole opening text and on each line do', () => {
    const pieces = [
      '各位代表：', '主任、各位副主任、各位委员：', '本报讯（记者 王明）', '某某日报记者 李华', '来源：某县政府 发布时间：2024-01-20',
      '责任编辑：张丽', '县第十七届人民代表大会第五次会议隆重开幕', '现在，我代表县人民政府向大会报告工作，请予审议。',
      '受县人民政府委托，现将2023年国民经济和社会发展计划执行情况报告如下', '2024/01/20', '各位代表提出的建议都已办结。', '大会议程', '记者通讯员', '会议大会开幕',
      '全县地区生产总值增长5.8%，一般公共预算收入增长6.1%，城乡居民人均可支配收入稳步提高，各项事业全面进步。'.repeat(8),
    ];
    const next = random(5);
    for (let n = 0; n < 150; n++) {
      const lines: string[] = [];
      const count = 1 + Math.floor(next() * 90);
      for (let i = 0; i < count; i++) lines.push((next() < 0.2 ? '  ' : '') + pick(next, pieces));
      const doc = docOf(`${lines.join('\n')}\n`);
      expect(docTypeOf(doc, rules, null), lines.join('\n')).toBe(plainBodyType(doc));
    }
  });

  it('finds needed texts that overlap (东西南 and 西南北 in 东西南北)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnreport-cues-'));
    writeFileSync(join(dir, 'meta.yaml'), [
      'bodyCues:',
      "  - {id: test.east, docType: news, pattern: '东西南', weight: 5, examples: {match: [东西南]}}",
      "  - {id: test.north, docType: plan-report, pattern: '西南北$', weight: 6, examples: {match: [西南北]}}",
    ].join('\n'));
    const custom = loadRules([dir]);
    const doc = run({ text: '东西南北\n正文。\n' }, { rules: custom });
    expect(docTypeOf(doc, custom, null)).toBe('plan-report');
  });
});
