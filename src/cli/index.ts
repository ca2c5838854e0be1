// First: it must run before any zod schema is built.
import './zod-config.js';
import { Command, CommanderError } from 'commander';
import { FORMATS } from '../emit/index.js';
import { commandBatch } from './batch.js';
import { CliError, EXIT } from './errors.js';
import { commandExtract } from './extract.js';
import { examples } from './examples.js';
import { commandRules } from './rules.js';
import { commandCheck } from './check.js';
import { commandSchema } from './schema.js';
import { commandView } from './view.js';
import { commandTrack } from './track.js';
import { commandTerms } from './terms.js';
import { checkFormat, type Io } from './shared.js';
import { failureReason } from '../failure.js';

export interface RunIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: RunIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/** The commands, each registered by its own file; `run` returns the exit code and never exits the process. */
export function program(io: Io): Command {
  const cmd = new Command('cnreport')
    .description('Turn Chinese government report texts into structured, source-grounded data')
    .version('0.1.0')
    .option('--debug', 'print stack traces of internal errors')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', examples([
      ['cnreport extract report.txt', 'one report to JSON on standard output'],
      ['cnreport batch reports/ --out-dir out/', 'a folder, one output per report'],
      ['cnreport check reports/ --expected expected/', 'what changed since the expected outputs were written'],
    ]));
  commandExtract(cmd, io);
  commandBatch(cmd, io);
  commandSchema(cmd, io);
  commandRules(cmd, io);
  commandCheck(cmd, io);
  commandView(cmd, io);
  commandTrack(cmd, io);
  commandTerms(cmd, io);
  for (const sub of cmd.commands) sub.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) }).showHelpAfterError('(run with --help for usage)');
  return cmd;
}

export async function run(argv: string[], out: RunIo = processIo): Promise<number> {
  const io: Io = { ...out, failed: false, debug: argv.includes('--debug'), format: (name) => checkFormat(name, Object.keys(FORMATS)) };
  try {
    await program(io).parseAsync(argv, { from: 'user' });
    return io.failed ? EXIT.failed : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof CliError) {
      io.stderr(`cnreport: ${error.message}\n`);
      return error.exitCode;
    }
    if (io.debug) io.stderr(`${(error as Error).stack}\n`);
    io.stderr(`cnreport: ${failureReason(error)}\n`);
    return EXIT.usage;
  }
}
