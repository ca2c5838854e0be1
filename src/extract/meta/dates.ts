import type { Block, Doc } from '../../document.js';
import { lineBodies, take } from './lines.js';

/** How many opening lines may carry a web page's date stamp. */
const OPENING_LINES = 60;
const CN = '〇零一二三四五六七八九十';
const NUM = `(\\d{1,4}|[${CN}]{1,4})`;
const DATE = `${NUM}\\s*年\\s*${NUM}\\s*月\\s*${NUM}\\s*日`;
/** A line that is only a date, or a delivery line: ——2022年1月14日在…会议上, (2024年1月31日在…), 2019年1月12日. */
const DATE_LINE = new RegExp(`^[—\\-\\s]*\\(?\\s*${DATE}\\s*(在.{0,60})?\\)?$`, 'u');
/** A delivery phrase inside a longer opening line: 政府工作报告——2023年1月5日在…人民代表大会…上. */
const DELIVERY = new RegExp(`${DATE}\\s*在.{0,40}(人民代表大会|代表大会|会议)`, 'u');
/** How many opening blocks may carry such a phrase. */
const FRONT_BLOCKS = 15;
const COLLECTOR = /^(发文时间|发布时间|成文日期|发文日期)[:]\s*(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})/;
/** The same label inside a web page's byline: 来源:某县融媒体中心 发布时间:2025-01-16 09:30 浏览次数:1532. */
const BYLINE = /(?:^|\s)(发文时间|发布时间|发布日期|成文日期|发文日期)[:]\s*(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})/u;
const STAMP = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(\s+\d{1,2}:\d{2}(:\d{2})?)?$/;
/** In a news article: 5月20日,…区长…在《政府工作报告》中提出,2020年要… (the day the report was delivered). */
const NEWS_DELIVERY = /(\d{1,2})月(\d{1,2})日[^。]{0,80}(政府工作报告|工作报告)[^。]*/;

/** 二〇二二 → 2022 (digit by digit), 十二 → 12, 二十七 → 27, 12 → 12. */
export function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const digit = (c: string) => ('〇零'.includes(c) ? 0 : '一二三四五六七八九'.indexOf(c) + 1);
  if (!s.includes('十')) return Number([...s].map(digit).join(''));
  const [tens, ones] = s.split('十') as [string, string];
  return (tens ? digit(tens) : 1) * 10 + (ones ? digit(ones) : 0);
}

export function iso(y: number, m: number, d: number): string | null {
  if (y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const ofMatch = (m: RegExpExecArray | null, at = 1) => (m ? iso(cnNumber(m[at]!), cnNumber(m[at + 1]!), cnNumber(m[at + 2]!)) : null);

/** A first character that can open DATE_LINE, and one that can open COLLECTOR: most blocks are passed over on it. */
const DATE_LINE_OPENS = /[—\-\s(\d〇零一二三四五六七八九十]/u;
const COLLECTOR_OPENS = /[发成]/;

/** `re` matched against the view's text from `start` to `end`, cut out and tried only when its first character can open a match. */
function execIf(opens: RegExp, re: RegExp, view: string, start: number, end: number): RegExpExecArray | null {
  return end > start && opens.test(view[start]!) ? re.exec(view.slice(start, end)) : null;
}

/**
 * The date of delivery or issue: a date line (the delivery line of a report, the date under a notice's signature),
 * else a collector header, else a web page's date stamp, else the day a news article says the report was delivered.
 */
export function findDate(doc: Doc, body: Block[], news: boolean, fallbackYear: () => number | null): string | null {
  const view = doc.view;
  const textOf = (b: Block) => view.slice(b.start, b.end);
  for (const b of body) {
    const d = ofMatch(execIf(DATE_LINE_OPENS, DATE_LINE, view, b.start, b.end));
    if (d) return d;
  }
  for (const b of body.slice(0, FRONT_BLOCKS)) {
    const d = ofMatch(DELIVERY.exec(textOf(b)));
    if (d) return d;
  }
  for (const b of body) {
    const d = ofMatch(execIf(COLLECTOR_OPENS, COLLECTOR, view, b.start, b.end), 2);
    if (d) return d;
  }
  // Web pages stamp the posting date on lines the cleaner removes (2019 / 08/12, 2026-02-09 09:45:30): read them all.
  const lines = take(lineBodies(doc), OPENING_LINES, Boolean);
  for (let i = 0; i < lines.length; i++) {
    const d = ofMatch(STAMP.exec(lines[i]!));
    if (d) return d;
    const md = /^\d{4}$/.test(lines[i]!) ? /^(\d{1,2})\/(\d{1,2})$/.exec(lines[i + 1] ?? '') : null;
    if (md) return iso(Number(lines[i]), Number(md[1]), Number(md[2]));
  }
  for (const { body: line } of doc.lines) {
    const d = line.includes('时间') || line.includes('日期') ? ofMatch(BYLINE.exec(line), 2) : null;
    if (d) return d;
  }
  for (const b of news ? body : []) {
    const m = NEWS_DELIVERY.exec(textOf(b));
    if (!m) continue;
    const year = /(\d{4})年/.exec(m[0])?.[1];
    const y = year ? Number(year) : fallbackYear();
    if (y) return iso(y, Number(m[1]), Number(m[2]));
  }
  return null;
}
