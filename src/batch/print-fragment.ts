/**
 * Prepares one PDF for the combined print file without holding the print
 * file in memory: its page tree and everything the pages use, serialized as
 * PDF objects with local numbers, every object number written in a
 * fixed-width field so that the print-file writer can renumber them in
 * place (no parsing there) and stream the bytes straight to disk.
 *
 * Outlines, form definitions, structure trees and metadata of the source are
 * left out: the print file is for paper. Page content, fonts, images and
 * annotations' appearances are kept.
 *
 * @example
 * const fragment = await preparePrintFragment(pdfBytes);
 * fragment.pages; // 7
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFObject,
  PDFRawStream,
  PDFRef,
  PDFStream,
} from 'pdf-lib';
import { ByteBuilder } from './byte-builder.js';
import { sha256Hex } from '../hash.js';
import { dictHas, dictInt, dictName, dictNumbers, dictRef, dictRefArray, scanPdf, type PdfScan } from './pdf-scan.js';

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

/**
 * Reads `pdf` and serializes its page tree as a {@link PrintFragment}: with
 * the fast scanner for files shaped as pdf-lib writes them, else with a full
 * pdf-lib parse.
 */
export async function preparePrintFragment(pdf: Uint8Array): Promise<PrintFragment> {
  const scan = scanPdf(pdf);
  const fast = scan ? await fragmentFromScan(scan) : undefined;
  return fast ?? (await fragmentWithPdfLib(pdf));
}

/** The fragment from a scan; undefined when the page tree is not as expected. */
async function fragmentFromScan(scan: PdfScan): Promise<PrintFragment | undefined> {
  const { objects } = scan;
  const pagesRoot = dictRef(objects.get(scan.root)!.body, 'Pages');
  const rootObject = pagesRoot === undefined ? undefined : objects.get(pagesRoot);
  if (pagesRoot === undefined || !rootObject || dictHas(rootObject.body, 'Parent')) return undefined;
  const pages = dictInt(rootObject.body, 'Count');
  if (pages === undefined) return undefined;

  const local = new Map<number, number>([[pagesRoot, 1]]);
  const order = [pagesRoot];
  for (let i = 0; i < order.length; i++) {
    for (const ref of objects.get(order[i]!)!.refs) {
      if (ref.target === scan.root || local.has(ref.target) || !objects.has(ref.target)) continue;
      local.set(ref.target, order.length + 1);
      order.push(ref.target);
    }
  }

  const fragment = fragmentBuilder(order.length);
  const { out, objectOffsets, localFields, rootFields, shareKeys } = fragment;
  const field = (n: number, list: number[]) => {
    list.push(out.length);
    out.text(String(n).padStart(NUMBER_FIELD_WIDTH, ' '));
  };
  for (let i = 0; i < order.length; i++) {
    const object = objects.get(order[i]!)!;
    const body = object.body;
    objectOffsets[i] = out.length;
    field(i + 1, localFields);
    out.text(' 0 obj\n');
    let at = 0;
    for (const ref of object.refs) {
      out.bytes(body.subarray(at, ref.start));
      const n = local.get(ref.target);
      if (n === undefined) out.text('null');
      else {
        field(n, localFields);
        out.text(' 0 R');
      }
      at = ref.end;
    }
    if (i === 0) {
      // The source's page-tree root becomes a child of the print file's root.
      const close = lastIndexOfDictEnd(body);
      if (close < at) return undefined;
      out.bytes(body.subarray(at, close));
      out.text('/Parent ');
      field(0, rootFields);
      out.text(' 0 R');
      at = close;
    }
    out.bytes(body.subarray(at));
    out.text('\nendobj\n');
    shareKeys.push(object.refs.length === 0 && body.length >= SHARE_MIN_BYTES ? sha256Hex(body) : '');
  }

  let node = rootObject.body;
  let box = dictNumbers(node, 'MediaBox');
  for (let depth = 0; dictName(node, 'Type') === 'Pages' && depth < 32; depth++) {
    const kids = dictRefArray(node, 'Kids');
    const last = kids?.length ? objects.get(kids[kids.length - 1]!) : undefined;
    if (!last) break;
    node = last.body;
    box = dictNumbers(node, 'MediaBox') ?? box;
  }
  const size = box?.length === 4 ? { width: box[2]! - box[0]!, height: box[3]! - box[1]! } : { width: 612, height: 792 };
  return fragment.finish(pages, size);
}

function lastIndexOfDictEnd(body: Uint8Array): number {
  for (let i = body.length - 2; i >= 0; i--) if (body[i] === 0x3e && body[i + 1] === 0x3e) return i;
  return -1;
}

