import { Option, type Command } from 'commander';
import { extract, type Input } from '../api.js';
import { CSV_TABLES, csvOf, type CsvTable } from '../emit/csv.js';
import { emit, FORMATS, type Format } from '../emit/index.js';
import type { Result } from '../schema.js';
import { CliError } from './errors.js';
import { explain } from './explain.js';
import { readStdin, writeAtomic } from './io.js';
import { forceOption, readerOptions, readerSetup, reportFailure, type Io } from './shared.js';
import { examples } from './examples.js';

interface Options {
  format: string;
  output?: string;
  rules: string[];
  explain?: boolean;
  encoding?: string;
  force?: boolean;
  debug?: boolean;
  table?: CsvTable;
}

/** Several documents in one output: a JSON array, a YAML stream, or one line each. */
function combine(results: Result[], format: Format, table: CsvTable = 'quantities'): string {
  if (format === 'csv') return csvOf(results, table);
  if (results.length === 1) return emit(results[0]!, format);
  if (format === 'json') return `${JSON.stringify(results, null, 2)}\n`;
  if (format === 'yaml') return results.map((r) => `---\n${emit(r, format)}`).join('');
  return results.map((r) => emit(r, format)).join('');
}

export function commandExtract(program: Command, io: Io): void {
  forceOption(readerOptions(program.command('extract')))
    .description('extract one or more report files (- reads standard input)')
    .argument('<file...>', 'report files, or - for standard input')
    .option('-f, --format <format>', `output format: ${Object.keys(FORMATS).join(', ')}`, 'json')
    .option('-o, --output <file>', 'write to this file (atomically) instead of standard output')
    .addOption(new Option('--table <table>', 'with -f csv: one row per quantity (default), per task (units joined with ;) or per organisation').choices(CSV_TABLES))
    .option('--explain', 'print each extracted item with the rule that produced it, instead of the data')
    .action((files: string[], opts: Options) => {
      const format = io.format(opts.format);
      if (opts.table && format !== 'csv') throw new CliError('--table applies only to -f csv', 2);
      const rules = readerSetup(opts);
      const results: Result[] = [];
      for (const file of files) {
        try {
          const input: Input = file === '-' ? readStdin() : { path: file };
          results.push(extract(input, { rules, encoding: opts.encoding, force: opts.force, path: file === '-' ? '-' : file, explain: opts.explain }));
        } catch (error) {
          if (error instanceof CliError) throw error;
          reportFailure(io, file, error);
        }
      }
      if (results.length === 0) return;
      const out = opts.explain ? results.map(explain).join('\n') : combine(results, format, opts.table);
      if (opts.output) writeAtomic(opts.output, out);
      else io.stdout(out);
    })
    .addHelpText('after', examples([
      ['cnreport extract report.txt -f yaml -o report.yaml', 'one report to YAML, written atomically'],
      ['cnreport extract a.txt b.txt -f csv --table organizations', 'task counts per organisation, both files in one CSV'],
      ['cat report.txt | cnreport extract - --explain', 'every item with the rule that found it'],
    ]));
}
