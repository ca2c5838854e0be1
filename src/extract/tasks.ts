import type { Doc, Stage } from '../document.js';

export const tasks: Stage = (doc): Doc => doc;
