/**
 * The public option and result types of the PDF writer.
 */
import type { Diagnostic } from '../../diagnostics.js';
import type { WriteOptions } from '../options.js';
import type { PreflightOptions } from './preflight.js';

/**
 * The four faces of one font family as TrueType bytes. The CLI loads them
 * from the bundled Noto packages; the writer never reads files.
 */
export interface FontSet {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
  readonly italic: Uint8Array;
  readonly boldItalic: Uint8Array;
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
}
