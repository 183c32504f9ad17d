/** Shared test fixtures: the bundled guide, templates and examples, loaded as the CLI loads them. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { guideSchema, type Guide } from '../../src/load/content-schema.js';
import { interviewSchema, type Interview } from '../../src/load/schema.js';
import type { TemplateSet, TemplateSource } from '../../src/render/template-set.js';
import { renderKitMarkdown, type KitDocument } from '../../src/kits/build-documents.js';
import type { PacketViewOptions } from '../../src/kits/packet-view.js';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import type { Renderer } from '../../src/render/render.js';

export const repoRoot = join(import.meta.dirname, '..', '..');

/** The bundled guide. */
export function bundledGuide(): Guide {
  return guideSchema.parse(parse(readFileSync(join(repoRoot, 'content', 'guide.yaml'), 'utf8')));
}

/** A bundled example interview, validated. */
export function exampleInterview(name: string): Interview {
  return interviewSchema.parse(parse(readFileSync(join(repoRoot, 'content', 'examples', name), 'utf8')));
}

/** The bundled templates. */
export function bundledTemplates(): TemplateSet {
  const dir = join(repoRoot, 'templates');
  const read = (folder: string, suffix: string): Record<string, TemplateSource> =>
    Object.fromEntries(
      readdirSync(folder)
        .filter((f) => f.endsWith(suffix))
        .map((f) => [f.slice(0, -suffix.length), { source: readFileSync(join(folder, f), 'utf8'), file: `templates/${folder === dir ? '' : 'partials/'}${f}` }]),
    );
  return { templates: read(dir, '.md.hbs'), partials: read(join(dir, 'partials'), '.hbs') };
}

/** renderKitMarkdown, then parseMarkdown on each document, as the pipeline does. */
export function renderKit(interview: Interview, guide: Guide, renderer: Renderer, documents?: readonly KitDocument[], options?: PacketViewOptions) {
  const { documents: rendered, warnings } = renderKitMarkdown(interview, guide, renderer, documents, options);
  return { documents: rendered.map((doc) => ({ ...doc, tree: parseMarkdown(doc.markdown, doc.meta) })), warnings };
}
