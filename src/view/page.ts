import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Result } from '../schema.js';
import { CLIENT_SCRIPT } from './client.js';
import { marksOf, regionsOf, sectionChains, type Mark } from './marks.js';
import { escapeHtml as h, renderText } from './render.js';
import { STYLE } from './style.js';

/** JSON inside a <script> block: `<`, `>`, `&` and the JS line separators escaped, so no text can close the block. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const SYMBOLS = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '~': '≈' } as const;

const sha = (code: string) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`;

function header(result: Result, marks: Mark[]): string {
  const { meta, source } = result;
  const region = [meta.region.province, meta.region.city, meta.region.district].filter(Boolean).join(' ');
  const facts = [`type ${meta.docType}`, region, meta.date, meta.issuer, meta.year ? `year ${meta.year}` : null, source.path, `${source.encoding}, ${source.chars} chars`];
  const count = (type: Mark['type'], kind?: string) => marks.filter((m) => m.type === type && (!kind || m.kind === kind)).length;
  const box = (off: string, label: string, n: number) =>
    `<label><input type="checkbox" checked data-off="${off}"> <span class="swatch sw-${off}"></span>${label} (${n})</label>`;
  const options = result.sections.map((s) => `<option value="${h(s.id)}">${'\u3000'.repeat(s.depth - 1)}${h(s.heading)}</option>`).join('');
  return `<header>
<h1>${h(meta.title ?? (source.path ? basename(source.path) : 'Report'))}</h1>
<p class="meta">${facts.filter(Boolean).map((f) => h(String(f))).join(' · ')}</p>
<div class="controls">
<label>Section <select id="section"><option value="">All sections</option>${options}</select></label>
<fieldset><legend>Quantities</legend>${box('target', 'target', count('quantity', 'target'))}${box('actual', 'actual', count('quantity', 'actual'))}${box('other', 'other', count('quantity', 'other'))}</fieldset>
<fieldset><legend>Show</legend>${box('heading', 'headings', count('heading'))}${box('task', 'tasks', count('task'))}${box('org', 'organisations', count('org'))}${box('removed', 'removed', count('removed'))}</fieldset>
</div>
<p class="meta print-only">Quantities: target <span class="quantity k-target">solid underline</span>, actual <span class="quantity k-actual">double underline</span>, other <span class="quantity k-other">dotted underline</span>; <span class="heading">headings</span>, <span class="task">tasks</span>, <span class="org">organisations</span>, <span class="removed">removed text</span>.</p>
</header>`;
}

/** The quantities table beside the text, targets first: each row points at its highlight by `data-i`. */
function table(result: Result, marks: Mark[]): string {
  const chain = sectionChains(result);
  const order = { target: 0, actual: 1, other: 2 } as const;
  // marksOf lists the quantities in result order, so the k-th quantity mark is result.quantities[k].
  const at = marks.flatMap((m, i) => (m.type === 'quantity' ? [i] : []));
  const rows = result.quantities
    .map((q, k) => ({ q, i: at[k]! }))
    .sort((a, b) => order[a.q.kind] - order[b.q.kind] || a.q.core.span.start - b.q.core.span.start)
    .map(({ q, i }) => {
      const growth = q.measure === 'growth' ? (q.direction === 'down' ? ' ↓' : ' ↑') : '';
      const value = `${q.comparator ? SYMBOLS[q.comparator] : ''}${q.range ? q.range.join('-') : q.value ?? ''}${q.unit}${growth}`;
      return `<tr class="k-${q.kind}" data-i="${i}" data-chain="${h(chain(q.section).join(' '))}" tabindex="0"><td><span class="chip k-${q.kind}">${q.kind}</span></td><td>${h(q.indicator ?? '')}</td><td class="num">${h(value)}</td><td>${q.year ?? ''}</td><td>${q.core.span.line}</td></tr>`;
    });
  return `<h2>Quantities, targets first (<span id="shown">${rows.length}</span> of ${rows.length})</h2>
<table><thead><tr><th>kind</th><th>indicator</th><th>value</th><th>year</th><th>line</th></tr></thead><tbody>${rows.join('')}</tbody></table>${rows.length ? '' : '<p class="meta">No quantities were found.</p>'}`;
}

/** A self-contained page: the text with every item highlighted, filters, a details panel and a quantities table. */
export function viewPage(result: Result, text: string): string {
  const marks = marksOf(result);
  const data = scriptJson({ marks: marks.map(({ type, kind, label, fields }) => ({ type, kind, label, fields })) });
  const csp = `default-src 'none'; style-src ${sha(STYLE)}; script-src ${sha(CLIENT_SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="cnreport">
<title>${h(result.meta.title ?? result.source.path ?? 'cnreport view')}</title>
<style>${STYLE}</style>
</head>
<body>
${header(result, marks)}
<main>
<div id="text"><div class="body">${renderText(text, regionsOf(result, text.length), marks)}</div></div>
<aside><div id="panel" hidden aria-live="polite"></div>${table(result, marks)}</aside>
</main>
<script type="application/json" id="cnr-data">${data}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}
