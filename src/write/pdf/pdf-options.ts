/**
 * The public option and result types of the PDF writer.
 */
import type { PDFDocument } from 'pdf-lib';
import type { Diagnostic } from '../../diagnostics.js';
import type { WriteOptions } from '../options.js';
import type { FallbackId } from '../../fonts/fallback.js';
import type { PreflightOptions } from './layout-types.js';

/**
 * The four faces of one font family as TrueType bytes, and where to get the
 * faces for other scripts. The CLI loads them from the bundled Noto
 * packages; the writer never reads files.
 */
export interface FontSet {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
  readonly italic: Uint8Array;
  readonly boldItalic: Uint8Array;
  /**
   * The TrueType bytes of a fallback face (Noto Sans Arabic, Hebrew,
   * Devanagari, Thai, SC for Chinese and Japanese, KR for Korean), asked
   * for only when a document has text in its script; undefined when it is
   * not available (the text then prints as empty boxes, with a warning).
   * Return the same array for the same face: parsed faces and subsets are
   * cached by its identity. A browser may fetch the file here.
   */
  readonly loadFallback?: (id: FallbackId) => Promise<Uint8Array | undefined>;
}

/** Options of `writePdf`; `values` (the student's own text) lets the preflight tell their markup from a template's. */
export interface PdfOptions extends WriteOptions, PreflightOptions {
  /** TrueType bytes of the family to typeset with. */
  readonly fonts: FontSet;
  /**
   * Make named `answerLines` fillable multi-line text fields and named
   * `checkbox` lines real check boxes (field names = the nodes' names).
   */
  readonly forms?: boolean;
}

/** What `writePdf` gives back. */
export interface PdfResult {
  /** The PDF file. */
  readonly bytes: Uint8Array;
  /** Number of pages. */
  readonly pages: number;
  /** Problems that did not stop the build (e.g. characters the font cannot draw). */
  readonly warnings: Diagnostic[];
  /** The document as pdf-lib holds it once saved: a batch's print file copies its pages without reading `bytes` again. */
  readonly document: PDFDocument;
}
