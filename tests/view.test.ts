import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLIENT_SCRIPT } from '../src/view/client.js';
import { marksOf, regionsOf, type Mark } from '../src/view/marks.js';
import { viewPage } from '../src/view/page.js';
import { renderText } from '../src/view/render.js';
import { cli, SEEDS } from './helpers.js';
import { FIXTURE_TEXT, fixtureResult } from './result-fixture.js';

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/**
 * Reads rendered text back: checks the spans are balanced, and returns the plain text and, for each `data-i`,
 * the text of all its fragments joined, which must equal the text its range covers.
 */
function readBack(html: string): { plain: string; covered: Map<number, string> } {
  const covered = new Map<number, string>();
  const open: (number | null)[] = [];
  let plain = '';
  for (const token of html.match(/<span[^>]*>|<\/span>|[^<]+/g) ?? []) {
    if (token === '</span>') expect(open.pop()).not.toBeUndefined();
    else if (token.startsWith('<span')) {
      const i = /data-i="(\d+)"/.exec(token);
      open.push(i ? Number(i[1]) : null);
      if (i && !covered.has(Number(i[1]))) covered.set(Number(i[1]), '');
    } else {
      const text = unescape(token);
      plain += text;
      for (const i of new Set(open)) if (i !== null) covered.set(i, covered.get(i)! + text);
    }
  }
  expect(open).toEqual([]);
  return { plain, covered };
}

describe('view: rendering nested and overlapping spans', () => {
  const result = fixtureResult();
  const marks = marksOf(result);

  it('makes a highlight for every heading, task, quantity, organisation mention and removed span', () => {
    const count = (type: Mark['type']) => marks.filter((m) => m.type === type).length;
    expect([count('heading'), count('task'), count('quantity'), count('org'), count('removed')]).toEqual([3, 1, 4, 3, 1]);
    expect(marks.find((m) => m.type === 'quantity')!.fields).toContainEqual(['rule', 'test.rule']);
    // The panel names the rule behind each decided field, and leaves out the fields nothing decided.
    const first = marks.find((m) => m.type === 'quantity')!.fields;
    expect(first).toContainEqual(['kind rule', 'kind.task']);
    expect(first).toContainEqual(['year rule', 'section.plan']);
    expect(first).toContainEqual(['comparator rule', 'comparator.at-least']);
    expect(first.some(([k]) => k === 'measure rule')).toBe(false);
  });

  it('keeps the text whole and each highlight covering exactly its span, even where a task crosses a heading', () => {
    const { plain, covered } = readBack(renderText(FIXTURE_TEXT, regionsOf(result, FIXTURE_TEXT.length), marks));
    expect(plain).toBe(FIXTURE_TEXT);
    expect(covered.size).toBe(marks.length);
    marks.forEach((m, i) => expect(covered.get(i)).toBe(FIXTURE_TEXT.slice(m.start, m.end)));
  });

  it('cuts the text into regions at headings, each with its chain of sections', () => {
    expect(regionsOf(result, FIXTURE_TEXT.length).map((r) => [FIXTURE_TEXT.slice(r.start, r.end).slice(0, 6), r.chain])).toEqual([
      ['首页 > 新', []], ['一、2022', ['s1']], ['(一)扩大有', ['s1', 's2']], ['二、2021', ['s3']],
    ]);
  });

  it('holds for any text and any set of ranges, overlapping or empty', () => {
    const arb = fc.string({ maxLength: 60 }).chain((text) =>
      fc.record({
        text: fc.constant(text),
        ranges: fc.array(fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.constantFrom<Mark['type']>('heading', 'task', 'quantity', 'org', 'removed')), { maxLength: 12 }),
        cuts: fc.uniqueArray(fc.nat(text.length), { maxLength: 4 }),
      }));
    fc.assert(fc.property(arb, ({ text, ranges, cuts }) => {
      const ms: Mark[] = ranges.map(([a, b, type]) => ({ start: Math.min(a, b), end: Math.max(a, b), type, kind: null, label: '', section: null, fields: [] }));
      const bounds = [0, ...cuts.sort((a, b) => a - b).filter((c) => c > 0), text.length];
      const regions = bounds.slice(0, -1).map((start, k) => ({ start, end: bounds[k + 1]!, chain: [] }));
      const { plain, covered } = readBack(renderText(text, regions, ms));
      expect(plain).toBe(text);
      ms.forEach((m, i) => expect(covered.get(i)).toBe(text.slice(m.start, m.end)));
    }));
  });
});

describe('view: the page', () => {
  const html = viewPage(fixtureResult(), FIXTURE_TEXT);

  it('escapes the untrusted text everywhere', () => {
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>&lt;b&gt;测试&lt;/b&gt;报告</title>');
    expect(html.match(/<script\b/g)).toHaveLength(2);
    const data = /<script type="application\/json" id="cnr-data">(.*?)<\/script>/s.exec(html)![1]!;
    expect(data).not.toMatch(/[<>]/);
    expect(JSON.parse(data).marks).toHaveLength(marksOf(fixtureResult()).length);
  });

  it('is self-contained: no URL to fetch, and a CSP that allows only its own style and script', () => {
    expect(html).not.toMatch(/\b(src|href)\s*=|url\(|@import/i);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!.replace(/&#39;/g, "'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`'sha256-${createHash('sha256').update(CLIENT_SCRIPT).digest('base64')}'`);
  });

  it('lists the quantities beside the text, targets first, and offers every section as a filter', () => {
    const rows = [...html.matchAll(/<tr class="k-(\w+)" data-i="(\d+)"/g)].map((m) => m[1]);
    expect(rows).toEqual(['target', 'target', 'actual', 'other']);
    expect([...html.matchAll(/<option value="(s\d)">/g)].map((m) => m[1])).toEqual(['s1', 's2', 's3']);
  });
});

describe('cnreport view', () => {
  const run = cli;
  const seed = join(SEEDS, '000_8e5208af9c013f38.txt');

  it('writes the page to -o, or to standard output', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cnreport-view-')), 'page.html');
    expect(await run('view', seed, '-o', out)).toEqual({ code: 0, stdout: '', stderr: '' });
    const page = readFileSync(out, 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect((await run('view', seed)).stdout).toBe(page);
  });

  it('exits 1 with one line for a missing file, 2 for a usage error', async () => {
    expect(await run('view', '/nonexistent/report.txt')).toEqual({ code: 1, stdout: '', stderr: 'cnreport: /nonexistent/report.txt: no such file\n' });
    expect((await run('view')).code).toBe(2);
  });
});
