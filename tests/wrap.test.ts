import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import type { Result } from '../src/schema.js';
import { wrappedLines } from '../src/stages/wrap.js';
import { unwrap, unwrapped } from '../src/util/breaks.js';
import { badSpans, docOf, hardWrap, rules, SEEDS } from './helpers.js';

const HEADINGS = rules.headings;


const squeeze = (s: string | null) => (s ?? '').replace(/\s+/g, '');
const sections = (r: Result) => r.sections.map((s) => `${s.depth} ${squeeze(s.heading)}`);
const tasks = (r: Result) => r.tasks.map((t) => [t.marker, squeeze(t.title), t.lead, t.responsible, t.cooperating]);
const figures = (r: Result) => r.quantities.map((q) => [squeeze(q.core.text), q.value, q.unit, q.comparator, q.measure, q.kind, q.year]);

describe('hard-wrapped text', () => {
  const original = [
    '某某市人民政府关于印发2024年重点工作任务分工方案的通知',
    '一、主要预期目标',
    '全市地区生产总值增长6%左右，一般公共预算收入增长5%，规模以上工业增加值增长7%，固定资产投资增长8%以上，城镇新增就业3.5万人，城镇调查失业率控制在5.5%以内，居民消费价格涨幅3%左右。',
    '二、重点任务',
    '1.加快建设现代化产业体系。新培育国家级专精特新“小巨人”企业10家以上，新增规模以上工业企业120家，推动数字经济核心产业增加值增长15%。（牵头单位：市工业和信息化局；责任单位：市发展改革委、市科技局、各县〔市、区〕人民政府）',
    '2.扩大有效投资。实施重点项目300个以上，完成投资1200亿元，新开工亿元以上项目150个，争取地方政府专项债券资金80亿元。（市发展改革委负责）',
  ].join('\n');
  const notice = hardWrap(original, 40);

  it('finds the lines that run on, and none in text written a paragraph per line', () => {
    const wrapped = wrappedLines(docOf(notice), HEADINGS);
    expect(wrapped.size).toBeGreaterThan(5);
    const lines = notice.split('\n');
    for (const i of wrapped) expect(lines[i + 1]!.startsWith('\u3000')).toBe(false);
    for (const seed of ['000_8e5208af9c013f38', '001_00f01ebf3f7ca338', '004_d207dd5c7035d7fb']) {
      expect(wrappedLines(docOf(readFileSync(join(SEEDS, `${seed}.txt`), 'utf8')), HEADINGS).size).toBe(0);
    }
    // Many short lines of one width between long paragraphs are headings, not a wrapped page.
    const headings = Array.from({ length: 8 }, (_, i) => `（${'一二三四五六七八'[i]}）加快建设现代化产业体系推动发展`);
    const prose = headings.flatMap((h) => [h, '全市上下坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，扎实推进各项工作，经济运行总体平稳、稳中有进，发展质量稳步提升，社会大局保持稳定。']);
    expect(wrappedLines(docOf(prose.join('\n')), HEADINGS).size).toBe(0);
  });

  it('reads words, numbers and unit lists broken over lines, with spans that slice the text as written', () => {
    const r = extract({ text: notice }, { rules });
    expect(badSpans(r, notice)).toEqual([]);
    expect(r.tasks.map((t) => [t.marker, t.lead, t.responsible])).toEqual([
      ['1.', ['市工业和信息化局'], ['市发展改革委', '市科技局', '各县〔市、区〕人民政府']],
      ['2.', [], ['市发展改革委']],
    ]);
    // Every figure reads as in the text written a paragraph per line, numbers broken over two lines included.
    const a = extract({ text: original }, { rules });
    expect(figures(r)).toEqual(figures(a));
    expect(r.quantities.map((q) => q.indicator)).toEqual(a.quantities.map((q) => q.indicator));
    expect(r.quantities.map((q) => squeeze(q.core.text))).toEqual(['6%', '5%', '7%', '8%', '3.5万人', '5.5%', '3%', '10家', '120家', '15%', '300个', '1200亿元', '150个', '80亿元']);
    expect(r.quantities.some((q) => /\n/.test(q.core.text))).toBe(true);
  });

  it.each(['000_8e5208af9c013f38', '002_2ac18dfb8867e55f', '003_7bedf75ac75c1b6a', '004_d207dd5c7035d7fb'])(
    'reads seed %s printed at 28 characters a line as it reads the original',
    (name) => {
      const original = readFileSync(join(SEEDS, `${name}.txt`), 'utf8');
      const printed = hardWrap(original);
      const a = extract({ text: original }, { rules });
      const b = extract({ text: printed }, { rules });
      expect(badSpans(b, printed)).toEqual([]);
      expect(sections(b)).toEqual(sections(a));
      expect(tasks(b)).toEqual(tasks(a));
      expect(figures(b)).toEqual(figures(a));
      const same = b.quantities.filter((q, i) => squeeze(q.indicator) === squeeze(a.quantities[i]!.indicator)).length;
      expect(same / Math.max(1, a.quantities.length)).toBeGreaterThanOrEqual(0.99);
    },
  );

  it('finds text wrapped at a number of characters (not of columns), and steps over page numbers and running heads', () => {
    // Every line 30 characters, whatever their width; a page number and the running head between pages.
    const lines: string[] = [];
    for (const para of original.split('\n')) for (let i = 0; i < para.length; i += 30) lines.push(para.slice(i, i + 30));
    const paged = [...lines.slice(0, 5), '— 1 —', '某某市人民政府', ...lines.slice(5, 10), '— 2 —', '某某市人民政府', ...lines.slice(10)].join('\n');
    const a = extract({ text: original }, { rules });
    const b = extract({ text: paged }, { rules });
    expect(badSpans(b, paged)).toEqual([]);
    expect(b.removed.map((r) => [r.text, r.rule])).toEqual([
      ['— 1 —', 'furniture.page-number'], ['某某市人民政府', 'furniture.running-head'],
      ['— 2 —', 'furniture.page-number'], ['某某市人民政府', 'furniture.running-head'],
    ]);
    expect(sections(b)).toEqual(sections(a));
    expect(tasks(b)).toEqual(tasks(a));
    expect(b.quantities.map((q) => [squeeze(q.core.text), squeeze(q.indicator)])).toEqual(a.quantities.map((q) => [q.core.text, q.indicator]));
  });

  it('maps offsets between a text and the text with its breaks taken out', () => {
    const text = '增\n  长5%';
    const u = unwrapped(text);
    expect(u.text).toBe('增长5%');
    expect(unwrap(text)).toBe('增长5%');
    expect([u.at(0), u.at(1), u.at(2)]).toEqual([0, 4, 5]);
    expect([u.of(0), u.of(1), u.of(4), u.of(5)]).toEqual([0, 1, 1, 2]);
  });
});

