import { describe, expect, it } from 'vitest';
import { extract, run } from '../src/api.js';
import { exclusion } from '../src/extract/quantity/exclude.js';
import { comparatorOf, growthOf } from '../src/extract/quantity/meaning.js';
import { scanBlocks, type Mention } from '../src/extract/quantity/scan.js';
import { parseCell } from '../src/extract/table/cells.js';
import { latinSpacing, letterSpacing, normaliseText } from '../src/stages/normalise.js';
import { lineStarts } from '../src/span.js';
import { standalone } from '../src/stages/segment.js';
import { doubleSpaced, removedLines } from '../src/stages/wrap.js';
import { loadRules, validateRules } from '../src/rules/load.js';
import { RULE_FILE_NAMES, type Rules } from '../src/rules/schema.js';
import { identify } from '../src/track/identity.js';
import { ReadingView } from '../src/util/reading.js';

/**
 * The rule tester: every rule with an `id` in rules/*.yaml may carry `examples: {match: [...], noMatch: [...]}`, and
 * each case runs here through the compiled rule set. A case is text as a report writes it (full-width ：（）), read
 * the way the pipeline reads it, through the normalised view. A `match` case must be taken by that very rule, a
 * `noMatch` case must not be. Every built-in rule has at least one `match` case; the schema refuses empty and
 * duplicate cases (src/rules/examples.ts).
 */

type Rule = Record<string, unknown> & { id: string };
/** Whether `text` is taken by `rule` (as compiled in `rules`). */
type Runner = (rule: Rule, text: string, rules: Rules) => boolean;

const rules = loadRules();
const quantities = rules.quantities.compiled;

/** The figures the quantity scanner reads in a text (one block). */
const whole = (text: string) => ({ start: 0, end: text.length });
/** A text read as one block (its view is itself). */
const reading = (text: string) => new ReadingView(text, text, [whole(text)]);
const mentions = (text: string): Mention[] => scanBlocks(reading(text), [whole(text)], quantities)[0] ?? [];
/** The rules that left figures of a text out, as extract --explain names them in its `quantity.excluded` messages. */
const excludedBy = (text: string) => extract({ text }, { rules, explain: true }).messages.filter((m) => m.code === 'quantity.excluded').map((m) => m.message.slice(0, m.message.indexOf(':')));
/** The quantities the whole pipeline gives for a text (exclusions applied). */
const quantitiesOf = (text: string) => extract({ text }, { rules }).quantities;
/** Forms read by the number grammar whose id a quantity carries; the plain ones name no form of their own. */
const PLAIN_FORMS = new Set(['number.arabic', 'number.chinese', 'number.percent-words']);
const form: Runner = (rule, text) => quantitiesOf(text).some((q) => q.rule === rule.id || (PLAIN_FORMS.has(rule.id) && !q.rule.startsWith('number.')));

/** Some figure of the text is bounded by a comparator word of this rule (不低于5%, 5%以上, 约3万人). */
const comparator: Runner = (rule, text) => mentions(text).some((m) => {
  const after = quantities.cmpAfter.at(text, m.end) ?? '';
  return comparatorOf(reading(text), m, whole(text), after, after.length, quantities)?.id === rule.id;
});

/**
 * What an example means, for rules that are vocabularies rather than one pattern (by file and list). Every other
 * rule is a pattern rule: its `pattern` (a title cue's `title`, a table layout's `separator`) must find the case.
 */
