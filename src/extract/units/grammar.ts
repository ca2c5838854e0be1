import type { RawRules, Rules } from '../../rules/schema.js';
import type { UnitRole } from '../../rules/files/organizations.js';
import { alternation } from '../../rules/pattern.js';

export type { UnitRole };

/** The unit-list rules compiled once at load (`rules.organizations.compiled`), not per document or block. */
export interface Grammar {
  /** Any label or ignored label followed by a colon (global). */
  label: RegExp;
  /** A block that opens with a label: 责任单位:… or (牵头单位:…. */
  labelLine: RegExp;
  labels: Map<string, { role: UnitRole; id: string } | null>;
  /** Any role verb (global), longest first. */
  verb: RegExp;
  /** A role verb at the end of a string. */
  verbAtEnd: RegExp;
  verbs: Map<string, { roles: UnitRole[]; id: string }>;
  joint: RegExp | null;
  jointId: string;
  firstIsLead: RawRules['organizations']['firstIsLead'];
  suffix: RegExp;
  generic: RegExp | null;
  maxNameLength: number;
}

const never = /(?!)/g;

export const grammar = (rules: Rules): Grammar => rules.organizations.compiled;

/** Called once by the rule loader (src/rules/compile.ts). */
export function compileGrammar(rules: RawRules): Grammar {
  const o = rules.organizations;
  const labels = new Map<string, { role: UnitRole; id: string } | null>();
  for (const l of o.labels) for (const w of l.words) labels.set(w, { role: l.role, id: l.id });
  for (const w of o.ignoreLabels) if (!labels.has(w)) labels.set(w, null);
  const labelWords = [...labels.keys()].sort((a, b) => b.length - a.length);
  const verbs = new Map<string, { roles: UnitRole[]; id: string }>();
  for (const v of o.verbs) for (const w of v.words) verbs.set(w, { roles: v.roles, id: v.id });
  const verbWords = [...verbs.keys()].sort((a, b) => b.length - a.length);
  const jointWords = o.joint.flatMap((j) => j.words);
  return {
    label: labelWords.length ? new RegExp(`(${alternation(labelWords)})\\s*:`, 'gu') : never,
    labelLine: labelWords.length ? new RegExp(`^\\(?\\s*(${alternation(labelWords)})\\s*:`, 'u') : /(?!)/,
    labels,
    verb: verbWords.length ? new RegExp(alternation(verbWords), 'gu') : never,
    verbAtEnd: verbWords.length ? new RegExp(`(${alternation(verbWords)})$`, 'u') : /(?!)/,
    verbs,
    joint: jointWords.length ? new RegExp(alternation(jointWords), 'u') : null,
    jointId: o.joint[0]?.id ?? 'units.joint',
    firstIsLead: o.firstIsLead,
    suffix: new RegExp(`(${alternation(o.suffixes)})$`, 'u'),
    generic: o.genericPrefixes.length ? new RegExp(`^(${alternation(o.genericPrefixes)})`, 'u') : null,
    maxNameLength: o.maxNameLength,
  };
}
