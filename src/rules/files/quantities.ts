import { z } from 'zod';
import { examples } from '../examples.js';
import { GlobalPattern, Pattern, RuleId, Words } from '../pattern.js';

/** The schema of rules/quantities.yaml, built when first needed (see ruleSchemas in ../schema.ts). */
export function quantityRules() {
  const Op = z.enum(['>=', '<=', '>', '<', '~']);

  /** Words that bound a number: `before` ends right before it, `after` starts right after its unit. */
  /** `notAfter`: for a word of `before`, the characters that make it part of another word when they precede it (签约). */
  /**
   * A comparator: words written right `before` the number (不少于) or right `after` it (以上), `notAfter` characters
   * that make a word before it part of another (签约), and `adverbs` that bound the figure of the verb after them, a
   * verb of one to three characters standing between (至少培育1家).
   */
  const ComparatorRule = z.object({ id: RuleId, ...examples, op: Op, before: Words.default([]), after: Words.default([]), notAfter: z.record(z.string().min(1), z.string().min(1)).default({}), adverbs: Words.default([]) }).strict();
  const GrowthRule = z.object({ id: RuleId, ...examples, direction: z.enum(['up', 'down']), words: Words }).strict();
  /**
   * `yieldsToYear`: a year named before the cue decides the kind over it (预计: a forecast, or an estimate of a past
   * year). `thisYear`: the cue names the document's own year (今年, 年内), which a report to date reviews.
   */
  const KindRule = z.object({ id: RuleId, ...examples, kind: z.enum(['target', 'actual', 'other']), words: Words, yieldsToYear: z.boolean().default(false), yieldsToTarget: z.boolean().default(false), thisYear: z.boolean().default(false) }).strict();
  const SectionRule = z.object({ id: RuleId, ...examples, role: z.enum(['review', 'plan', 'glossary']), pattern: Pattern }).strict();

  /** A year cue: the captured year, the end of a five-year plan (十三五末), the report's review/plan year, or no year. */
  const YearRule = z.object({
    id: RuleId,
    ...examples,
    pattern: Pattern,
    capture: z.number().int().positive().optional(),
    period: z.literal('end').optional(),
    relative: z.enum(['plan', 'next', 'review', 'review-minus-one', 'none']).optional(),
    /**
     * Several years: two captured years, a five-year plan, the last N years, the next N, N years either way by the
     * figure's kind (an average over N years: past for an actual, ahead for a target), since a year, against a base
     * year, or the span around it (年均).
     */
    span: z.enum(['range', 'plan-period', 'after-plan-period', 'last-n', 'next-n', 'n-by-kind', 'from-for', 'since', 'base', 'average', 'context']).optional(),
    /** A deadline (到2025年): the figure is ahead of it, so a year before the plan year does not make it past. */
    deadline: z.boolean().default(false),
    /**
     * With `deadline`: a date a level is stated at (截至2023年底), so the figure looks ahead only when that year is
     * beyond the year under review, and is a past level when it is not.
     */
    asOf: z.boolean().default(false),
    /**
     * A span stated as what the sentence is about (这是…显著提升的五年。): it governs the rest of its paragraph as a span
     * fronted by a comma does (五年来，…), though a full stop ends it.
     */
    opens: z.boolean().default(false),
  }).strict();

  /** A number-plus-unit match that is not a quantity; every pattern given must match. */
  const Exclusion = z.object({
    id: RuleId,
    ...examples,
    before: Pattern.optional(),
    after: Pattern.optional(),
    number: Pattern.optional(),
    /** Matches the unit as written, magnitude included. */
    unit: Pattern.optional(),
    dimension: z.string().optional(),
    /** Dimensions the rule does not apply to (the indefinite 一 is no rule for 一斤, 一吨). */
    exceptDimensions: z.array(z.string()).default([]),
    ...examples,
  }).strict();

  const Indicator = z.object({
    cut: Pattern.optional(),
    subjects: Words.default([]),
    /** Region subjects dropped before a noun as well (全县一般公共预算收入), unless the noun opens with `areaKept`. */
    ownArea: Words.default([]),
    areaKept: Words.default([]),
    /** Who does it, written before the verb (省级财政安排…): dropped like a subject, only before a dropped word. */
    subjectPattern: Pattern.optional(),
    leading: Words.default([]),
    trailing: Words.default([]),
    /** Words that begin with a leading word or end with a trailing one but are whole words (有机, 共同, 在建). */
    words: Words.default([]),
    /** Not global: it is searched from the start of each stretch, so it keeps no `lastIndex` between callers. */
    nounStop: Pattern,
    /** One-character nouns that name what a count counts (村, 县): other single characters after a count do not. */
    singleNouns: z.array(z.string().length(1)).default([]),
    /** Verbs that open a clause describing what is counted, closed by 的 (具有…学位的人才): the noun after it is named. */
    relativeVerbs: Words.default([]),
    maxLength: z.number().int().positive().default(24),
    /** Verbs after a quoted name a count opens (58个“15分钟公服圈”提升百姓幸福感): the name ends at its quote. */
    afterQuote: Words.default([]),
    /** Verbs whose object a figure opens: 提供不少于32学时的创业培训 is named by 创业培训. */
    objectVerbs: Words.default([]),
    /** Verbs after what a count counts that make those things the actors of the next figure (19家企业发放…补贴497.1万元). */
    actorVerbs: Words.default([]),
    /** Nouns too general to name what a figure measures (达到60%的水平, 1500元的标准). */
    generic: Words.default([]),
    /** What a list of parts names together, written once after the last part (…、建材产业增加值 → each part's 增加值). */
    heads: Words.default([]),
    /** Counts that, standing alone after a list's first part, count what the first does (事故起数、死亡人数). */
    countHeads: Words.default([]),
    /** Ordinals written once for a list: 第一、二、三产业 (`first` matches the first part, `next` opens each later one). */
    ordinalList: z.object({ first: Pattern, next: Pattern }).strict().optional(),
    pairs: z.array(z.object({ word: z.string().min(1), parts: z.array(z.string()).min(2).max(3) }).strict()).default([]),
    /** Names of the base a share is taken of (完成年初预算数60999万元的40.4%): such a figure lends the figures after it its sentence's subject, not its own name. */
    bases: Words.default([]),
    /**
     * Words opening a clause that relate the sentence's subject to something (对GDP增长的贡献率为0.7%): the figure is
     * named by the subject of the figure before it (第一产业增加值 → 第一产业) and the clause (第一产业对GDP增长的贡献率).
     */
    relations: Words.default([]),
    /** Words opening a figure's phrase that only qualify the figure before it ((不含雄安增长7.3%): named as that one. */
    qualifiers: Words.default([]),
    /** Nouns of a rate that, opening a phrase compared with another time, name the rate of the figure before it. */
    rateNouns: Words.default([]),
    /**
     * Pairs of heads one of which a clause may name bare after the other (全市一般公共预算收入…；支出…): the bare one takes
     * what came before its partner in the nearest earlier figure of the paragraph named so (全市一般公共预算支出).
     */
    counterparts: z.array(z.tuple([z.string().min(1), z.string().min(1)])).default([]),
    /** Words after a rate's noun that compare it with another time (增速比前11个月加快, 增速由前三季度的2.1%回升). */
    rateCompared: Words.default([]),
    /**
     * What may stand between the last figure named before a list and the 分别 that hands the list out (接待游客1260万人次、
     * 实现旅游综合收入118亿元，分别增长11.2%和9.6%): a comparator word, a qualifier clause (扣除价格因素，分别增长…).
     */
    respectively: Pattern.optional(),
    /**
     * Words that take the object a level is set for (引导合作机构逐步将平均担保费率降至1%以下): where the phrase ends on a
     * verb reaching a level (`reachedBy`), what follows the last of them names the figure.
     */
    disposal: z.object({ words: Words, reachedBy: Pattern }).strict().nullable().default(null),
    /** Adverbs a list's subject may end with before a gap word (A和B分别高于全省…, 均, 都). */
    listAdverbs: Words.default([]),
    /**
     * What a category after a list of examples ends with that each example takes too (合成氨、锂离子电池等产品产量分别
     * 增长…: 合成氨产量; 节能环保、汽车及零部件等产业增加值: 节能环保产业增加值).
     */
    examplesTail: Pattern.optional(),
    /**
     * Verbs between a subject and the measure it reports (规模以上工业企业实现利润, 教育累计支出): dropped from the name
     * where what follows them ends in a measure noun (`measure`) and the verb does not open one of `kept` (完成投资, the
     * name of a statistic).
     */
    innerVerbs: z.object({ verbs: Words, measure: Pattern, kept: Words.default([]) }).strict().nullable().default(null),
    /**
     * A figure whose own clause is its verb alone (…，达到4.2万元) after a clause naming what it measures and how that
     * went (城镇居民人均可支配收入稳步增长，达到4.2万元): `reach` is the verb, anchored at both ends; the name is the
     * earlier clause up to the last measure noun (`innerVerbs.measure`) with no change word in it.
     */
    clauseSubject: z.object({ reach: Pattern, maxClause: z.number().int().positive().default(30) }).strict().nullable().default(null),
    /**
     * A share: the word opening its base (占总人口的51.3%), the nouns naming a share (比重, 比例, 份额), and the noun a bare
     * share of the figure before it is named by (…，占3.7%: …比重).
     */
    share: z.object({ word: z.string().min(1), nouns: Words, name: z.string().min(1) }).strict().nullable().default(null),
    /**
     * Years listed before 分别 (2024年、2025年分别发行1万亿元、1.3万亿元): `year` finds each (the year as group 1), `only`
     * tells a text of nothing but them and their joiners.
     */
    listedYears: z.object({ year: GlobalPattern, only: Pattern }).strict().nullable().default(null),
    /** Words that, after a list joiner, stretch the goal for the next member of the list (增长6.5%、力争7%). */
    listStretch: Words.default([]),
    /** Words closing a qualifier that goes on with a name of its own (剔除…因素贷款余额 → 贷款余额). */
    qualifierEnds: Words.default([]),
    /** List numbering left at the start of a phrase. */
    marker: Pattern.optional(),
  }).strict();

  /**
   * A decision the code makes from the structure around a figure (its part's role, the deadline its paragraph opens
   * with, the phrase before it): `evidence` is what the code looks the rule up by, `id` what the output names.
   */
  const decision = <T extends readonly [string, ...string[]]>(evidence: T) =>
    z.array(z.object({ id: RuleId, evidence: z.enum(evidence), ...examples }).strict()).default([]);
  const Decisions = z.object({
    kinds: decision(KIND_EVIDENCE),
    years: decision(YEAR_EVIDENCE),
    indicators: decision(INDICATOR_EVIDENCE),
    measures: decision(MEASURE_EVIDENCE),
    roles: decision(ROLE_EVIDENCE),
  }).strict();

  return z.object({
    comparators: z.array(ComparatorRule).default([]),
    approximate: z.object({ id: RuleId, ...examples, words: Words }).strict(),
    growth: z.array(GrowthRule).default([]),
    toLevel: Words.default([]),
    /** An amount that is a change against a baseline (比上年增加1万亿元): the baseline cue, or words implying one. */
    amountChange: z.object({
      id: RuleId,
      baseline: Pattern,
      /** A baseline fronted as a clause of a sentence (与上年相比，…), which holds for each clause after it. */
      fronted: Pattern.optional(),
      /** Words that imply the baseline for figures of these dimensions, or produced by these rules (a bare magnitude). */
      implied: z.array(z.object({ words: Words, dimensions: z.array(z.string()).default([]), rules: z.array(z.string()).default([]) }).strict()).default([]),
      except: Words.default([]), ...examples }).strict().optional(),
    notGrowth: Words.default([]),
    growthGap: Pattern,
    /** A rate named a growth after the figure (5.5%左右的增长目标, 6%的年均增长率): `down` group for a fall. */
    growthAfter: Pattern.optional(),
    kinds: z.array(KindRule).default([]),
    /** Words that hold a kind cue word but are no cue (主要 holds 要, 一年内 holds 年内): read whole, they decide nothing. */
    notKindCues: Words.default([]),
    /** Words that report work done even inside a task: the figure after them is an actual. */
    doneCues: Words.default([]),
    /** The figure's clause ends on a share of the plan (…，占年度计划的): 计划 is the plan there and the figure an actual. */
    planShare: Pattern.optional(),
    /** Words in a figure's own clause that report work done in a progress report (完成投资…), even inside a task. */
    progressDone: Words.default([]),
    /**
     * What follows a count that heads a list of counts in its sentence (安排的48个项目中，已开工36个、…): the head takes
     * the list's kind.
     */
    listHead: Pattern.optional(),
    /** A figure that is a score (得10分, 扣0.5分, （40分）), read on the text from the figure on: kind other. */
    scoreFigure: Pattern.optional(),
    /**
     * A count of a plan's own indicators (纲要…提出22项主要指标): it describes the plan, kind other. `after`: read on the
     * text from the figure on; `before`: on its sentence before it (the verb that sets the plan out).
     */
    planCount: z.object({ after: Pattern, before: Pattern }).strict().optional(),
    /**
     * What ends the text right before a figure that is a task set (2022年度固投总任务52.77亿元, 下达…搬迁任务为5086户,
     * （2022年任务120亩）): a target, even in a review beside what was done against it.
     */
    taskAmount: Pattern.optional(),
    /**
     * A figure that is the plan or budget a share is taken of (完成年计划710亿元的89.4%, 完成年初预算数60999万元的40.4%):
     * a target, even in a review. `before`: what ends the text right before it; `after`: read from the figure on.
     */
    planBase: z.object({ before: Pattern, after: Pattern }).strict().optional(),
    sections: z.array(SectionRule).default([]),
    /**
     * What joins two parts of a heading that names both a review and a plan (“十三五”时期发展成就和“十四五”时期主要目标
     * 任务): with one between the two, the heading names neither; without, its last words name its part (重点工作成效,
     * 重点工作完成情况: a review).
     */
    sectionJoiners: Pattern.optional(),
    targetParagraph: Pattern.optional(),
    /**
     * A paragraph opening by citing the plan outline (《纲要（草案）》明确了…主要指标), in a part whose heading names its
     * span beside a year (“十五五”时期目标任务和2026年工作安排): its figures stand in that span.
     */
    outlineCited: Pattern.optional(),
    /** A paragraph opening on the past (过去一年，…): its figures with no cue of their own are actuals. */
    reviewParagraph: Pattern.optional(),
    /** A baseline right before a figure (较上年28899万元): the figure is the level of the year before. */
    baselineLevel: z.object({ id: RuleId, ...examples, pattern: Pattern }).strict().optional(),
    /** Words of a gap against another area (高于全省0.2个百分点): right after a rate, the gap is of its year or span. */
    gapWords: Words.default([]),
    /** A gap written as a comparison ending right before the figure (比全国低12个百分点): `word` captures 高/低/快/慢. */
    gapCompared: Pattern.optional(),
    /**
     * How a figure in a span (五年来，…, “十三五”时期，…) is dated by the words before it (context.ts inSpan): a level
     * reached takes the span's last year; a change over a span named in its clause, a level held, a total and a
     * count of work done over the span take the span.
     */
    spanFigures: z.object({
      /** Words right before a level reached (达到, 提高到). */
      reached: Words.default([]),
      /** Words right before a change (增长, 下降), over a span its clause names. */
      change: Words.default([]),
      /** Words right before a level held over the span (稳定在). */
      steady: Words.default([]),
      /** Words of a total anywhere in the text before the figure (累计, 共, 新增). */
      totals: Words.default([]),
      /** Words that hold a word of `totals` but are none (公共 holds 共): read whole, passed over. */
      notTotals: Words.default([]),
      /** Verbs of work done that open the figure's clause (改造农村危房1.28万户), after any of `subjects`. */
      actions: Words.default([]),
      subjects: Words.default([]),
      /** The start of a change written before the figure (由X增长到Y, 从不到70万亿元): X is of the year before the span. */
      from: Pattern.optional(),
      /** Words between a change word and its figure, read past (增长了, 年均增长超10%). */
      changeGap: Words.default([]),
      /** Words anywhere in the figure's text that make it a yearly figure over the span (每年). */
      yearly: Words.default([]),
      /**
       * Nouns of a flow, right before the figure (上划中央收入116.18亿元, 合计支出661.54亿元): over a span, the sum of its
       * years, unless the figure is a level reached (收入达到…).
       */
      flows: Words.default([]),
      /**
       * Words of work done or an honour won that follow a count in its clause (19项科技成果获国家科学技术奖, 28人当选…,
       * 15个公共文化场馆建成开放): over a span, the count of its years.
       */
      doneAfter: Words.default([]),
      /** Words right before such a verb that make the count a stock all of which reached a state (全部, 均): no total. */
      doneAll: Words.default([]),
      /** Words a span is named with as a time (“十三五”时期, 期间): what follows is about it, fronted or not. */
      timeWords: Words.default([]),
      /**
       * A year that starts a change (由2015年的X增加到Y; not a point of view, 从2021年完成情况来看), or one of years listed
       * (2016年、2017年…分别完成…): a year named there does not date the sentence's later figures.
       */
      fromYear: Pattern.optional(),
      /** Words after a single year that open a clause about it (2020年是…, 这一年里, 年中), as a comma does. */
      yearGoesOn: Words.default([]),
    }).strict().default({ reached: [], change: [], steady: [], totals: [], notTotals: [], actions: [], subjects: [], changeGap: [], yearly: [], flows: [], doneAfter: [], doneAll: [], timeWords: [], yearGoesOn: [] }),
    years: z.array(YearRule).default([]),
    /** Evidence for the roles stage: paragraph openers and tense words, and what a switch of role costs. */
    roles: z.object({
      openers: z.array(z.object({ id: RuleId, ...examples, role: z.enum(['review', 'plan', 'year']), pattern: Pattern }).strict()).default([]),
      /** `none`: words that hold a tense word and are evidence for neither role (主要, 需要), counted so that theirs is not. */
      tense: z.array(z.object({ id: RuleId, ...examples, role: z.enum(['review', 'plan', 'none']), words: Words }).strict()).default([]),
      switchCost: z.number().nonnegative().default(2),
      /** Words in a figure's own clause that make it a target even in a review part (力争, 确保). */
      aheadCues: Words.default([]),
    }).strict().default({ openers: [], tense: [], switchCost: 2, aheadCues: [] }),
    exclude: z.array(Exclusion).default([]),
    /** A figure inside quotes no longer than `max` is a name, no quantity (“3个100”工程). */
    quotedName: z.object({ id: RuleId, ...examples, max: z.number().int().nonnegative(), titleMax: z.number().int().nonnegative().default(0) }).strict().nullable().default(null),
    /** A figure in a unit that `needs` a cue before it (units.yaml) and has none is no quantity: the rule it is left out by. */
    unitNeeds: z.object({ id: RuleId, ...examples }).strict().nullable().default(null),
    /** Words opening a sentence that goes on with the one before it (其中…): its figures take that sentence's year. */
    partOfBefore: Words.default([]),
    sharedUnitJoiners: Words.default([]),
    /** The area a member of a list of gaps is compared with, between the joiner and the member (全省 in 低于全国1个、全省2个百分点). */
    sharedUnitAreas: Words.default([]),
    rangeJoiners: Words.default([]),
    indicator: Indicator,
    decisions: Decisions.default({ kinds: [], years: [], indicators: [], measures: [], roles: [] }),
  }).strict();
}