const RUNNERS: Record<string, Runner> = {
  /**
   * A quantity read with this unit: its rule is the unit's, or the form's when it is written in a special form
   * (一吨半 is number.half, $20 number.sign) while its unit is one of the unit's words.
   */
  'units.units': (rule, text) => quantitiesOf(text).some((q) => q.rule === rule.id || (q.rule.startsWith('number.') && [...(rule.words as string[]), ...((rule.signs as string[] | undefined) ?? [])].some((w) => q.unit.includes(w)))),
  /** A quantity written in this form (1万6千多户 is number.compound); plain numerals only need some quantity. */
  'units.forms': form,
  'units.halves': form,
  'units.subunits': form,
  'units.bareMagnitude': form,
  'quantities.comparators': comparator,
  'quantities.approximate': comparator,
  /** A rate whose growth word before it is this rule's (同比增长8%), or an amount of change it makes growth. */
  'quantities.growth': (rule, text) => mentions(text).some((m) => growthOf(reading(text), m, whole(text), quantities).rule === rule.id) || quantitiesOf(text).some((q) => q.measure === 'growth' && q.direction === rule.direction),
  /** An amount of change against a baseline read as growth (比上年增加1万亿元). */
  'quantities.amountChange': (_rule, text) => quantitiesOf(text).some((q) => q.measure === 'growth' && q.unit !== '%' && !q.unit.includes('百分点')),
  /** A paragraph holding one of the rule's tense words (将, 力争 / 完成, 已): evidence for the paragraph's role. */
  'quantities.roles.tense': (rule, text) => (rule.words as string[]).some((w) => text.includes(w)),
  /** A header at the very top of a file, taken out as front matter (listed in removed under this rule). */
  'boilerplate.frontMatter': (rule, text) => extract({ text }, { rules }).removed.some((r) => r.rule === rule.id),
  /** A running head or foot beside page numbers, removed under this rule. */
  'boilerplate.runningHead': (rule, text) => extract({ text }, { rules }).removed.some((r) => r.rule === rule.id),
  /** A clause holding one of the rule's kind cue words (力争, 完成了). */
  'quantities.kinds': (rule, text) => quantities.kind.first(text).some((m) => quantities.kindOf.get(m[0])?.id === rule.id),
  /** A figure the scanner reads and this exclusion then rules out (全省第3个, 坚持两个确立). */
  'quantities.exclude': (rule, text) => mentions(text).some((m) => exclusion(reading(text), m, whole(text), quantities) === rule.id),
  /** A figure of the text left out by this rule (extract --explain names the rule). */
  'quantities.quotedName': (rule, text) => excludedBy(text).includes(rule.id),
  'quantities.unitNeeds': (rule, text) => excludedBy(text).includes(rule.id),
  /** An indicator phrase identified as this indicator: 全年地区生产总值增长. */
  'indicators.indicators': (rule, text, r) => identify(text, r.indicators)?.rule === rule.id,
  /** A label with its colon: 牵头单位：. */
  'organizations.labels': (rule, text, r) => [...text.matchAll(r.organizations.compiled.label)].some((m) => r.organizations.compiled.labels.get(m[1]!)?.id === rule.id),
  /** A closing verb of a unit list: (区发展改革局、区财政局负责). */
  'organizations.verbs': (rule, text, r) => [...text.matchAll(r.organizations.compiled.verb)].some((m) => r.organizations.compiled.verbs.get(m[0])?.id === rule.id),
  'organizations.joint': (rule, text, r) => { const m = r.organizations.compiled.joint?.exec(text); return !!m && r.organizations.compiled.jointIds.get(m[0]) === rule.id; },
  /** A task of the text found in this shape carries the shape's rule (a task table's row: task.table). */
  'organizations.taskShapes': (rule, text) => extract({ text }, { rules }).tasks.some((t) => t.rule === rule.id),
  /** Decisions read from the structure around a figure: some quantity of the text names the rule behind that field. */
  'quantities.decisions.kinds': (rule, text) => quantitiesOf(text).some((q) => q.rules.kind === rule.id),
  'quantities.decisions.years': (rule, text) => quantitiesOf(text).some((q) => q.rules.year === rule.id),
  'quantities.decisions.indicators': (rule, text) => quantitiesOf(text).some((q) => q.rules.indicator === rule.id),
  'quantities.decisions.measures': (rule, text) => quantitiesOf(text).some((q) => q.rules.measure === rule.id),
  /** Evidence the roles stage names for the role of some block or section of the text. */
  'quantities.decisions.roles': (rule, text) => {
    const doc = run({ text }, { rules });
    return doc.blocks.some((b) => b.roleRule === rule.id) || doc.sections.some((s) => s.roleRule === rule.id);
  },
  /** A table cell read as a number bounded by this rule's comparator: 7以上. */
  'tables.comparators': (rule, text, r) => {
    const cell = parseCell(text, r.tables);
    return cell.value !== null && cell.comparator === rule.comparator;
  },
  /** A header line opening a one-cell-per-line table. */
  /** A numbered line whose heading ends at a colon with text after it: (一)高风险类：…. */
  'headings.colonTitle': (_rule, text) => extract({ text }, { rules }).sections.some((s) => text.includes(`${s.heading}：`) || text.includes(`${s.heading}:`)),
  /** A short line that stands alone as a news article's part title. */
  'headings.standalone': (rule, text) => standalone(text.trim(), rule as never),
  /** Clause punctuation: the text holds one of the rule's marks (a comma, a colon, an enumeration comma…). */
  'headings.clausePunctuation': (rule, text) => [...text].some((ch) => ['fullStop', 'period', 'comma', 'semicolon', 'colon', 'enumeration'].some((k) => (rule[k] as string).includes(ch))),
  /** Characters a run-on title goes on with: the text holds one of them. */
  'headings.titleGoesOn': (rule, text) => [...text].some((ch) => (rule.subject as string).includes(ch) || (rule.phrase as string).includes(ch)),
  'tables.cellPerLine': (rule, text) => (rule.opens as string[]).some((w) => text.trim().startsWith(w)),
  /** A header line opening a one-cell-per-line table with no serial column (an assessment or indicator table). */
  'tables.headedCellPerLine': (rule, text) => (rule.opens as string[]).some((w) => text.trim().startsWith(w)),
  /** A text the view reads otherwise with the rule set's character pairs (全年新增城鎮就業 as 全年新增城镇就业). */
  'script.traditional': (_rule, text, r) => normaliseText(text, r.script.compiled.shift) !== text,
  /** A text whose year written in numerals the view reads in digits (一九九八年 as 1998年). */
  'script.yearNumerals': (_rule, text, r) => /(19|20)\d{2}年/.test(normaliseText(text, r.script.compiled.shift, null, r.script.compiled.yearDigits)) && !/(19|20)\d{2}年/.test(text),
  /** A text read as a letter-spaced copy: the spaces between its characters are fillers in the view. */
  'script.letterSpacing': (_rule, text, r) => letterSpacing(text, normaliseText(text, r.script.compiled.shift), lineStarts(text), r.script.letterSpacing) !== null,
  /** A text read as spaced between Chinese and Latin letters or digits: those single spaces are fillers in the view. */
  'script.latinSpacing': (_rule, text, r) => latinSpacing(normaliseText(text, r.script.compiled.shift), r.script.latinSpacing) !== null,
  /** A text read as a double-spaced copy: some blank line of it is stepped over as a line break (wrap.ts doubleSpaced). */
  'script.doubleSpacing': (_rule, text, r) => { const doc = run({ text }, { rules: r }); const gone = removedLines(doc); return doubleSpaced(doc, r.script.doubleSpacing, gone) !== gone; },
  /** A header line of a task table flattened with single spaces (序号 工作任务 牵头单位). */
  'tables.serialRows': (rule, text) => (rule.header as RegExp).test(text),
  /** A line holding only the bar that separates the cells of a table flattened one cell per block. */
  'tables.barCells': (rule, text) => text.trim() === rule.bar,
  /** A whole task list one cell per line, read as a table by this layout (not one left to cellPerLine). */
  'tables.mergedCells': (rule, text) => extract({ text }, { rules }).tables.some((t) => t.rule === rule.id),
};

