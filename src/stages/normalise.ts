import { withFields, type Doc, type Range, type Stage, type ViewLine } from '../document.js';
import type { Rules } from '../rules/schema.js';
import { isSpaceCode, trimRange } from '../span.js';
import { FILLER } from '../util/breaks.js';
import { ENTITY, entityCode } from '../util/entities.js';
import { LetterSpacing } from '../util/spacing.js';
import { isDigitCode } from '../util/find.js';

/**
 * Half-width katakana-block CJK punctuation and the small form variants, to the form rules are written for; and ℅,
 * which input methods give for % (同比增长15℅).
 */
const PUNCT: Record<number, number> = {
  0x2105: 0x25,
  0xff61: 0x3002, 0xff62: 0x300c, 0xff63: 0x300d, 0xff64: 0x3001,
  0xfe50: 0x2c, 0xfe51: 0x3001, 0xfe52: 0x2e, 0xfe54: 0x3b, 0xfe55: 0x3a, 0xfe56: 0x3f, 0xfe57: 0x21,
  0xfe59: 0x28, 0xfe5a: 0x29, 0xfe6a: 0x25,
};

/**
 * One UTF-16 unit in, one out: full-width ASCII (U+FF01–FF5E) to ASCII, odd and invisible spaces (NBSP, U+2000–200B,
 * U+3000, BOM, soft hyphen…) to a plain space. Surrogate halves are left alone, so the view has exactly the
 * original's length and every offset in it is an offset in the original.
 */
export function mapChar(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (code === 0x3000 || code === 0x00a0 || code === 0x00ad || (code >= 0x2000 && code <= 0x200b)) return 0x20;
  if (code === 0x202f || code === 0x205f || code === 0x2060 || code === 0xfeff || code === 0x180e) return 0x20;
  return PUNCT[code] ?? code;
}

/**
 * HTML space entities left by scrapers (`&nbsp;`, `&#12288;`) stand for one space each: in the view a space and
 * then fillers (`FILLER`, util/breaks.ts) to the entity's length, so they separate like the space they stand for, never read as
 * words or numbers, and a single one inside a sentence (完成&nbsp;156.3亿元) does not cut it as a run of spaces
 * would. Two or more in a row still do (the cleaner counts spaces across fillers). So do the escapes R writes for
 * them in a text it could not encode (`<U+00A0>`).
 */
