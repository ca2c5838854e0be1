// Fallback when /usr/bin/time is missing: runs the CLI in this process the way bin/cnreport.js does (the bundle
// through its code cache, worker threads included) and reports the peak resident set size (kilobytes) and the CPU
// seconds it used, as the last line on stderr.
import { fileURLToPath } from 'node:url';
import { requireCached } from '../bin/compile-cache.js';

const cli = requireCached(fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url)));
process.exitCode = await cli.exports.run(process.argv.slice(2));
const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
process.stderr.write(`maxRSS ${maxRSS} cpu ${(userCPUTime + systemCPUTime) / 1e6}\n`);
