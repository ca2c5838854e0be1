import type { Block, Doc } from '../../document.js';
import type { RawRules, Rules } from '../../rules/schema.js';
import { digitsSpelled, edgeUnits, mayHold, requiredText } from '../../rules/regex-ast.js';
import type { Numerals } from '../quantity/numbers.js';

/** How many opening lines may carry a web page's date stamp. */
const OPENING_LINES = 60;
/** How many opening blocks may carry a delivery phrase. */
const FRONT_BLOCKS = 15;

type DateRule = { id: string; pattern: RegExp };
/** A date rule of meta.yaml `dates` with what rules texts out before it runs: the characters an anchored pattern opens with, the texts it needs. */
interface Gated { rule: DateRule; opens: ReadonlySet<number> | null; needs: readonly string[] | null }
export type DateRules = Partial<Record<keyof RawRules['meta']['dates'], Gated>>;

/** The date rules with their gates, compiled once at load (`rules.meta.compiled.dates`). */
export function compileDates(rules: RawRules): DateRules {
  const out: DateRules = {};
  for (const [key, rule] of Object.entries(rules.meta.dates) as [keyof DateRules, DateRule | undefined][]) {
    if (!rule) continue;
    const opens = edgeUnits(new RegExp(digitsSpelled(rule.pattern.source), rule.pattern.flags), 'first');
    // An anchored pattern fails at once where it cannot open; the others are tried only on texts holding what they need.
    out[key] = { rule, opens, needs: rule.pattern.source.startsWith('^') ? null : requiredText(rule.pattern) };
  }
  return out;
}

/**
 * A Chinese numeral of a date to its value, with the numerals of units.yaml: 二〇二二 → 2022 (digit by digit), 十二
 * → 12, 二十七 → 27; digits as they are (12 → 12).
 */
export function cnNumber(s: string, n: Numerals): number {
  if (/^\d+$/.test(s)) return Number(s);
  const digit = (c: string) => n.digit.get(c.charCodeAt(0)) ?? 0;
  const ten = [...s].findIndex((c) => n.place.get(c.charCodeAt(0)) === 10);
  if (ten < 0) return Number([...s].map(digit).join(''));
  const [tens, ones] = s.split(s[ten]!) as [string, string];
  return (tens ? digit(tens) : 1) * 10 + (ones ? digit(ones) : 0);
}

