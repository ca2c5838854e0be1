import type { Command } from 'commander';
import { dumpYaml } from '../util/yaml-write.js';
import { extract } from '../api.js';
import type { Result } from '../schema.js';
import { track, trackCsv, type TrackResult } from '../track/index.js';
import { CliError } from './errors.js';
import { writeAtomic } from './io.js';
import { readerOptions, readerSetup, reportFailure, type Io } from './shared.js';
import { examples } from './examples.js';

const TRACK_FORMATS = {
  json: (r: TrackResult) => `${JSON.stringify(r, null, 2)}\n`,
  yaml: (r: TrackResult) => dumpYaml(r),
  csv: trackCsv,
} as const;

interface Options {
  format: string;
  output?: string;
  rules: string[];
  encoding?: string;
  anyRegion?: boolean;
  anyLevel?: boolean;
  explain?: boolean;
}

/**
 * `track` exits 1 without output when the reports cannot be paired as a set (different regions, none readable);
 * a single report is a warning only, since its own tables may hold plan and outcome side by side.
 */
export function commandTrack(program: Command, io: Io): void {
  readerOptions(program.command('track'))
    .description('pair the targets of reports of one region with the outcomes reported for the same year')
    .argument('<file...>', 'report files of one region, in any order')
    .option('-f, --format <format>', `output format: ${Object.keys(TRACK_FORMATS).join(', ')}`, 'json')
    .option('-o, --output <file>', 'write to this file (atomically) instead of standard output')
    .option('--any-region', 'pair reports even when their regions differ')
    .option('--any-level', 'pair reports even when their administrative levels differ (national with provincial)')
    .option('--explain', 'list, for each target, the outcomes it was not paired with and why')
    .addHelpText('after', `
Reports of one region, any years, any order: each target for year N pairs with the outcome for year N found in
any of them (a table with plan and outcome columns pairs within one report); a figure over several years (a
five-year average or total) pairs only with one over the same span. Status: met, missed, or unknown
when the units cannot be compared. Indicator aliases, lower-is-better words and the tolerance for 左右 targets
are in rules/indicators.yaml.

Exit codes: 0 paired (a single report only warns); 1 a file could not be read, or the reports are of different
regions (nothing is written; --any-region pairs them anyway); 2 usage or rule-file error.`)
    .action((files: string[], opts: Options) => {
      if (!(opts.format in TRACK_FORMATS)) {
        throw new CliError(`unknown format "${opts.format}", expected one of: ${Object.keys(TRACK_FORMATS).join(', ')}`, 2);
      }
      const rules = readerSetup(opts);
      const results: Result[] = [];
      for (const file of files) {
        try {
          results.push(extract({ path: file }, { rules, encoding: opts.encoding, path: file }));
        } catch (error) {
          reportFailure(io, file, error);
        }
      }
      if (results.length === 0) return;
      const out = track(results, { rules, anyRegion: opts.anyRegion, anyLevel: opts.anyLevel, explain: opts.explain });
      for (const m of out.messages.filter((x) => x.severity !== 'info')) io.stderr(`cnreport: ${m.severity}: ${m.message}\n`);
      if (out.messages.some((m) => m.severity === 'error')) {
        io.failed = true;
        return;
      }
      const text = TRACK_FORMATS[opts.format as keyof typeof TRACK_FORMATS](out);
      if (opts.output) writeAtomic(opts.output, text);
      else io.stdout(text);
    })
    .addHelpText('after', examples([
      ['cnreport track 2023.txt 2024.txt', '2023 targets against the outcomes the 2024 report gives'],
      ['cnreport track reports/*.txt -f csv -o pairs.csv', 'every year of one region, as CSV'],
    ]));
}
