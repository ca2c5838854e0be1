import { describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import type { Result } from '../src/schema.js';
import { doubleSpaced, removedLines } from '../src/stages/wrap.js';
import { badSpans, docOf, rules } from './helpers.js';

// A double-spaced copy (rules/script.yaml doubleSpacing): a printout hard-wrapped at a fixed width with a blank line
// after every line. Its blank lines no longer tell paragraphs; it must read as the same printout without them.

const squeeze = (s: string | null) => (s ?? '').replace(/\s+/g, '');
const sections = (r: Result) => r.sections.map((s) => `${s.depth} ${squeeze(s.heading)}`);
const figures = (r: Result) => r.quantities.map((q) => [squeeze(q.core.text), q.value, q.unit, q.comparator, q.kind, q.year, q.indicator]);
/** Whether the text is read as double-spaced: some blank line of it is stepped over. */
const detected = (text: string) => {
  const doc = docOf(text);
  const gone = removedLines(doc);
  return doubleSpaced(doc, rules.script.doubleSpacing, gone) !== gone;
};
/** The lines with a blank line after each. */
const doubleSpace = (lines: readonly string[]) => lines.join('\n\n') + '\n';

describe('double-spaced copies', () => {
  // Wrapped at 25 hanzi (50 columns): a heading over two lines (二、…的 / 现代化产业体系, （一）…保 / 持…), a number
  // cut from its fraction and its unit (5. / 5%, 2000 / 个), a comparator cut (6%左 / 右), and a page number
  // between two lines of a paragraph.
  const lines = [
    '某某市政府工作报告',
    '一、2023年工作回顾',
    '过去一年，全市上下坚持稳中求进工作总基调，经济运行',
    '持续向好，全市地区生产总值完成1800亿元，同比增长5.',
    '5%；规模以上工业增加值增长6.2%，民间投资增长6%左',
    '右，一般公共预算收入完成120亿元，新增停车泊位2000',
    '个。城乡居民人均可支配收入分别增长5.2%和7.1%，城',
    '镇新增就业2.1万人，完成了市政府确定的各项目标任务。',
    '二、坚持创新驱动发展，加快构建以先进制造业为骨干的',
    '现代化产业体系',
    '全年实施重点项目300个，完成投资460亿元，新开工亿元',
    '以上项目120个，高新技术企业达到500家以上。',
    '三、2024年工作安排',
    '今年经济社会发展的主要预期目标是：全市地区生产总值',
    '增长6%左右，城镇新增就业3万人以上，居民消费价格涨',
    '幅控制在3%左右，单位地区生产总值能耗下降3%。',
    '（一）着力扩大有效需求，推动投资和消费协同发力，保',
    '持经济平稳增长',
    '全年实施市级重点项目320个以上，完成年度投资500亿元',
    '，社会消费品零售总额增长7%左右，新增市场主体1.5万户',
    '以上，全市规模以上服务业营业收入增长8%以上，实际利',
    '用外资3亿美元。',
  ];
  const PAGE = 6;
  const withPage = [...lines.slice(0, PAGE), '— 6 —', ...lines.slice(PAGE)];
  const single = withPage.join('\n') + '\n';
  const double = doubleSpace(withPage);

  it('reads with the headings and quantities of the same text single-spaced', () => {
    expect(detected(double)).toBe(true);
    const one = extract({ text: single }, { rules });
    const two = extract({ text: double }, { rules });
    expect(sections(two)).toEqual(sections(one));
    expect(figures(two)).toEqual(figures(one));
    expect(sections(two)).toContain('1 二、坚持创新驱动发展，加快构建以先进制造业为骨干的现代化产业体系');
    expect(sections(two)).toContain('2 （一）着力扩大有效需求，推动投资和消费协同发力，保持经济平稳增长');
    expect(figures(two)).toContainEqual(['2000—6—个', 2000, '个', null, 'actual', 2023, '停车泊位']);
    expect(figures(two)).toContainEqual(['5.5%', 5.5, '%', null, 'actual', 2023, '地区生产总值']);
    expect(figures(two)).toContainEqual(['6%', 6, '%', '~', 'actual', 2023, '民间投资']);
    expect(badSpans(two, double)).toEqual([]);
    expect(two.removed.some((r) => double.slice(r.start, r.end).includes('— 6 —'))).toBe(true);
  });

  it('ends a paragraph at a sentence end, a short last line and a heading line, as the single-spaced text does', () => {
    const blocks = (text: string) => docOf(text).blocks.map((b) => `${b.kind} ${squeeze(text.slice(b.start, b.end))}`);
    const one = blocks(lines.join('\n') + '\n');
    const two = blocks(doubleSpace(lines));
    expect(two).toEqual(one);
    expect(two).toContain('paragraph 全年实施重点项目300个，完成投资460亿元，新开工亿元以上项目120个，高新技术企业达到500家以上。');
    expect(two).toContain('heading 三、2024年工作安排');
    // Two blank lines stay a paragraph break, even between two full lines.
    const apart = doubleSpace(lines).replace('经济运行\n\n', '经济运行\n\n\n');
    expect(blocks(apart)).toContain('paragraph 过去一年，全市上下坚持稳中求进工作总基调，经济运行');
  });

  it('leaves a text whose blank lines part real paragraphs, and a list of short lines', () => {
    const news = doubleSpace([
      '本报讯 3月5日，某某市召开全市经济工作会议，总结去年工作，部署今年任务。',
      '会议指出，过去一年全市地区生产总值增长5.5%，城镇新增就业2万人。',
      '会议强调，要坚持稳中求进工作总基调，推动高质量发展',
      '会议要求，各地各部门要抓好重点项目建设，确保完成全年目标任务。',
      '市领导张三、李四出席会议',
      '会议以视频形式开到各县区，各县区负责同志在分会场参加会议。',
      '会议还通报了去年重点工作完成情况，对先进单位进行了表彰。',
      '会后，各县区召开会议传达学习会议精神，安排部署具体工作。',
      '本次会议为今年全市经济工作开好局起好步奠定了坚实基础。',
    ]);
    const list = doubleSpace([
      '加快发展现代化产业体系推进新型工业化', '深入实施扩大内需战略促进消费稳定增长', '全面推进乡村振兴建设宜居宜业和美乡村',
      '持续增进民生福祉办好人民满意的教育', '加强生态环境保护推动绿色低碳发展', '深化重点领域改革激发各类主体活力',
      '扩大高水平对外开放打造开放合作高地', '加强政府自身建设提升政府履职能力', '统筹发展和安全守牢安全发展底线',
    ]);
    for (const text of [news, list]) {
      expect(detected(text)).toBe(false);
      const r = extract({ text }, { rules });
      const blocks = docOf(text).blocks.length;
      expect(blocks).toBe(9);
      expect(badSpans(r, text)).toEqual([]);
    }
  });
});
