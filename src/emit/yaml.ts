import type { Result } from '../schema.js';
import { dumpYaml } from '../util/yaml.js';

export const yamlFormat = (result: Result): string => dumpYaml(result);
