import type { RawRules, Rules } from '../../rules/schema.js';
import { TASK_SHAPES, type TaskShape, type UnitRole } from '../../rules/files/organizations.js';
import { alternation } from '../../rules/pattern.js';
import { isSpaceCode } from '../../span.js';
import { edgeUnits, mayHold, parse, requiredText, type Node } from '../../rules/regex-ast.js';
import { FULL_STOP, PERIOD, type Punctuation } from '../../rules/punctuation.js';
import { codeBits, inBits } from '../quantity/compile.js';

export type { UnitRole };

/** The unit-list rules compiled once at load (`rules.organizations.compiled`), not per document or block. */
export interface Grammar {
  /**
   * organizations.yaml openingUnits: the subject before the first role verb or duty word of a text (group 1), a colon
   * after it (group 2), the word (group 3); the document types it is read in, its shortest unit name, and the role
   * verb or duty word alone opening a text (`word`: the duty after a title that names the unit, 1.派出所。负责…), and
   * the titles of parts dividing the duties (`dutySections`: 职责分工), whose items' titles name units.
   */
  opening: { pattern: RegExp; duty: ReadonlySet<string>; docTypes: ReadonlySet<string>; minName: number; word: RegExp; dutySections: RegExp | null } | null;
  /** Any label or ignored label followed by a colon (global). */
  label: RegExp;
  /** A block that opens with a label: 责任单位:… or (牵头单位:…. */
  labelLine: RegExp;
  labels: Map<string, { role: UnitRole; id: string; clauses: boolean } | null>;
  /** Any role verb (global), longest first. */
  verb: RegExp;
  /** A role verb at the end of a string. */
  verbAtEnd: RegExp;
  verbs: Map<string, { roles: UnitRole[]; id: string }>;
  joint: RegExp | null;
  /** The joint rule of each joint word (会同 → its rule's id). */
  jointIds: Map<string, string>;
  /** The rule of each task shape (rules/organizations.yaml `taskShapes`): the rule a task found that way carries. */
  shapeIds: Record<TaskShape, string>;
  firstIsLead: RawRules['organizations']['firstIsLead'];
  suffix: RegExp;
  generic: RegExp | null;
  maxNameLength: number;
  /**
   * The first two characters of each label and ignored label (`first * 0x10000 + second`): a label line's label opens
   * with one of them; null when a one-character label makes that no test.
   */
  labelPairs: ReadonlySet<number> | null;
  /** For each heading marker rule, the characters a block must open with for it to match (null: any). */
  markerFirst: readonly (ReadonlySet<number> | null)[];
  /**
   * All of those at once (codeBits), or null when a rule may open with any: most blocks open with none, and are then
   * told so with one table read instead of a lookup per rule.
   */
  markerOpens: Int32Array | null;
  /** For each record-field rule, the texts it cannot match without (`requiredText`; null: none known). */
  fieldNeeds: readonly (readonly string[] | null)[];
  /** Last characters of the role verbs: `verbAtEnd` cannot match a text ending in any other. */
  verbLast: ReadonlySet<number>;
  /** The words a unit list needs one of (label and verb words, spaces taken out), for `mayNameUnits`. */
  cues: UnitCues;
  /** Punctuation by kind (rules/headings.yaml `clausePunctuation`, `sentenceEnd`): where lists and items end. */
  punct: Punctuation;
  /** Words not part of a unit's name at its start (由) or, bare, at its end (等). */
  nameTrim: { before: readonly string[]; after: readonly string[] };
  /** A task table's title column: a header holding one of these (organizations.yaml `taskTitleHeaders`). */
  titleHeader: RegExp;
  /** A task table's serial column: a header that is one of these whole (tables.yaml `columns.index`: 序号). */
  serialHeaders: ReadonlySet<string>;
}

/**
 * A unit list names a label (责任单位:) or a role verb (负责, 牵头): a stretch of text with neither is no list. `cls`
 * classes every UTF-16 unit at once (SKIP, SINGLE, FIRST, OPEN, CLOSE) so a scan reads one table entry a character;
 * `byPair` has the words (spaces taken out) of two or more characters by their first two (`first * 0x10000 + second`).
 */
export interface UnitCues {
  cls: Uint8Array;
  /** The characters `cls` classes as anything (codeBits), tested first: most characters are none. */
  any: Int32Array;
  byPair: ReadonlyMap<number, readonly string[]>;
}

/** Spaces, line breaks and fillers: a hard-wrapped paragraph is read without them. */
const SKIP = 1;
/** A one-character cue word. */
const SINGLE = 2;
/** The first character of a longer cue word. */
const FIRST = 4;
const OPEN = 8;
const CLOSE = 16;

