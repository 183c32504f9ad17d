/**
 * Makes a DOCX package reproducible: the same tree and options give the same
 * bytes, in any process, on any machine.
 *
 * The docx package writes the current time into docProps/core.xml, random
 * ids for hyperlink relationships, drawing ids from a process-wide counter,
 * and zip entries stamped with the current time. This rewrites the dates to
 * the document date, renames the random ids in order of appearance,
 * renumbers the drawings, records the document language, and zips once with
 * a fixed entry time and a fixed entry order ([Content_Types].xml first),
 * compressing with the compressor it is given.
 */
import { deflateRaw, type Deflate } from '../deflate.js';
import { escapeXml } from './xml.js';

/** What goes into the package besides the parts themselves. */
export interface NormalizeOptions {
  /** Creation and modification date written to docProps/core.xml. */
  readonly date: Date;
  /** BCP 47 language tag recorded as dc:language. */
  readonly language: string;
  /** zlib compressor for the zip entries. */
  readonly deflate: Deflate;
}

/** The package's parts by path: XML as text, media as bytes. */
export type PackageParts = ReadonlyMap<string, string | Uint8Array>;

const CONTENT_TYPES = '[Content_Types].xml';
const CORE = 'docProps/core.xml';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Rewrites a packed DOCX (a zip) so its bytes depend only on its content. */
export async function normalizeDocx(packed: Uint8Array, options: NormalizeOptions): Promise<Uint8Array> {
  return packageDocx(await unzipParts(packed), options);
}

/** The parts of a packed DOCX: XML as text, media as bytes. (fflate loads here, when a package is unzipped.) */
export async function unzipParts(packed: Uint8Array): Promise<Map<string, string | Uint8Array>> {
  const { unzipSync } = await import('fflate');
  const entries = unzipSync(packed);
  const parts = new Map<string, string | Uint8Array>();
  for (const [name, data] of Object.entries(entries)) {
    parts.set(name, name.endsWith('.xml') || name.endsWith('.rels') ? decoder.decode(data) : data);
  }
  return parts;
}

/** Normalises the parts of a DOCX package and zips them reproducibly. */
export function packageDocx(parts: PackageParts, options: NormalizeOptions): Uint8Array {
  const names = [...parts.keys()].sort(compareEntryNames);
  const texts = new Map<string, string>();
  for (const name of names) {
    const part = parts.get(name)!;
    if (typeof part === 'string') texts.set(name, part);
  }

  renameRandomRelationshipIds(texts);
  renumberDrawings(texts);
  const core = texts.get(CORE);
  if (core !== undefined) texts.set(CORE, rewriteCoreProperties(core, options));

  const entries: ZipEntry[] = names.map((name) => {
    const text = texts.get(name);
    if (text !== undefined && name !== DOCUMENT) return compressedText(name, text, options.deflate);
    const data = text === undefined ? (parts.get(name) as Uint8Array) : encoder.encode(text);
    return { name: encoder.encode(name), size: data.length, crc: crc32(data), data: deflateRaw(options.deflate, data) };
  });
  return writeZip(entries);
}

const DOCUMENT = 'word/document.xml';

/**
 * Compressed entries of the parts documents share (styles, numbering, theme,
 * settings …), by name and text, so a batch compresses them once rather than
 * for every document. Emptied when full: parts that change with every
 * document (core.xml, the footer) come and go.
 */
const entryCache = new Map<string, { readonly deflate: Deflate; readonly entry: ZipEntry }>();
const ENTRY_CACHE_LIMIT = 256;

function compressedText(name: string, text: string, deflate: Deflate): ZipEntry {
  const key = `${name}\n${text}`;
  const hit = entryCache.get(key);
  if (hit && hit.deflate === deflate) return hit.entry;
  const data = encoder.encode(text);
  const entry = { name: encoder.encode(name), size: data.length, crc: crc32(data), data: deflateRaw(deflate, data) };
  if (entryCache.size >= ENTRY_CACHE_LIMIT) entryCache.clear();
  entryCache.set(key, { deflate, entry });
  return entry;
}

