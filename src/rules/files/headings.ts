import { z } from 'zod';
import { examples } from '../examples.js';
import { captures, Pattern, RuleId } from '../pattern.js';

/** The schema of rules/headings.yaml, built when first needed (see ruleSchemas in ../schema.ts). */
export function headingRules() {
  /**
   * Numbered heading markers; `style` groups markers of one kind for depth by context. `outline`: the marker of a
   * report's outline (一、 (一) 第一部分); with two such headings, short standalone lines are not taken as headings.
   */
  /**
   * `flatCut`: a report flattened onto one line is cut before this marker (where a sentence ends). Only the markers
   * of parts and their first levels: a (1) or ① inside a paragraph is an inline list, not a line of its own.
   * `flatCutSpaced`: cut there too wherever the marker stands, with no stop before it, when a space follows it (…规划总结
   * 第一节 “十三五”时期…, in a page flattened to one line: the space is the line break that was). `flatCutGlued`: cut
   * there too right after a Chinese character, no space needed (…主要工作（一）基本情况…).
   */
  const Marker = z.object({ id: RuleId, ...examples, pattern: Pattern, style: z.string().min(1), outline: z.boolean().default(false), flatCut: z.boolean().default(false), flatCutSpaced: z.boolean().default(false), flatCutGlued: z.boolean().default(false) }).strict();
  /** Unnumbered headings: a pattern over the whole (trimmed) line. */
  /** `runIn`: the title may also open a flattened paragraph, run straight on into its prose (2024年工作回顾过去一年，…). */
  /** `flatCut`: a report flattened onto one line is cut before this title where a sentence ends and a space follows it. */
  /** `label`: a title that labels the document when it opens the text (附件1 above an attachment's title), no part. */
  const Unnumbered = z.object({ id: RuleId, ...examples, pattern: Pattern, style: z.string().min(1), maxLength: z.number().int().positive().default(30), runIn: z.boolean().default(false), flatCut: z.boolean().default(false), label: z.boolean().default(false) }).strict();
  /** Cues that turn a numbered line into a task rather than a heading. */
  const Cue = z.object({ id: RuleId, ...examples, pattern: Pattern }).strict();
  /** `nextLine`: the cue also counts when it opens the paragraph right after the numbered line (its units below it). */
  const TaskCue = Cue.extend({ nextLine: z.boolean().default(false) }).strict();

  return z.object({
    /**
     * A line of hard-wrapped text that this matches opens a numbered item and never continues the line before it.
     * Narrower than the heading markers: a footnote reference 〔35〕 wrapped to the start of a line goes on.
     */
    wrapOpens: Cue.nullable().default(null),
    /**
     * The line opening a notice's list of attachments with its first item (附件：1.… / 2.…), capturing its number as
     * (?<n>…): that item and the items numbered on from it right after it name files and are no headings.
     */
    attachmentList: Cue.refine(...captures('n', 'the first item\'s number')).nullable().default(null),
    markers: z.array(Marker).default([]),
    unnumbered: z.array(Unnumbered).default([]),
    notHeading: z.array(Cue).default([]),
    taskLine: z.array(TaskCue).default([]),
    quantityTitle: z.array(Cue).default([]),
    /** `units: false`: what the parenthesis names is no unit (a leader, a score): the part's items are not its tasks. */
    lead: z.array(Cue.extend({ units: z.boolean().default(true) }).strict()).default([]),
    /** A title naming the unit that leads its part's items (县示范区管委会牵头工作): the unit and its verb captured as (?<units>…). */
    titleLead: z.array(Cue.refine(...captures('units', 'the units'))).default([]),
    /** A labelled field line of a record-shaped task (1.项目内容：…, 2.责任单位：…): part of the item above, never a heading. */
    recordField: z.array(Cue).default([]),
    /**
     * Whole-title patterns of a numbered part title that runs straight on into its prose in a flattened report
     * (一、“十四五”时期和2025年工作回顾过去的五年…): the title is cut after the shortest prefix that matches.
     */
    runInEnd: z.array(Cue).default([]),
    /** The time a part title names before its phrase (“十五五”时期, 2025年, 今年): a runInEnd prefix naming one is a part title. */
    partTime: Cue.nullable().default(null),
    /**
     * In a report flattened onto one line, what opens the text after a numbered title that ran on into it (（二）深化国资国企
     * 改革一是…, …基本情况截止2022年底，…): the title ends before it.
     */
    flatTitleEnd: Cue.nullable().default(null),
    /**
     * A table of contents flattened with the rest of a report: `run` or more pieces in a row, each at most `entry`
     * characters with no sentence or clause punctuation but the enumeration comma, or ending in a leader and a page
     * number (`pattern`) after at most `leadered` characters with no sentence end, full stop or semicolon.
     */
    flatContents: z.object({
      id: RuleId, ...examples, pattern: Pattern,
      entry: z.number().int().positive(), leadered: z.number().int().positive(), run: z.number().int().min(2),
    }).strict().nullable().default(null),
    /**
     * A short line standing alone between paragraphs, as news articles title their parts, when a text has fewer than
     * two outline headings: from `minLength` to `maxLength` characters, mostly Chinese (`hanShare`), matching none of
     * `not` (sentence punctuation, an opening bracket or quote, a dash) and no `signature` (a line naming the issuer).
     */
    /** Sentence punctuation: where a sentence ends (a heading's title stops there; a unit holding one is prose). */
    sentenceEnd: Cue.nullable().default(null),
    /**
     * A numbered line's short opening phrase closed by a colon, with text after it, is its title ((一)高风险类：…), at
     * most `max` characters, and not where what follows opens a definition (`notAfter`: 九责工作法：是指…).
     */
    colonTitle: z.object({ id: RuleId, ...examples, max: z.number().int().positive(), notAfter: Pattern }).strict().nullable().default(null),
    /**
     * Clause punctuation by kind, each a string of characters: the full stop of a statement (。), the Latin full
     * stop (.), comma, semicolon, colon, and the enumeration comma (、) between list items. A unit list, a list item
     * or a title ends at them; code asks for a kind, never for a character (src/rules/punctuation.ts).
     */
    /**
     * What a part title run on into prose goes on with: `subject` (是, 为: the title is a sentence's subject) and
     * `phrase` (的, 和: a longer phrase), each a string of characters.
     */
    titleGoesOn: z.object({ id: RuleId, ...examples, subject: z.string().default(''), phrase: z.string().default('') }).strict().nullable().default(null),
    clausePunctuation: z.object({
      id: RuleId, ...examples,
      fullStop: z.string().default(''), period: z.string().default(''), comma: z.string().default(''),
      semicolon: z.string().default(''), colon: z.string().default(''), enumeration: z.string().default(''),
    }).strict().nullable().default(null),
    standalone: z.object({
      id: RuleId, ...examples,
      minLength: z.number().int().positive(), maxLength: z.number().int().positive(),
      hanShare: z.number().min(0).max(1), not: Pattern, signature: Pattern,
      /** A line shorter than `minLength` that is a standalone title all the same: one naming a part (主要目标, 回眸展望). */
      short: Pattern.optional(),
    }).strict().nullable().default(null),
  }).strict();
}
