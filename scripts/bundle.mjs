// Bundles the CLI into one CommonJS file, so a cold start reads and compiles one file (with V8's code cache, see
// bin/compile-cache.js) instead of resolving ~150 small ES modules: that was most of the 0.3 s budget of a cold
// `extract`. The library entry (dist/index.js) and the batch worker stay unbundled.
import { dirname, resolve } from 'node:path';
import { build } from 'esbuild';

// zod re-exports every locale (~400 kB of the bundle); cnreport's messages are English only.
const englishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
      args.importer.includes('/zod/') ? { path: 'zod-locales', namespace: 'zod-locales', pluginData: resolve(args.resolveDir, dirname(args.path)) } : undefined);
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: args.pluginData,
    }));
  },
};

// The CLI, and the batch and terms workers (each worker thread then loads one file instead of the module graph).
await build({
  entryPoints: { cli: 'src/cli/index.ts', worker: 'src/batch/worker.ts', 'terms-worker': 'src/terms/worker.ts' },
  outdir: 'dist/bundle',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Native addons and modules loaded only on some paths stay outside the bundle (fast-glob: only when globbing; recheck: only for --rules).
  external: ['nodejieba', 'yaml', 'playwright-core', 'fast-glob', 'recheck'],
  plugins: [englishOnly],
  // The code finds rules/ and the worker relative to itself; the bundle sits two levels below the root like dist/x/.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