const SPACE_ENTITY = /&(?:nbsp|ensp|emsp|thinsp|#160|#xa0|#12288|#x3000|#8194|#8195);|<U\+(?:00A0|3000|2002|2003|2009)>/gi;

/**
 * Space entities as a space, other entities (&ldquo;十一五&rdquo;, &mdash;: util/entities.ts) as their character, read
 * through `shift` as the view's are, each then fillers to the entity's length.
 */
function unentity(view: string, shift: Uint16Array): string {
  return view.replace(SPACE_ENTITY, (m) => ` ${fill(m.slice(1))}`).replace(ENTITY, (m, name?: string, dec?: string, hex?: string) => {
    const code = entityCode(name, dec, hex);
    return code === null ? m : String.fromCharCode((code + shift[code]!) & 0xffff) + fill(m.slice(1));
  });
}

/** The units `mapChar` can change, as [first, last] ranges (tests/normalise.test.ts checks this against mapChar). */
export const CHANGED_UNITS: readonly (readonly [number, number])[] = [
  [0x00a0, 0x00a0], [0x00ad, 0x00ad], [0x180e, 0x180e], [0x2000, 0x200b], [0x202f, 0x202f], [0x205f, 0x2060], [0x2105, 0x2105],
  [0x3000, 0x3000], [0xfe50, 0xfe6a], [0xfeff, 0xfeff], [0xff01, 0xff64],
];

/**
 * What `mapChar` adds to each UTF-16 unit (mod 2^16; 0 for most), as a table read once per character. Built once at
 * load, never written: a table zeroed by the allocation, filled only where a unit changes (cheap at start-up, where
 * running mapChar over all 65,536 units took milliseconds).
 */
const SHIFT = (() => {
  const shift = new Uint16Array(0x10000);
  for (const [first, last] of CHANGED_UNITS) for (let code = first; code <= last; code++) shift[code] = (mapChar(code) - code) & 0xffff;
  return shift;
})();

/**
 * `SHIFT` with the characters a rule set reads as others (rules/script.yaml: traditional forms as simplified) added:
 * one table, so the view is still made in one pass over the text. Built once per rule set.
 */
export function compileShift(pairs: string): Uint16Array {
  const shift = SHIFT.slice();
  // A string of pairs of UTF-16 units (rules/script.yaml, validated: no surrogate halves): a unit, then its reading.
  for (let i = 0; i + 1 < pairs.length; i += 2) shift[pairs.charCodeAt(i)] = (pairs.charCodeAt(i + 1) - pairs.charCodeAt(i)) & 0xffff;
  return shift;
}

/**
 * The text with `mapChar` (and whatever else `shift` reads as another character) applied to every unit; the text
 * itself when no unit changes. The units are copied out and back as UTF-16 by Node's own encoder, which keeps every
 * unit as it is (a lone surrogate too).
 */
function mapChars(text: string, shift: Uint16Array): string {
  const n = text.length;
  const i = firstChanged(text, shift);
  if (i === n) return text;
  const buf = Buffer.allocUnsafeSlow(2 * n);
  buf.write(text, 'utf16le');
  shiftUnits(new Uint16Array(buf.buffer, buf.byteOffset, n), i, shift);
  return buf.toString('utf16le');
}

// The two loops of mapChars are functions of their own: V8 compiles a hot loop on-stack during the first call, and
// code after the loop that had never run by then (the Buffer calls) had no type feedback and deoptimised.

/** The index of the first unit `shift` changes, or the text's length. */
function firstChanged(text: string, shift: Uint16Array): number {
  const n = text.length;
  let i = 0;
  while (i < n && shift[text.charCodeAt(i)] === 0) i++;
  return i;
}

/** `shift` applied to the units from `from` on, in place. */
function shiftUnits(units: Uint16Array, from: number, shift: Uint16Array): void {
  for (let j = from; j < units.length; j++) units[j] = (units[j]! + shift[units[j]!]!) & 0xffff;
}

/**
 * A markdown copy of a report (scrapers and knowledge bases write them): heading hashes, quote marks and bullets at
 * the start of a line become spaces in the view, so `## 一、…` is read as a heading. Emphasis and link syntax inside
 * a line become U+FEFF fillers (`FILLER`, util/breaks.ts), which split no unit the way a run of spaces does and which cue words,
 * numbers and units are read across (util/breaks.ts), so `达到**3560亿元**` reads like `达到3560亿元`. Only in a
 * text that shows markdown headings or emphasis, or opens with a bullet line: elsewhere a `#` or a `-` at the start
 * of a line is text.
 */
const MD_SIGNS = /^ {0,3}#{1,6}[ \t]+\S|\*\*[^*\n]{1,200}\*\*/m;
const MD_HEADING = /^( {0,3})(#{1,6}[ \t]+)(?=\S)/gm;
const MD_QUOTE = /^( {0,3})(>[ \t]?)/gm;
const MD_BULLET = /^([ \t]{0,6})([-*+★☆●○■□◆◇▲△▶►•※✦❖][ \t]+)(?=\S)/gm;
const MD_STRONG = /(\*\*|__)(?=\S)([^\n]{0,200}?\S)\1/g;
const MD_LINK = /\[([^\]\n]{1,200})\]\(([^()\s]{1,300})\)/g;
const blank = (s: string) => ' '.repeat(s.length);
const fill = (s: string) => FILLER.repeat(s.length);

/**
 * A text that opens with a markdown bullet line (- 人大代表票决确定…, a scraped page's list): a markdown copy too. Not a
 * page number (- 12 -), which opens with a digit.
 */
const MD_OPENING_BULLET = /^\s{0,6}[-*+][ \t]+[^\s\d\-—]/;

function unmark(view: string): string {
  // Both signs hold a # or **: a text with neither is not scanned for them.
  const signs = (view.includes('#') || view.includes('**')) && MD_SIGNS.test(view);
  if (!signs && !MD_OPENING_BULLET.test(view.slice(0, 16))) return view;
  return view
    .replace(MD_HEADING, (_, lead: string, mark: string) => lead + blank(mark))
    .replace(MD_QUOTE, (_, lead: string, mark: string) => lead + blank(mark))
    .replace(MD_BULLET, (_, lead: string, mark: string) => lead + blank(mark))
    .replace(MD_STRONG, (_, mark: string, inner: string) => fill(mark) + inner + fill(mark))
    .replace(MD_LINK, (_, label: string, url: string) => `${FILLER}${label}${fill(`](${url})`)}`);
}

