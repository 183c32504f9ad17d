// Bundles the CLI (and the batch worker, when present) into dist/ with esbuild.
// Runs on `npm install` (prepare) and before the tests, so a fresh clone works.
import { build } from 'esbuild';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/**
 * fontkit decodes data at load time that interview-kit never uses: the
 * Brotli dictionary (for WOFF2, which we don't read: the bundled fonts are
 * TrueType) and the Arabic and Indic shaping tables (we draw unshaped
 * glyphs). Making them lazy takes ~100 ms off every cold start. Each patch
 * must apply, so a fontkit upgrade that moves the code fails the build
 * instead of silently losing the speed-up.
 */
const lazyFontkit = {
  name: 'lazy-fontkit-data',
  setup(b) {
    b.onLoad({ filter: /@pdf-lib[\\/]fontkit[\\/]dist[\\/]fontkit\.es\.js$/ }, async (args) => {
      let code = await readFile(args.path, 'utf8');
      const patch = (from, to) => {
        if (!code.includes(from)) throw new Error(`lazy-fontkit-data: "${from.slice(0, 60)}" not found in ${args.path}`);
        code = code.replace(from, to);
      };
      patch('\ndictionary.init(BrotliDecompressBuffer);', '\n/* Brotli dictionary: loaded on first use (WOFF2 only). */');
      patch('function BrotliDecompressBuffer(buffer, output_size) {', 'function BrotliDecompressBuffer(buffer, output_size) {\n  if (!dictionary.dictionary) { dictionary.dictionary = true; dictionary.init(BrotliDecompressBuffer); }');
      const lazyTrie = (name, source) =>
        `var ${name} = { get: function (cp) { if (!this.trie) this.trie = new unicodeTrie(pako.inflate(base64Arraybuffer_2(${source}))); return this.trie.get(cp); } };`;
      patch('var trieData$1 = pako.inflate(base64Arraybuffer_2(base64DeflatedTrie$1));\nvar trie$1 = new unicodeTrie(trieData$1);', lazyTrie('trie$1', 'base64DeflatedTrie$1'));
      return { contents: code, loader: 'js' };
    });
  },
};

/**
 * zod exports every one of its ~50 message languages as `z.locales`, which
 * defeats tree shaking (~250 KB of the bundle, parsed on every start).
 * interview-kit writes its own messages and never switches zod's language,
 * so the bundle gets zod's English locale alone.
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
  minify: process.env.IK_NO_MINIFY !== '1',
  // Prefer ES builds (fontkit's is the one the plugin below patches).
  mainFields: ['module', 'main'],
  plugins: [lazyFontkit, zodEnglishOnly],
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS dependencies (fontkit, handlebars) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __ikCreateRequire } from 'node:module'; const require = __ikCreateRequire(import.meta.url);" },
});

// The bundled guide and templates, validated and compiled ahead of time.
const assets = join(fresh, 'bundled-assets.mjs');
await build({
  entryPoints: [join(root, 'scripts/bundled-assets.ts')],
  outfile: assets,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  mainFields: ['module', 'main'],
  banner: { js: "import { createRequire as __ikCreateRequire } from 'node:module'; const require = __ikCreateRequire(import.meta.url);" },
});
execFileSync(process.execPath, [assets, root, fresh], { stdio: 'inherit' });
rmSync(assets);

if (existsSync(dist)) renameSync(dist, old);
renameSync(fresh, dist);
rmSync(old, { recursive: true, force: true });
