import { dump } from 'js-yaml';
import type { Result } from '../schema.js';

export const yamlFormat = (result: Result): string => dump(result, { lineWidth: -1, noRefs: true, sortKeys: false });