/**
 * An HTML copy's inline tags (<b>, <a href…>, <span…>) become fillers, like markdown emphasis, so 增长<b>6%</b> reads
 * like 增长6%; block tags (<p>, <div>, <td>…) stay, and the clean stage cuts paragraphs at them. Only in a text
 * that shows HTML block tags.
 */
const HTML_SIGNS = /<\/?(?:p|div|br|td|li|table|span)\b[^<>\n]{0,300}>/i;
const HTML_INLINE = /<\/?(?:a|b|strong|em|i|u|span|font|sup|sub|small|big|label|abbr|ins|del|s|strike|mark|code|q|cite|o:p)\b[^<>\n]{0,300}>/gi;

function unhtml(view: string): string {
  return view.includes('<') && HTML_SIGNS.test(view) ? view.replace(HTML_INLINE, fill).replace(CELL_BREAK, fill) : view;
}

/** A line break a converter left at the start of a pipe table's cell (| <br>全国总人口 | <br>140005 |): no break of the row. */
const CELL_BREAK = /(?<=\|[ \t]*)<br\s*\/?>/gi;

/**
 * A round bullet opening a line (●经济增长6%左右, • 新建学校3所) marks a list item, in any copy: in the view it is a
 * space, so no indicator or title starts with it. (Squares and diamonds, ■ 2024年成绩单, mark part titles: they stay
 * for the heading grammar.)
 */
const LIST_BULLET = /^([ \t]{0,8})([●○•▪])/gm;
/** The bullets LIST_BULLET reads: a text holding none of them is not searched for it. */
const BULLETS = ['●', '○', '•', '▪'];
/** Four native searches, cheaper than a regex class run over the whole text character by character. */
const hasBullet = (text: string) => BULLETS.some((b) => text.includes(b));

/**
 * Called once by the rule loader (src/rules/compile.ts): rules/script.yaml yearNumerals as a table from a numeral's
 * char code to its digit's (0 for no numeral), read once per character as SHIFT is.
 */
export function compileYearDigits(pairs: string): Uint16Array {
  const digits = new Uint16Array(0x10000);
  for (let i = 0; i + 1 < pairs.length; i += 2) digits[pairs.charCodeAt(i)] = pairs.charCodeAt(i + 1);
  return digits;
}

/** Characters of a number that a year's four numerals must not follow (三千九百九十八年 is no year 九九八年 of it). */
const PLACE_CODES = new Set([...'十百千万亿两'].map((ch) => ch.charCodeAt(0)));

/**
 * A year written in numerals (一九九八年, 二〇〇〇年, 二00一年) read in digits: four numerals or digits right before 年, one
 * at least a numeral, after no other numeral or digit. One for one, so the view keeps the text's length.
 */
function yearsInDigits(view: string, digits: Uint16Array | null): string {
  if (!digits) return view;
  // The view in pieces, the years in digits among them: made only where a year is written in numerals.
  const parts: string[] = [];
  let from = 0;
  for (let at = view.indexOf('年', 4); at >= 0; at = view.indexOf('年', at + 1)) {
    // Most 年 follow no numeral (今年, 年均); one after a digit is most often a year in digits (2023年).
    const last = view.charCodeAt(at - 1);
    if (digits[last] === 0 && !isDigitCode(last)) continue;
    let numerals = 0;
    let i = at - 4;
    for (; i < at; i++) {
      const code = view.charCodeAt(i);
      if (digits[code] !== 0) numerals++;
      else if (!isDigitCode(code)) break;
    }
    const before = at > 4 ? view.charCodeAt(at - 5) : 0;
    if (i < at || numerals === 0 || isDigitCode(before) || digits[before] !== 0 || PLACE_CODES.has(before)) continue;
    let year = '';
    for (let k = at - 4; k < at; k++) year += String.fromCharCode(digits[view.charCodeAt(k)] || view.charCodeAt(k));
    parts.push(view.slice(from, at - 4), year);
    from = at;
  }
  if (!parts.length) return view;
  parts.push(view.slice(from));
  return parts.join('');
}

/** Whether a UTF-16 unit is a CJK character (the blocks a pinyin reading follows). */
const isHan = (code: number) => code >= 0x3400 && code <= 0x9fff;

