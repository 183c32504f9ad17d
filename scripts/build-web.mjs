// Builds the browser edition into <dist>/web: index.html, one ES module
// bundle (main.js, with the chunks it loads on demand beside it), the
// styles, the fonts and HarfBuzz's WebAssembly. Everything
// the page asks for is in that folder, so any static host can serve it and
// no request leaves the page's own origin.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The fonts the page loads, as `fonts/<name>.ttf`: the two families' faces and the fallback faces for other scripts. */
const FONTS = {
  'noto-sans-regular': ['@expo-google-fonts/noto-sans', '400Regular/NotoSans_400Regular.ttf'],
  'noto-sans-bold': ['@expo-google-fonts/noto-sans', '700Bold/NotoSans_700Bold.ttf'],
  'noto-sans-italic': ['@expo-google-fonts/noto-sans', '400Regular_Italic/NotoSans_400Regular_Italic.ttf'],
  'noto-sans-bold-italic': ['@expo-google-fonts/noto-sans', '700Bold_Italic/NotoSans_700Bold_Italic.ttf'],
  'noto-serif-regular': ['@expo-google-fonts/noto-serif', '400Regular/NotoSerif_400Regular.ttf'],
  'noto-serif-bold': ['@expo-google-fonts/noto-serif', '700Bold/NotoSerif_700Bold.ttf'],
  'noto-serif-italic': ['@expo-google-fonts/noto-serif', '400Regular_Italic/NotoSerif_400Regular_Italic.ttf'],
  'noto-serif-bold-italic': ['@expo-google-fonts/noto-serif', '700Bold_Italic/NotoSerif_700Bold_Italic.ttf'],
  arabic: ['@expo-google-fonts/noto-sans-arabic', '400Regular/NotoSansArabic_400Regular.ttf'],
  hebrew: ['@expo-google-fonts/noto-sans-hebrew', '400Regular/NotoSansHebrew_400Regular.ttf'],
  devanagari: ['@expo-google-fonts/noto-sans-devanagari', '400Regular/NotoSansDevanagari_400Regular.ttf'],
  thai: ['@expo-google-fonts/noto-sans-thai', '400Regular/NotoSansThai_400Regular.ttf'],
  chinese: ['@expo-google-fonts/noto-sans-sc', '400Regular/NotoSansSC_400Regular.ttf'],
  korean: ['@expo-google-fonts/noto-sans-kr', '400Regular/NotoSansKR_400Regular.ttf'],
};

/**
 * @param {{ root: string, out: string, templates: string, plugins: import('esbuild').Plugin[] }} options
 *   out: the folder to fill; templates: the precompiled templates module (dist/templates.js).
 */
export async function buildWeb({ root, out, templates, plugins }) {
  const require = createRequire(join(root, 'package.json'));
  // Some packages export no package.json: find the folder from the path of their main module.
  const packageDir = (name) => {
    const main = require.resolve(name);
    return main.slice(0, main.lastIndexOf(`node_modules/${name}/`) + `node_modules/${name}`.length);
  };
  mkdirSync(join(out, 'fonts'), { recursive: true });

  await build({
    entryPoints: { main: join(root, 'src/web/main.ts') },
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    // Chunks sit beside main.js: harfbuzzjs finds harfbuzz.wasm beside its own module.
    chunkNames: '[name]-[hash]',
    logLevel: 'warning',
    loader: { '.yaml': 'text' },
    mainFields: ['browser', 'module', 'main'],
    // Only harfbuzzjs's Node branch imports these; a browser never runs it.
    external: ['module'],
    plugins: [
      ...plugins,
      {
        name: 'precompiled-templates',
        setup(b) {
          b.onResolve({ filter: /^interview-kit:templates$/ }, () => ({ path: templates }));
          // csv-parse's browser build brings its own Buffer.
          b.onResolve({ filter: /^csv-parse\/sync$/ }, () => ({ path: join(packageDir('csv-parse'), 'dist/esm/sync.js') }));
        },
      },
    ],
  });

  copyFileSync(join(root, 'src/web/index.html'), join(out, 'index.html'));
  copyFileSync(join(root, 'src/web/styles.css'), join(out, 'styles.css'));
  copyFileSync(join(packageDir('harfbuzzjs'), 'dist/harfbuzz.wasm'), join(out, 'harfbuzz.wasm'));
  for (const [name, [pkg, file]] of Object.entries(FONTS)) copyFileSync(join(packageDir(pkg), file), join(out, 'fonts', `${name}.ttf`));
}
