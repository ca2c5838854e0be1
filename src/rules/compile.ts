import { compileYears, type YearNeeds } from '../extract/meta.js';
import { compileBodyCues, type BodyCuePrefilter } from '../extract/meta/doctype.js';
import { compileDates, type DateRules } from '../extract/meta/dates.js';
import { compileFrontKeys, type FrontKind } from '../extract/meta/front.js';
import { compileIssuer, type IssuerPatterns } from '../extract/meta/issuer.js';
import { compileRegions, type Regions } from '../extract/meta/region.js';
import { compileSpeakerEnds } from '../extract/meta/title.js';
import { compileQuantities, type Compiled as QuantityCompiled } from '../extract/quantity/compile.js';
import { compileRoleWords, type RoleWords } from '../extract/roles.js';
import { compileComparatorEdges, type ComparatorEdges } from '../extract/table/cells.js';
import { compileSeparators, type Separators } from '../extract/table/layout.js';
import { compileGrammar, type Grammar } from '../extract/units/grammar.js';
import { compileContents, compileLinePrefilter, compileRunOn, type ContentsTest, type LinePrefilter } from '../stages/clean.js';
import { compileShift, compileYearDigits } from '../stages/normalise.js';
import { anyOfNeeds, needsTest, type NeedsTest } from '../stages/gates.js';
import { compileHeadingIndex, compileRunIn, type HeadingIndex, type RunIn } from '../stages/segment.js';
import { compilePunctuation, type Punctuation } from './punctuation.js';
import { requiredText, sharingTrees } from './regex-ast.js';
import type { RawRules, Rules } from './schema.js';

/**
 * What is compiled from each rule file, kept beside that file's rules (`rules.tables.compiled`, …): a function that
 * is handed one file's rules (`parseCell(text, rules.tables)`, the cleaner's `rules.boilerplate`) finds it there.
 * The compilers live beside the code that uses what they build; this module only calls each once.
 */
export interface CompiledParts {
  /** `pageBreaks`: ids of the line rules that mark a page break. */
  /** `spanNeeds[k]`: the texts span rule k cannot match without one of (requiredText), or null. */
  /** `frontKeys`: the front-matter key words, lower-cased, with the hint each names (or other). */
  /** `navigation`: the ids of the block rules marked `navigation` (a page's navigation: no date is read from it). */
  boilerplate: { lines: LinePrefilter; pageBreaks: ReadonlySet<string>; navigation: ReadonlySet<string>; spanNeeds: readonly (readonly string[] | null)[]; frontKeys: ReadonlyMap<string, FrontKind> };
  /** The styles of outline markers. */
  /** `taskLineNeeds[k]`: the texts task-line cue k cannot match without one of (requiredText), or null. */
  /** `runIn`: the unnumbered part titles that may run straight on into their prose, as prefixes. */
  /** `index`: markers, unnumbered titles and run-in prefixes by the first character they can open a text with. */
  /** `taskLineAny`: one test for the required texts of every task-line cue, null when some cue has none. */
  /** `sentenceEnd`: the sentence punctuation rule's pattern (one that never matches when the rule is left out). */
  /** `punctuation`: the clause punctuation and sentence end rules, by character (src/rules/punctuation.ts). */
  /** `goesOn`: the characters a run-on title goes on with (titleGoesOn), as codes: `subject` and `phrase`. */
  headings: {
    outlineStyles: ReadonlySet<string>; taskLineNeeds: readonly NeedsTest[]; taskLineAny: RegExp | null; runIn: readonly RunIn[]; index: HeadingIndex;
    sentenceEnd: RegExp; runOn: RegExp; contents: ContentsTest | null; punctuation: Punctuation; goesOn: { subject: ReadonlySet<number>; phrase: ReadonlySet<number> };
  };
  /** `bodyCues`: what each body cue needs and whether it is contextFree; `years`: what the year heading rules need. */
  /** `dates`: the date rules with the gates that rule texts out before them. */
  meta: { issuer: IssuerPatterns; speakerEnds: RegExp[]; bodyCues: BodyCuePrefilter; years: YearNeeds; dates: DateRules };
  organizations: Grammar;
  /** Reads the units file too (unit words, magnitudes). `roleWords`: the roles stage's tense and opener tables. */
  quantities: QuantityCompiled & { roleWords: RoleWords };
  regions: Regions;
  /** `shift`: what the view adds to each UTF-16 unit (src/stages/normalise.ts), the script's pairs included. */
  /** `yearDigits`: the digit each numeral of a year reads as (src/stages/normalise.ts yearsInDigits). */
  script: { shift: Uint16Array; yearDigits: Uint16Array };
  tables: { separators: Separators; edges: ComparatorEdges };
}

/** Rule-file keys that document a rule and play no part in running it. */
const DOC_KEYS = new Set(['examples']);

/** A copy of validated rules without the keys that only document them (a rule's `examples`). */
export function stripDocs<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripDocs) as T;
  if (!value || typeof value !== 'object' || value instanceof RegExp) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!DOC_KEYS.has(k)) out[k] = stripDocs(v);
  return out as T;
}

