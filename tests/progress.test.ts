import { describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import { rules } from './helpers.js';

const kinds = (text: string) => extract({ text }, { rules }).quantities.map((q) => [q.core.text, q.kind]);

describe('progress bulletins: work reported as done', () => {
  it('reads 完成投资 and 占(年度)计划的 in a progress report as actuals, inside numbered items too', () => {
    const text = [
      '关于2027年上半年重点项目建设进展情况的通报',
      '各镇人民政府，区直有关单位：',
      '现将上半年重点项目建设进展情况通报如下：',
      '1.东湖片区排涝工程。完成投资2.4亿元，占年度计划的63%。（责任单位：区水务局）',
      '2.数据中心二期项目。完成投资4.1亿元，占计划的88.5%。（责任单位：区工信局）',
    ].join('\n');
    expect(kinds(text)).toEqual([['2.4亿元', 'actual'], ['63%', 'actual'], ['4.1亿元', 'actual'], ['88.5%', 'actual']]);
  });

  it('a count heading a list of counts done is the plan (a target), the counts done actuals; a clause that looks ahead stays a target', () => {
    const text = [
      '某镇2027年重点工作任务分解表',
      '1.推进农旅融合项目。安排的15个项目中，已开工9个、竣工4个。力争完成年度计划的100%。（责任单位：镇经发办）',
    ].join('\n');
    expect(kinds(text)).toEqual([['15个', 'target'], ['9个', 'actual'], ['4个', 'actual'], ['100%', 'target']]);
  });

  it('the amount a share of the plan is taken of is work done too, in a task list as well', () => {
    const text = '某区2027年重点项目推进计划\n1.建设智慧停车设施。上半年完成投资0.9亿元，占年度计划的45%。（责任单位：区交通局）\n2.新建公共停车泊位2000个。（责任单位：区城管局）\n';
    expect(kinds(text)).toEqual([['0.9亿元', 'actual'], ['45%', 'actual'], ['2000个', 'target']]);
  });
});
