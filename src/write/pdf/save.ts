/** Saving a PDF the way the writer does. */
import type { PDFDocument } from 'pdf-lib';
import type { Deflate } from '../deflate.js';

/**
 * Serialises the document with object streams, as pdf-lib's `save` does by
 * default (pdf-lib compresses them itself). Form fields keep the appearances
 * the painter drew for them. The compressor argument is not used: the
 * writer's compressor makes the page and font streams only.
 */
export async function savePdf(doc: PDFDocument, _deflate?: Deflate): Promise<Uint8Array> {
  return doc.save({ useObjectStreams: true, updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY });
}
