import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import { viewHtml, viewPage } from '../src/view/index.js';
import { rules, SEEDS } from './helpers.js';
import { FIXTURE_TEXT, fixtureResult } from './result-fixture.js';

/** Debian's `chromium` package; the test skips where it is absent rather than downloading a browser. */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const OUT = join(import.meta.dirname, '..', 'test-output');
const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) describe('view in Chromium', () => it.skip(`skipped: ${CHROMIUM} not found (install Debian's chromium package)`, () => {}));

describe.skipIf(!hasChromium)('view in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => browser?.close());

  /** Opens the page from a file, refusing any other request; fails on script errors and CSP violations. */
  async function open(html: string, name: string): Promise<{ page: Page; problems: string[] }> {
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, `${name}.html`);
    writeFileSync(file, html);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const problems: string[] = [];
    await page.route(/^(?!file:)/, (route) => (problems.push(`request ${route.request().url()}`), route.abort()));
    page.on('pageerror', (e) => problems.push(`error ${e.message}`));
    page.on('console', (m) => void (m.type() === 'error' && problems.push(`console ${m.text()}`)));
    await page.goto(pathToFileURL(file).href);
    return { page, problems };
  }

  /** Distinct highlights on the page by type (a highlight cut by an overlap is several elements with one data-i). */
  const highlights = (page: Page) =>
    page.$$eval('#text [data-i]', (els) => {
      const seen: Record<string, Set<string>> = {};
      for (const e of els) {
        const type = ['heading', 'task', 'quantity', 'org', 'removed'].find((t) => e.classList.contains(t))!;
        (seen[type] ??= new Set()).add((e as HTMLElement).dataset.i!);
      }
      return Object.fromEntries(Object.entries(seen).map(([k, v]) => [k, v.size]));
    });

  it('seed 000: one highlight per item of the JSON output; clicking one opens its fields', async () => {
    const seed = join(SEEDS, '000_8e5208af9c013f38.txt');
    const json = extract({ path: seed }, { rules });
    const { page, problems } = await open(viewHtml({ path: seed }, { rules }), 'view-000');
    const counts = await highlights(page);
    const mentions = json.organizations.reduce((n, o) => n + o.mentions.length, 0);
    expect({ heading: counts.heading ?? 0, task: counts.task ?? 0, quantity: counts.quantity ?? 0, org: counts.org ?? 0, removed: counts.removed ?? 0 })
      .toEqual({ heading: json.sections.length, task: json.tasks.length, quantity: json.quantities.length, org: mentions, removed: json.removed.length });
    expect(await page.locator('tbody tr').count()).toBe(json.quantities.length);

    // Click a quantity when the extractors found one, else a heading: either way the panel shows its rule id.
    const q = json.quantities[0];
    await page.locator(q ? '#text .quantity' : '#text .heading').first().click();
    const panel = await page.locator('#panel').innerText();
    if (q) expect(panel).toContain(q.core.text);
    expect(panel).toContain(q ? q.rule : json.sections[0]!.rule);
    await page.screenshot({ path: join(OUT, 'view-000.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a quantity nested in a task: its panel names the task around it; the table scrolls to the text; filters hide', async () => {
    const result = fixtureResult();
    const { page, problems } = await open(viewPage(result, FIXTURE_TEXT), 'view-fixture');
    expect(await highlights(page)).toEqual({ removed: 1, heading: 3, task: 1, quantity: 4, org: 3 });
    expect(await page.locator('#text').innerText()).toContain('<script>alert(1)</script>');

    await page.locator('#text .quantity', { hasText: '1200亿元' }).click();
    const panel = page.locator('#panel');
    expect(await panel.isVisible()).toBe(true);
    const shown = await panel.innerText();
    for (const part of ['固定资产投资', '120000000000 元', '>=', 'target', 'test.rule', 'Task 1.推进项目建设']) expect(shown).toContain(part);

    await page.locator('tbody tr.k-actual').click();
    expect(await panel.innerText()).toContain('地区生产总值');
    expect(await page.locator('#text .quantity.sel').innerText()).toBe('6.5%');

    await page.selectOption('#section', 's2');
    expect(await page.locator('#text').innerText()).not.toContain('二、2021年工作回顾');
    expect(await page.locator('tbody tr:visible').count()).toBe(2);
    await page.locator('input[data-off="target"]').uncheck();
    expect(await page.locator('tbody tr:visible').count()).toBe(0);
    expect(await page.locator('#shown').innerText()).toBe('0');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.controls').isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });
});
