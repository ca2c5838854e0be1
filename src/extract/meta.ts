import type { Doc, Stage } from '../document.js';

export const meta: Stage = (doc): Doc => doc;