/**
 * The rules as validated, plain objects frozen all the way down (their compiled pieces: see attach). Arrays are walked but not frozen: V8 runs `some`, `find`, `forEach` and
 * `for…of` over a frozen array through generic code, ten to thirty times slower a call, and the stages loop over rule
 * arrays for every paragraph and figure (unfrozen, the quantities stage took a tenth less time). They are read-only
 * by type, and a test runs the pipeline over rules frozen whole (tests/rules.test.ts) to show no stage writes to them.
 * RegExps are left as they are: a `g` or `y` regex keeps its `lastIndex` on itself, and freezing it would make every
 * `exec` throw. Maps, Sets and typed arrays cannot be frozen.
 */
function deepFreeze<T>(value: T): T {
  if (!value || typeof value !== 'object' || Object.isFrozen(value)) return value;
  // Indexed loops: this runs once a start, in still cold code, where `for…of` steps an iterator for every element.
  if (Array.isArray(value)) {
    // Elements only: listing an array's keys made a list of index strings for every word list at each start.
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item && typeof item === 'object') deepFreeze(item);
    }
    return value;
  }
  if (value instanceof RegExp || value instanceof Map || value instanceof Set || ArrayBuffer.isView(value)) return value;
  Object.freeze(value);
  const keys = Reflect.ownKeys(value);
  for (let i = 0; i < keys.length; i++) deepFreeze((value as Record<PropertyKey, unknown>)[keys[i]!]);
  return value;
}

/**
 * Attach `compiled` beside one file's rules, left out of enumeration so that a spread or a dump of the rules skips it.
 * Both are frozen at their top only: what a compiled piece holds (indexes, tables, class instances, half of the objects
 * of the rule set) is built by its compiler for the stages alone, read-only by type and guarded by the same test as
 * the arrays; walking it down froze ~1200 objects more at each start.
 */
function attach<T extends object, C extends object>(rules: T, compiled: C): T & { readonly compiled: C } {
  return Object.freeze(Object.defineProperty({ ...rules }, 'compiled', { value: Object.freeze(compiled), enumerable: false })) as T & { readonly compiled: C };
}

function compileHeadings(headings: RawRules['headings'], punctuation: Punctuation): CompiledParts['headings'] {
  const runIn = compileRunIn(headings);
  return {
    outlineStyles: new Set(headings.markers.filter((m) => m.outline).map((m) => m.style)),
    // A cue runs on a numbered line's whole body: one scan for its required texts costs less than the cue's regex.
    taskLineNeeds: headings.taskLine.map((r) => needsTest(requiredText(r.pattern))),
    taskLineAny: anyOfNeeds(headings.taskLine.map((r) => requiredText(r.pattern))),
    runIn,
    index: compileHeadingIndex(headings, runIn),
    sentenceEnd: headings.sentenceEnd?.pattern ?? /(?!)/u,
    runOn: compileRunOn(headings),
    contents: compileContents(headings, punctuation),
    punctuation,
    goesOn: {
      subject: new Set([...(headings.titleGoesOn?.subject ?? '')].map((ch) => ch.charCodeAt(0))),
      phrase: new Set([...(headings.titleGoesOn?.phrase ?? '')].map((ch) => ch.charCodeAt(0))),
    },
  };
}

/**
 * The one compiled rule set: validated rules, their documentation already stripped (`stripDocs`), with every regex,
 * vocabulary, prefilter and index built once, frozen (its arrays and compiled pieces read-only by type: see deepFreeze
 * and attach). Called by `loadRules()` only.
 */
export function compileRules(raw: RawRules): Rules {
  return sharingTrees(() => compileParts(raw));
}

function compileParts(raw: RawRules): Rules {
  const punctuation = compilePunctuation(raw.headings.clausePunctuation, raw.headings.sentenceEnd?.pattern ?? null);
  const shift = compileShift(raw.script.traditional?.pairs ?? '');
  const rules: Rules = {
    ...raw,
    boilerplate: attach(raw.boilerplate, {
      lines: compileLinePrefilter(raw.boilerplate.lines),
      pageBreaks: new Set(raw.boilerplate.lines.filter((r) => r.pageBreak).map((r) => r.id)),
      navigation: new Set(raw.boilerplate.blocks.filter((r) => r.navigation).map((r) => r.id)),
      spanNeeds: raw.boilerplate.spans.map((r) => requiredText(r.pattern)),
      frontKeys: compileFrontKeys(raw.boilerplate.frontMatter),
    }),
    headings: attach(raw.headings, compileHeadings(raw.headings, punctuation)),
    meta: attach(raw.meta, { issuer: compileIssuer(raw), speakerEnds: compileSpeakerEnds(raw), bodyCues: compileBodyCues(raw), years: compileYears(raw), dates: compileDates(raw) }),
    organizations: attach(raw.organizations, compileGrammar(raw, punctuation)),
    quantities: attach(raw.quantities, { ...compileQuantities(raw, punctuation, shift), roleWords: compileRoleWords(raw) }),
    regions: attach(raw.regions, compileRegions(raw)),
    script: attach(raw.script, { shift, yearDigits: compileYearDigits(raw.script.yearNumerals?.pairs ?? '') }),
    tables: attach(raw.tables, { separators: compileSeparators(raw.tables.layouts), edges: compileComparatorEdges(raw.tables.comparators) }),
  };
  deepFreeze(raw);
  return Object.freeze(rules);
}
