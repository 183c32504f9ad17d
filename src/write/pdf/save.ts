/** Saving a PDF the way the writer does. */
import type { PDFDocument } from 'pdf-lib';
import type { Deflate } from '../deflate.js';

/**
 * Serialises the document with a classic cross-reference table. pdf-lib
 * would pack the objects into object streams compressed with its own
 * pure-JavaScript zlib, which takes about a fifth of writePdf, for files
 * about a tenth smaller. Form fields keep the appearances the painter drew
 * for them. The compressor argument is not used: the writer's compressor
 * makes the page and font streams.
 */
export async function savePdf(doc: PDFDocument, _deflate?: Deflate): Promise<Uint8Array> {
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY });
}
