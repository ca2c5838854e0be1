import type { Result } from '../schema.js';
import { dumpYaml, dumpYamlParts } from '../util/yaml-write.js';

export const yamlFormat = (result: Result): string => dumpYaml(result);

/** `yamlFormat(result)` in pieces of a few K characters (see `jsonParts`). */
export const yamlParts = (result: Result): string[] => dumpYamlParts(result);
