// Bundles the CLI (and the batch worker, when present) into dist/ with esbuild.
// Runs on `npm install` (prepare) and before the tests, so a fresh clone works.
import { build } from 'esbuild';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entryPoints = { cli: join(root, 'src/cli/main.ts') };
const worker = join(root, 'src/batch/worker.ts');
if (existsSync(worker)) entryPoints['batch-worker'] = worker;

// Build beside dist/ and swap it in, so a CLI already running (a parallel
// test, a benchmark) never sees a half-written or missing bundle.
const dist = join(root, 'dist');
const fresh = join(root, `.dist-${process.pid}`);
const old = join(root, `.dist-old-${process.pid}`);
await build({
  entryPoints,
  outdir: fresh,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS dependencies (fontkit, handlebars) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __ikCreateRequire } from 'node:module'; const require = __ikCreateRequire(import.meta.url);" },
});

if (existsSync(dist)) renameSync(dist, old);
renameSync(fresh, dist);
rmSync(old, { recursive: true, force: true });
