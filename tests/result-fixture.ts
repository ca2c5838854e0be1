import { lineStarts, spanOf } from '../src/span.js';
import { Result, SCHEMA_VERSION, type Quantity, type Span } from '../src/schema.js';

/**
 * A hand-built result over a short text, so the CSV and view tests do not depend on what the extractors find
 * today. It has a section tree, a task whose span crosses into the next section, quantities inside the task
 * (one a range), organisation mentions inside the task, a removed span, fields with commas, quotes and a CRLF,
 * and text that would break out of HTML if it were not escaped.
 */
export const FIXTURE_TEXT = [
  '首页 > 新闻 <script>alert(1)</script>',
  '一、2022年度重点工作',
  '(一)扩大有效投资(牵头单位:区发改局)',
  '1.推进项目建设。全年完成固定资产投资1200亿元以上,新建5G基站1-2个。(责任单位:区发改局、区委组织部(区人才办、区编办))',
  '二、2021年工作回顾',
  '地区生产总值增长6.5%,"引进"企业20家。\r\n=SUM(A1)',
].join('\n');

const starts = lineStarts(FIXTURE_TEXT);

/** The span of the `occurrence`-th `needle` in the fixture text. */
export function at(needle: string, occurrence = 1): { text: string; span: Span } {
  let start = -1;
  for (let i = 0; i < occurrence; i++) start = FIXTURE_TEXT.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`fixture: ${needle} not found`);
  return { text: needle, span: spanOf({ lineStarts: starts }, start, start + needle.length) };
}

function quantity(id: string, clause: string, core: string, fields: Partial<Quantity>): Quantity {
  return {
    id, section: 's3', task: null, ...at(clause), core: at(core), indicator: null, comparator: null, value: null, range: null,
    unit: '', normalized: { value: null, unit: '', dimension: 'count' }, measure: 'level', direction: null, kind: 'other',
    year: null, period: null, rule: 'test.rule',
    rules: { unit: 'test.rule', comparator: null, measure: null, kind: null, year: null, indicator: null }, ...fields,
  };
}

/** The rules behind a quantity's fields: the unit's test rule, and the given ones. */
const rules = (r: Partial<Quantity['rules']>): Quantity['rules'] => ({ unit: 'test.rule', comparator: null, measure: null, kind: null, year: null, indicator: null, ...r });

const section = (id: string, parent: string | null, depth: number, marker: string, heading: string) => ({
  id, parent, depth, marker, title: heading.slice(marker.length), heading, ...at(heading), lead: [], rule: 'heading.test',
  role: null, roleRule: null, year: null, period: null,
});

const taskText = '1.推进项目建设。全年完成固定资产投资1200亿元以上,新建5G基站1-2个。(责任单位:区发改局、区委组织部(区人才办、区编办))\n二、2021';

export function fixtureResult(): Result {
  return Result.parse({
    schemaVersion: SCHEMA_VERSION,
    source: { path: 'fixture.txt', sha256: '0'.repeat(64), encoding: 'utf-8', bytes: 0, chars: FIXTURE_TEXT.length },
    meta: { title: '<b>测试</b>报告', docType: 'task-notice', level: null, region: { province: null, city: null, district: null }, date: null, issuer: null, year: 2022, source: null },
    sections: [
      { ...section('s1', null, 1, '一、', '一、2022年度重点工作'), role: 'plan', roleRule: 'section.plan', year: 2022 },
      { ...section('s2', 's1', 2, '(一)', '(一)扩大有效投资'), lead: ['区发改局'] },
      { ...section('s3', null, 1, '二、', '二、2021年工作回顾'), role: 'review', roleRule: 'section.review', year: 2021 },
    ],
    tasks: [{
      id: 't1', section: 's2', marker: '1.', title: '推进项目建设', ...at(taskText), lead: ['区发改局'],
      responsible: ['区发改局', '区委组织部(区人才办、区编办)'], cooperating: [], quantities: ['q1', 'q2'], rule: 'task.test',
    }],
    quantities: [
      quantity('q1', '全年完成固定资产投资1200亿元以上', '1200亿元', {
        section: 's2', task: 't1', indicator: '固定资产投资', comparator: '>=', value: 1200, unit: '亿元',
        normalized: { value: 120000000000, unit: '元', dimension: 'money' }, kind: 'target', year: 2022,
        rules: rules({ comparator: 'comparator.at-least', kind: 'kind.task', year: 'section.plan', indicator: 'indicator.before' }),
      }),
      quantity('q2', '新建5G基站1-2个', '1-2个', { section: 's2', task: 't1', indicator: '5G基站', range: [1, 2], unit: '个', normalized: { value: null, unit: '个', dimension: 'count' }, kind: 'target', year: 2022,
        rules: rules({ kind: 'kind.task', year: 'section.plan', indicator: 'indicator.after' }) }),
      quantity('q3', '地区生产总值增长6.5%', '6.5%', { indicator: '地区生产总值', value: 6.5, unit: '%', measure: 'growth', direction: 'up', kind: 'actual', year: 2021,
        rules: rules({ measure: 'growth.up', kind: 'kind.review-section', year: 'section.review', indicator: 'indicator.before' }) }),
      quantity('q4', '"引进"企业20家。\r\n=SUM(A1)', '20家', { indicator: '"引进",企业', value: 20, unit: '家', kind: 'other' }),
    ],
    organizations: [
      { name: '区发改局', aliases: [], generic: false, roles: { lead: ['t1'], responsible: ['t1'], cooperating: [] }, mentions: [at('区发改局').span, at('区发改局', 2).span] },
      { name: '区委组织部(区人才办、区编办)', aliases: [], generic: false, roles: { lead: [], responsible: ['t1'], cooperating: [] }, mentions: [at('区委组织部(区人才办、区编办)').span] },
    ],
    tables: [], glossary: [],
    removed: [{ ...at('首页 > 新闻 <script>alert(1)</script>'), rule: 'boilerplate.nav' }],
    messages: [],
  });
}
