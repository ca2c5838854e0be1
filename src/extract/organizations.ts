import type { Doc, Stage } from '../document.js';

export const organizations: Stage = (doc): Doc => doc;
