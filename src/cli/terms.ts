import type { Command } from 'commander';
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { describeFsError } from '../api.js';
import type { DocTerms } from '../terms/count.js';
import { CliError } from './errors.js';
import { examples } from './examples.js';
import { writeAtomic } from './io.js';
import { progressLine } from './progress.js';
import { readerOptions, readerSetup, reportFailure, type Io } from './shared.js';

interface Options {
  words?: string;
  by: string;
  top?: string;
  format: string;
  output?: string;
  chart?: string;
  chartGroup?: string;
  fullDictionary?: boolean;
  jobs: string;
  quiet?: boolean;
  rules: string[];
  encoding?: string;
}

const BYS = ['document', 'role', 'section'] as const;
const TERMS_FORMATS = ['csv', 'json'] as const;
const MB = 1024 * 1024;

function size(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export function commandTerms(program: Command, io: Io): void {
  readerOptions(program.command('terms'))
    .description('keyword counts and rates per report and part (jieba tokens), or the top content words with TF-IDF')
    .argument('<file...>', 'report files, directories (every *.txt below them) or glob patterns')
    .option('--words <file>', 'keywords, one per line, or groups "环境: 生态 环保 污染 绿色"')
    .option('--by <part>', `split the counts: ${BYS.join(', ')}`, 'document')
    .option('--top <n>', 'without --words: list the N most frequent nouns and verbal nouns with their TF-IDF (default 20)')
    .option('-f, --format <format>', `output format: ${TERMS_FORMATS.join(', ')}`, 'csv')
    .option('-o, --output <file>', 'write to this file (atomically) instead of standard output')
    .option('--chart <file>', 'also write a small HTML chart of a keyword group across the documents\' years')
    .option('--chart-group <name>', 'the group to chart (the first group by default)')
    .option('--full-dictionary', 'segment with jieba\'s default dictionary instead of the shipped trimmed one (slower to load)')
    .option('-j, --jobs <n>', 'worker threads for many files', String(availableParallelism()))
    .option('--quiet', 'no progress bar and no summary line (failures are still reported)')
    .addHelpText('after', `
Words are jieba tokens holding a letter or CJK character, numerals and jieba's stop words left out, page furniture
removed by the cleaner left out; keywords are added to jieba's dictionary so that each stays one token. count is
the number of tokens equal to the keyword, occurrences the number of times it stands in the text as a string (as
grep -o counts; more when the keyword is part of a longer word, e.g. 污染 in 污染物); per_10k = count x 10000 /
words; share = count / words. In CSV, a row with keyword * sums the group.

Exit codes: 0 done; 1 a file could not be read (the others are counted); 2 usage, keyword-file, rule-file or I/O error.`)
    .action(async (patterns: string[], opts: Options) => {
      if (!(BYS as readonly string[]).includes(opts.by)) throw new CliError(`unknown --by "${opts.by}", expected one of: ${BYS.join(', ')}`, 2);
      if (!(TERMS_FORMATS as readonly string[]).includes(opts.format)) throw new CliError(`unknown format "${opts.format}", expected one of: ${TERMS_FORMATS.join(', ')}`, 2);
      if (opts.words && opts.top !== undefined) throw new CliError('--top lists content words when no --words are given; use one or the other', 2);
      if (opts.chart && !opts.words) throw new CliError('--chart needs --words (it charts a keyword group)', 2);
      const top = opts.top === undefined ? 20 : Number(opts.top);
      if (!Number.isInteger(top) || top < 1) throw new CliError(`--top expects a whole number, 1 or more, got "${opts.top}"`, 2);
      const jobs = Number(opts.jobs);
      if (!Number.isInteger(jobs) || jobs < 1) throw new CliError(`-j expects a whole number of threads, 1 or more, got "${opts.jobs}"`, 2);
      const rules = readerSetup(opts);
      // Loaded on demand, so that no other command pays for (or loads) jieba.
      const terms = await import('../terms/index.js');
      let groups = null;
      if (opts.words) {
        let text: string;
        try {
          text = readFileSync(opts.words, 'utf8');
        } catch (error) {
          throw new CliError(`${opts.words}: cannot read keywords: ${describeFsError(error)}`, 2);
        }
        try {
          groups = terms.parseWords(text, opts.words);
        } catch (error) {
          if (error instanceof terms.WordsError) throw new CliError(error.message, 2);
          throw error;
        }
      }
      const chartGroup = opts.chartGroup ?? groups?.[0]?.name;
      if (opts.chart && !groups?.some((g) => g.name === chartGroup)) throw new CliError(`--chart-group "${chartGroup}" is not a group of ${opts.words}`, 2);
      const { discover } = await import('../util/glob.js');
      const files = await discover(patterns);
      if (files.length === 0) throw new CliError(`no input files matched: ${patterns.join(' ')}`, 2);
      const settings = terms.countSettings({ groups, by: opts.by as (typeof BYS)[number] });
      const bytes = files.map(size);
      const tty = (io as Partial<{ isTTY: boolean }>).isTTY ?? Boolean(process.stderr.isTTY);
      const progress = progressLine(io, tty && !opts.quiet && files.length > 1);
      progress.start({ files: files.length, bytes: bytes.reduce((a, b) => a + b, 0) });
      const docs: (DocTerms | undefined)[] = new Array(files.length);
      // Worker threads pay off from a few files per thread on (each loads rules and jieba once, ~0.2 s).
      const threads = Math.min(jobs, Math.floor(files.length / 2));
      let dictionary: 'shipped' | 'full' = opts.fullDictionary ? 'full' : 'shipped';
      try {
        if (threads >= 2) {
          const { countOnWorkers } = await import('../terms/pool.js');
          const list = files.map((path, id) => ({ id, path, abs: resolve(path) }));
          await countOnWorkers(list, threads, { settings, rulesDirs: opts.rules.map((d) => resolve(d)), encoding: opts.encoding, fullDictionary: opts.fullDictionary }, (job, reply) => {
            if (reply.status === 'ok') {
              docs[job.id] = reply.doc;
              progress.file(bytes[job.id]!);
            } else {
              progress.file(bytes[job.id]!, () => {
                io.stderr(`cnreport: ${job.path}: ${reply.reason}\n`);
                io.failed = true;
              });
            }
          });
        } else {
          const segmenter = terms.loadSegmenter({ keywords: settings.keywords, fullDictionary: opts.fullDictionary });
          dictionary = segmenter.dictionary;
          files.forEach((path, i) => {
            try {
              docs[i] = terms.countInput({ path }, segmenter, settings, rules, { encoding: opts.encoding, path });
              progress.file(bytes[i]!);
            } catch (error) {
              progress.file(bytes[i]!, () => reportFailure(io, path, error));
            }
          });
        }
      } finally {
        progress.clear();
      }
      const counted = docs.filter((d): d is DocTerms => d !== undefined);
      if (!opts.quiet && files.length > 1) {
        const s = progress.seconds();
        io.stderr(`${files.length} files, ${files.length - counted.length} failed, ${(progress.bytes() / MB).toFixed(1)} MB in ${s.toFixed(1)} s (${(progress.bytes() / MB / s).toFixed(1)} MB/s)\n`);
      }
      if (counted.length === 0) return;
      const report = terms.termsReport(counted, { dictionary, by: settings.by, groups, top: groups ? null : top });
      const text = opts.format === 'json' ? terms.termsJson(report) : terms.termsCsv(report);
      if (opts.output) writeAtomic(opts.output, text);
      else io.stdout(text);
      if (opts.chart && chartGroup) writeAtomic(opts.chart, terms.termsChart(report, chartGroup));
    })
    .addHelpText('after', examples([
      ['cnreport terms 2023.txt 2024.txt 2025.txt --words words.txt', 'counts and rates of each keyword (group) per report, as CSV'],
      ['cnreport terms reports/ --words words.txt --by role -f json', 'split into review and plan parts, with the span of every hit'],
      ['cnreport terms reports/*.txt --top 30', 'the 30 commonest content words per report, with TF-IDF'],
    ]));
}
