import type { Range } from '../../document.js';
import type { ReadingView } from '../../util/reading.js';
import { isSpaceCode, trimRange } from '../../span.js';
import { mayNameUnits, NAMES_UNITS, scanListUnits, type Grammar, type UnitRole } from './grammar.js';
import { endsAsUnit, isUnit, roleMark, splitItems } from './split.js';
import { COLON, COMMA, ENUMERATION, FULL_STOP, PERIOD, SEMICOLON } from '../../rules/punctuation.js';

export interface UnitItem extends Range {
  roles: UnitRole[];
}

/** One unit list as found in the text: a parenthetical, or a labelled list (责任单位:…) outside parentheses. */
export interface UnitList extends Range {
  items: UnitItem[];
  rule: string;
  /** The text says the first unit named is the lead (排在第一位的部门为牵头部门). */
  firstIsLead: boolean;
  /** …and that this holds for what follows (下同). */
  sticky: boolean;
}

/** Char codes of ( and ); the view has full-width brackets folded to these. Compared as codes in the per-character loops. */
const OPEN = 0x28;
const CLOSE = 0x29;

/** Depth of parentheses at each offset of [start, end), relative to `start`. */
function depths(view: string, start: number, end: number): number[] {
  const out: number[] = [];
  let d = 0;
  for (let i = start; i < end; i++) {
    const c = view.charCodeAt(i);
    if (c === CLOSE) d = Math.max(0, d - 1);
    out.push(d);
    if (c === OPEN) d++;
  }
  return out;
}

/** Balanced top-level parentheticals in [start, end), each from its `(` through its `)`. */
export function parentheticals(view: string, start: number, end: number): Range[] {
  const out: Range[] = [];
  let depth = 0;
  let open = -1;
  for (let i = start; i < end; i++) {
    const c = view.charCodeAt(i);
    if (c === OPEN) {
      if (depth++ === 0) open = i;
    } else if (c === CLOSE && depth > 0 && --depth === 0) out.push({ start: open, end: i + 1 });
  }
  return out;
}

function firstIsLead(content: string, g: Grammar): { at: number; sticky: boolean } | null {
  for (const rule of g.firstIsLead) {
    const m = rule.pattern.exec(content);
    if (m) return { at: m.index, sticky: rule.sticky.test(content.slice(m.index)) };
  }
  return null;
}

/** Char codes that end a labelled list outside parentheses besides a full stop (。): a table's cell separators | and tab. */
const CELL_SEPARATORS = new Set([0x7c, 0x09]);

/**
 * An item with the roles of its list, and those its own parenthesis names: 区教育局(牵头) in a list of responsible
 * units leads and is responsible; 区住建局(配合), or 区住建局(牵头) before 各街道配合, has only its own.
 */
export function markedItem(view: string, r: Range, roles: UnitRole[], g: Grammar): UnitItem {
  const mark = roleMark(view, r, g);
  if (!mark) return unitItem(r, roles);
  const own = mark.roles.includes('cooperating') || !roles.includes('responsible') ? mark.roles : [...new Set([...mark.roles, ...roles])];
  return unitItem(mark.range, own);
}

/**
 * An item of a list, written out field by field: a spread copy of its range took the shape of whatever range it
 * was given, and the code reading items met several.
 */
export const unitItem = (r: Range, roles: UnitRole[]): UnitItem => ({ start: r.start, end: r.end, roles });

/** 牵头单位:A;责任单位:B、C: each label's list runs to the next label or a 。 outside parentheses. */
function labelled(view: string, start: number, end: number, g: Grammar): UnitList | null {
  const d = depths(view, start, end);
  const found = [...view.slice(start, end).matchAll(g.label)].filter((m) => d[m.index!] === 0);
  if (!found.length) return null;
  const items: UnitItem[] = [];
  let rule: string | null = null;
  let last = start + found[0]!.index! + found[0]![0].length;
  found.forEach((m, k) => {
    const from = start + m.index! + m[0].length;
    let to = k + 1 < found.length ? start + found[k + 1]!.index! : end;
    // 。 ends the list, and so does a table's cell separator (| or a tab).
    for (let i = from; i < to; i++) {
      const c = view.charCodeAt(i);
      if ((g.punct.is(c, FULL_STOP) || CELL_SEPARATORS.has(c)) && d[i - start] === 0) to = i;
    }
    const info = g.labels.get(m[1]!);
    last = Math.max(last, from);
    if (!info) return;
    rule ??= info.id;
    // A list that gives each unit its part (责任单位:A牵头,B、C配合; 部门分工:A牵头,各地配合) takes the roles of its verbs.
    const byVerb = endsInVerb(view, from, to, g) ? verbal(view, from, to, g) : null;
    if (byVerb) {
      for (const x of byVerb.items) items.push(x);
      last = Math.max(last, byVerb.items.at(-1)?.end ?? last);
      return;
    }
    // A division of work written as clauses (区规划局负责开展规划编制工作，所在乡镇人民政府组织实施，…).
    const byClause = info.clauses ? clausal(view, from, to, g) : [];
    if (byClause.length) {
      for (const x of byClause) items.push(x);
      last = Math.max(last, byClause.at(-1)!.end);
      return;
    }
    for (const r of splitItems(view, from, to, g)) {
      if (r.end - r.start > g.maxNameLength || g.punct.indexIn(view, r.start, r.end, FULL_STOP | COLON) >= 0) continue;
      items.push(markedItem(view, r, [info.role], g));
      last = r.end;
    }
  });
  if (!rule) return null;
  const first = firstIsLead(view.slice(start, end), g);
  return { start, end: last, items, rule, firstIsLead: !!first, sticky: first?.sticky ?? false };
}

