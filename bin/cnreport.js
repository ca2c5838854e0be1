#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { requireCached } from './compile-cache.js';

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const cli = requireCached(fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url)));
process.exitCode = await cli.exports.run(process.argv.slice(2));
cli.save();