describe('wrap: a page set in a proportional font', () => {
  // Every line 38 characters, its width in columns spread from 76 down to 60 by the Latin letters in it: wrapped at a
  // number of characters. A line with many digits has more characters (45) than the others, at a full line's width.
  const han = '财政拨款支出主要用于保障机关正常运转和履行职能所需的各项基本支出及项目支出安排'.repeat(3);
  const latin = 'abcdefghijklmnopqrstuvwxyz';
  const lines = Array.from({ length: 17 }, (_, k) => han.slice(k, k + 19 - Math.ceil(k / 2)) + latin.slice(0, k) + han.slice(k + 19, k + 38 - Math.floor(k / 2)));
  const text = ['二、支出决算情况说明', ...lines.slice(0, 9), '员经费及公用经费等的基本支出。年初预算为 1560.05 万元，支出决算为1511.89万',
    '元。决算数小于预算数的主要原因是人员变化。', '', ...lines.slice(9)].join('\n') + '\n';

  it('reads a line wider in characters but full in columns on into the next (…1511.89万 / 元。)', () => {
    expect(lines.every((l) => l.length === 38)).toBe(true);
    const r = extract({ text }, { rules });
    expect(r.quantities.map((q) => [q.core.text, q.indicator, q.normalized.value])).toEqual([['1560.05 万元', '年初预算', 15600500], ['1511.89万\n元', '支出决算', 15118900]]);
    expect(r.quantities.every((q) => text.slice(q.core.span.start, q.core.span.end) === q.core.text)).toBe(true);
  });
});

describe('hard-wrapped text set in a proportional font (a PDF copy)', () => {
  // 28 hanzi to a line (56 columns); a line holding digits and spaces or quotes holds more characters and spreads
  // wider or narrower, so full lines fall anywhere from 54 to 62 columns and from 27 to 34 characters.
  const han = '推进高质量发展取得新成效县域经济综合竞争力持续增强创新驱动发展战略深入实施营商环境不断优化民生福祉稳步提升城乡面貌焕然一新生态环境持续改善社会大局和谐稳定';
  const at = (k: number, n: number) => Array.from({ length: n }, (_, i) => han[(k * 7 + i) % han.length]).join('');
  const shapes = 'ACADBACDABCADBCA';
  const lines = [...shapes].map((t, k) => (t === 'A' ? at(k, 28) : t === 'B' ? at(k, 27) : t === 'C' ? `${at(k, 22)} 12.5% ${at(k + 3, 4)}` : `${at(k, 12)}“${at(k + 1, 6)}”${at(k + 2, 11)}`));
  const text = ['一、2023年工作回顾', ...lines.slice(0, 8), '企业预期更稳、信心更强，预计地区生产总值增长 6.5%，一般',
    '公共预算总收入增长 7.4%，城乡居民人均可支配收入增长 5.6%。', ...lines.slice(8)].join('\n') + '\n';

  it('runs the lines of the commonest width on, not only the widest ones (一般 / 公共预算总收入)', () => {
    const r = extract({ text }, { rules });
    expect(r.quantities.filter((q) => q.value !== 12.5).map((q) => [q.core.text, q.indicator])).toEqual([
      ['6.5%', '地区生产总值'], ['7.4%', '一般公共预算总收入'], ['5.6%', '城乡居民人均可支配收入'],
    ]);
    expect(badSpans(r, text)).toEqual([]);
  });
});
