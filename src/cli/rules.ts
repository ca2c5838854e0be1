import type { Command } from 'commander';
import { RULE_FILE_NAMES } from '../rules/schema.js';
import { loadCliRules, type Io } from './shared.js';
import { examples } from './examples.js';

export function commandRules(program: Command, io: Io): void {
  const rules = program.command('rules').description('work with rule files').addHelpText('after', examples([
    ['cnreport rules check', 'validate the built-in rules and count them'],
    ['cnreport rules check my-rules/', 'validate overrides on top of them (docs/rules.md)'],
  ]));
  rules
    .command('check')
    .description('validate the built-in rules, or a directory of overrides on top of them')
    .argument('[dir]', 'a directory of rule files (*.yaml)')
    .action((dir: string | undefined) => {
      const loaded = loadCliRules(dir ? [dir] : []);
      const counts = RULE_FILE_NAMES.map((name) => {
        const lists = Object.values(loaded[name] as Record<string, unknown>);
        return `${name}: ${lists.reduce((n: number, v) => n + (Array.isArray(v) ? v.length : 0), 0)}`;
      });
      io.stdout(`rules ok (${dir ?? 'built-in'}): ${counts.join(', ')}\n`);
    })
    .addHelpText('after', examples([
      ['cnreport rules check', 'validate the built-in rules and count them'],
      ['cnreport rules check examples/rules', 'validate overrides on top of them (see docs/rules.md)'],
    ]));
}
