import { z } from 'zod';
import { examples } from '../examples.js';
import { captures, GlobalPattern, Pattern, RuleId, Words } from '../pattern.js';

/** The schema of rules/meta.yaml, built when first needed (see ruleSchemas in ../schema.ts). */
export function metaRules() {
  const DocType = z.enum(['work-report', 'plan-report', 'budget-report', 'plan-outline', 'progress-report', 'task-notice', 'policy-notice', 'news', 'other']);

  /** A document type read from the title (`title`) or, when the title settles nothing, from the opening text (`pattern`). */
  const TitleCue = z.object({ id: RuleId, ...examples, docType: DocType, title: Pattern }).strict();
  /** `weight`: how much the cue counts against the title's (3, or 2 for a collector's title); 2 unless given. */
  const BodyCue = z.object({ id: RuleId, ...examples, docType: DocType, pattern: Pattern, weight: z.number().positive().default(2) }).strict();

  /** A pattern that finds a year, captured as (?<year>…). */
  const hasYear = (re: RegExp) => /\(\?<year>/.test(re.source);
  const YEAR_GROUP = { message: 'the pattern must capture the year as (?<year>…)', path: ['pattern'] };
  const YearRule = z.object({ id: RuleId, ...examples, pattern: Pattern }).strict().refine((r) => hasYear(r.pattern), YEAR_GROUP);

  /** A rule whose pattern captures each of `groups` as (?<group>…). */
  const Named = (...groups: string[]) => z.object({ id: RuleId, ...examples, pattern: Pattern }).strict().refine(
    (r) => groups.every((g) => r.pattern.source.includes(`(?<${g}>`)),
    { message: `the pattern must capture ${groups.map((g) => `(?<${g}>…)`).join(' and ')}`, path: ['pattern'] },
  );

  return z.object({
    /** Words a title ends with; a title broken over two lines is joined when the join ends with one. */
    titleEnds: Words.default([]),
    /** Notes on the form a report comes in, bracketed after its title (（书面）, （摘要）): no part of it. */
    titleNotes: Words.default([]),
    /** The years a plan covers, bracketed on the line under its title ((2016-2020年)): joined to the title. */
    titleSpan: z.object({ id: RuleId, ...examples, pattern: Pattern }).strict().optional(),
    titleCues: z.array(TitleCue).default([]),
    /** Tested line by line on the opening lines, removed page furniture included (bylines say a text is news). */
    bodyCues: z.array(BodyCue).default([]),
    /** The issuer before 关于 in a title, in a news byline, in the speech formula: captured as (?<name>…). */
    issuerAbout: Named('name').optional(),
    issuerByline: Named('name').optional(),
    /** Bylines that name the paper itself, not an issuer (本报记者). */
    bylineNot: z.array(z.string().min(1)).default([]),
    /** 我代表…人民政府: the government word captured as (?<government>…) too. */
    issuerOnBehalf: Named('name', 'government').optional(),
    /** Unit names end in one of these: an issuer line, or the issuer before 关于 in a title. */
    issuerSuffixes: Words.default([]),
    /** Speaker titles after the issuer on a speaker line: 成都市金牛区人民政府区长 罗开敏. */
    speakerTitles: Words.default([]),
    /** The head of a unit named on a speaker line with the unit before it: 汕头市发展和改革局局长 陈向光 → the 局. */
    unitHeadTitles: Words.default([]),
    /** A tag before a reposted title ([转帖], 【聚焦两会】), left out of `meta.title`. */
    titleTag: Pattern.optional(),
    /** A site's name after a web page's title (…工作报告_某县人民政府), left out of `meta.title`. */
    titleSite: Pattern.optional(),
    /** A line that names nothing but a web site (某某市财政局政务网站), once any site name after it is off: no title. */
    siteName: Pattern.optional(),
    /** A parenthesis with the delivery date (and speaker) or the document's number closing a title line: cut off. */
    titleDateNote: Pattern.optional(),
    /** Front lines naming a congress, the place before it captured as (?<place>…), a national one as (?<national>…). */
    congress: z.array(z.object({ id: RuleId, ...examples, pattern: Pattern }).strict().refine(...captures('place', 'the place'))).default([]),
    /** A heading naming the plan year: 2024年重点工作安排, 二、2022年度重点工作. */
    planHeading: YearRule.optional(),
    /** A heading naming the year under review (the plan year is the next): 2023年工作回顾. */
    reviewHeading: YearRule.optional(),
    /** A run-in part title anywhere in a flattened report naming its plan year: …。2025年工作安排。… */
    runInPlan: YearRule.optional(),
    /** A run-in part title naming the year under review: 2024年工作回顾过去一年…. */
    runInReview: YearRule.optional(),
    /** A news item's account of the report it covers (报告提出了2025年目标任务, 报告回顾了2024年的工作). */
    reportedPlan: YearRule.optional(),
    reportedReview: YearRule.optional(),
    /** The year a paragraph of main targets names (2018年…主要预期目标是：). */
    targetsYear: YearRule.optional(),
    /**
     * The first paragraph of a text of no known type, opening on a whole year it looks back on (2022年，面对…;
     * 2021年，全县上下坚持…: a bulletin's or a summary's body): the text is of that year, and reviews it.
     */
    yearOpening: YearRule.optional(),
    /**
     * A news item's account of a report that only looks back (作关于2010年度审计工作报告, 发布2024年统计公报), in its
     * opening paragraphs: the item reports on that year.
     */
    reportedLookBack: YearRule.optional(),
    /** A year in a title that is not the document's (2035年远景目标): its matches are left out of the title's years. */
    titleYearNot: z.object({ id: RuleId, ...examples, pattern: GlobalPattern }).strict().refine((r) => hasYear(r.pattern), YEAR_GROUP).optional(),
    /**
     * A document that only looks back (统计公报, 决算, 工作总结), tested on its title and on its issuer (…统计局): its
     * figures are of the year it names, which is the year under review, not the one before a plan year.
     */
    lookBack: z.object({ id: RuleId, ...examples, pattern: Pattern }).strict().optional(),
    /** A document on its own year so far (今年以来, 上半年, 1—7月), tested on its title: what it reviews is that year. */
    toDate: z.object({ id: RuleId, ...examples, pattern: Pattern }).strict().optional(),
    /** A report naming itself in its opening (现将…报告如下), the name captured as (?<title>…): the title when it has no title line. */
    announcedTitle: z.object({ id: RuleId, ...examples, pattern: Pattern }).strict().refine(...captures('title', 'the title')).optional(),
    /**
     * The year in a five-year plan's life a text says it is in (今年是“十五五”开局之年), the plan's number captured as
     * (?<plan>…) and the year's name as (?<milestone>…): the plan's first year, or its last for a `last` word (收官).
     */
    planMilestone: z.object({ id: RuleId, ...examples, pattern: Pattern, last: Words.default([]) }).strict()
      .refine((r) => /\(\?<plan>/.test(r.pattern.source) && /\(\?<milestone>/.test(r.pattern.source), { message: 'the pattern must capture (?<plan>…) and (?<milestone>…)', path: ['pattern'] }).optional(),
    /**
     * A plenary session of the National People's Congress or the CPPCC's National Committee a text names (第十四届全国
     * 人大三次会议, 全国政协十四届三次会议), its term captured as (?<term>…) and its session as (?<session>…): its year,
     * counted from the term `firstTerm`, first met in `firstYear`, one term every `termYears`.
     */
    nationalSession: z.object({
      id: RuleId, ...examples, pattern: Pattern,
      firstTerm: z.number().int().positive(), firstYear: z.number().int().min(1900), termYears: z.number().int().positive(),
    }).strict().refine(...captures('term', 'the term')).refine(...captures('session', 'the session')).optional(),
    /** A year opening a clause (2016年，全县…); searched for every match (`g`). */
    /** The date of delivery or issue, in the order read; each captures (?<year>…), (?<month>…) and (?<day>…). */
    dates: z.object({
      line: Named('year', 'month', 'day').optional(),
      /** A signature and its date glued to the last sentence of a text flattened onto one line (…落地见效。国务院办公厅2020年7月15日). */
      signed: Named('year', 'month', 'day').optional(),
      delivery: Named('year', 'month', 'day').optional(),
      collector: Named('year', 'month', 'day').optional(),
      stamp: Named('year', 'month', 'day').optional(),
      /** Over two lines joined by a line break (2019 / 08/12). */
      splitStamp: Named('year', 'month', 'day').optional(),
      byline: Named('year', 'month', 'day').optional(),
      /** A news article's day of delivery: (?<month>…) and (?<day>…); `newsYear` finds the year inside its match. */
      news: Named('month', 'day').optional(),
      newsYear: Named('year').optional(),
    }).strict().default({}),
    clauseYear: z.object({ id: RuleId, ...examples, pattern: GlobalPattern }).strict().refine((r) => hasYear(r.pattern), YEAR_GROUP).optional(),
    /** A paragraph saying what a year is (2021年是…的一年); searched for every match (`g`): of two years one after the other, the later is the report's. */
    topicYear: z.object({ id: RuleId, ...examples, pattern: GlobalPattern }).strict().refine((r) => hasYear(r.pattern), YEAR_GROUP).optional(),
  }).strict();
}
