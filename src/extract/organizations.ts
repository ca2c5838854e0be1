import type { Doc, Stage } from '../document.js';
import type { Organization } from '../schema.js';

const ROLES = ['lead', 'responsible', 'cooperating'] as const;

/**
 * One entry per distinct unit name, in order of first mention. Mentions come from the tasks stage (which parsed the
 * unit lists); roles are rebuilt here from the final tasks, so they always agree with `tasks[]`.
 */
export const organizations: Stage = (doc): Doc => {
  const byName = new Map<string, Organization>();
  for (const o of doc.organizations) byName.set(o.name, { name: o.name, roles: { lead: [], responsible: [], cooperating: [] }, mentions: o.mentions });
  for (const task of doc.tasks) {
    for (const role of ROLES) {
      for (const name of task[role]) {
        const org = byName.get(name) ?? { name, roles: { lead: [], responsible: [], cooperating: [] }, mentions: [] };
        byName.set(name, org);
        if (!org.roles[role].includes(task.id)) org.roles[role].push(task.id);
      }
    }
  }
  const first = (o: Organization) => o.mentions[0]?.start ?? Number.MAX_SAFE_INTEGER;
  const sorted = [...byName.values()].sort((a, b) => first(a) - first(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ...doc, organizations: sorted };
};
