import type { Result } from '../schema.js';

/** One document per line, for streams of many documents. */
export const jsonl = (result: Result): string => `${JSON.stringify(result)}\n`;
