// Builds dist/: the command line (cli.cjs), the parse thread and the batch
// worker bundled by esbuild; the bundled guide, templates, Word packages and
// font subsets prepared ahead of time; and V8 code caches for a fast cold
// start. Runs on `npm install` (prepare) and before the tests, so a fresh
// clone works.
import { build, transform } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

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

/**
 * pdf-lib ships its TypeScript sources beside its ES5 builds. Its CommonJS
 * build ("main") is 136 wrapped files whose classes are ES5 functions made at
 * start-up with tslib helpers, all of them run. Bundled from the sources,
 * its classes are native and hoisted into one scope, and what interview-kit
 * never uses is left out: a cold build starts ~10 ms sooner. pdf-lib imports
 * its own files as 'src/...'; its class fields keep TypeScript's assignment
 * semantics (useDefineForClassFields: false), as in its published builds.
 */
const pdfLibSource = {
  name: 'pdf-lib-source',
  setup(b) {
    let srcDir;
    const inPdfLib = (importer) => srcDir !== undefined && importer.startsWith(srcDir);
    const resolveTs = (base) => {
      for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return { path: candidate };
      throw new Error(`pdf-lib's source has no ${base}.ts`);
    };
    b.onResolve({ filter: /^pdf-lib$/ }, (args) => {
      if (args.kind !== 'import-statement') return undefined;
      srcDir = join(dirname(createRequire(args.importer).resolve('pdf-lib')), '..', 'src');
      return { path: join(srcDir, 'index.ts') };
    });
    b.onResolve({ filter: /^src\// }, (args) => (inPdfLib(args.importer) ? resolveTs(join(srcDir, args.path.slice(4))) : undefined));
    b.onResolve({ filter: /^\.\.?\// }, (args) => (inPdfLib(args.importer) ? resolveTs(join(dirname(args.importer), args.path)) : undefined));
    b.onLoad({ filter: /[\\/]pdf-lib[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const { code } = await transform(readFileSync(args.path, 'utf8'), {
        loader: 'ts',
        format: 'esm',
        target: 'node20',
        sourcefile: args.path,
        tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
      });
      return { contents: code, loader: 'ts' };
    });
  },
};

/**
 * The ics package folds long lines by characters, with a helper that splits
 * the rest of the line into characters again for every piece (~10 ms on a
 * first run). RFC 5545 folds by octets, so interview-kit unfolds its output and
 * folds it again itself (src/write/ics/fold-lines.ts): in the bundle, the
 * package's folding passes lines through unchanged. The bytes are the same.
 */
const icsFoldOnce = {
  name: 'ics-fold-once',
  setup(b) {
    b.onResolve({ filter: /^\.\/fold-line$/ }, (args) =>
      /[\\/]ics[\\/]dist[\\/]utils$/.test(args.resolveDir) ? { path: 'fold-line', namespace: 'ics-fold-once' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'ics-fold-once' }, () => ({ contents: 'exports.__esModule = true; exports.default = (line) => line;', loader: 'js' }));
  },
};

/**
 * Two of pdf-lib's dependencies build tables when they load that a packet
 * never uses: @pdf-lib/standard-fonts inflates and parses the encodings of the
 * 14 standard fonts (~8 ms; interview-kit embeds its own fonts), and UPNG
 * builds its inflate tables (~4 ms; used only to read a PNG logo). In the
 * bundle they are built on first use instead. Should a new version of either
 * file no longer match, the build says so and keeps the file as it is.
 */
const lazyTables = {
  name: 'lazy-tables',
  setup(b) {
    const rewrites = [
      {
        file: /[\\/]@pdf-lib[\\/]standard-fonts[\\/]lib[\\/]Encoding\.js$/,
        edits: [
          [
            'var decompressedEncodings = utils_1.decompressJson(all_encodings_compressed_json_1.default);\nvar allUnicodeMappings = JSON.parse(decompressedEncodings);',
            'var allUnicodeMappingsCache;\nvar allUnicodeMappings = function () { return allUnicodeMappingsCache || (allUnicodeMappingsCache = JSON.parse(utils_1.decompressJson(all_encodings_compressed_json_1.default))); };',
          ],
          [
            "exports.Encodings = {\n    Symbol: new Encoding('Symbol', allUnicodeMappings.symbol),\n    ZapfDingbats: new Encoding('ZapfDingbats', allUnicodeMappings.zapfdingbats),\n    WinAnsi: new Encoding('WinAnsi', allUnicodeMappings.win1252),\n};",
            "var encodingCache = {};\nvar encoding = function (name, key) { return encodingCache[name] || (encodingCache[name] = new Encoding(name, allUnicodeMappings()[key])); };\n" +
              "exports.Encodings = {\n    get Symbol() { return encoding('Symbol', 'symbol'); },\n    get ZapfDingbats() { return encoding('ZapfDingbats', 'zapfdingbats'); },\n    get WinAnsi() { return encoding('WinAnsi', 'win1252'); },\n};",
          ],
        ],
      },
      {
        file: /[\\/]@pdf-lib[\\/]upng[\\/]cjs[\\/]UPNG\.js$/,
        edits: [
          ['UPNG.inflateRaw = function () {\n', 'UPNG.inflateRaw = function (data, buff) {\n  return (UPNG.inflateRaw.built || (UPNG.inflateRaw.built = function () {\n'],
          [/(UPNG\.inflateRaw = function \(data, buff\)[^]*?\n)\}\(\);\n/, '$1}()))(data, buff);\n};\n'],
        ],
      },
    ];
    for (const { file, edits } of rewrites) {
      b.onLoad({ filter: file }, (args) => {
        let source = readFileSync(args.path, 'utf8');
        for (const [from, to] of edits) {
          const next = source.replace(from, to);
          if (next === source) {
            console.warn(`build: ${args.path} has changed; its tables are built when it loads`);
            return undefined;
          }
          source = next;
        }
        return { contents: source, loader: 'js' };
      });
    }
  },
};

/**
 * commander requires node:child_process (with net, dgram and streams behind
 * it, ~5 ms) at load, for subcommands run as separate executables, which
 * interview-kit does not have. In the bundle it gets the module on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entryPoints = { 'batch-worker': join(root, 'src/node/batch-worker.ts') };

// Build beside dist/ and swap it in, so a CLI already running (a parallel
// test, a benchmark) never sees a half-written or missing bundle.
const dist = join(root, 'dist');
const fresh = join(root, `.dist-${process.pid}`);
const old = join(root, `.dist-old-${process.pid}`);
/**
 * Settings every bundle shares. harfbuzzjs stays a package of its own: it
 * loads its WebAssembly from beside its module, with a top-level await.
 */
const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', external: ['harfbuzzjs'], plugins: [zodEnglishOnly, pdfLibSource, icsFoldOnce, lazyTables, lazyChildProcess] };
/** CommonJS dependencies (handlebars, pdf-lib's) call require(); an ESM bundle gets one. */
const esmRequire = { js: "import { createRequire as __ikCreateRequire } from 'node:module'; const require = __ikCreateRequire(import.meta.url);" };
const minify = process.env.IK_NO_MINIFY !== '1';

// The batch worker, loaded by worker threads as an ES module.
await build({
  ...common,
  entryPoints,
  outdir: fresh,
  splitting: true,
  format: 'esm',
  sourcemap: 'linked',
  minify,
  chunkNames: 'chunks/[name]-[hash]',
  banner: esmRequire,
});

/** A CommonJS bundle that bin/interview-kit.js loads with a V8 code cache (see below). */
const cjsBundle = (entry, name, more = {}) =>
  build({ ...common, entryPoints: [join(root, entry)], outfile: join(fresh, name), format: 'cjs', sourcemap: 'linked', minify, ...more });

// The command line, and the parse thread the launcher starts beside it.
await cjsBundle('src/cli/main.ts', 'cli.cjs', {
  define: { 'import.meta.url': '__ikModuleUrl' },
  banner: { js: "var __ikModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
await cjsBundle('src/parse/parse-worker.ts', 'parse-worker.cjs');

// esbuild writes non-ASCII characters as \u escapes in strings but leaves them
// in regular expressions; a handful of them made V8 hold the whole program as a
// two-byte string (twice the memory, slower to read). Escape those too: a \u
// escape means the same character in a regular expression as in a string.
// (Source map columns after them on the same line shift by a few characters.)
for (const name of ['cli.cjs', 'parse-worker.cjs']) {
  const file = join(fresh, name);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

// The bundled guide and templates, validated and compiled ahead of time.
const assets = join(fresh, 'bundled-assets.mjs');
await build({ ...common, entryPoints: [join(root, 'scripts/bundled-assets.ts')], outfile: assets, format: 'esm', banner: esmRequire });
execFileSync(process.execPath, [assets, root, fresh], { stdio: 'inherit' });
rmSync(assets);

if (existsSync(dist)) renameSync(dist, old);
renameSync(fresh, dist);
rmSync(old, { recursive: true, force: true });

const cliArgs = (out, ...more) => [join(root, 'bin/interview-kit.js'), 'build', join(root, 'content/examples/maya.yaml'), '--out', out, ...more];
const warmup = mkdtempSync(join(tmpdir(), 'ik-warmup-'));
try {
  // The parse thread's sample: the example's packet as Markdown, which uses
  // every construct the bundled templates write.
  execFileSync(process.execPath, cliArgs(warmup, '--format', 'md'), { stdio: ['ignore', 'ignore', 'inherit'] });
  writeFileSync(join(dist, 'parse-sample.md'), readFileSync(join(warmup, 'maya-patel', 'packet.md')));

  // V8 code caches: build the example once and keep what was compiled, so a
  // cold start skips parsing and compiling it. The launcher writes one beside
  // each file it loaded: the program, its compiled templates, and the parse
  // thread (after lexing the sample). Node rejects a cache made by another
  // version, and the code is then compiled as usual.
  execFileSync(process.execPath, cliArgs(join(warmup, 'cached')), {
    env: { ...process.env, IK_WRITE_CODE_CACHE: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
} finally {
  rmSync(warmup, { recursive: true, force: true });
}
