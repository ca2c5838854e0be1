import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { program } from '../src/cli/index.js';
import { cli } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');

/** Every command and subcommand, as the words that name it (`[]` for cnreport itself, `['rules', 'check']`). */
function commandPaths(): string[][] {
  const io = { stdout() {}, stderr() {}, failed: false, debug: false, format: () => 'json' as const };
  const out: string[][] = [[]];
  const walk = (cmd: Command, path: string[]) => {
    for (const sub of cmd.commands) {
      if (sub.name() === 'help') continue;
      out.push([...path, sub.name()]);
      walk(sub, [...path, sub.name()]);
    }
  };
  walk(program(io), []);
  return out;
}

describe('--help', () => {
  const paths = commandPaths();

  it('covers the commands', () => {
    expect(paths.map((p) => p.join(' '))).toEqual(expect.arrayContaining(['', 'extract', 'batch', 'check', 'view', 'track', 'schema', 'rules', 'rules check']));
  });

  it.each(paths.map((p) => [p.join(' ') || 'cnreport', p]))('%s ends with two or three examples', async (_, path) => {
    const r = await cli(...(path as string[]), '--help');
    expect(r.code).toBe(0);
    const tail = r.stdout.slice(r.stdout.lastIndexOf('\nExamples:\n'));
    // If this fails for a new command: end its definition with .addHelpText('after', examples([...])) (src/cli/examples.ts).
    expect(tail, `${path.join(' ')} --help`).toMatch(/^\nExamples:\n(  \$ .*cnreport .+  # .+\n){2,3}$/);
    expect(r.stdout).not.toMatch(/ANNOTATION\.md|DESIGN\.md/);
  });
});

describe('docs/', () => {
  const docs = join(ROOT, 'docs');

  it('has the pages the help and README point at, and every relative link resolves', () => {
    for (const page of ['README.md', 'definitions.md', 'output.md', 'csv.md', 'rules.md', 'check.md', 'exit-codes.md', 'library.md']) {
      expect(existsSync(join(docs, page)), page).toBe(true);
    }
    for (const page of readdirSync(docs)) {
      for (const m of readFileSync(join(docs, page), 'utf8').matchAll(/\]\(([^)#:]+)(#[^)]*)?\)/g)) {
        expect(existsSync(join(docs, m[1]!)), `${page} → ${m[1]}`).toBe(true);
      }
    }
  });

  it('lists the exit codes the CLI uses', async () => {
    const page = readFileSync(join(docs, 'exit-codes.md'), 'utf8');
    for (const code of ['0', '1', '2']) expect(page).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
    expect((await cli('extract', join(ROOT, 'no-such-file.txt'))).code).toBe(1);
    expect((await cli('extract', join(ROOT, 'README.md'), '-f', 'pdf')).code).toBe(2);
  });

  it('gives a rules override example that loads and does what the page says', async () => {
    expect((await cli('rules', 'check', join(ROOT, 'examples', 'rules'))).stdout).toMatch(/^rules ok \(.*examples\/rules\): .*headings: \d+/);
  });
});
