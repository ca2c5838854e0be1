/** The closing lines of a command's `--help`: a few commands to copy, each with what it does. */
export function examples(lines: readonly [command: string, what: string][]): string {
  const width = Math.max(...lines.map(([c]) => c.length));
  return `\nDocumentation: docs/README.md in the repository.\n\nExamples:\n${lines.map(([c, what]) => `  $ ${c.padEnd(width)}  # ${what}`).join('\n')}`;
}
