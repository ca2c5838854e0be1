import type { Command } from 'commander';
import { ENCODING_NAMES, encodingName, InputError } from '../stages/read.js';
import { FORMATS, type Format } from '../emit/index.js';
import { loadRules, RuleError } from '../rules/load.js';
import type { Rules } from '../rules/schema.js';
import { CliError } from './errors.js';
import { failureReason } from '../failure.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Set when some file failed; the exit code becomes 1 unless a worse error happens. */
  failed: boolean;
  debug: boolean;
  format(name: string): Format;
}

export function checkFormat(name: string, allowed: readonly string[] = Object.keys(FORMATS)): Format {
  if (!allowed.includes(name)) throw new CliError(`unknown format "${name}", expected one of: ${allowed.join(', ')}`, 2);
  return name as Format;
}

export function loadCliRules(dirs: string[]): Rules {
  try {
    return loadRules(dirs);
  } catch (error) {
    if (error instanceof RuleError) throw new CliError(error.message, 2);
    throw error;
  }
}

/** One line naming the file and what is wrong with it; the run goes on with the next file. */
export function reportFailure(io: Io, file: string, error: unknown): void {
  if (!(error instanceof InputError) && io.debug) io.stderr(`${(error as Error).stack}\n`);
  io.stderr(`cnreport: ${file}: ${failureReason(error)}\n`);
  io.failed = true;
}

/** Collects a repeatable option's values. */
export const collect = (value: string, acc: string[]): string[] => [...acc, value];

export function rulesOption(command: Command): Command {
  return command.option('--rules <dir>', 'add or override rules from this directory (repeatable)', collect, []);
}

/** `--rules` and `--encoding`, which every command that reads reports takes. */
export function readerOptions(command: Command): Command {
  return rulesOption(command).option('--encoding <name>', 'force the input encoding (utf-8, utf-16le, utf-16be, gb18030, big5, shift_jis)');
}

/** `--force`: a forced encoding that does not fit a file keeps its damaged text with a warning instead of failing it. */
export function forceOption(command: Command): Command {
  return command.option('--force', 'with --encoding: keep a file the encoding does not fit (U+FFFD for undecodable bytes, a warning in messages) instead of failing it');
}

/** The rules for a run, after `--encoding` is checked: both are usage errors found once, before any file is read. */
export function readerSetup(opts: { rules: string[]; encoding?: string }): Rules {
  checkEncoding(opts.encoding);
  return loadCliRules(opts.rules);
}

/** An unknown --encoding is a usage error, reported once rather than against every file. */
function checkEncoding(name: string | undefined): void {
  if (name !== undefined && !encodingName(name)) {
    throw new CliError(`unknown encoding "${name}", expected one of: ${ENCODING_NAMES}`, 2);
  }
}
