import type { TermsReport } from './report.js';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'];

export interface ChartPoint {
  region: string;
  year: number;
  per10k: number;
  count: number;
  words: number;
  file: string;
}

/** One point per document with a year: the group's count over the whole document (all parts) per 10,000 words. */
export function chartPoints(report: TermsReport, group: string): ChartPoint[] {
  const points: ChartPoint[] = [];
  for (const d of report.documents) {
    if (d.year === null) continue;
    let count = 0;
    let words = 0;
    for (const p of d.parts) {
      words += p.words;
      count += p.groups?.find((g) => g.group === group)?.count ?? 0;
    }
    const region = [d.region.province, d.region.city, d.region.district].filter(Boolean).join(' ') || (d.level === 'national' ? '全国' : d.level) || '(region unknown)';
    points.push({ region, year: d.year, per10k: words > 0 ? (count * 10000) / words : 0, count, words, file: d.file });
  }
  return points.sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : a.year - b.year));
}

/** A small self-contained HTML page (inline SVG, no script): the group's rate across the documents' years, a line per region. */
export function termsChart(report: TermsReport, group: string): string {
  const points = chartPoints(report, group);
  const W = 640;
  const H = 360;
  const L = 56;
  const R = 160;
  const T = 40;
  const B = 40;
  const years = points.map((p) => p.year);
  const y0 = Math.min(...years, Infinity);
  const y1 = Math.max(...years, -Infinity);
  const maxRate = Math.max(...points.map((p) => p.per10k), 0) || 1;
  const x = (year: number) => (y1 === y0 ? L + (W - L - R) / 2 : L + ((year - y0) / (y1 - y0)) * (W - L - R));
  const y = (rate: number) => H - B - (rate / maxRate) * (H - T - B);
  const regions = [...new Set(points.map((p) => p.region))];
  const parts: string[] = [];
  parts.push(`<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="#333"/><line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="#333"/>`);
  for (let i = 0; i <= 4; i++) {
    const rate = (maxRate * i) / 4;
    parts.push(`<text x="${L - 6}" y="${y(rate) + 4}" text-anchor="end" font-size="11">${rate.toFixed(1)}</text><line x1="${L}" y1="${y(rate)}" x2="${W - R}" y2="${y(rate)}" stroke="#eee"/>`);
  }
  for (const year of [...new Set(years)].sort()) parts.push(`<text x="${x(year)}" y="${H - B + 16}" text-anchor="middle" font-size="11">${year}</text>`);
  regions.forEach((region, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    const own = points.filter((p) => p.region === region);
    if (own.length > 1) parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${own.map((p) => `${x(p.year).toFixed(1)},${y(p.per10k).toFixed(1)}`).join(' ')}"/>`);
    for (const p of own) parts.push(`<circle cx="${x(p.year).toFixed(1)}" cy="${y(p.per10k).toFixed(1)}" r="4" fill="${colour}"><title>${esc(`${p.file}: ${p.count} / ${p.words} words = ${p.per10k.toFixed(2)} per 10,000`)}</title></circle>`);
    parts.push(`<rect x="${W - R + 12}" y="${T + i * 18 - 9}" width="10" height="10" fill="${colour}"/><text x="${W - R + 28}" y="${T + i * 18}" font-size="12">${esc(region)}</text>`);
  });
  const rows = points.map((p) => `<tr><td>${esc(p.region)}</td><td>${p.year}</td><td>${p.count}</td><td>${p.words}</td><td>${p.per10k.toFixed(2)}</td><td>${esc(p.file)}</td></tr>`).join('\n');
  const keywords = report.groups?.find((g) => g.name === group)?.keywords.join(' ') ?? '';
  return `<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>${esc(group)}: per 10,000 words by year</title>
<style>body{font-family:sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}td:first-child,td:last-child{text-align:left}p{font-size:13px;color:#555}</style>
</head><body>
<h1 style="font-size:18px">${esc(group)} (${esc(keywords)}): mentions per 10,000 words</h1>
<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" role="img" aria-label="${esc(group)} per 10,000 words by year">
<text x="${L}" y="${T - 16}" font-size="12">per 10,000 words</text>
${parts.join('\n')}
</svg>
<table><tr><th>region</th><th>year</th><th>count</th><th>words</th><th>per 10,000</th><th>file</th></tr>
${rows}
</table>
<p>${esc(report.denominator)}. Dictionary: ${report.dictionary}.</p>
</body></html>
`;
}
