import type { Command } from 'commander';
import { check, CheckError, checkJson, DEFAULT_THRESHOLDS, formatCheck, GoldError, metrics, shortfalls, thresholds, ThresholdError } from '../gold/index.js';
import { discover } from '../util/glob.js';
import { CliError } from './errors.js';
import { writeAtomic } from './io.js';
import { collect, loadCliRules, rulesOption, type Io } from './shared.js';
import { examples } from './examples.js';

interface Options {
  expected?: string;
  update?: boolean;
  spans?: boolean;
  gold?: string;
  min: string[];
  thresholds: boolean;
  details?: boolean;
  json?: boolean;
  rules: string[];
}


/** Errors that mean the check could not be run as asked: exit code 2. */
function usage(error: unknown): never {
  if (error instanceof CheckError || error instanceof GoldError || error instanceof ThresholdError) throw new CliError(error.message, 2);
  throw error;
}

const HELP = `
Default minimum scores (TOTAL row, with --gold): ${Object.entries(DEFAULT_THRESHOLDS).map(([k, v]) => `${k}=${v}`).join(', ')}.
A --min name may be shortened to a unique ending (value = quantities.value).
Exit codes: 0 all good; 1 a file failed, differs from its expected file, or a score fell short;
2 usage error, unreadable directory or bad gold file.`;

export function commandCheck(program: Command, io: Io): void {
  rulesOption(program.command('check'))
    .description('check that reports extract and validate, match their expected outputs, and score well against gold files')
    .argument('<glob...>', 'report files, directories (their *.txt files) or glob patterns')
    .option('--expected <dir>', 'compare each output with <dir>/<name>.json: items added, removed or changed (source.path aside)')
    .option('--update', 'write the expected files (atomically) instead of comparing with them')
    .option('--spans', 'with --expected: also list items whose only change is their position (span, line, mentions)')
    .option('--gold <dir>', 'score against the gold files in <dir> (their format: docs/check.md)')
    .option('--min <name=value>', 'a minimum TOTAL score, e.g. quantities.f1=0.9 (repeatable)', collect, [])
    .option('--no-thresholds', 'drop the default minimum scores (explicit --min still apply)')
    .option('--details', 'list every missed, extra or disagreeing gold item')
    .option('--json', 'print the report as JSON')
    .addHelpText('after', HELP)
    .action(async (patterns: string[], opts: Options) => {
      if (opts.min.length && !opts.gold) throw new CliError('--min needs --gold DIR', 2);
      let mins: Record<string, number> = {};
      try {
        mins = opts.gold ? thresholds(opts.min, opts.thresholds) : {};
      } catch (error) {
        usage(error);
      }
      const rules = loadCliRules(opts.rules);
      const paths = await discover(patterns);
      if (paths.length === 0) throw new CliError(`no input files match ${patterns.join(' ')}`, 2);
      let report;
      try {
        report = check(paths, { rules, expected: opts.expected, update: opts.update, spans: opts.spans, gold: opts.gold, write: writeAtomic });
      } catch (error) {
        usage(error);
      }
      const short = report.gold ? shortfalls(metrics(report.gold.total), mins) : [];
      if (report.failed || short.length) io.failed = true;
      if (opts.json) return io.stdout(`${JSON.stringify(checkJson(report, mins, short), null, 2)}\n`);
      for (const f of report.files) if (f.error) io.stderr(`cnreport: ${f.path}: ${f.error}\n`);
      io.stdout(formatCheck(report, { mins, shortfalls: short, details: opts.details }));
    })
    .addHelpText('after', examples([
      ["cnreport check 'reports/*.txt' --expected expected/ --update", 'write the expected outputs once'],
      ["cnreport check 'reports/*.txt' --expected expected/", 'then list items added, removed or changed (exit 1)'],
      ["cnreport check 'reports/*.txt' --gold gold/ --details", 'score against gold files (docs/check.md)'],
    ]));
}
