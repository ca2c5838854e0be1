import { describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import { rules } from './helpers.js';

// A unit's summary of its year's work with its plan for the next, as a government site posts it: the page's own
// lines (its site name, widgets, keywords) above the title, parts named by the year they are about.
const PAGE = [
  '某某市财政局政务网站 - 某某市财政局政务网站',
  '无障碍辅助浏览',
  '规划,计划,重点工作',
  '某某市财政局2025年工作总结与2026年工作安排',
  '发布日期：2026-02-27',
  '一、2025年财政收支情况',
  '全市一般公共预算收入完成380亿元，增长3.5%。',
  '二、2025年重点工作成效',
  '争取上级转移支付资金120亿元。',
  '三、2026年工作安排',
  '全力拓展财源，确保一般公共预算收入增长3%。',
].join('\n') + '\n';

describe('a unit\'s work summary and plan', () => {
  const r = extract({ text: PAGE }, { rules });

  it('is titled by its own title line, not the site name, a widget or a keywords line above it, and is a progress report', () => {
    expect([r.meta.title, r.meta.docType, r.meta.date]).toEqual(['某某市财政局2025年工作总结与2026年工作安排', 'progress-report', '2026-02-27']);
  });

  it('reports the year its parts name: results of 2025 (重点工作成效 is a review, its last words name it), targets of 2026', () => {
    expect(r.sections.map((s) => [s.title, s.role, s.year])).toEqual([
      ['2025年财政收支情况', 'review', 2025], ['2025年重点工作成效', 'review', 2025], ['2026年工作安排', 'plan', 2026],
    ]);
    expect(r.quantities.map((q) => [q.core.text, q.kind, q.year])).toEqual([
      ['380亿元', 'actual', 2025], ['3.5%', 'actual', 2025], ['120亿元', 'actual', 2025], ['3%', 'target', 2026],
    ]);
  });

  it('leaves a heading that joins a review and a plan with 和 to its paragraphs\' own evidence', () => {
    const text = '2021年某县政府工作报告\n一、2020年工作回顾\n全县生产总值增长3%。\n二、“十三五”时期发展成就和“十四五”时期主要目标任务\n“十三五”时期，全县生产总值年均增长6%。\n';
    const s = extract({ text }, { rules }).sections[1]!;
    expect([s.title, s.roleRule]).toEqual(['“十三五”时期发展成就和“十四五”时期主要目标任务', 'role.sequence']);
  });
});