/** The fragment through a full pdf-lib parse (any PDF pdf-lib reads). */
async function fragmentWithPdfLib(pdf: Uint8Array): Promise<PrintFragment> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (error) {
    throw new PrintFragmentError(`not a readable PDF (${(error as Error).message})`);
  }
  const context = doc.context;
  const rootRef = doc.catalog.get(PDFName.of('Pages'));
  if (!(rootRef instanceof PDFRef)) throw new PrintFragmentError('the PDF has no page tree');
  const catalogRef = context.trailerInfo.Root as PDFRef | undefined;

  // Every object reachable from the page tree, in a stable order.
  const local = new Map<PDFRef, number>();
  const order: PDFRef[] = [];
  const queue: PDFRef[] = [rootRef];
  const visit = (obj: PDFObject | undefined): void => {
    if (obj instanceof PDFRef) {
      if (!local.has(obj) && obj !== catalogRef && context.lookup(obj) !== undefined) {
        local.set(obj, order.length + 1);
        order.push(obj);
        queue.push(obj);
      }
    } else if (obj instanceof PDFDict) {
      for (const [, value] of obj.entries()) visit(value);
    } else if (obj instanceof PDFArray) {
      for (const value of obj.asArray()) visit(value);
    } else if (obj instanceof PDFStream) {
      visit(obj.dict);
    }
  };
  local.set(rootRef, 1);
  order.push(rootRef);
  while (queue.length > 0) visit(context.lookup(queue.shift()!));

  const fragment = fragmentBuilder(order.length);
  const { out, objectOffsets, localFields, rootFields, shareKeys } = fragment;
  // Each object is serialized into its own builder (positions relative to it), then appended.
  let body = new ByteBuilder();
  let bodyLocal: number[] = [];
  let bodyRoot: number[] = [];
  const field = (n: number, list: number[]) => {
    list.push(body.length);
    body.text(String(n).padStart(NUMBER_FIELD_WIDTH, ' '));
  };
  const write = (obj: PDFObject, isPagesRoot = false): void => {
    if (obj instanceof PDFRef) {
      const n = local.get(obj);
      if (n === undefined) body.text('null');
      else {
        field(n, bodyLocal);
        body.text(' 0 R');
      }
    } else if (obj instanceof PDFDict) {
      body.text('<<');
      for (const [key, value] of obj.entries()) {
        if (isPagesRoot && key === PDFName.of('Parent')) continue;
        body.text(key.toString());
        body.text(' ');
        write(value);
        body.text('\n');
      }
      if (isPagesRoot) {
        body.text('/Parent ');
        field(0, bodyRoot);
        body.text(' 0 R\n');
      }
      body.text('>>');
    } else if (obj instanceof PDFArray) {
      body.text('[');
      for (const value of obj.asArray()) {
        write(value);
        body.text(' ');
      }
      body.text(']');
    } else if (obj instanceof PDFRawStream) {
      write(obj.dict);
      body.text('\nstream\n');
      body.bytes(obj.getContents());
      body.text('\nendstream');
    } else if (obj instanceof PDFStream) {
      throw new PrintFragmentError(`unexpected stream type ${obj.constructor.name} in a loaded PDF`);
    } else {
      const bytes = new Uint8Array(obj.sizeInBytes());
      obj.copyBytesInto(bytes, 0);
      body.bytes(bytes);
    }
  };

  for (let i = 0; i < order.length; i++) {
    const ref = order[i]!;
    body = new ByteBuilder();
    bodyLocal = [];
    bodyRoot = [];
    write(context.lookup(ref)!, ref === rootRef);
    const bytes = body.concat();
    const shareable = bodyLocal.length === 0 && bodyRoot.length === 0 && bytes.length >= SHARE_MIN_BYTES;
    shareKeys.push(shareable ? sha256Hex(bytes) : '');
    objectOffsets[i] = out.length;
    localFields.push(out.length);
    out.text(`${String(i + 1).padStart(NUMBER_FIELD_WIDTH, ' ')} 0 obj\n`);
    const base = out.length;
    for (const at of bodyLocal) localFields.push(base + at);
    for (const at of bodyRoot) rootFields.push(base + at);
    out.bytes(bytes);
    out.text('\nendobj\n');
  }

  const pages = doc.getPageCount();
  const last = pages > 0 ? doc.getPage(pages - 1).getSize() : { width: 612, height: 792 };
  return fragment.finish(pages, { width: last.width, height: last.height });
}

/** What both ways of making a fragment fill in, object by object, and the fragment they make. */
function fragmentBuilder(objectCount: number) {
  const out = new ByteBuilder();
  const objectOffsets = new Uint32Array(objectCount);
  const localFields: number[] = [];
  const rootFields: number[] = [];
  const shareKeys: string[] = [];
  const finish = (pages: number, lastPageSize: PrintFragment['lastPageSize']): PrintFragment => ({
    bytes: out.concat(),
    objectOffsets,
    localFields: Uint32Array.from(localFields),
    rootFields: Uint32Array.from(rootFields),
    shareKeys,
    pagesRoot: 1,
    pages,
    lastPageSize,
  });
  return { out, objectOffsets, localFields, rootFields, shareKeys, finish };
}
