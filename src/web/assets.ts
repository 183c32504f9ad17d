/**
 * What the page builds with, all served from its own folder: the bundled
 * guide and templates (inside the bundle), the fonts, fetched from fonts/ —
 * a script's fallback face only when a document needs it — and the hosting
 * office's kit.yaml, when it put one there.
 */
import guideText from '../../content/guide.yaml';
import { templates, partials } from 'interview-kit:templates';
import type { Guide } from '../load/content-schema.js';
import { loadGuide } from '../load/load-guide.js';
import { createRenderer, type Renderer } from '../render/render.js';
import type { TemplateSource } from '../render/template-set.js';
import { parse as parseYaml } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { DEFAULT_THEME, type FontFamilyName, type Theme } from '../theme.js';
import type { FallbackId, FontSet } from '../write/pdf/index.js';

/** The guide bundled with the program (content/guide.yaml). */
export function bundledGuide(): Guide {
  const { value, diagnostics } = loadGuide(guideText, 'guide.yaml');
  if (!value) throw new Error(`the bundled guide does not load: ${diagnostics.map((d) => d.message).join('; ')}`);
  return value;
}

/** A renderer of the bundled templates, compiled ahead of time by the build. */
export function bundledRenderer(): Renderer {
  const sources = (group: Record<string, { source: string }>, folder: string): Record<string, TemplateSource> =>
    Object.fromEntries(Object.entries(group).map(([name, t]) => [name, { source: t.source, file: `${folder}${name}.hbs` }]));
  return createRenderer({ templates: sources(templates, 'templates/'), partials: sources(partials, 'templates/partials/') }, { precompiled: { templates, partials } });
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

const fallbacks = new Map<FallbackId, Promise<Uint8Array | undefined>>();

/** A fallback face, fetched the first time a document needs it; undefined when it cannot be had. */
function loadFallback(id: FallbackId): Promise<Uint8Array | undefined> {
  let face = fallbacks.get(id);
  if (!face) {
    face = fetchBytes(`fonts/${id}.ttf`).catch(() => undefined);
    fallbacks.set(id, face);
  }
  return face;
}

const families = new Map<FontFamilyName, Promise<FontSet>>();

/** The four faces of a family, fetched once. */
export function loadFontSet(family: FontFamilyName): Promise<FontSet> {
  let set = families.get(family);
  if (!set) {
    set = Promise.all(['regular', 'bold', 'italic', 'bold-italic'].map((face) => fetchBytes(`fonts/${family}-${face}.ttf`))).then(
      ([regular, bold, italic, boldItalic]) => ({ regular: regular!, bold: bold!, italic: italic!, boldItalic: boldItalic!, loadFallback }),
    );
    families.set(family, set);
  }
  return set;
}

/** The look of the documents, and the settings of the office hosting the page. */
export interface HostedKit {
  readonly theme: Theme;
  /** The office's default time zone for meetings, when kit.yaml names one. */
  readonly timezone?: string;
  /** kit.yaml's problems, when it has any (the defaults are used then). */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The branding of the office that hosts the page: kit.yaml beside
 * index.html (and the logo it names, beside it too), as `--config kit.yaml`
 * gives the command line. Without one, the default look.
 */
export async function hostedKit(): Promise<HostedKit> {
  const response = await fetch('kit.yaml').catch(() => undefined);
  if (!response?.ok) return { theme: DEFAULT_THEME, diagnostics: [] };
  const text = await response.text();
  const { loadKitTheme } = await import('../load/load-kit-config.js');
  // The logo is fetched first: the loader reads it synchronously.
  let logoPath: unknown;
  try {
    logoPath = (parseYaml(text) as { office?: { logo?: unknown } } | null)?.office?.logo;
  } catch {
    logoPath = undefined;
  }
  const logo = typeof logoPath === 'string' ? await fetchBytes(new URL(logoPath, new URL('kit.yaml', document.baseURI)).href).catch(() => undefined) : undefined;
  const result = loadKitTheme(text, 'kit.yaml', () => {
    if (!logo) throw new Error('not found beside kit.yaml');
    return logo;
  });
  if (!result.theme) return { theme: DEFAULT_THEME, diagnostics: result.diagnostics };
  return { theme: result.theme, timezone: result.config?.meeting?.timezone, diagnostics: result.diagnostics };
}
