// Fallback when /usr/bin/time is missing: runs the CLI in this process (worker threads included) and reports the
// peak resident set size it reached (kilobytes) and the CPU seconds it used, as the last line on stderr.
import { run } from '../dist/cli/index.js';

process.exitCode = await run(process.argv.slice(2));
const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
process.stderr.write(`maxRSS ${maxRSS} cpu ${(userCPUTime + systemCPUTime) / 1e6}\n`);
