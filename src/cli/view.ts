import type { Command } from 'commander';
import type { Input } from '../api.js';
import { viewHtml } from '../view/index.js';
import { readStdin, writeAtomic } from './io.js';
import { loadCliRules, reportFailure, type Io } from './shared.js';

interface Options {
  output?: string;
  rules: string[];
  encoding?: string;
}

export function commandView(program: Command, io: Io): void {
  program
    .command('view')
    .description('write a self-contained HTML page showing the report with every extracted item highlighted')
    .argument('<file>', 'a report file, or - for standard input')
    .option('-o, --output <file>', 'write the page to this file (atomically) instead of standard output')
    .option('--rules <dir>', 'add or override rules from this directory (repeatable)', (v: string, acc: string[]) => [...acc, v], [])
    .option('--encoding <name>', 'force the input encoding (utf-8, utf-16le, utf-16be, gb18030)')
    .action((file: string, opts: Options) => {
      const rules = loadCliRules(opts.rules);
      const input: Input = file === '-' ? readStdin() : { path: file };
      let html: string;
      try {
        html = viewHtml(input, { rules, encoding: opts.encoding, path: file });
      } catch (error) {
        return reportFailure(io, file, error);
      }
      if (opts.output) writeAtomic(opts.output, html);
      else io.stdout(html);
    });
}