function compileCues(words: readonly string[]): UnitCues {
  const cls = new Uint8Array(0x10000);
  for (let c = 0; c <= 0x20; c++) cls[c] = SKIP;
  cls[0x3000] = SKIP;
  cls[0xfeff] = SKIP;
  cls[0x28] |= OPEN;
  cls[0x29] |= CLOSE;
  const byPair = new Map<number, string[]>();
  // The codes given a class, kept as they are given one (scanning the 64 K table for them cost a millisecond at every start).
  const classed = [...Array(0x21).keys(), 0x3000, 0xfeff, 0x28, 0x29];
  for (const raw of words) {
    const w = raw.replace(/\s+/g, '');
    if (!w) continue;
    classed.push(w.charCodeAt(0));
    if (w.length === 1) {
      cls[w.charCodeAt(0)]! |= SINGLE;
      continue;
    }
    cls[w.charCodeAt(0)]! |= FIRST;
    const key = w.charCodeAt(0) * 0x10000 + w.charCodeAt(1);
    const list = byPair.get(key) ?? [];
    if (!list.includes(w)) list.push(w);
    byPair.set(key, list);
  }
  return { cls, any: codeBits(classed), byPair };
}

/** Whether `word` is written from `at` on, before `end`, stepping over skipped characters. */
function spelled(view: string, at: number, end: number, word: string, cls: Uint8Array): boolean {
  let j = 0;
  for (let i = at; i < end && j < word.length; i++) {
    const c = view.charCodeAt(i);
    if (cls[c]! & SKIP) continue;
    if (c !== word.charCodeAt(j)) return false;
    j++;
  }
  return j === word.length;
}

/** `scanUnits` bits: the stretch may hold a unit list (see `mayNameUnits`); a parenthesis is still open at its end. */
export const NAMES_UNITS = 1;
export const OPEN_AT_END = 2;

/**
 * One pass over [start, end) of the view: whether it may hold a unit list, i.e. holds a label or verb word, read
 * across line breaks, spaces and fillers (牵\n头 counts; without one, no reading of it, wrapped or not, finds a list),
 * and whether its last parenthesis is still open (…30%。（责任 runs on to the next line).
 */
export function scanUnits(view: string, start: number, end: number, g: Grammar): number {
  const { cls, any, byPair } = g.cues;
  let names = false;
  let depth = 0;
  let prev = -1;
  let at = -1;
  for (let i = start; i < end; i++) {
    const c = view.charCodeAt(i);
    // The common case: a character that is no cue, bracket or space, and follows no cue's first character.
    if (prev < 0 && !inBits(any, c)) continue;
    const k = cls[c]!;
    if (k & SKIP) continue;
    if (k & OPEN) depth++;
    else if (k & CLOSE && depth > 0) depth--;
    if (names) continue;
    if (k & SINGLE) names = true;
    else if (prev >= 0) {
      const words = byPair.get(prev * 0x10000 + c);
      if (words) for (const w of words) if (spelled(view, at, end, w, cls)) names = true;
    }
    if (k & FIRST) [prev, at] = [c, i];
    else prev = -1;
  }
  return (names ? NAMES_UNITS : 0) | (depth > 0 ? OPEN_AT_END : 0);
}

/** Characters a sentence may end with after its last word: a full stop (。 .), spaces and fillers. */
const trailing = (c: number, g: Grammar) => g.punct.is(c, FULL_STOP | PERIOD) || c === 0xfeff || isSpaceCode(c);

/**
 * `scanUnits` for a stretch read by `findUnitLists`. Without ( or : (two native searches), its only possible list is
 * a last sentence ending in a role verb (lastSentenceList), and nothing is open at its end, so one character tells.
 */
export function scanListUnits(view: string, start: number, end: number, g: Grammar): number {
  const text = view.slice(start, end);
  if (text.includes('(') || text.includes(':')) return scanUnits(view, start, end, g);
  let stop = end;
  while (stop > start && trailing(view.charCodeAt(stop - 1), g)) stop--;
  return stop > start && g.verbLast.has(view.charCodeAt(stop - 1)) ? NAMES_UNITS : 0;
}

/** Whether [start, end) of the view may hold a unit list (see `scanUnits`). */
export const mayNameUnits = (view: string, start: number, end: number, g: Grammar): boolean => (scanUnits(view, start, end, g) & NAMES_UNITS) !== 0;

/**
 * The characters a text must open with for an anchored pattern to match (`edgeUnits`), or, for a pattern that opens
 * with `^` and then at least one `\d` (which `edgeUnits` cannot read), the ASCII digits \d matches; else null.
 */
function openingUnits(re: RegExp): ReadonlySet<number> | null {
  const edge = edgeUnits(re, 'first');
  if (edge || re.ignoreCase || re.multiline) return edge;
  const root = parse(re.source);
  if (root.t !== 'seq' || root.items.length < 2) return null;
  const [anchor, next] = root.items as [Node, Node];
  if (anchor.t !== 'empty' || anchor.body || re.source.slice(anchor.at, anchor.end) !== '^') return null;
  const digit = (n: Node) => n.t === 'atom' && n.src === '\\d';
  return digit(next) || (next.t === 'rep' && next.min >= 1 && digit(next.body)) ? new Set([...'0123456789'].map((d) => d.charCodeAt(0))) : null;
}

const never = /(?!)/g;

