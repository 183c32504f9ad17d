/**
 * The PDF writer: tree → typeset PDF bytes, in two steps as in Typst —
 * `layoutDocument` (pure: measure, wrap, paginate, page furniture) and
 * `paintLayout` (content streams, links), then the outline, metadata and,
 * on request, form fields.
 *
 * Text is set in the TrueType family given in `options.fonts`, embedded as
 * subsets that are built once per process (font-program.ts), so the same
 * input gives the same bytes and a document costs milliseconds. Nothing
 * reads the clock: dates come from `options.timestamp`.
 *
 * @example
 * const { bytes, pages, warnings } = await writePdf(tree, {
 *   theme: resolveTheme(),
 *   fonts: { regular, bold, italic, boldItalic }, // .ttf bytes
 *   forms: true,
 * });
 */
import { PDFDocument, type PDFImage } from 'pdf-lib';
import type { Root } from '../../tree/types.js';
import type { Diagnostic } from '../../diagnostics.js';
import { documentDate } from '../options.js';
import { deflateOrDefault } from '../deflate.js';
import { savePdf } from './save.js';
import type { PdfOptions, PdfResult } from './pdf-options.js';
import { FONT_KEYS, parseFontSet } from './font-cache.js';
import { createFontMetrics } from './measure.js';
import { layoutDocument } from './layout.js';
import type { FontKey, LayoutResult } from './layout-types.js';
import { paintLayout, type PaintFace } from './paint.js';
import { addOutline } from './outline.js';
import { addFormFields } from './form-fields.js';
import { missingCharactersWarning } from './glyph-coverage.js';
import { findingsToDiagnostics } from './preflight.js';
import { createTypography } from './typography.js';
import { pageOf, prepareSubset } from './font-program.js';
import { embedFace } from './font-embed.js';

export type { FontSet, PdfOptions, PdfResult } from './pdf-options.js';
export type { LayoutResult, Box, FontKey, Bookmark, LayoutPage } from './layout-types.js';
export type { Metrics } from './measure.js';
export { layoutDocument, type LayoutOptions } from './layout.js';
export type { Finding, FindingCode } from './preflight.js';
export { createFontMetrics } from './measure.js';
export { parseFontSet, FontParseError } from './font-cache.js';
export { LogoFormatError } from './image-size.js';

/** Producer and creator written into every PDF. */
const PRODUCER = 'interview-kit';

/** Typesets a document tree as a PDF. */
export async function writePdf(tree: Root, options: PdfOptions): Promise<PdfResult> {
  const fonts = parseFontSet(options.fonts);
  const layout = layoutDocument(tree, options.theme, createFontMetrics(fonts), options);
  const forms = options.forms === true && hasFields(layout);
  const warnings: Diagnostic[] = [];
  const missing = layout.missingCharacters.length > 0;
  if (missing) warnings.push({ ...missingCharactersWarning(layout.missingCharacters, tree.meta.title), code: 'missing-glyph' });
  // That one warning stands for the preflight's per-page findings of the same characters.
  warnings.push(...findingsToDiagnostics(layout.findings.filter((f) => !(missing && f.code === 'missing-glyph')), tree.meta.title));
  const used = usedCodePoints(layout);

  const deflate = await deflateOrDefault(options.deflate);
  const doc = await PDFDocument.create({ updateMetadata: false });
  setMetadata(doc, tree, options);
  const faces: Partial<Record<FontKey, PaintFace>> = {};
  for (const key of FONT_KEYS) {
    const codePoints = used.get(key);
    if (!codePoints) continue;
    const program = prepareSubset(fonts[key], [...codePoints].map(pageOf), deflate);
    faces[key] = { ref: embedFace(doc.context, program, codePoints), program };
  }
  const logo = await embedLogo(doc, options);
  const pages = paintLayout(doc, layout, { fonts: faces, forms, deflate, ...(logo ? { logo } : {}) });
  addOutline(doc, layout.bookmarks, pages);
  if (forms) warnings.push(...addFormFields(doc, layout, pages, createTypography(options.theme).colors.accent));
  const bytes = await savePdf(doc, deflate);
  return { bytes, pages: pages.length, warnings };
}

/** The code points each face draws, for choosing subsets and writing widths. */
function usedCodePoints(layout: LayoutResult): Map<FontKey, Set<number>> {
  const used = new Map<FontKey, Set<number>>();
  for (const page of layout.pages) {
    for (const box of page.boxes) {
      if (box.kind !== 'text') continue;
      let set = used.get(box.font);
      if (!set) {
        set = new Set();
        used.set(box.font, set);
      }
      for (let i = 0; i < box.text.length; i++) {
        const cp = box.text.codePointAt(i)!;
        if (cp > 0xffff) i++;
        set.add(cp);
      }
    }
  }
  return used;
}

function setMetadata(doc: PDFDocument, tree: Root, options: PdfOptions): void {
  const date = documentDate(options);
  doc.setTitle(tree.meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(tree.meta.author);
  if (tree.meta.subject) doc.setSubject(tree.meta.subject);
  doc.setLanguage(tree.meta.language);
  doc.setCreator(PRODUCER);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
}

async function embedLogo(doc: PDFDocument, options: PdfOptions): Promise<PDFImage | undefined> {
  const logo = options.theme.office?.logo;
  if (!logo) return undefined;
  return logo.type === 'png' ? doc.embedPng(logo.bytes) : doc.embedJpg(logo.bytes);
}

function hasFields(layout: LayoutResult): boolean {
  return layout.pages.some((page) =>
    page.boxes.some((box) => box.kind === 'field' || (box.kind === 'checkbox' && box.name !== undefined)),
  );
}