/**
 * A copy a machine annotated with pinyin (發(fā)展): each reading (`gloss`, rules/script.yaml) right after a character
 * becomes fillers, so the words and numbers it cut read whole. The regex runs only where a ( stands before a Latin letter.
 */
function unglossed(view: string, gloss: RegExp | null): string {
  if (!gloss || !opensWith(view, '(', isReadingStart)) return view;
  return view.replace(gloss, (m: string, at: number) => (isHan(view.charCodeAt(at - 1)) ? fill(m) : m));
}

/** Whether `open` stands somewhere right before a character `next` accepts: one native search per `open`, no regex scan. */
function opensWith(view: string, open: string, next: (code: number) => boolean): boolean {
  for (let at = view.indexOf(open); at >= 0; at = view.indexOf(open, at + 1)) if (next(view.charCodeAt(at + 1))) return true;
  return false;
}

/** What a pinyin reading opens with: a Latin small letter, plain or with a tone mark. */
const isReadingStart = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0xe0 && code <= 0x1dc);

/**
 * A note's reference mark right after a character (全国农民工[12]总量, …统计公报[1]) made fillers, so a word a mark cut
 * reads whole: found from its bracket by native search, the one or two digits and the closing bracket read after it.
 */
function unnoted(view: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let at = view.indexOf('['); at >= 0; at = view.indexOf('[', at + 1)) {
    if (!isHan(view.charCodeAt(at - 1))) continue;
    let end = at + 1;
    while (end < at + 3 && isDigitCode(view.charCodeAt(end))) end++;
    if (end === at + 1 || view.charCodeAt(end) !== 0x5d) continue; // ]
    parts.push(view.slice(from, at), fill(view.slice(at, end + 1)));
    from = end + 1;
  }
  if (!parts.length) return view;
  parts.push(view.slice(from));
  return parts.join('');
}

/** Where a page's header stands: its opening characters. */
const HEADER_CHARS = 4000;

/**
 * A two-character field key spaced out to the width of four at the start of a line (标　　题：…, 日　　期：…), as page
 * headers set them: the spaces are fillers, so the key reads whole (标题:) and no cut is made between its characters.
 * Only in a text's opening characters (HEADER_CHARS), where such headers stand.
 */
function unspacedKeys(view: string): string {
  const stop = Math.min(view.length, HEADER_CHARS);
  let out: string[] | null = null;
  let from = 0;
  // Line by line (native searches for the breaks): a key opens its line, past its indent.
  for (let line = 0; line < stop; line = view.indexOf('\n', line) + 1 || stop) {
    let k = line;
    while (k < stop && (view.charCodeAt(k) === 0x20 || view.charCodeAt(k) === 0x09)) k++;
    if (!isHan(view.charCodeAt(k))) continue;
    let gap = k + 1;
    while (gap < stop && gap - k <= 4 && view.charCodeAt(gap) === 0x20) gap++;
    if (gap === k + 1 || !isHan(view.charCodeAt(gap))) continue;
    let colon = gap + 1;
    while (colon < gap + 3 && view.charCodeAt(colon) === 0x20) colon++;
    if (view.charCodeAt(colon) !== 0x3a) continue;
    (out ??= []).push(view.slice(from, k + 1), fill(view.slice(k + 1, gap)));
    from = gap;
  }
  if (!out) return view;
  out.push(view.slice(from));
  return out.join('');
}

/**
 * The view of a text: `mapChar` on every unit, plus the characters a rule set reads as others when its `shift` table
 * (compileShift) is given; pinyin readings (`gloss`), note marks, list bullets, markdown and HTML markup blanked or
 * filled; years written in numerals in digits (`yearDigits`, compileYearDigits); a spaced-out field key at the start of
 * a line (标　　题：) read whole. Always the text's length.
 */
export function normaliseText(text: string, shift: Uint16Array = SHIFT, gloss: RegExp | null = null, yearDigits: Uint16Array | null = null): string {
  const out = unspacedKeys(mapChars(text, shift));
  const bare = hasBullet(out) ? out.replace(LIST_BULLET, (_, lead: string, mark: string) => lead + blank(mark)) : out;
  // Readings and note marks last: markdown emphasis must still see the characters they stand next to (**公报[1]**).
  return yearsInDigits(unnoted(unglossed(unmark(unhtml(bare.includes('&') || bare.includes('<U+') ? unentity(bare, shift) : bare)), gloss)), yearDigits);
}