export const grammar = (rules: Rules): Grammar => rules.organizations.compiled;

/** The rule of each task shape; the built-in organizations.yaml has one of each, and overrides merge into it by id. */
function shapeIds(shapes: RawRules['organizations']['taskShapes']): Record<TaskShape, string> {
  const ids = Object.fromEntries(shapes.map((t) => [t.shape, t.id])) as Partial<Record<TaskShape, string>>;
  for (const s of TASK_SHAPES) if (!ids[s]) throw new Error(`organizations.yaml: taskShapes has no rule for the task shape '${s}'`);
  return ids as Record<TaskShape, string>;
}

/** Called once by the rule loader (src/rules/compile.ts). */
export function compileGrammar(rules: RawRules, punct: Punctuation): Grammar {
  const o = rules.organizations;
  const markerFirst = rules.headings.markers.map((m) => openingUnits(m.pattern));
  const labels = new Map<string, { role: UnitRole; id: string; clauses: boolean } | null>();
  for (const l of o.labels) for (const w of l.words) labels.set(w, { role: l.role, id: l.id, clauses: l.clauses });
  for (const w of o.ignoreLabels) if (!labels.has(w)) labels.set(w, null);
  const labelWords = [...labels.keys()].sort((a, b) => b.length - a.length);
  const verbs = new Map<string, { roles: UnitRole[]; id: string }>();
  for (const v of o.verbs) for (const w of v.words) verbs.set(w, { roles: v.roles, id: v.id });
  // (A verb with its manner, 按职责分工配合, is a verb of its own: the manner is then no part of the last unit's name.)
  for (const v of o.verbs) for (const w of v.words) for (const m of o.verbManners) if (!verbs.has(m + w)) verbs.set(m + w, { roles: v.roles, id: v.id });
  const verbWords = [...verbs.keys()].sort((a, b) => b.length - a.length);
  const jointWords = o.joint.flatMap((j) => j.words);
  const u = o.openingUnits;
  const openingWords = [...verbWords, ...u.duty].sort((a, b) => b.length - a.length);
  return {
    opening: u.docTypes.length && openingWords.length
      ? { pattern: new RegExp(`^([^。;!?:,]{2,${u.maxSubject}}?)(:)?(${alternation(openingWords)})(?!人)`, 'u'), duty: new Set(u.duty), docTypes: new Set(u.docTypes), minName: u.minName,
        word: new RegExp(`^(${alternation(openingWords)})(?!人)`, 'u'), dutySections: u.dutySections ?? null }
      : null,
    label: labelWords.length ? new RegExp(`(${alternation(labelWords)})\\s*:`, 'gu') : never,
    labelLine: labelWords.length ? new RegExp(`^\\(?\\s*(${alternation(labelWords)})\\s*:`, 'u') : /(?!)/,
    labels,
    verb: verbWords.length ? new RegExp(alternation(verbWords), 'gu') : never,
    verbAtEnd: verbWords.length ? new RegExp(`(${alternation(verbWords)})$`, 'u') : /(?!)/,
    verbs,
    joint: jointWords.length ? new RegExp(alternation(jointWords), 'u') : null,
    jointIds: new Map(o.joint.flatMap((j) => j.words.map((w) => [w, j.id] as const))),
    shapeIds: shapeIds(o.taskShapes),
    firstIsLead: o.firstIsLead,
    suffix: new RegExp(`(${alternation(o.suffixes)})$`, 'u'),
    generic: o.genericPrefixes.length ? new RegExp(`^(${alternation(o.genericPrefixes)})`, 'u') : null,
    maxNameLength: o.maxNameLength,
    labelPairs: labelWords.every((w) => w.length >= 2) ? new Set(labelWords.map((w) => w.charCodeAt(0) * 0x10000 + w.charCodeAt(1))) : null,
    markerFirst,
    markerOpens: markerFirst.every((first) => first !== null) ? codeBits(markerFirst.flatMap((first) => [...first!])) : null,
    fieldNeeds: rules.headings.recordField.map((r) => requiredText(r.pattern, 1)),
    verbLast: new Set(verbWords.map((w) => w.charCodeAt(w.length - 1))),
    cues: compileCues([...o.labels.flatMap((l) => l.words), ...verbWords]),
    punct,
    nameTrim: o.nameTrim,
    titleHeader: o.taskTitleHeaders.length ? new RegExp(alternation(o.taskTitleHeaders), 'u') : /(?!)/,
    serialHeaders: new Set(rules.tables.columns.index),
  };
}

/**
 * Whether a text opens with a labelled field of a record (1.项目内容：…, 3.事项进展：…: headings.yaml recordField), a
 * rule tried only on a text holding what it cannot match without.
 */
export function isRecordField(text: string, rules: Rules): boolean {
  const fields = rules.headings.recordField;
  const needs = rules.organizations.compiled.fieldNeeds;
  for (let k = 0; k < fields.length; k++) if (mayHold(text, needs[k]) && fields[k]!.pattern.test(text)) return true;
  return false;
}
