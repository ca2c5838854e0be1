import type { Result } from '../schema.js';

export const json = (result: Result): string => `${JSON.stringify(result, null, 2)}\n`;
