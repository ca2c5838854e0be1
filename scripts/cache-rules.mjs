// Validates and compiles the built-in rules once at build time (see src/rules/cache.ts).
import { writeFileSync } from 'node:fs';
import { RULES_CACHE_FILE, rulesCacheText } from '../dist/rules/load.js';

writeFileSync(RULES_CACHE_FILE, rulesCacheText());
