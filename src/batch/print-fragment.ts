/**
 * Prepares one PDF for the combined print file, in a worker, so that the
 * print-file writer only renumbers and copies bytes: pdf-lib reads the PDF,
 * and its page tree with everything the pages use is written out as PDF
 * objects with local numbers, each object number in a fixed-width field
 * that the writer can renumber in place.
 *
 * The document's page tree is kept whole and becomes a child of the print
 * file's: no page is copied, and references between pages (an annotation's
 * /P) stay right. Outlines, form definitions, structure trees and metadata
 * are not reachable from the pages and are left out: the print file is for
 * paper. Page content, fonts, images and annotations' appearances are kept.
 *
 * @example
 * const fragment = await preparePrintFragment(pdfBytes);
 * fragment.pages; // 7
 */
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';
import { sha256Hex } from '../hash.js';
import { ByteBuilder } from './byte-builder.js';

/** Objects at least this large (bytes) and free of references are stored once per print file. */
export const SHARE_MIN_BYTES = 1024;

/** Width of a renumberable object-number field, in characters (space-padded on the left). */
export const NUMBER_FIELD_WIDTH = 10;

/** One source PDF, ready to be appended to a print file. Plain data: it crosses worker boundaries. */
export interface PrintFragment {
  /** The serialized objects, local numbers 1..objectOffsets.length. */
  readonly bytes: Uint8Array;
  /** Offset of each object within `bytes`; object `n` is at index `n - 1`. */
  readonly objectOffsets: Uint32Array;
  /** Positions of number fields that hold a local object number (object headers and references). */
  readonly localFields: Uint32Array;
  /** Positions of number fields that must name the print file's own page-tree root. */
  readonly rootFields: Uint32Array;
  /** Local number of the source's page-tree root. */
  readonly pagesRoot: number;
  /**
   * Per object (index = local number - 1): a content key for large objects
   * that hold no references (font files, images), so that the print file
   * stores each such object once however many documents use it; else ''.
   */
  readonly shareKeys: readonly string[];
  /** Page count of the source. */
  readonly pages: number;
  /** Size of the last page in points, for a blank page added after it. */
  readonly lastPageSize: { readonly width: number; readonly height: number };
}

/** Thrown when the bytes given are not a PDF this writer can read. */
export class PrintFragmentError extends Error {
  constructor(message: string) {
    super(`${message}; rebuild the document with --force`);
    this.name = 'PrintFragmentError';
  }
}

/** Options of {@link preparePrintFragment}. */
export interface PrintFragmentOptions {
  /** The content key of a shareable object; SHA-256 by default (a Node worker passes its native one). */
  readonly shareKey?: (bytes: Uint8Array) => string;
}

/**
 * Serializes the page tree of `pdf` as a {@link PrintFragment}: a PDF file's
 * bytes, read with pdf-lib, or a document pdf-lib holds already (the one
 * writePdf has just saved), which gives the same fragment without reading
 * the file again.
 */
export async function preparePrintFragment(pdf: Uint8Array | PDFDocument, options: PrintFragmentOptions = {}): Promise<PrintFragment> {
  const shareKey = options.shareKey ?? sha256Hex;
  let doc: PDFDocument;
  if (pdf instanceof PDFDocument) doc = pdf;
  else {
    try {
      // Fastest: parse in one go; the default yields to the event loop every 100 objects.
      doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    } catch (error) {
      throw new PrintFragmentError(`not a readable PDF (${(error as Error).message})`);
    }
  }
  const { context } = doc;
  const rootRef = doc.catalog.get(PDFName.of('Pages'));
  if (!(rootRef instanceof PDFRef)) throw new PrintFragmentError('the PDF has no page tree');
  const catalogRef = context.trailerInfo.Root;

  // Every object reachable from the page tree, in a stable order (the catalog left out).
  const local = new Map<PDFRef, number>([[rootRef, 1]]);
  const order: PDFRef[] = [rootRef];
  const visit = (obj: PDFObject | undefined): void => {
    if (obj instanceof PDFRef) {
      if (local.has(obj) || obj === catalogRef || context.lookup(obj) === undefined) return;
      local.set(obj, order.length + 1);
      order.push(obj);
    } else if (obj instanceof PDFDict) {
      for (const [, value] of obj.entries()) visit(value);
    } else if (obj instanceof PDFArray) {
      for (const value of obj.asArray()) visit(value);
    } else if (obj instanceof PDFStream) {
      visit(obj.dict);
    }
  };
  for (let i = 0; i < order.length; i++) visit(context.lookup(order[i]!));

  const out = new ByteBuilder();
  const objectOffsets = new Uint32Array(order.length);
  const localFields: number[] = [];
  const rootFields: number[] = [];
  const shareKeys: string[] = [];
  let refsInObject = 0;
  const field = (n: number, list: number[]) => {
    list.push(out.length);
    out.text(String(n).padStart(NUMBER_FIELD_WIDTH, ' '));
  };
  /** Writes `obj` as pdf-lib would, but every reference as a renumberable field. */
  const write = (obj: PDFObject, isPagesRoot = false): void => {
    if (obj instanceof PDFRef) {
      const n = local.get(obj);
      if (n === undefined) out.text('null');
      else {
        refsInObject++;
        field(n, localFields);
        out.text(' 0 R');
      }
    } else if (obj instanceof PDFDict) {
      out.text('<<');
      for (const [key, value] of obj.entries()) {
        if (isPagesRoot && key === PDFName.of('Parent')) continue;
        out.text(`${key.toString()} `);
        write(value);
        out.text('\n');
      }
      if (isPagesRoot) {
        // The source's page-tree root becomes a child of the print file's root.
        out.text('/Parent ');
        field(0, rootFields);
        out.text(' 0 R\n');
      }
      out.text('>>');
    } else if (obj instanceof PDFArray) {
      out.text('[');
      for (const value of obj.asArray()) {
        write(value);
        out.text(' ');
      }
      out.text(']');
    } else if (obj instanceof PDFStream) {
      // A stream read from a file, or one pdf-lib encoded (and cached) when it saved the document.
      if (!(obj instanceof PDFRawStream)) obj.updateDict();
      write(obj.dict);
      out.text('\nstream\n');
      out.bytes(obj.getContents());
      out.text('\nendstream');
    } else {
      const bytes = new Uint8Array(obj.sizeInBytes());
      obj.copyBytesInto(bytes, 0);
      out.bytes(bytes);
    }
  };

  for (let i = 0; i < order.length; i++) {
    const ref = order[i]!;
    objectOffsets[i] = out.length;
    field(i + 1, localFields);
    out.text(' 0 obj\n');
    const bodyStart = out.length;
    refsInObject = 0;
    write(context.lookup(ref)!, ref === rootRef);
    const bodyEnd = out.length;
    out.text('\nendobj\n');
    const shareable = refsInObject === 0 && ref !== rootRef && bodyEnd - bodyStart >= SHARE_MIN_BYTES;
    shareKeys.push(shareable ? shareKey(out.concat().subarray(bodyStart, bodyEnd)) : '');
  }

  const pages = doc.getPageCount();
  if (pages === 0) throw new PrintFragmentError('the PDF has no pages');
  const last = doc.getPage(pages - 1).getSize();
  return {
    bytes: out.concat(),
    objectOffsets,
    localFields: Uint32Array.from(localFields),
    rootFields: Uint32Array.from(rootFields),
    shareKeys,
    pagesRoot: 1,
    pages,
    lastPageSize: { width: last.width, height: last.height },
  };
}