/** The evidence each list of `decisions` names (see rules/quantities.yaml). */
export const KIND_EVIDENCE = ['glossary', 'score', 'plan-count', 'task-amount', 'plan-base', 'target-paragraph', 'plan-share', 'progress-done', 'list-head', 'done', 'task', 'ahead-cue',
  'plan-section', 'review-section', 'plan-part', 'review-part', 'policy-rule', 'past-year', 'year-ahead', 'review-paragraph', 'compared-after', 'baseline-of-target', 'background', 'background-year', 'default'] as const;
export const YEAR_EVIDENCE = ['opening-deadline', 'opening-year', 'carried-deadline', 'sentence-year', 'part-span', 'report-plan', 'report-review', 'respectively'] as const;
export const INDICATOR_EVIDENCE = ['before', 'after', 'of-noun', 'tail', 'previous', 'list', 'parts', 'respectively', 'clause-subject'] as const;
export const MEASURE_EVIDENCE = ['points', 'baseline', 'level-gap', 'after'] as const;
export const ROLE_EVIDENCE = ['heading-year', 'parent-heading', 'sequence', 'table-plan', 'table-review',
  'doctype-progress-report', 'doctype-plan-outline', 'doctype-task-notice', 'look-back', 'past-span'] as const;
export type KindEvidence = (typeof KIND_EVIDENCE)[number];
export type YearEvidence = (typeof YEAR_EVIDENCE)[number];
export type IndicatorEvidence = (typeof INDICATOR_EVIDENCE)[number];
export type MeasureEvidence = (typeof MEASURE_EVIDENCE)[number];
export type RoleEvidence = (typeof ROLE_EVIDENCE)[number];

type Decided = { decisions: { [K in 'kinds' | 'years' | 'indicators' | 'measures' | 'roles']: readonly { id: string; evidence: string }[] } };

/**
 * The id of the decision rule for each piece of evidence of one list, or null where the rule files name none (an
 * override cannot remove a built-in rule, so with the built-in rules every one is named). Built per document, cheap.
 */
export function decisionIds<K extends keyof Decided['decisions'], E extends string>(q: Decided, list: K, evidence: readonly E[]): Record<E, string | null> {
  const out = Object.fromEntries(evidence.map((e) => [e, null])) as Record<E, string | null>;
  for (const d of q.decisions[list]) if (d.evidence in out) out[d.evidence as E] ??= d.id;
  return out;
}

export type QuantityRules = z.output<ReturnType<typeof quantityRules>>;