/**
 * The units of a division of work written as clauses (区规划局负责开展规划编制工作，所在乡镇人民政府组织实施，区直有关
 * 部门配合，区交通与建设局业务检查指导并协助区规划局…): in each clause, the units before its first role verb (after a 由,
 * and up to the last unit's name: 区交通与建设局业务检查 is 区交通与建设局), with that verb's roles, or cooperating where
 * the clause names a cooperating verb (协助, 配合). A clause with no role verb (按照…要求, 嘉源公司作为业主单位), or
 * whose subject names no unit, gives none.
 */
function clausal(view: string, start: number, end: number, g: Grammar): UnitItem[] {
  const d = depths(view, start, end);
  const items: UnitItem[] = [];
  const clause = (s: number, e: number) => {
    let first: RegExpMatchArray | null = null;
    let cooperating = false;
    for (const m of view.slice(s, e).matchAll(g.verb)) {
      if (d[s - start + m.index!] !== 0) continue;
      first ??= m;
      if (g.verbs.get(m[0])!.roles.includes('cooperating')) cooperating = true;
    }
    if (!first) return;
    const verbAt = s + first.index!;
    // After the last opening word (竹屿湖二期项目由区交通投资有限公司负责实施: 由), if any.
    let open = s;
    for (const w of g.nameTrim.before) {
      const at = view.lastIndexOf(w, verbAt - w.length);
      if (at >= s) open = Math.max(open, at + w.length);
    }
    let subject = trimRange(view, open, verbAt);
    // Back to the last unit's name: what stands between it and the verb says how (业务检查, 全力, 具体).
    let to = subject.end;
    while (to > subject.start && !endsAsUnit(view.slice(subject.start, to), g)) to--;
    // (A suffix alone names no unit: 协同配合 is how the others work, 协 no unit.)
    if (to - subject.start < 2) return;
    subject = { start: subject.start, end: to };
    const roles: UnitRole[] = cooperating ? ['cooperating'] : g.verbs.get(first[0])!.roles;
    const names = splitItems(view, subject.start, subject.end, g);
    if (!names.length || !names.every((r) => isUnit(view, r, g))) return;
    for (const r of names) items.push(unitItem(r, roles));
  };
  let from = start;
  for (let i = start; i < end; i++) {
    if (d[i - start] !== 0 || !g.punct.is(view.charCodeAt(i), COMMA | SEMICOLON)) continue;
    clause(from, i);
    from = i + 1;
  }
  clause(from, end);
  return items;
}

/** Whether [from, to) ends, past its closing punctuation and spaces, in a role verb (…牵头, …配合, …负责). */
function endsInVerb(view: string, from: number, to: number, g: Grammar): boolean {
  let stop = to;
  while (stop > from && (g.punct.is(view.charCodeAt(stop - 1), FULL_STOP | PERIOD | SEMICOLON | COMMA) || isSpaceCode(view.charCodeAt(stop - 1)))) stop--;
  return verbEndsAt(view, from, stop, g);
}

/** Whether a role verb ends at `stop` (and starts at or after `from`): its last character first, then the words. */
function verbEndsAt(view: string, from: number, stop: number, g: Grammar): boolean {
  return stop > from && g.verbLast.has(view.charCodeAt(stop - 1)) && g.verbAtEnd.test(view.slice(Math.max(from, stop - 8), stop));
}