export function iso(y: number, m: number, d: number): string | null {
  if (y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The date a match names; a pattern with two forms names the second form's parts year2, month2, day2. */
const ofMatch = (m: RegExpExecArray | null, n: Numerals) => {
  const g = m?.groups;
  if (!g) return null;
  const year = g.year ?? g.year2;
  return year === undefined ? null : iso(cnNumber(year, n), cnNumber((g.year !== undefined ? g.month : g.month2)!, n), cnNumber((g.year !== undefined ? g.day : g.day2)!, n));
};

/** Whether the rule's first-character gate lets a text through that opens with the character at `start` of `text`. */
const mayOpen = (g: Gated, text: string, start: number): boolean => !g.opens || g.opens.has(text.charCodeAt(start));

/** The rule matched against `text` (or the view's text from `start` to `end`), tried only when its gates let the text through. */
function execIf(g: Gated | undefined, text: string, start = 0, end = text.length): RegExpExecArray | null {
  if (!g || end <= start || !mayOpen(g, text, start)) return null;
  const t = start === 0 && end === text.length ? text : text.slice(start, end);
  return mayHold(t, g.needs) ? g.rule.pattern.exec(t) : null;
}

/**
 * Where a page's navigation the cleaner took out ends (boilerplate.yaml blocks marked `navigation`), or 0: the dates
 * on it are other pages', so no date of the document is read before it.
 */
function navigationEnd(doc: Pick<Doc, 'removed'>, rules: Rules): number {
  const navigation = rules.boilerplate.compiled.navigation;
  let end = 0;
  if (navigation.size) for (const r of doc.removed) if (r.end > end && navigation.has(r.rule)) end = r.end;
  return end;
}

/**
 * The first OPENING_LINES non-empty line bodies from `after` on, by a plain loop (a generator here made findDate
 * several times as costly to optimise).
 */
function openingLines(doc: Pick<Doc, 'lines'>, after: number): string[] {
  const out: string[] = [];
  for (const l of doc.lines) {
    if (l.start < after) continue;
    // A raw HTML page's lines are read without their tags (<div class="time">2026-02-04 07:19:08</div>); a line of
    // nothing but tags (<head>, <meta …>) counts for none.
    const body = l.body.includes('<') ? l.body.replace(HTML_TAG, '').trim() : l.body;
    if (!body) continue;
    out.push(body);
    if (out.length >= OPENING_LINES) break;
  }
  return out;
}

const HTML_TAG = /<[^<>\n]{0,300}>/g;

/** In how many last blocks, and in how many of their last characters, a signature glued to the last sentence is looked for (dates.signed). */
const SIGNED_BLOCKS = 3;
const SIGNED_TAIL = 80;

/** The ends of the last blocks, where a signature glued to the last sentence stands (…落地见效。国务院办公厅2020年7月15日). */
const signedTails = (body: readonly Block[]): Block[] => body.slice(-SIGNED_BLOCKS).map((b) => ({ ...b, start: Math.max(b.start, b.end - SIGNED_TAIL) }));

/**
 * The date of delivery or issue, by the meta.yaml `dates` rules: a date line (the delivery line of a report, the
 * date under a notice's signature), else a signature glued to the last sentence, else a delivery phrase in an opening
 * block, else a collector header, else a web page's date stamp, else a byline's date, else the day a news article
 * says the report was delivered.
 */
export function findDate(doc: Doc, body: Block[], news: boolean, fallbackYear: () => number | null, rules: Rules): string | null {
  const view = doc.view;
  const r = rules.meta.compiled.dates;
  const n = rules.quantities.compiled.numerals;
  const d = dateInBlocks(r.line, view, body, body.length, n) ?? dateInBlocks(r.signed, view, signedTails(body), Math.min(body.length, SIGNED_BLOCKS), n)
    ?? dateInBlocks(r.delivery, view, body, Math.min(body.length, FRONT_BLOCKS), n) ?? dateInBlocks(r.collector, view, body, body.length, n);
  if (d) return d;
  // Web pages stamp the posting date on lines the cleaner removes (2019 / 08/12, 2026-02-09 09:45:30): read them all.
  const after = navigationEnd(doc, rules);
  const lines = openingLines(doc, after);
  for (let i = 0; i < lines.length; i++) {
    // A line and the next are joined only when the split stamp may open the line: the joined text is a new string,
    // copied whole when its first character is read.
    const splitRule = r.splitStamp && mayOpen(r.splitStamp, lines[i]!, 0) ? r.splitStamp : undefined;
    const d = ofMatch(execIf(r.stamp, lines[i]!), n) ?? (splitRule ? ofMatch(execIf(splitRule, `${lines[i]!}\n${lines[i + 1] ?? ''}`), n) : null);
    if (d) return d;
  }
  for (const { start, body: line } of doc.lines) {
    if (start < after) continue;
    const d = ofMatch(execIf(r.byline, line), n);
    if (d) return d;
  }
  for (const b of news ? body : []) {
    const m = execIf(r.news, view, b.start, b.end);
    if (!m?.groups) continue;
    const year = execIf(r.newsYear, m[0])?.groups?.year;
    const y = year ? Number(year) : fallbackYear();
    if (y) return iso(y, Number(m.groups.month), Number(m.groups.day));
  }
  return null;
}

/**
 * The date a rule reads in the first of the first `count` blocks it matches in. One loop for the three block rules:
 * written out thrice in findDate, the matching and the reading were optimised thrice with it (its costliest compile).
 */
function dateInBlocks(g: Gated | undefined, view: string, blocks: readonly Block[], count: number, n: Numerals): string | null {
  if (!g) return null;
  for (let i = 0; i < count; i++) {
    const d = ofMatch(execIf(g, view, blocks[i]!.start, blocks[i]!.end), n);
    if (d) return d;
  }
  return null;
}