/** One compressed zip entry. */
interface ZipEntry {
  readonly name: Uint8Array;
  readonly size: number;
  readonly crc: number;
  /** Raw DEFLATE data. */
  readonly data: Uint8Array;
}

/** DOS date of 1980-01-01 (time 00:00), the fixed stamp of every entry. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * A zip archive of DEFLATE entries, sizes in the local headers (no data
 * descriptors), every entry stamped 1980-01-01 00:00, UTF-8 names.
 */
function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const central = entries.reduce((n, e) => n + 46 + e.name.length, 0);
  const local = entries.reduce((n, e) => n + 30 + e.name.length + e.data.length, 0);
  const out = new Uint8Array(local + central + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    writeCommonHeader(view, at + 4, e);
    view.setUint16(at + 26, e.name.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(e.name, at + 30);
    out.set(e.data, at + 30 + e.name.length);
    at += 30 + e.name.length + e.data.length;
  }
  const centralStart = at;
  entries.forEach((e, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // made by: version 2.0
    writeCommonHeader(view, at + 6, e);
    view.setUint16(at + 28, e.name.length, true);
    // extra, comment, disk number, internal and external attributes stay 0
    view.setUint32(at + 42, offsets[i]!, true);
    out.set(e.name, at + 46);
    at += 46 + e.name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}

/** The fields local and central headers share, from "version needed" to the uncompressed size. */
function writeCommonHeader(view: DataView, at: number, e: ZipEntry): void {
  view.setUint16(at, 20, true); // version needed: 2.0 (DEFLATE)
  view.setUint16(at + 2, 0x0800, true); // flags: names are UTF-8
  view.setUint16(at + 4, 8, true); // method: DEFLATE
  view.setUint16(at + 6, 0, true); // time 00:00
  view.setUint16(at + 8, DOS_DATE, true);
  view.setUint32(at + 10, e.crc, true);
  view.setUint32(at + 14, e.data.length, true);
  view.setUint32(at + 18, e.size, true);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of the uncompressed data, as zip headers record it. */
function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}


function compareEntryNames(a: string, b: string): number {
  if (a === b) return 0;
  if (a === CONTENT_TYPES) return -1;
  if (b === CONTENT_TYPES) return 1;
  return a < b ? -1 : 1;
}

/** docx names hyperlink relationships "rId" + a random string; give them "rIdLink1", "rIdLink2", … instead. */
function renameRandomRelationshipIds(texts: Map<string, string>): void {
  const renamed = new Map<string, string>();
  for (const [name, text] of texts) {
    if (!name.endsWith('.rels')) continue;
    for (const match of text.matchAll(/ Id="([^"]+)"/g)) {
      const id = match[1]!;
      if (!/^rId\d+$/.test(id) && !renamed.has(id)) renamed.set(id, `rIdLink${renamed.size + 1}`);
    }
  }
  if (renamed.size === 0) return;
  const pattern = new RegExp(`"(${[...renamed.keys()].map(escapeRegExp).join('|')})"`, 'g');
  for (const [name, text] of texts) {
    texts.set(name, text.replace(pattern, (_, id: string) => `"${renamed.get(id)}"`));
  }
}

/** Drawing ids come from a counter shared by every document of the process; number them per document. */
function renumberDrawings(texts: Map<string, string>): void {
  let next = 1;
  for (const [name, text] of texts) {
    if (!name.startsWith('word/') || !text.includes('<wp:docPr ')) continue;
    texts.set(name, text.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${next++}"`));
  }
}

function rewriteCoreProperties(xml: string, options: NormalizeOptions): string {
  const when = options.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  let out = xml.replace(
    /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_, open: string, _tag: string, close: string) => `${open}${when}${close}`,
  );
  if (!out.includes('<dc:language>')) {
    out = out.replace('</cp:coreProperties>', `<dc:language>${escapeXml(options.language)}</dc:language></cp:coreProperties>`);
  }
  return out;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
