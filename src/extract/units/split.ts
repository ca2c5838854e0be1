import type { Range } from '../../document.js';
import { isSpaceCode, trimRange } from '../../span.js';
import type { Grammar, UnitRole } from './grammar.js';
import { lastIndexWithin } from '../../util/find.js';
import { COLON, COMMA, ENUMERATION, FULL_STOP, PERIOD, SEMICOLON, SENTENCE_END } from '../../rules/punctuation.js';

/** List separators: the enumeration comma, comma and semicolon (headings.yaml `clausePunctuation`); 等 and 及 are not separators. */
const SEPARATORS = ENUMERATION | COMMA | SEMICOLON;

/**
 * The brackets no name opens with (【 [ 〔), and those it neither opens nor ends with (with 】 ] 〕), by code: a regex
 * test per character was most of what tidy cost to optimise.
 */
const isOpener = (c: number) => c === 0x3010 || c === 0x5b || c === 0x3014;
const isBracket = (c: number) => isOpener(c) || c === 0x3011 || c === 0x5d || c === 0x3015;

/** Narrow an item to its name: brackets, a leading 由 (由A负责) and a bare trailing 等 (A、B等负责: organizations.yaml `nameTrim`) are not part of it. */
function tidy(view: string, r: Range, g: Grammar): Range | null {
  let { start, end } = trimRange(view, r.start, r.end);
  while (end > start && (g.punct.is(view.charCodeAt(end - 1), FULL_STOP | PERIOD | COLON) || isSpaceCode(view.charCodeAt(end - 1)) || isBracket(view.charCodeAt(end - 1)))) end--;
  while (start < end && (isSpaceCode(view.charCodeAt(start)) || isOpener(view.charCodeAt(start)))) start++;
  for (const w of g.nameTrim.before) {
    if (view.startsWith(w, start) && end - start > w.length + 1) {
      start += w.length;
      break;
    }
  }
  for (const w of g.nameTrim.after) {
    if (view.startsWith(w, end - w.length) && end - start > w.length + 1) {
      end -= w.length;
      break;
    }
  }
  ({ start, end } = trimRange(view, start, end));
  return end > start ? { start, end } : null;
}

/** Brackets that may hold a list inside a name: ( ) (full-width ones are folded in the view) and 〔 〕. */
const OPENERS = new Set([0x28, 0x3014]);
const CLOSERS = new Set([0x29, 0x3015]);

/** Split a unit list on 、 , ; outside brackets, so 区委组织部(区人才办), 各县(市、区) and 各县〔市、区〕 stay whole. */
export function splitItems(view: string, start: number, end: number, g: Grammar): Range[] {
  const out: Range[] = [];
  let depth = 0;
  let from = start;
  const push = (to: number) => {
    const r = tidy(view, { start: from, end: to }, g);
    if (r) out.push(r);
  };
  for (let i = start; i < end; i++) {
    const c = view.charCodeAt(i);
    if (OPENERS.has(c)) depth++;
    else if (CLOSERS.has(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && g.punct.is(c, SEPARATORS)) {
      push(i);
      from = i + 1;
    }
  }
  push(end);
  return out;
}

/** Whether an item reads as a unit name: short, no sentence punctuation, and a unit suffix or a generic opening. */
export function isUnit(view: string, r: Range, g: Grammar): boolean {
  const name = view.slice(r.start, r.end);
  if (name.length > g.maxNameLength || g.punct.has(name, FULL_STOP | COLON | SENTENCE_END) || /["“”]/.test(name)) return false;
  return !!g.generic?.test(name) || endsAsUnit(name, g);
}

/** Whether a name, its parentheses after it aside (区委组织部(区人才办)), ends in a unit's suffix (局, 委, 街道…). */
export function endsAsUnit(name: string, g: Grammar): boolean {
  const core = name.replace(/(\([^()]*\))+$/, '');
  return core.length > 0 && g.suffix.test(core);
}

/** The most units a task table's units cell names. */
const MAX_UNIT_CELL = 12;

/**
 * The items of [start, end) when it is the units cell of a task table flattened to text (区科信局、区住建局): nothing
 * but unit names, at most MAX_UNIT_CELL of them; else null.
 */
export function unitCell(view: string, start: number, end: number, g: Grammar): Range[] | null {
  const items = splitItems(view, start, end, g);
  return items.length > 0 && items.length <= MAX_UNIT_CELL && items.every((r) => isUnit(view, r, g)) ? items : null;
}

/**
 * A role written after a unit in parentheses (区教育局(牵头), 区住建局(配合)): the name without it and the role's
 * roles, or null when the item carries none.
 */
export function roleMark(view: string, r: Range, g: Grammar): { range: Range; roles: UnitRole[] } | null {
  if (view.charCodeAt(r.end - 1) !== 0x29) return null; // )
  const open = lastIndexWithin(view, '(', r.start, r.end - 1);
  if (open <= r.start) return null;
  const info = g.verbs.get(view.slice(open + 1, r.end - 1).trim());
  if (!info) return null;
  const range = trimRange(view, r.start, open);
  return range.end > range.start ? { range, roles: info.roles } : null;
}
