import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble } from '../src/assemble.js';
import { run } from '../src/api.js';
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
