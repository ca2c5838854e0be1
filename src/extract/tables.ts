import type { Doc, Stage } from '../document.js';

export const tables: Stage = (doc): Doc => doc;
