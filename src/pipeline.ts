import type { Stage } from './document.js';
import { glossary } from './extract/glossary.js';
import { meta } from './extract/meta.js';
import { organizations } from './extract/organizations.js';
import { quantities } from './extract/quantities.js';
import { roles } from './extract/roles.js';
import { tables } from './extract/tables.js';
import { tasks } from './extract/tasks.js';
import { clean } from './stages/clean.js';
import { normalise } from './stages/normalise.js';
import { read } from './stages/read.js';
import { segment } from './stages/segment.js';
import { spaced } from './stages/spaced.js';

/**
 * The one list of stages, in order. Extractors come after segmentation; tables and the glossary run before
 * quantities so that table cells and glossary definitions are not read again as free text, and tasks run
 * before quantities so that each quantity can point at its task. Roles (review, plan) are decided for the whole
 * document after the glossary and before quantities, whose kind and year start from them. The stages that match
 * whole lines against patterns read a letter-spaced copy without its letter-spacing (`spaced`, stages/spaced.ts);
 * the others read across its fillers as across any.
 */
export const PIPELINE: readonly Stage[] = [read, normalise, spaced(clean), spaced(segment), spaced(meta), spaced(tables), spaced(glossary), tasks, spaced(roles), quantities, organizations];
