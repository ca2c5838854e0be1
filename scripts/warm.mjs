// Runs the CLI once on a seed so V8's code cache for the bundle exists before the first real run (see bin/compile-cache.js).
import { execFileSync } from 'node:child_process';

execFileSync(process.execPath, ['bin/cnreport.js', 'extract', 'seeds/000_8e5208af9c013f38.txt'], { stdio: 'ignore' });