/**
 * A short text (a title, a unit's name) as the view reads it, characters only, one unit for one: full-width forms
 * folded, and traditional ones too with a rule set's table (compileShift). No markup is looked for.
 */
export function readAs(text: string, shift: Uint16Array = SHIFT): string {
  return mapChars(text, shift);
}

/** The physical lines of the view, trimmed (empty lines included, so index k is line k + 1). */
export function viewLinesOf(view: string, starts: readonly number[]): ViewLine[] {
  const lines: ViewLine[] = [];
  for (let i = 0; i < starts.length; i++) {
    let end = i + 1 < starts.length ? starts[i + 1]! : view.length;
    while (end > starts[i]! && (view.charCodeAt(end - 1) === 10 || view.charCodeAt(end - 1) === 13)) end--;
    const r = trimRange(view, starts[i]!, end);
    lines.push({ start: r.start, end: r.end, body: view.slice(r.start, r.end) });
  }
  return lines;
}

type SpacingRule = NonNullable<Rules['script']['letterSpacing']>;

/** Hanzi: the characters whose spacing tells a letter-spaced copy (the basic and extension A blocks, compatibility forms). */
const isHanzi = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
/**
 * What a converter spaces like a hanzi: CJK characters and punctuation, full-width forms, surrogate halves (hanzi
 * beyond the Basic Multilingual Plane), and the general punctuation of Chinese text (—, “”, …). Read in the text as
 * written (the view has full-width （，： as ASCII).
 */
const isWide = (code: number) => code >= 0x2e80 || (code >= 0x2010 && code <= 0x206f);

/**
 * Of the hanzi in [from, to) of the text (a line, or the opening sample), how many stand before a run of at most
 * `maxGap` spaces followed by a character on the same line (`spaced`), and how many right before a character (`tight`).
 */
function spacingCounts(text: string, view: string, from: number, to: number, maxGap: number): { spaced: number; tight: number } {
  let spaced = 0;
  let tight = 0;
  for (let i = from; i + 1 < to; i++) {
    if (!isHanzi(text.charCodeAt(i))) continue;
    const next = view.charCodeAt(i + 1);
    if (next === 0x20) {
      let j = i + 2;
      while (j < to && view.charCodeAt(j) === 0x20) j++;
      if (j - i - 1 <= maxGap && j < to && !isSpaceCode(view.charCodeAt(j))) spaced++;
      i = j - 1;
    } else if (!isSpaceCode(next)) tight++;
  }
  return { spaced, tight };
}

const spacedEnough = (n: { spaced: number; tight: number }, rule: SpacingRule) => n.spaced > 0 && n.spaced >= rule.share * (n.spaced + n.tight);

/**
 * A letter-spaced copy (rules/script.yaml letterSpacing): the view with the runs of spaces between the characters of
 * its letter-spaced lines made fillers, and the map to the view read without them; null for any other text. Whether
 * the text is one is read off its opening characters only, so the other texts cost a short loop; only a letter-spaced
 * one is read line by line. A run is a filler between two characters one of which is wide (hanzi, CJK punctuation,
 * a dash): 421.9亿  元 reads 421.9亿元 and （  1） reads （1）, but GDP  2.5 keeps its spaces.
 */
export function letterSpacing(text: string, view: string, lineStarts: readonly number[], rule: SpacingRule | undefined): { view: string; spacing: LetterSpacing } | null {
  if (!rule) return null;
  const end = Math.min(view.length, rule.sample);
  // A letter-spaced opening holds a space for each of its spaced hanzi: most texts hold fewer spaces than that in all,
  // counted by native searches, and are not read character by character.
  let spaces = 0;
  for (let at = view.indexOf(' '); at >= 0 && at < end && spaces < rule.minChars; at = view.indexOf(' ', at + 1)) spaces++;
  if (spaces < rule.minChars) return null;
  const sample = spacingCounts(text, view, 0, end, rule.maxGap);
  if (sample.spaced < rule.minChars || !spacedEnough(sample, rule)) return null;
  const dropped: Range[] = [];
  for (let k = 0; k < lineStarts.length; k++) {
    const from = lineStarts[k]!;
    let to = k + 1 < lineStarts.length ? lineStarts[k + 1]! : view.length;
    while (to > from && (view.charCodeAt(to - 1) === 10 || view.charCodeAt(to - 1) === 13)) to--;
    // Only a line that is letter-spaced itself: a line written plainly in such a copy (a header the converter kept
    // whole) keeps its spaces, which may part its words.
    if (!spacedEnough(spacingCounts(text, view, from, to, rule.maxGap), rule)) continue;
    for (let i = from + 1; i < to; i++) {
      if (view.charCodeAt(i) !== 0x20 || isSpaceCode(view.charCodeAt(i - 1))) continue;
      let j = i + 1;
      while (j < to && view.charCodeAt(j) === 0x20) j++;
      if (j < to && j - i <= rule.maxGap && !isSpaceCode(view.charCodeAt(j)) && (isWide(text.charCodeAt(i - 1)) || isWide(text.charCodeAt(j)))) dropped.push({ start: i, end: j });
      i = j - 1;
    }
  }
  if (dropped.length === 0) return null;
  return { view: filled(view, dropped), spacing: new LetterSpacing(dropped, view.length) };
}

