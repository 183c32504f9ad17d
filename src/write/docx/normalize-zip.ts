/**
 * Makes a packed DOCX reproducible: the same tree and options give the same
 * bytes, in any process, on any machine.
 *
 * The docx package writes the current time into docProps/core.xml, random
 * ids for hyperlink relationships, drawing ids from a process-wide counter,
 * and zip entries stamped with the current time. This rewrites the dates to
 * the document date, renames the random ids in order of appearance,
 * renumbers the drawings, records the document language, and re-zips with a
 * fixed entry time and a fixed entry order ([Content_Types].xml first).
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** What goes into the package besides the parts themselves. */
export interface NormalizeOptions {
  /** Creation and modification date written to docProps/core.xml. */
  readonly date: Date;
  /** BCP 47 language tag recorded as dc:language. */
  readonly language: string;
}

/** Time stamp of every zip entry. Built from local-time fields, as zip stores them, so it is the same in every time zone. */
const ENTRY_TIME = new Date(1980, 0, 1, 0, 0, 0);

const CONTENT_TYPES = '[Content_Types].xml';
const CORE = 'docProps/core.xml';

/** Rewrites a packed DOCX so its bytes depend only on its content. */
export function normalizeDocx(packed: Uint8Array, options: NormalizeOptions): Uint8Array {
  const entries = unzipSync(packed);
  const names = Object.keys(entries).sort(compareEntryNames);
  const texts = new Map<string, string>();
  for (const name of names) {
    if (name.endsWith('.xml') || name.endsWith('.rels')) texts.set(name, strFromU8(entries[name]!));
  }

  renameRandomRelationshipIds(texts);
  renumberDrawings(texts);
  const core = texts.get(CORE);
  if (core !== undefined) texts.set(CORE, rewriteCoreProperties(core, options));

  const zippable: Zippable = {};
  for (const name of names) {
    const text = texts.get(name);
    zippable[name] = [text === undefined ? entries[name]! : strToU8(text), { mtime: ENTRY_TIME }];
  }
  return zipSync(zippable, { level: 6, mtime: ENTRY_TIME });
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

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
