import type { Doc, Range } from '../../document.js';
import type { Rules } from '../../rules/schema.js';
import { iso } from './dates.js';

type FrontRules = NonNullable<Rules['boilerplate']['frontMatter']>;

/** What a YAML block or scraper header at the top of a file says: hints for the metadata, and where it ends. */
export interface FrontMatter extends Range {
  title: string | null;
  date: string | null;
  issuer: string | null;
  source: string | null;
}

const HINTS = ['title', 'date', 'issuer', 'source'] as const;
/** `key: value` with the key bare, quoted or in markdown bold (**发布日期**: …); `:` is the view's folded `：`. */
const FIELD = /^[\s\ufeff*_-]*["']?([A-Za-z][\w-]{0,20}|[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z]{0,9})["']?[\s\ufeff*_]*:\s*(.*)$/u;
/** A character other than a space or a byte-order mark: a line without one is blank. */
const VISIBLE = /[^\s\ufeff]/u;
/** Values that say nothing: 未知, 无, null, ~. */
const EMPTY = /^(未知|无|暂无|null|none|~|-)?$/iu;
/** A line of a YAML block: `key: value`, a list item or a comment (a markdown rule `---` above prose is no block). */
const YAML_LINE = /^([^\s:]{1,40}\s*:(\s|$)|-\s|#)/u;
/** How far below its opening line a YAML block may close. */
const MAX_YAML_LINES = 60;

export type FrontKind = (typeof HINTS)[number] | 'other';

/**
 * The kind of each key word of the front-matter rules, lower-cased (a hint's words before the other words, in the
 * order of HINTS: the first list naming a word decides). Called once by the rule loader (src/rules/compile.ts):
 * `rules.boilerplate.compiled.frontKeys`.
 */
export function compileFrontKeys(rules: FrontRules | null | undefined): ReadonlyMap<string, FrontKind> {
  const out = new Map<string, FrontKind>();
  if (!rules) return out;
  for (const hint of HINTS) for (const w of rules[hint]) if (!out.has(w.toLowerCase())) out.set(w.toLowerCase(), hint);
  for (const w of rules.other) if (!out.has(w.toLowerCase())) out.set(w.toLowerCase(), 'other');
  return out;
}

/** The value as written in the source: quotes, markdown emphasis and spaces taken off; null when it says nothing. */
function value(doc: Pick<Doc, 'text'>, end: number, length: number): string | null {
  const raw = doc.text.slice(end - length, end).replace(/^[\s*"'\ufeff]+|[\s*"'\ufeff]+$/gu, '');
  return EMPTY.test(raw) ? null : raw;
}

function isoDate(text: string | null): string | null {
  const m = text ? /(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})/u.exec(text) : null;
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  // A feed's date (RFC 2822: Sun, 06 Mar 2022 00:03:50 GMT), as RSS copies of news pages write it.
  const r = text ? RFC2822.exec(text) : null;
  return r ? iso(Number(r[3]), MONTHS.indexOf(r[2]!.toLowerCase()) + 1, Number(r[1])) : null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RFC2822 = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+(\d{4})\b/i;

/**
 * A YAML block (`---` on the first line, closed by `---` or `...`) and/or a header of `key: value` lines with the
 * keys of rules/boilerplate.yaml (标题, 发布日期, 来源…) opening the file. The header must start on the first
 * non-empty line (or right after the YAML block) and name at least one hint key; it ends at the first other line.
 */
export function frontMatter(doc: Pick<Doc, 'text' | 'lines' | 'lineStarts'>, boilerplate: Rules['boilerplate']): FrontMatter | null {
  const rules = boilerplate.frontMatter;
  if (!rules) return null;
  const keys = boilerplate.compiled.frontKeys;
  const lines = doc.lines;
  const blank = (i: number) => !VISIBLE.test(lines[i]!.body);
  const next = (i: number) => {
    while (i < lines.length && blank(i)) i++;
    return i;
  };
  const hints: Record<(typeof HINTS)[number], string | null> = { title: null, date: null, issuer: null, source: null };
  const take = (i: number): 'hint' | 'other' | null => {
    const m = FIELD.exec(lines[i]!.body);
    const kind = m ? keys.get(m[1]!.toLowerCase()) ?? null : null;
    if (!m || !kind) return null;
    if (kind !== 'other') hints[kind] ??= value(doc, lines[i]!.end, m[2]!.length);
    return kind === 'other' ? 'other' : 'hint';
  };
  const first = next(0);
  if (first >= lines.length) return null;
  let last = -1;
  let at = first;
  if (lines[first]!.body === '---') {
    const close = lines.findIndex((l, j) => j > first && j <= first + MAX_YAML_LINES && (l.body === '---' || l.body === '...'));
    // (A list item is read as written: the view blanks a markdown bullet, `  - "經濟"` of a tags list.)
    const yamlLike = (j: number) => blank(j) || YAML_LINE.test(lines[j]!.body) || YAML_LINE.test(doc.text.slice(doc.lineStarts[j]!, lines[j]!.end).trim());
    if (close > first + 1 && lines.slice(first + 1, close).every((_, k) => yamlLike(first + 1 + k))) {
      for (let j = first + 1; j < close; j++) take(j);
      last = close;
      at = next(close + 1);
    }
  }
  let header = -1;
  let named = false;
  for (let i = at; i < lines.length; i = next(i + 1)) {
    const kind = take(i);
    if (!kind) break;
    named ||= kind === 'hint';
    header = i;
  }
  if (named) last = header;
  if (last < 0) return null;
  return { start: lines[first]!.start, end: lines[last]!.end, ...hints, date: isoDate(hints.date) };
}