type LatinRule = NonNullable<Rules['script']['latinSpacing']>;

const isAsciiAlnum = (code: number) => (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/** Whether the characters at i - 1 and i + 1 of the view, either side of the single space at i, are a hanzi and an ASCII letter or digit. */
function latinGap(view: string, i: number): boolean {
  const a = view.charCodeAt(i - 1);
  const b = view.charCodeAt(i + 1);
  return (isHanzi(a) && isAsciiAlnum(b)) || (isAsciiAlnum(a) && isHanzi(b));
}

/**
 * A copy with a space between Chinese and Latin letters or digits (rules/script.yaml latinSpacing: 某市 2025 年, 完成
 * 90.94 亿元): the view with each single space between a hanzi and an ASCII letter or digit made a filler, and the map
 * to the view read without them, as for a letter-spaced copy; null for any other text. Whether the text is one is read
 * off its opening characters: of the hanzi standing next to a letter or digit, how many stand one space apart.
 */
export function latinSpacing(view: string, rule: LatinRule | undefined): { view: string; spacing: LetterSpacing } | null {
  if (!rule) return null;
  const end = Math.min(view.length, rule.sample);
  // A spaced opening holds a space for each spaced pair: most texts hold fewer than that in all, found by native searches.
  let spaces = 0;
  for (let at = view.indexOf(' '); at >= 0 && at < end && spaces < rule.minPairs; at = view.indexOf(' ', at + 1)) spaces++;
  if (spaces < rule.minPairs) return null;
  let spaced = 0;
  let tight = 0;
  for (let i = 0; i + 1 < end; i++) {
    const a = view.charCodeAt(i);
    const b = view.charCodeAt(i + 1);
    if ((isHanzi(a) && isAsciiAlnum(b)) || (isAsciiAlnum(a) && isHanzi(b))) tight++;
    else if (b === 0x20 && i > 0 && view.charCodeAt(i - 1) !== 0x20 && view.charCodeAt(i + 2) !== 0x20 && latinGap(view, i + 1)) spaced++;
  }
  if (spaced < rule.minPairs || spaced < rule.share * (spaced + tight)) return null;
  const dropped: Range[] = [];
  for (let i = view.indexOf(' ', 1); i >= 0; i = view.indexOf(' ', i + 1)) {
    if (view.charCodeAt(i - 1) !== 0x20 && view.charCodeAt(i + 1) !== 0x20 && latinGap(view, i)) dropped.push({ start: i, end: i + 1 });
  }
  if (dropped.length === 0) return null;
  return { view: filled(view, dropped), spacing: new LetterSpacing(dropped, view.length, true) };
}

/** The view with the ranges a spacing drops (sorted, apart) made fillers. */
function filled(view: string, dropped: readonly Range[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const r of dropped) {
    parts.push(view.slice(at, r.start), fill(view.slice(r.start, r.end)));
    at = r.end;
  }
  parts.push(view.slice(at));
  return parts.join('');
}

/** The view, and its lines: clean, segment and the table finder all read the same lines, cut once here. */
export const normalise: Stage = (doc, ctx): Doc => {
  const script = ctx.rules.script;
  const plain = normaliseText(doc.text, script.compiled.shift, script.gloss?.pattern ?? null, script.compiled.yearDigits);
  const spaced = letterSpacing(doc.text, plain, doc.lineStarts, script.letterSpacing) ?? latinSpacing(plain, script.latinSpacing);
  const view = spaced?.view ?? plain;
  return withFields(doc, { view, lines: viewLinesOf(view, doc.lineStarts), spacing: spaced?.spacing ?? null });
};
