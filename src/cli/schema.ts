import type { Command } from 'commander';
import { jsonSchema } from '../schema.js';
import type { Io } from './shared.js';

export function commandSchema(program: Command, io: Io): void {
  program
    .command('schema')
    .description('print the JSON Schema of the output')
    .action(() => io.stdout(`${JSON.stringify(jsonSchema(), null, 2)}\n`));
}
