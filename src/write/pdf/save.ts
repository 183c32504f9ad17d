/**
 * Saving a PDF with the writer's compressor.
 *
 * pdf-lib packs the document's objects into object streams and a
 * cross-reference stream and compresses them with pako, a zlib written in
 * JavaScript; that took about a fifth of writePdf. pdf-lib has no option for
 * another compressor, so `savePdf` points pako's `deflate` at the writer's
 * own for exactly as long as pdf-lib compresses: pdf-lib computes the streams'
 * contents while it sizes the file, synchronously inside the writer's first
 * step, and `savePdf` restores pako before anything else can run. Which
 * compressor made a file therefore depends only on the call that saved it.
 */
// @ts-expect-error pako 1 ships no types; only `deflate` is used, as typed below.
import pakoModule from 'pako';
import { PDFStreamWriter, type PDFDocument } from 'pdf-lib';
import type { Deflate } from '../deflate.js';

const pako = pakoModule as { deflate: (data: Uint8Array) => Uint8Array };

/** Serialises the document (object streams, as pdf-lib's `save` does) with `deflate` for its streams. */
export async function savePdf(doc: PDFDocument, deflate: Deflate): Promise<Uint8Array> {
  if (doc.getPageCount() === 0) doc.addPage();
  await doc.flush();
  const original = pako.deflate;
  let bytes: Promise<Uint8Array>;
  pako.deflate = (data: Uint8Array) => deflate(data);
  try {
    bytes = PDFStreamWriter.forContext(doc.context, Number.POSITIVE_INFINITY).serializeToBuffer();
  } finally {
    pako.deflate = original;
  }
  return bytes;
}
