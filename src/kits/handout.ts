/**
 * The generic handout, built like a student's kit but from the guide alone:
 * view → template `handout` → Markdown → tree → PDF and DOCX. Bytes in,
 * bytes out; the CLI writes the files and the print file of copies.
 *
 * @example
 * const { files } = await buildHandout({ guide, renderer, theme, fonts, formats: ['pdf', 'docx'] });
 */
import type { Deflate } from '../write/deflate.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Guide } from '../load/content-schema.js';
import type { KitFile, KitResult } from '../pipeline.js';
import type { Renderer } from '../render/render.js';
import type { Theme } from '../theme.js';
import { writeDocx } from '../write/docx/index.js';
import { writePdf, type FontSet } from '../write/pdf/index.js';
import { buildHandoutView, handoutMeta, type HandoutFormat, type HandoutViewOptions } from './handout-view.js';

export { HANDOUT_FORMATS, type HandoutFormat } from './handout-view.js';

/** The name of the handout's template (templates/handout.md.hbs). */
export const HANDOUT_TEMPLATE = 'handout';

/** What {@link buildHandout} needs. */
export interface HandoutRequest extends HandoutViewOptions {
  readonly guide: Guide;
  readonly renderer: Renderer;
  readonly theme: Theme;
  readonly fonts: FontSet;
  readonly formats: readonly HandoutFormat[];
  /** Seconds since the epoch for document dates (SOURCE_DATE_EPOCH). */
  readonly timestamp?: number;
  /** zlib compressor for PDF streams and DOCX entries (the CLI passes Node's native zlib). */
  readonly deflate?: Deflate;
}

/** Builds handout.pdf / handout.docx / handout.md. */
export async function buildHandout(request: HandoutRequest): Promise<KitResult> {
  const view = buildHandoutView(request.guide, request.theme.office, request);
  const markdown = request.renderer.render(HANDOUT_TEMPLATE, view);
  // marked loads on first use, not with every command.
  const { parseMarkdown } = await import('../parse/parse-markdown.js');
  const tree = parseMarkdown(markdown, handoutMeta(request.guide, request.theme.office));
  const files: KitFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const options = { theme: request.theme, timestamp: request.timestamp, deflate: request.deflate };
  for (const format of request.formats) {
    switch (format) {
      case 'pdf': {
        const pdf = await writePdf(tree, { ...options, fonts: request.fonts });
        files.push({ name: 'handout.pdf', bytes: pdf.bytes, pages: pdf.pages });
        diagnostics.push(...pdf.warnings);
        break;
      }
      case 'docx':
        files.push({ name: 'handout.docx', bytes: await writeDocx(tree, options) });
        break;
      case 'md':
        files.push({ name: 'handout.md', bytes: new TextEncoder().encode(markdown) });
        break;
    }
  }
  return { files, diagnostics };
}
