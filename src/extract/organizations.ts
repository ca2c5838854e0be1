import { withFields, type Doc, type Stage } from '../document.js';
import type { Rules } from '../rules/schema.js';
import type { Meta, Organization, Span } from '../schema.js';
import { spanOf } from '../span.js';
import { normaliseText } from '../stages/normalise.js';

const ROLES = ['lead', 'responsible', 'cooperating'] as const;

type OrgRules = Rules['organizations'];

/** The prefixes that name the document's own region: 盘龙区, 盘龙, 区 in a district document (longest first). */
export function regionPrefixes(region: Meta['region'], rules: OrgRules): string[] {
  const own = region.district ?? region.city ?? region.province;
  if (!own) return [];
  const suffix = rules.regionSuffixes.find((s) => own.endsWith(s) && own.length > s.length);
  const short = suffix ? own.slice(0, -suffix.length) : null;
  return [own, ...(short && short.length >= 2 ? [short] : []), ...(suffix ? [suffix] : [])].sort((a, b) => b.length - a.length);
}

/** Whether a name stands for no one unit: 各有关单位, 相关街道办事处, 省国资委等单位. */
export function isGeneric(name: string, rules: OrgRules): boolean {
  const n = normaliseText(name).replace(/\s+/g, '');
  return rules.genericPrefixes.some((p) => n.startsWith(p)) || rules.genericEndings.some((e) => n.endsWith(e) && n.length > e.length);
}

/**
 * What identifies a unit within one document: width and spacing folded, the document's own region prefix taken off
 * (省工业和信息化厅 = 工业和信息化厅 in a 广东省 document, as long as two characters remain), then alias rules.
 */
export function unitKey(name: string, prefixes: readonly string[], rules: OrgRules): { key: string; alias: string | null } {
  const fold = (s: string) => {
    const n = normaliseText(s).replace(/\s+/g, '');
    const p = prefixes.find((x) => n.startsWith(x) && n.length - x.length >= 2);
    return p ? n.slice(p.length) : n;
  };
  const key = fold(name);
  const rule = rules.aliases.find((a) => fold(a.name) === key || a.forms.some((f) => fold(f) === key));
  return rule ? { key: fold(rule.name), alias: rule.name } : { key, alias: null };
}

/** One name as written, with its mentions (a unit named in two lists at one place is one mention). */
interface Named {
  name: string;
  mentions: Span[];
}

/** The units the tasks stage read, by name as written, in order of first mention. */
function byName(doc: Doc): Named[] {
  const named = new Map<string, Named>();
  /** Mention starts already recorded, per name. */
  const seen = new Map<string, Set<number>>();
  for (const u of doc.units) {
    let n = named.get(u.name);
    let starts = seen.get(u.name);
    if (!n || !starts) {
      n = { name: u.name, mentions: [] };
      starts = new Set();
      named.set(u.name, n);
      seen.set(u.name, starts);
    }
    if (starts.has(u.start)) continue;
    starts.add(u.start);
    n.mentions.push(spanOf(doc, u.start, u.end));
  }
  return [...named.values()];
}

/** The form written most often (the first on a tie). */
function mostWritten(forms: Map<string, number>): string {
  let name = '';
  let most = -1;
  for (const [form, n] of forms) {
    if (n <= most) continue;
    name = form;
    most = n;
  }
  return name;
}

interface Group {
  key: string;
  generic: boolean;
  alias: string | null;
  /** Forms as written, with how often each is mentioned or listed, in order of first appearance. */
  forms: Map<string, number>;
  draft: Named[];
  roles: Organization['roles'];
}

/**
 * One entry per organisation, in order of first mention. Names written with and without the document's own region
 * prefix (or tied by an alias rule) are one organisation: its `name` is the alias rule's name or the form written
 * most often (the first on a tie), the other forms are its `aliases`. Generic entries are kept as written. Roles
 * come from the tasks, which keep their unit lists as written. The one place organisations are derived: from the units
 * the tasks stage read (`units`: list items and section leads) and the tasks.
 */
export const organizations: Stage = (doc, ctx): Doc => {
  const rules = ctx.rules.organizations;
  const prefixes = regionPrefixes(doc.meta.region, rules);
  const groups = new Map<string, Group>();
  /** The group of each name met so far: a name is folded once, however many tasks list it. */
  const named = new Map<string, Group>();
  const groupOf = (name: string): Group => {
    let g = named.get(name);
    if (!g) named.set(name, (g = fold(name)));
    return g;
  };
  const fold = (name: string): Group => {
    const generic = isGeneric(name, rules);
    const { key, alias } = generic ? { key: `generic:${name}`, alias: null } : unitKey(name, prefixes, rules);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, generic, alias, forms: new Map(), draft: [], roles: { lead: [], responsible: [], cooperating: [] } }));
    return g;
  };
  for (const o of byName(doc)) {
    const g = groupOf(o.name);
    g.draft.push(o);
    g.forms.set(o.name, (g.forms.get(o.name) ?? 0) + o.mentions.length);
  }
  for (const task of doc.tasks) {
    for (const role of ROLES) {
      for (const name of task[role]) {
        const g = groupOf(name);
        if (!g.forms.has(name)) g.forms.set(name, 0);
        if (!g.roles[role].includes(task.id)) g.roles[role].push(task.id);
      }
    }
  }
  // Pushed, not mapped: the array is packed however V8 compiles this (an optimised `map` may give a holey one). Plain
  // loops rather than map/filter/reduce over entry pairs: a batch worker compiled this once more for a new array kind.
  const out: Organization[] = [];
  for (const g of groups.values()) {
    const name = g.alias ?? mostWritten(g.forms);
    const aliases: string[] = [];
    for (const f of g.forms.keys()) if (f !== name) aliases.push(f);
    const mentions: Span[] = [];
    for (const d of g.draft) for (const m of d.mentions) mentions.push(m);
    mentions.sort((a, b) => a.start - b.start);
    out.push({ name, aliases, generic: g.generic, roles: g.roles, mentions });
  }
  const first = (o: Organization) => o.mentions[0]?.start ?? Number.MAX_SAFE_INTEGER;
  const sorted = out.sort((a, b) => first(a) - first(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return withFields(doc, { organizations: sorted });
};
