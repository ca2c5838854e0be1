/** A failure the CLI reports in one line; `exitCode` follows the documented table (1 file failed, 2 usage or I/O). */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: 1 | 2) {
    super(message);
    this.name = 'CliError';
  }
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
