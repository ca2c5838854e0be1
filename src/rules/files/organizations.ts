import { z } from 'zod';
import { examples } from '../examples.js';
import { Pattern, RuleId, Words } from '../pattern.js';

const ROLES = ['lead', 'responsible', 'cooperating'] as const;
export const TASK_SHAPES = ['section-lead', 'heading', 'table', 'same-line', 'opening-units'] as const;
export type TaskShape = (typeof TASK_SHAPES)[number];
export type UnitRole = (typeof ROLES)[number];

/** The schema of rules/organizations.yaml, built when first needed (see ruleSchemas in ../schema.ts). */
export function organizationRules() {
  const Role = z.enum(ROLES);

  /**
   * `责任单位:`-style labels that open a unit list; a label is one of `words` followed by a colon. `clauses`: the list
   * may be written as clauses, each a unit and what it does (责任分工：区规划局负责开展规划编制工作，所在乡镇人民政府组织
   * 实施，区直有关部门配合): each clause's units before its first role verb take that verb's roles.
   */
  const Label = z.object({ id: RuleId, ...examples, role: Role, words: Words, clauses: z.boolean().default(false) }).strict();

  /** Verbs that close a unit list inside a parenthetical, e.g. (A、B负责), (A牵头,B配合); `roles` are given to every unit before the verb. */
  const Verb = z.object({ id: RuleId, ...examples, roles: z.array(Role).min(1), words: Words }).strict();

  /** `X会同Y负责`: X leads and is responsible, Y cooperates. */
  const Joint = z.object({ id: RuleId, ...examples, words: Words }).strict();

  /** A clause saying that the first unit named is the lead (排在第一位的部门为牵头部门); `sticky` makes it hold for later tasks (下同). */
  const FirstIsLead = z.object({ id: RuleId, ...examples, pattern: Pattern, sticky: Pattern }).strict();

  /**
   * How a task was found where no unit list of its own gives the rule it carries (`tasks[].rule`): a numbered item of
   * a section with a lead unit, a heading followed by its label lines, a row of a task table, units standing after
   * the task on its line. Each shape has one rule.
   */
  const TaskShape = z.object({ id: RuleId, ...examples, shape: z.enum(TASK_SHAPES) }).strict();

  return z.object({
    labels: z.array(Label).default([]),
    /** Labels whose lists name people or dates, not units (责任领导, 完成时限): such lists are skipped. */
    ignoreLabels: Words.default([]),
    verbs: z.array(Verb).default([]),
    /** How units do a role, written before its verb (按职责分工负责, 按职责分工配合): each verb may follow one. */
    verbManners: Words.default([]),
    joint: z.array(Joint).default([]),
    firstIsLead: z.array(FirstIsLead).default([]),
    /** Unit names end in one of these; every item of an unlabelled list must, so that (按规定负责) is not read as units. */
    suffixes: Words.default([]),
    /** Generic entries kept as written (相关街道办事处, 各相关单位): items opening with one of these need no suffix. */
    genericPrefixes: Words.default([]),
    /** Longest unit name accepted in an unlabelled list. */
    maxNameLength: z.number().int().positive().default(30),
    /** Words that are not part of a unit's name at its start (由) or, bare, at its end (等). */
    nameTrim: z.object({ before: Words.default([]), after: Words.default([]) }).strict().default({ before: [], after: [] }),
    /** A task table's title column is the first whose header holds one of these. */
    taskTitleHeaders: Words.default([]),
    /** Endings of region names that give a document's level (盘龙区 → 区): that level's prefix is folded from unit names. */
    regionSuffixes: Words.default([]),
    /** Endings that make an entry generic (省国资委等单位), like `genericPrefixes` at the start. */
    genericEndings: Words.default([]),
    /** Names of one unit that only a rule can tie together: `forms` (region prefix folded) → the canonical `name`. */
    /**
     * A paragraph that opens with the units who must carry it out (区财政局、区发改委负责落实经费。 区民防办：负责…), in a
     * document of one of `docTypes`: the units before a role verb (`verbs`) or one of `duty` (要, 应) are its units,
     * responsible unless the verb says otherwise; at least one must name a unit of its own (not only 各地、各部门), and
     * none the document's whole area (全区: a name of at least `minName` characters).
     */
    openingUnits: z.object({ duty: Words.default([]), docTypes: z.array(z.string()).default([]), maxSubject: z.number().int().positive().default(40), minName: z.number().int().positive().default(3),
      /** A part dividing the duties (二、职责分工): each numbered item under it whose title names units is theirs, duty word or not. */
      dutySections: Pattern.optional() })
      .strict().default({ duty: [], docTypes: [], maxSubject: 40, minName: 3 }),
    /** Merged by id like every list: an override file adds or replaces shapes, the built-in file has one of each. */
    taskShapes: z.array(TaskShape).default([]),
    aliases: z.array(z.object({ id: RuleId, name: z.string().min(1), forms: Words.pipe(z.array(z.string()).min(1)) }).strict()).default([]),
  }).strict();
}
