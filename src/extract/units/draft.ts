import type { Range } from '../../document.js';
import type { UnitItem, UnitList } from './lists.js';

/** A task as found, before roles are settled and ids given. */
export interface Draft extends Range {
  marker: Range | null;
  title: Range;
  section: string | null;
  lists: UnitList[];
  /** The rule that found it: the first unit list's rule, or how the task was found (task.table, task.section-lead). */
  rule: string;
}

/** Units named for a section: from its heading's lead parenthetical or a 牵头单位: line right below the heading. */
export type SectionLeads = Map<string, UnitItem[]>;
