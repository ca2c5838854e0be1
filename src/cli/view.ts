import type { Command } from 'commander';
import type { Input } from '../api.js';
import { viewHtml } from '../view/index.js';
import { readStdin, writeAtomic } from './io.js';
import { readerOptions, readerSetup, reportFailure, type Io } from './shared.js';
import { examples } from './examples.js';

interface Options {
  output?: string;
  rules: string[];
  encoding?: string;
}

export function commandView(program: Command, io: Io): void {
  readerOptions(program.command('view'))
    .description('write a self-contained HTML page showing the report with every extracted item highlighted')
    .argument('<file>', 'a report file, or - for standard input')
    .option('-o, --output <file>', 'write the page to this file (atomically) instead of standard output')
    .action((file: string, opts: Options) => {
      const rules = readerSetup(opts);
      const input: Input = file === '-' ? readStdin() : { path: file };
      let html: string;
      try {
        html = viewHtml(input, { rules, encoding: opts.encoding, path: file });
      } catch (error) {
        return reportFailure(io, file, error);
      }
      if (opts.output) writeAtomic(opts.output, html);
      else io.stdout(html);
    })
    .addHelpText('after', examples([
      ['cnreport view report.txt -o report.html', 'the report with every extracted item highlighted'],
      ['cnreport view report.txt --rules my-rules/ -o report.html', 'the same with your rule overrides'],
    ]));
}
