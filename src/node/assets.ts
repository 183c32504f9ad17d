/**
 * What ships with the package and what a user may lay over it: the guide
 * content, the templates, and the fonts. The only place that knows where
 * they live on disk.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { InputError } from '../diagnostics.js';
import type { Guide } from '../load/content-schema.js';
import { loadGuide } from '../load/load-guide.js';
import { createRenderer, type PrecompiledTemplates, type Renderer } from '../render/render.js';
import { overlayTemplates, type TemplateSet, type TemplateSource } from '../render/template-set.js';
import type { FontFamilyName } from '../theme.js';
import type { FallbackId, FontSet } from '../write/pdf/index.js';

/** The package's root folder (the one with its package.json). */
export const packageRoot: string = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'interview-kit') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the interview-kit package above ${start}`);
    dir = parent;
  }
}

/** Shows a path relative to the working directory when that is shorter. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && rel.length < path.length ? rel : path;
}

/** The guide from `contentDir/guide.yaml` (the bundled one by default), validated. */
export async function readGuide(contentDir?: string): Promise<Guide> {
  const dir = contentDir ? resolve(contentDir) : join(packageRoot, 'content');
  const file = join(dir, 'guide.yaml');
  if (!existsSync(file)) {
    throw new InputError([{ severity: 'error', message: `no guide.yaml in the content folder ${displayPath(dir)}`, hints: ['copy content/guide.yaml from interview-kit and adapt it'] }]);
  }
  const { value, diagnostics } = loadGuide(readFileSync(file, 'utf8'), displayPath(file));
  if (!value) throw new InputError(diagnostics);
  return value;
}

/**
 * A renderer for the bundled templates with `templatesDir`'s laid over them,
 * using those the build compiled ahead of time (dist/templates.js) while
 * their sources are unchanged.
 */
export async function createTemplateRenderer(templatesDir?: string): Promise<Renderer> {
  const compiled = join(packageRoot, 'dist', 'templates.js');
  const precompiled = existsSync(compiled) ? ((await import(pathToFileURL(compiled).href)) as PrecompiledTemplates) : undefined;
  return createRenderer(readTemplates(templatesDir), { precompiled });
}

/** The bundled templates, with `templatesDir`'s files (if given) replacing those of the same name. */
export function readTemplates(templatesDir?: string): TemplateSet {
  const bundled = readTemplateFolder(join(packageRoot, 'templates'));
  if (!templatesDir) return bundled;
  const dir = resolve(templatesDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new InputError([{ severity: 'error', message: `the templates folder ${displayPath(dir)} does not exist`, field: '--templates' }]);
  }
  return overlayTemplates(bundled, readTemplateFolder(dir));
}

function readTemplateFolder(dir: string): TemplateSet {
  const read = (folder: string, suffix: string): Record<string, TemplateSource> => {
    if (!existsSync(folder)) return {};
    const entries: Record<string, TemplateSource> = {};
    for (const name of readdirSync(folder).sort()) {
      if (!name.endsWith(suffix)) continue;
      const file = join(folder, name);
      entries[name.slice(0, -suffix.length)] = { source: readFileSync(file, 'utf8'), file: displayPath(file) };
    }
    return entries;
  };
  return { templates: read(dir, '.md.hbs'), partials: read(join(dir, 'partials'), '.hbs') };
}

const FONT_PACKAGES: Record<FontFamilyName, { pkg: string; prefix: string }> = {
  'noto-sans': { pkg: '@expo-google-fonts/noto-sans', prefix: 'NotoSans' },
  'noto-serif': { pkg: '@expo-google-fonts/noto-serif', prefix: 'NotoSerif' },
};

/** The package and file prefix of each fallback face (Regular only: bold is drawn with an outline). */
const FALLBACK_PACKAGES: Record<FallbackId, { pkg: string; prefix: string }> = {
  arabic: { pkg: '@expo-google-fonts/noto-sans-arabic', prefix: 'NotoSansArabic' },
  hebrew: { pkg: '@expo-google-fonts/noto-sans-hebrew', prefix: 'NotoSansHebrew' },
  devanagari: { pkg: '@expo-google-fonts/noto-sans-devanagari', prefix: 'NotoSansDevanagari' },
  thai: { pkg: '@expo-google-fonts/noto-sans-thai', prefix: 'NotoSansThai' },
  chinese: { pkg: '@expo-google-fonts/noto-sans-sc', prefix: 'NotoSansSC' },
  korean: { pkg: '@expo-google-fonts/noto-sans-kr', prefix: 'NotoSansKR' },
};

const fontCache = new Map<FontFamilyName, FontSet>();
const fallbackCache = new Map<FallbackId, Promise<Uint8Array | undefined>>();

/** The .ttf file of a weight in one of the @expo-google-fonts packages. */
function fontFile(pkg: string, prefix: string, weight: string): string {
  const require = createRequire(join(packageRoot, 'package.json'));
  return join(dirname(require.resolve(`${pkg}/package.json`)), weight, `${prefix}_${weight}.ttf`);
}

/** A view of a file's own buffer (Node does not pool large reads): no copy of megabytes of fonts. */
function asBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * A fallback face, read from its package when a document first needs it
 * (once per process); undefined when the package is not installed.
 */
export function loadFallbackFace(id: FallbackId): Promise<Uint8Array | undefined> {
  let bytes = fallbackCache.get(id);
  if (!bytes) {
    const { pkg, prefix } = FALLBACK_PACKAGES[id];
    bytes = (async () => {
      let file: string;
      try {
        file = fontFile(pkg, prefix, '400Regular');
      } catch {
        return undefined;
      }
      return asBytes(await readFile(file));
    })();
    fallbackCache.set(id, bytes);
  }
  return bytes;
}

/** The four TrueType faces of a bundled family, read once per process, and the fallback faces' loader. */
export function readFontSet(family: FontFamilyName): FontSet {
  const cached = fontCache.get(family);
  if (cached) return cached;
  const { pkg, prefix } = FONT_PACKAGES[family];
  const face = (weight: string) => asBytes(readFileSync(fontFile(pkg, prefix, weight)));
  const set: FontSet = {
    regular: face('400Regular'),
    bold: face('700Bold'),
    italic: face('400Regular_Italic'),
    boldItalic: face('700Bold_Italic'),
    loadFallback: loadFallbackFace,
  };
  fontCache.set(family, set);
  return set;
}

/** SOURCE_DATE_EPOCH as seconds, when set to a number. */
export function sourceDateEpoch(): number | undefined {
  const raw = process.env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    throw new InputError([{ severity: 'error', message: `SOURCE_DATE_EPOCH is not a whole number of seconds ("${raw}")`, field: 'SOURCE_DATE_EPOCH' }]);
  }
  return n;
}
