/**
 * Makes a packed DOCX reproducible: the same tree and options give the same
 * bytes, in any process, on any machine.
 *
 * docx writes the current time into docProps/core.xml and stamps the zip
 * entries with it, names hyperlink relationships with random ids, and numbers
 * drawings from a counter shared by the whole process. This one pass unzips
 * the package, writes the document date, the document language and ids in
 * order of appearance (reading as text only the parts that can change), and zips it again with a fixed entry time and order
 * ([Content_Types].xml first), each entry compressed by the writer's deflate
 * (Node's zlib in the CLI, several times faster than fflate's own).
 */
import { strFromU8, strToU8, unzipSync, Zip, ZipPassThrough } from 'fflate';
import { concatBytes } from '../../bytes.js';
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
  // Only the parts that change are read as text and written again: the core
  // properties, relationship files, and the parts that name a relationship or a drawing.
  const text = (name: string) => strFromU8(entries[name]!);
  const edited = new Map<string, string>();
  const renamed = randomIds(names.filter((name) => name.endsWith('.rels')).map(text));
  const drawings = { next: 1 };
  for (const name of names) {
    const isRels = name.endsWith('.rels');
    if (!isRels && !(name.startsWith('word/') && name.endsWith('.xml'))) continue;
    const before = text(name);
    let after = renamed ? before.replace(renamed.pattern, (_, id: string) => `"${renamed.ids.get(id)}"`) : before;
    if (!isRels && after.includes('<wp:docPr ')) after = after.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${drawings.next++}"`);
    if (after !== before) edited.set(name, after);
  }
  if (entries[CORE]) edited.set(CORE, rewriteCoreProperties(text(CORE), options));

  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const name of names) {
    const changed = edited.get(name);
    const entry = new DeflatedEntry(name, options.deflate);
    zip.add(entry);
    entry.push(changed === undefined ? entries[name]! : strToU8(changed), true);
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

/**
 * docx names hyperlink relationships with random ids: "rIdLink1", "rIdLink2",
 * … in order instead, and the pattern that finds the old ones (quoted) in any part.
 */
function randomIds(rels: readonly string[]): { ids: Map<string, string>; pattern: RegExp } | undefined {
  const ids = new Map<string, string>();
  for (const text of rels) {
    for (const match of text.matchAll(/ Id="([^"]+)"/g)) {
      const id = match[1]!;
      if (!/^rId\d+$/.test(id) && !ids.has(id)) ids.set(id, `rIdLink${ids.size + 1}`);
    }
  }
  if (ids.size === 0) return undefined;
  return { ids, pattern: new RegExp(`"(${[...ids.keys()].map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})"`, 'g') };
}

const escapeXml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

function rewriteCoreProperties(xml: string, options: ReproducibleOptions): string {
  const when = options.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const out = xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, (_, open: string, _tag: string, close: string) => `${open}${when}${close}`);
  if (out.includes('<dc:language>')) return out;
  return out.replace('</cp:coreProperties>', `<dc:language>${escapeXml(options.language)}</dc:language></cp:coreProperties>`);
}
