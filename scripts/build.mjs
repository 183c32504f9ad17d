// Bundles src/ into dist/ with esbuild: the command line (dist/cli.js, which
// bin/interview-kit.js loads) and the batch worker thread
// (dist/batch-worker.js), as ES modules sharing chunks in dist/chunks/. Code
// a command imports dynamically goes into its own chunk and loads when that
// command runs. Runs on `npm install` (prepare), on `npm pack` and before the
// tests, so a fresh clone works and the tests run what ships.
import { build } from 'esbuild';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/**
 * zod exports every one of its ~50 message languages as `z.locales`, which
 * defeats tree shaking (~250 KB of the bundle). interview-kit writes its own
 * messages and never switches zod's language, so zod's locale index resolves
 * to its English locale alone.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
      if (!/[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer)) return undefined;
      return { path: join(dirname(args.importer), '..', 'locales', 'en.js') };
    });
  },
};

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Build beside dist/ and swap it in, so a command already running (a parallel
// test, a benchmark) never sees a half-written or missing bundle.
const dist = join(root, 'dist');
const fresh = join(root, `.dist-${process.pid}`);
const old = join(root, `.dist-old-${process.pid}`);

await build({
  entryPoints: { cli: join(root, 'src/cli/main.ts'), 'batch-worker': join(root, 'src/batch/worker.ts') },
  outdir: fresh,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  plugins: [zodEnglishOnly],
  // Packages' ES module builds where they ship one (pdf-lib does): bundled as modules, not CommonJS wrappers.
  mainFields: ['module', 'main'],
  // CommonJS dependencies (handlebars, pdf-lib's) call require(); an ES module gets one.
  banner: { js: "import { createRequire as __ikCreateRequire } from 'node:module'; const require = __ikCreateRequire(import.meta.url);" },
});

if (existsSync(dist)) renameSync(dist, old);
renameSync(fresh, dist);
rmSync(old, { recursive: true, force: true });
