import type { Doc, Stage } from '../document.js';

export const glossary: Stage = (doc): Doc => doc;
