import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble } from '../src/assemble.js';
import { run } from '../src/api.js';
import { csvOf } from '../src/emit/csv.js';
import { loadRules } from '../src/rules/load.js';
import { docOf, rules, SEEDS } from './helpers.js';

describe('organizations', () => {
  const text = '（一）建设示范区（牵头单位：区商务局）\n1.促进消费。开展活动。（责任单位：区商务局、区文旅局）\n2.扩大开放。引进企业。（区文旅局牵头，区财政局配合）\n';
  const result = assemble(docOf(text));

  it('lists each distinct unit once, in order of first mention, with the tasks it has in each role', () => {
    expect(result.organizations.map((o) => [o.name, o.roles])).toEqual([
      ['区商务局', { lead: ['t1'], responsible: ['t1'], cooperating: [] }],
      ['区文旅局', { lead: ['t2'], responsible: ['t1', 't2'], cooperating: [] }],
      ['区财政局', { lead: [], responsible: [], cooperating: ['t2'] }],
    ]);
  });

  it('records every mention in unit lists and section leads, each slicing to the name', () => {
    const shop = result.organizations[0]!;
    expect(shop.mentions.map((m) => m.line)).toEqual([1, 2]);
    for (const o of result.organizations) for (const m of o.mentions) expect(text.slice(m.start, m.end)).toBe(o.name);
    expect(result.organizations[1]!.mentions).toHaveLength(2);
  });

  it('is empty when no task names units', () => {
    expect(assemble(docOf('一、总体要求\n坚持稳中求进。\n')).organizations).toEqual([]);
  });

  it('agrees with the tasks of seed 000', () => {
    const seed = assemble(run({ path: join(SEEDS, '000_8e5208af9c013f38.txt') }, { rules }));
    const byName = new Map(seed.organizations.map((o) => [o.name, o]));
    expect(byName.get('区科信局')!.roles.lead).toEqual(['t4', 't5', 't6', 't22', 't23', 't24', 't25']);
    expect(byName.get('区委组织部(区人才办)')!.roles.responsible).toEqual(['t6']);
    expect(byName.get('相关街道办事处')!.mentions).toHaveLength(12);
    for (const t of seed.tasks) {
      for (const role of ['lead', 'responsible', 'cooperating'] as const) {
        for (const name of t[role]) expect(byName.get(name)!.roles[role]).toContain(t.id);
      }
    }
    expect(new Set(seed.organizations.map((o) => o.name)).size).toBe(seed.organizations.length);
  });
});

describe('organizations: canonical names, aliases and generic entries', () => {
  const notice = [
    '广东省某厅关于印发2024年工作要点的通知',
    '一、推动产业升级',
    '1.培育先进制造业集群。（责任单位：省工业和信息化厅、省发展改革委）',
    '2.推进技术改造。（责任单位：工业和信息化厅、省国资委等单位）',
    '3.优化营商环境。（省商务厅牵头，各有关单位配合）',
    '',
  ].join('\n');

  it('folds the document region prefix into one organisation and keeps the forms as written in aliases', () => {
    const result = assemble(docOf(notice));
    expect(result.meta.region.province).toBe('广东省');
    const industry = result.organizations.find((o) => o.name === '省工业和信息化厅')!;
    expect(industry).toMatchObject({ aliases: ['工业和信息化厅'], generic: false, roles: { responsible: ['t1', 't2'] } });
    expect(industry.mentions.map((m) => notice.slice(m.start, m.end))).toEqual(['省工业和信息化厅', '工业和信息化厅']);
    // Tasks keep their lists as written.
    expect(result.tasks[1]!.responsible).toEqual(['工业和信息化厅', '省国资委等单位']);
  });

  it('marks generic entries and keeps them as written', () => {
    const result = assemble(docOf(notice));
    const generic = result.organizations.filter((o) => o.generic).map((o) => o.name);
    expect(generic).toEqual(['省国资委等单位', '各有关单位']);
    expect(result.organizations.filter((o) => !o.generic).map((o) => o.name)).toEqual(['省工业和信息化厅', '省发展改革委', '省商务厅']);
  });

  it('does not fold a prefix that is not the document region, nor two names with no alias rule', () => {
    const text = '盘龙区2024年重点工作任务分解\n1.促进消费。（责任单位：区商务局）\n2.扩大开放。（责任单位：区商务和投资促进局、市商务局）\n';
    const result = assemble(docOf(text));
    expect(result.organizations.map((o) => o.name)).toEqual(['区商务局', '区商务和投资促进局', '市商务局']);
  });

  it('ties two names together when an alias rule (from --rules DIR) says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnreport-alias-'));
    writeFileSync(join(dir, 'organizations.yaml'), 'aliases:\n  - id: org.alias.commerce\n    name: 区商务和投资促进局\n    forms: [商务局]\n');
    const text = '盘龙区2024年重点工作任务分解\n1.促进消费。（责任单位：区商务局）\n2.扩大开放。（责任单位：区商务和投资促进局）\n';
    const result = assemble(docOf(text, { rules: loadRules([dir]) }));
    expect(result.organizations).toHaveLength(1);
    expect(result.organizations[0]).toMatchObject({ name: '区商务和投资促进局', aliases: ['区商务局'], roles: { responsible: ['t1', 't2'] } });
  });

  it('gives a CSV table of task counts by role, without generic entries', () => {
    const csv = csvOf(assemble(docOf(notice)), 'organizations');
    expect(csv.split('\r\n').slice(0, 3)).toEqual([
      '\uFEFFfile,name,aliases,lead,responsible,cooperating,tasks,mentions',
      ',省工业和信息化厅,工业和信息化厅,0,2,0,2,2',
      ',省发展改革委,,0,1,0,1,1',
    ]);
    expect(csv).not.toContain('各有关单位');
  });
});