const patternOf = (rule: Rule): RegExp | null => {
  const re = rule.pattern ?? rule.title ?? rule.separator;
  return re instanceof RegExp ? re : null;
};

/** `rules.<file>.<list…>` of every rule with an id, found in the validated rules (which still hold the examples). */
function* rulesWithIds(value: unknown, path: string[]): Generator<{ path: string; rule: Rule }> {
  if (Array.isArray(value)) {
    for (const v of value) yield* rulesWithIds(v, path);
  } else if (value && typeof value === 'object' && !(value instanceof RegExp)) {
    if (typeof (value as Rule).id === 'string') yield { path: path.join('.'), rule: value as Rule };
    for (const [k, v] of Object.entries(value)) if (k !== 'examples') yield* rulesWithIds(v, [...path, k]);
  }
}

/** The same rule in the compiled set (which has no examples). */
function compiledRule(path: string, id: string): Rule {
  let node: unknown = rules;
  for (const k of path.split('.')) node = (node as Record<string, unknown>)[k];
  const found = Array.isArray(node) ? node.find((r: Rule) => r.id === id) : node;
  expect(found, `${path} ${id} in the compiled rules`).toBeDefined();
  return found as Rule;
}

const validated = validateRules();
const all = RULE_FILE_NAMES.flatMap((name) => [...rulesWithIds(validated[name], [name])]);

/** A pattern rule: a copy without `g`/`y`, so that `test` starts at the beginning and the rule's regex is left untouched. */
const pattern: Runner = (rule, text) => {
  const re = patternOf(rule)!;
  return new RegExp(re.source, re.flags.replace(/[gy]/g, '')).test(text);
};

function runnerOf(path: string, rule: Rule): Runner {
  const runner = RUNNERS[path];
  if (runner) return runner;
  if (!patternOf(rule)) throw new Error(`${path} ${rule.id}: no example runner for this kind of rule; add one to RUNNERS`);
  return pattern;
}

describe('rule examples', () => {
  for (const { path, rule } of all) {
    const examples = rule.examples as { match: string[]; noMatch: string[] } | undefined;
    it(`${path} ${rule.id}`, () => {
      expect(examples?.match.length ?? 0, `${rule.id} has no match example: give it examples: {match: [...], noMatch: [...]} in rules/${path.split('.')[0]}.yaml`).toBeGreaterThan(0);
      const compiled = compiledRule(path, rule.id);
      const run = runnerOf(path, compiled);
      for (const text of examples!.match) expect(run(compiled, normaliseText(text), rules), `${rule.id} should take: ${text}`).toBe(true);
      for (const text of examples!.noMatch) expect(run(compiled, normaliseText(text), rules), `${rule.id} should leave: ${text}`).toBe(false);
    });
  }
});

describe('the rule tester itself', () => {
  it('knows how to run every kind of built-in rule', () => {
    expect(all.length).toBeGreaterThan(150);
    for (const { path, rule } of all) expect(() => runnerOf(path, rule)).not.toThrow();
  });
});