/** (A、B负责), (A牵头,B配合), (A会同B负责), (A、B等负责,排在第一位的部门为牵头部门,下同). */
function verbal(view: string, start: number, end: number, g: Grammar): UnitList | null {
  const first = firstIsLead(view.slice(start, end), g);
  let stop = end;
  if (first) {
    stop = start + first.at;
    while (stop > start && !g.punct.is(view.charCodeAt(stop - 1), COMMA | SEMICOLON | FULL_STOP)) stop--;
  }
  const d = depths(view, start, stop);
  const items: UnitItem[] = [];
  let rule: string | null = null;
  let cursor = start;
  for (const m of view.slice(start, stop).matchAll(g.verb)) {
    if (d[m.index!] !== 0) continue;
    const at = start + m.index!;
    const seg = trimRange(view, cursor, at);
    while (seg.start < seg.end && g.punct.is(view.charCodeAt(seg.start), COMMA | SEMICOLON | FULL_STOP | ENUMERATION)) seg.start++;
    cursor = at + m[0].length;
    if (seg.end <= seg.start) continue;
    const info = g.verbs.get(m[0])!;
    const joint = g.joint?.exec(view.slice(seg.start, seg.end));
    const xs = splitItems(view, seg.start, joint ? seg.start + joint.index : seg.end, g);
    const ys = joint ? splitItems(view, seg.start + joint.index + joint[0].length, seg.end, g) : [];
    if (!xs.length || ![...xs, ...ys].every((r) => isUnit(view, r, g))) return null;
    const roles: UnitRole[] = joint ? [...new Set<UnitRole>(['lead', ...info.roles])] : info.roles;
    // Pushed one by one: a spread push of mapped lists was compiled for the array kinds first seen, and an empty
    // list is of another kind.
    for (const r of xs) items.push(markedItem(view, r, roles, g));
    for (const r of ys) items.push(unitItem(r, ['cooperating']));
    rule ??= joint ? g.jointIds.get(joint[0])! : info.id;
  }
  if (!rule) return null;
  return { start, end, items, rule, firstIsLead: !!first, sticky: first?.sticky ?? false };
}

/**
 * Run `find` over [start, end) as read: in a hard-wrapped paragraph, over the text with its line breaks taken out
 * (牵\n头单位 is 牵头单位, 负\n责 is 负责), with the ranges it returns mapped back onto the view.
 */
function asRead(read: ReadingView, start: number, end: number, find: (text: string, start: number, end: number) => UnitList[]): UnitList[] {
  if (!read.hasBreak(start, end)) return find(read.view, start, end);
  const u = read.range(start, end);
  const back = (r: Range): Range => {
    const b = u.back(r);
    return { start: start + b.start, end: start + b.end };
  };
  return find(u.text, 0, u.text.length).map((l) => ({ ...l, ...back(l), items: l.items.map((x) => ({ ...x, ...back(x) })) }));
}

/** Parse the inside of a parenthetical (or a heading's lead text) as a unit list, if it is one. */
export function parseContent(read: ReadingView, start: number, end: number, g: Grammar): UnitList | null {
  if (!mayNameUnits(read.view, start, end, g)) return null;
  return asRead(read, start, end, (v, s, e) => contentList(v, s, e, g))[0] ?? null;
}

/** `parseContent` of a text already read (no breaks in it). */
function contentList(view: string, start: number, end: number, g: Grammar): UnitList[] {
  if (!mayNameUnits(view, start, end, g)) return [];
  const l = labelled(view, start, end, g) ?? verbal(view, start, end, g);
  return l ? [l] : [];
}

/** Every unit list in [start, end): unit parentheticals, then labelled lists standing outside parentheses. */
export function findUnitLists(read: ReadingView, start: number, end: number, g: Grammar): UnitList[] {
  return scanListUnits(read.view, start, end, g) & NAMES_UNITS ? readUnitLists(read, start, end, g) : [];
}

/** `findUnitLists` for a stretch that may hold one (`scanListUnits`). */
export function readUnitLists(read: ReadingView, start: number, end: number, g: Grammar): UnitList[] {
  return asRead(read, start, end, (v, s, e) => unitListsIn(v, s, e, g));
}

/**
 * The end of [start, end) as its own unit list, when the last sentence is nothing but one (由A牵头,B、C配合。) or
 * closes with clauses that are (…新增学位2400个,由县教育局牵头,县财政局配合。).
 */
function lastSentenceList(view: string, start: number, end: number, g: Grammar): UnitList | null {
  let stop = end;
  while (stop > start && (g.punct.is(view.charCodeAt(stop - 1), FULL_STOP | PERIOD) || isSpaceCode(view.charCodeAt(stop - 1)))) stop--;
  const open = Math.max(start, g.punct.lastIndexIn(view, start, stop, FULL_STOP) + 1);
  if (stop <= open) return null;
  // It must end in a verb (…负责, …配合): 牵头单位要充分发挥牵头协调作用 is a sentence about units, not a list.
  if (!verbEndsAt(view, open, stop, g)) return null;
  // From the sentence's start, then from each clause start outside parentheses: the first that reads as a list.
  const d = depths(view, open, stop);
  for (let from = open; from < stop; from++) {
    if (from > open && !(g.punct.is(view.charCodeAt(from - 1), COMMA) && d[from - 1 - open] === 0)) continue;
    if (stop - from > MAX_SENTENCE_LIST) continue;
    const l = verbal(view, from, stop, g);
    if (l) return l;
  }
  return null;
}
/** The longest sentence read as a unit list. */
const MAX_SENTENCE_LIST = 80;

