/**
 * The PDF writer: tree → typeset PDF bytes, in two steps as in Typst —
 * `layoutDocument` (pure: measure, wrap, paginate, page furniture) and
 * `paintLayout` (content streams, links), then the outline, metadata and,
 * on request, form fields. Every file is a tagged PDF meant to conform to
 * PDF/UA-1 (tagging.ts, xmp.ts).
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
import { StructureTree } from './tagging.js';
import { addXmpMetadata } from './xmp.js';
import { missingCharactersWarning } from './glyph-coverage.js';
import { findingsToDiagnostics } from './preflight.js';
import { createTypography } from './typography.js';
import { pageOf, prepareGlyphSubset, prepareSubset } from './font-program.js';
import { embedFace } from './font-embed.js';
import { needsRuns, setText, type FontStack } from './font-runs.js';
import { FALLBACK_IDS, type FallbackId } from '../../fonts/fallback.js';
import { loadFontStack } from './font-stack.js';

export type { FontSet, PdfOptions, PdfResult } from './pdf-options.js';
export type { FallbackId } from '../../fonts/fallback.js';
export { FALLBACK_IDS } from '../../fonts/fallback.js';
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
  const stack = await loadFontStack(tree, fonts, options);
  const layout = layoutDocument(tree, options.theme, createFontMetrics(fonts, stack), options);
  const forms = options.forms === true && hasFields(layout);
  const warnings: Diagnostic[] = [];
  const missing = layout.missingCharacters.length > 0;
  if (missing) warnings.push({ ...missingCharactersWarning(layout.missingCharacters, tree.meta.title), code: 'missing-glyph' });
  // That one warning stands for the preflight's per-page findings of the same characters.
  warnings.push(...findingsToDiagnostics(layout.findings.filter((f) => !(missing && f.code === 'missing-glyph')), tree.meta.title));
  const used = usedGlyphs(layout, stack);

  const deflate = await deflateOrDefault(options.deflate);
  const doc = await PDFDocument.create({ updateMetadata: false });
  setMetadata(doc, tree, options);
  const faces: Partial<Record<FontKey, PaintFace>> = {};
  for (const key of FONT_KEYS) {
    const codePoints = used.main.get(key);
    if (!codePoints) continue;
    const program = prepareSubset(fonts[key], [...codePoints].map(pageOf), deflate);
    const glyphs = [...codePoints].map((cp) => program.glyphIds.get(cp) ?? 0);
    faces[key] = { ref: embedFace(doc.context, program, glyphs), program };
  }
  const fallbacks: Partial<Record<FallbackId, PaintFace>> = {};
  for (const id of FALLBACK_IDS) {
    const drawn = used.fallback.get(id);
    if (!drawn) continue;
    const program = prepareGlyphSubset(stack.fallbacks.get(id)!, drawn, deflate);
    fallbacks[id] = { ref: embedFace(doc.context, program, drawn.keys()), program };
  }
  const logo = await embedLogo(doc, options);
  const structure = new StructureTree(layout.structure, layout.pages.length, tree.meta.language);
  const pages = paintLayout(doc, layout, { fonts: faces, fallbacks, stack, forms, deflate, structure, ...(logo ? { logo } : {}) });
  addOutline(doc, layout.bookmarks, pages);
  if (forms) warnings.push(...addFormFields(doc, layout, pages, createTypography(options.theme).colors.accent, structure));
  structure.write(doc, pages);
  const bytes = await savePdf(doc, deflate);
  return { bytes, pages: pages.length, warnings, document: doc };
}

/** What the document draws: code points per face of the family; glyphs and the characters they stand for per fallback face. */
interface UsedGlyphs {
  readonly main: Map<FontKey, Set<number>>;
  readonly fallback: Map<FallbackId, Map<number, string>>;
}

function usedGlyphs(layout: LayoutResult, stack: FontStack): UsedGlyphs {
  const main = new Map<FontKey, Set<number>>();
  const fallback: UsedGlyphs['fallback'] = new Map();
  const addText = (font: FontKey, text: string): void => {
    let set = main.get(font);
    if (!set) {
      set = new Set();
      main.set(font, set);
    }
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      set.add(cp);
    }
  };
  for (const page of layout.pages) {
    for (const box of page.boxes) {
      if (box.kind !== 'text') continue;
      if (!needsRuns(box.text)) {
        addText(box.font, box.text);
        continue;
      }
      for (const run of setText(stack, box.text, box.font).runs) {
        if (run.face === 'main') {
          addText(box.font, run.text);
          continue;
        }
        let drawn = fallback.get(run.face);
        if (!drawn) {
          drawn = new Map();
          fallback.set(run.face, drawn);
        }
        for (const g of run.glyphs) if (!drawn.get(g.glyphId)) drawn.set(g.glyphId, g.text);
      }
    }
  }
  return { main, fallback };
}

function setMetadata(doc: PDFDocument, tree: Root, options: PdfOptions): void {
  const date = documentDate(options);
  doc.setTitle(tree.meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(tree.meta.author);
  if (tree.meta.subject) doc.setSubject(tree.meta.subject);
  if (tree.meta.keywords?.length) doc.setKeywords([...tree.meta.keywords]);
  doc.setLanguage(tree.meta.language);
  doc.setCreator(PRODUCER);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  addXmpMetadata(doc, { title: tree.meta.title, author: tree.meta.author, language: tree.meta.language, producer: PRODUCER, date });
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
