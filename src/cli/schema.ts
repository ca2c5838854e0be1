import type { Command } from 'commander';
import { jsonSchema } from '../schema.js';
import type { Io } from './shared.js';
import { examples } from './examples.js';

export function commandSchema(program: Command, io: Io): void {
  program
    .command('schema')
    .description('print the JSON Schema of the output')
    .action(() => io.stdout(`${JSON.stringify(jsonSchema(), null, 2)}\n`))
    .addHelpText('after', examples([
      ['cnreport schema > cnreport.schema.json', 'the JSON Schema (draft 2020-12) of extract\'s output'],
      ['cnreport schema | jq .properties.meta', 'what meta holds'],
    ]));
}
