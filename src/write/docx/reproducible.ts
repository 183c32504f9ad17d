/**
 * Makes a packed DOCX reproducible: the same tree and options give the same
 * bytes, in any process, on any machine.
 *
 * docx writes the current time into docProps/core.xml and stamps the zip
 * entries with it, names hyperlink relationships with random ids, and numbers
 * drawings from a counter shared by the whole process. This one pass unzips
 * the package, writes the document date, the document language and ids in
 * order of appearance, and zips it again with a fixed entry time and order
 * ([Content_Types].xml first), each entry compressed by the writer's deflate
 * (Node's zlib in the CLI, several times faster than fflate's own).
 */
import { strFromU8, strToU8, unzipSync, Zip, ZipPassThrough } from 'fflate';
import { deflateRaw, type Deflate } from '../deflate.js';

/** What the package records besides its parts. */
export interface ReproducibleOptions {
  /** Creation and modification date written to docProps/core.xml. */
  readonly date: Date;
  /** BCP 47 language tag recorded as dc:language. */
  readonly language: string;
  /** The compressor of the zip entries. */
  readonly deflate: Deflate;
}

const CONTENT_TYPES = '[Content_Types].xml';
const CORE = 'docProps/core.xml';

/** Every entry's time: 1980-01-01 noon in local time, which zip stores as is, so every time zone writes the same bytes. */
const ENTRY_TIME = new Date(1980, 0, 1, 12, 0, 0);

/** Rewrites a packed DOCX so its bytes depend only on its content. */
export function reproducibleDocx(packed: Uint8Array, options: ReproducibleOptions): Uint8Array {
  const entries = unzipSync(packed);
  const names = Object.keys(entries).sort((a, b) => (a === CONTENT_TYPES ? -1 : b === CONTENT_TYPES ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const texts = new Map<string, string>();
  for (const name of names) if (/\.(xml|rels)$/.test(name)) texts.set(name, strFromU8(entries[name]!));

  renameRandomIds(texts);
  renumberDrawings(texts);
  const core = texts.get(CORE);
  if (core !== undefined) texts.set(CORE, rewriteCoreProperties(core, options));

  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const name of names) {
    const text = texts.get(name);
    const entry = new DeflatedEntry(name, options.deflate);
    zip.add(entry);
    entry.push(text === undefined ? entries[name]! : strToU8(text), true);
  }
  zip.end();
  return concatBytes(chunks);
}

/**
 * A zip entry compressed by a `Deflate`, through fflate's hook for custom
 * compression (a `ZipPassThrough` that overrides `process`; fflate keeps the
 * size and CRC). Each entry is pushed whole, as one chunk.
 */
class DeflatedEntry extends ZipPassThrough {
  constructor(
    name: string,
    private readonly deflate: Deflate,
  ) {
    super(name);
    this.compression = 8;
    this.mtime = ENTRY_TIME;
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    // Compressors return bytes of an ordinary ArrayBuffer, never a shared one.
    this.ondata(null, deflateRaw(this.deflate, chunk) as Uint8Array<ArrayBuffer>, final);
  }
}

function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** docx names hyperlink relationships with random ids; give them "rIdLink1", "rIdLink2", … in order instead. */
function renameRandomIds(texts: Map<string, string>): void {
  const renamed = new Map<string, string>();
  for (const [name, text] of texts) {
    if (!name.endsWith('.rels')) continue;
    for (const match of text.matchAll(/ Id="([^"]+)"/g)) {
      const id = match[1]!;
      if (!/^rId\d+$/.test(id) && !renamed.has(id)) renamed.set(id, `rIdLink${renamed.size + 1}`);
    }
  }
  if (renamed.size === 0) return;
  const pattern = new RegExp(`"(${[...renamed.keys()].map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})"`, 'g');
  for (const [name, text] of texts) texts.set(name, text.replace(pattern, (_, id: string) => `"${renamed.get(id)}"`));
}

/** Drawing ids come from a counter shared by every document of the process; number them per document. */
function renumberDrawings(texts: Map<string, string>): void {
  let next = 1;
  for (const [name, text] of texts) {
    if (!name.startsWith('word/') || !text.includes('<wp:docPr ')) continue;
    texts.set(name, text.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${next++}"`));
  }
}

const escapeXml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

function rewriteCoreProperties(xml: string, options: ReproducibleOptions): string {
  const when = options.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const out = xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, (_, open: string, _tag: string, close: string) => `${open}${when}${close}`);
  if (out.includes('<dc:language>')) return out;
  return out.replace('</cp:coreProperties>', `<dc:language>${escapeXml(options.language)}</dc:language></cp:coreProperties>`);
}
