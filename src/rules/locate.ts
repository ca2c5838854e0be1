/** Where a rule-file error is: the line and column of a path in the YAML text (see src/util/yaml.ts). */
export { locateYaml as locate } from '../util/yaml.js';