function unitListsIn(view: string, start: number, end: number, g: Grammar): UnitList[] {
  const text = view.slice(start, end);
  if (!text.includes('(') && !text.includes(':')) {
    const l = lastSentenceList(view, start, end, g);
    return l ? [l] : [];
  }
  const lists = bracketedLists(view, start, end, g);
  // A closing sentence of units (…示范村3个。县民政局、县司法局负责。) after a parenthesis that is none (村(社区)).
  const closing = lists.length ? null : lastSentenceList(view, start, end, g);
  return closing ? [closing] : lists;
}

/** Unit parentheticals, and a labelled list standing outside parentheses. */
function bracketedLists(view: string, start: number, end: number, g: Grammar): UnitList[] {
  const text = view.slice(start, end);
  const parens = parentheticals(view, start, end);
  const lists: UnitList[] = [];
  for (const p of parens) {
    const l = contentList(view, p.start + 1, p.end - 1, g)[0];
    if (l) lists.push({ ...l, start: p.start, end: p.end });
  }
  const inParen = (i: number) => parens.some((p) => i >= p.start && i < p.end);
  const outside = text.includes(':') ? [...text.matchAll(g.label)].find((m) => !inParen(start + m.index!)) : undefined;
  if (outside) {
    const from = start + outside.index!;
    const next = parens.find((p) => p.start > from && lists.some((l) => l.start === p.start));
    const l = labelled(view, from, next ? next.start : end, g);
    if (l) lists.push(l);
  }
  return lists.sort((a, b) => a.start - b.start);
}

/**
 * The units a text opens with as the subject of its duty (区财政局、区发改委负责落实经费。 区民防办：负责制定…。 各镇政府、
 * 街道办事处应按照…; organizations.yaml openingUnits), read from `start`: every item a unit's name, none shorter than
 * the rule's shortest (全区, 企业 name no one), and one at least not generic unless a role verb follows (各属地街道负责).
 * Their roles are the verb's (牵头: lead), else responsible; after a colon (a duty line, 区民防办：参与…) responsible
 * whatever the verb.
 */
export function openingUnits(view: string, start: number, end: number, g: Grammar): UnitList | null {
  const o = g.opening;
  if (!o) return null;
  const m = o.pattern.exec(view.slice(start, end));
  if (!m) return null;
  const verb = g.opening!.duty.has(m[3]!) ? null : g.verbs.get(m[3]!)!;
  return subjectUnits(view, start, start + m[1]!.length, m[2] || !verb ? ['responsible'] : verb.roles, !!verb, g);
}

/**
 * The units a numbered item's title names when its text opens with their duty (1.派出所。负责对独居老人家庭开展检查。):
 * `title` the title, `text` where its text starts; read as `openingUnits` reads a subject. The title names the units
 * the item is about: they lead where the text says so (牵头…), else they are responsible, whatever verb follows.
 * `duties`: the item stands in a part dividing the duties (职责分工), where its text need not open with a duty word.
 */
export function titleUnits(view: string, title: Range, text: number, end: number, g: Grammar, duties = false): UnitList | null {
  const m = g.opening?.word.exec(view.slice(text, Math.min(end, text + 8)));
  if (!m) return duties ? subjectUnits(view, title.start, title.end, ['responsible'], true, g) : null;
  const verb = g.verbs.get(m[1]!);
  return subjectUnits(view, title.start, title.end, verb?.roles.includes('lead') ? verb.roles : ['responsible'], !!verb, g);
}

/** The units of a subject [start, end), given `roles`; `verb`: a role verb follows it (not only a duty word, 要). */
function subjectUnits(view: string, start: number, end: number, roles: UnitRole[], verb: boolean, g: Grammar): UnitList | null {
  const o = g.opening!;
  const items = splitItems(view, start, end, g);
  // Every name ends as a unit's, generic ones too (各属地街道): a subject running into its predicate (相关单位提供…) is none.
  if (!items.length || !items.every((r) => r.end - r.start >= o.minName && isUnit(view, r, g) && endsAsUnit(view.slice(r.start, r.end), g))) return null;
  // Only generic units (各地、各部门要…) exhort everyone: a task only where a role verb assigns it (各属地街道负责…).
  if (!verb && items.every((r) => g.generic?.test(view.slice(r.start, r.end)))) return null;
  const out: UnitItem[] = [];
  for (const r of items) out.push(markedItem(view, r, roles, g));
  return { start, end, items: out, rule: g.shapeIds['opening-units'], firstIsLead: false, sticky: false };
}
