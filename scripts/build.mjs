// Bundles src/ into dist/ with esbuild: the command line (dist/cli.js, which
// bin/interview-kit.js loads) and the batch worker thread
// (dist/batch-worker.js), as ES modules sharing chunks in dist/chunks/. Code
// a command imports dynamically goes into its own chunk and loads when that
// command runs. Runs on `npm install` (prepare), on `npm pack` and before the
// tests, so a fresh clone works and the tests run what ships. Run it with tsx
// (`npm run build`): it reads the templates with the program's own code.
import { build } from 'esbuild';
import Handlebars from 'handlebars';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readTemplates } from '../src/node/assets.ts';
import { COMPILE_OPTIONS } from '../src/render/render.ts';
import { buildWeb } from './build-web.mjs';

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
  entryPoints: { cli: join(root, 'src/cli/main.ts'), 'batch-worker': join(root, 'src/node/batch-worker.ts') },
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
  // harfbuzzjs stays a package of its own: it loads its WebAssembly from beside its module.
  external: ['harfbuzzjs'],
  // Packages' ES module builds where they ship one (pdf-lib does): bundled as modules, not CommonJS wrappers.
  mainFields: ['module', 'main'],
  // CommonJS dependencies (handlebars, pdf-lib's) call require(); an ES module gets one.
  banner: { js: "import { createRequire as __ikCreateRequire } from 'node:module'; const require = __ikCreateRequire(import.meta.url);" },
});

// The bundled templates compiled ahead of time, as Handlebars' own
// `precompile` does for web pages: compiling them is the largest part of a
// cold `build` after starting Node. The renderer uses an entry only while the
// template's source is still the one it was compiled from (see
// src/render/render.ts), so an edited or overriding template is compiled as usual.
const { templates, partials } = readTemplates();
const entries = (group) =>
  Object.entries(group)
    .map(([name, t]) => `  ${JSON.stringify(name)}: { source: ${JSON.stringify(t.source)}, spec: ${Handlebars.precompile(t.source, COMPILE_OPTIONS)} },`)
    .join('\n');
writeFileSync(
  join(fresh, 'templates.js'),
  `// Made by scripts/build.mjs from templates/ with Handlebars.precompile.\nexport const templates = {\n${entries(templates)}\n};\nexport const partials = {\n${entries(partials)}\n};\n`,
);

// The browser edition (dist/web), served by `interview-kit web` or any static host.
await buildWeb({ root, out: join(fresh, 'web'), templates: join(fresh, 'templates.js'), plugins: [zodEnglishOnly] });

if (existsSync(dist)) renameSync(dist, old);
renameSync(fresh, dist);
rmSync(old, { recursive: true, force: true });
