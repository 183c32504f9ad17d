/**
 * The package around the body: docx builds styles, numbering definitions,
 * relationships, header, footer and document properties, and the real body
 * (xml.ts) goes into its document.xml.
 *
 * What docx writes depends on the theme, the document language, which kinds
 * of list the body uses and whether it has a subject and a footer, and on a
 * few texts (title, author, subject, footer). So the package is built once
 * per theme and shape, with markers where the texts go, and each document
 * fills in its own texts, its own list instances (one numbering instance per
 * list, copied from the instance docx wrote for that kind of list, starting
 * at the list's first number) and its own hyperlink relationships.
 *
 * Building a package is the slowest step of a first DOCX, since docx's code
 * then runs cold. The build of the program prepares the packages of the
 * bundled documents in the default themes ahead of time
 * (scripts/docx-packages.ts), and `usePreparedPackages` hands them to the
 * writer; a package of any other theme or shape is built when first needed.
 */
import type { Document, Packer as PackerType } from 'docx';
import { canonicalJson } from '../../hash.js';
import { PAGE_SIZES, type Theme } from '../../theme.js';
import type { DocumentMeta } from '../../tree/types.js';
import { unzipParts, type PackageParts } from './normalize-zip.js';
import { numberingOptions } from './numbering.js';
import type { FinishedBody } from './pieces.js';
import type { ThemeStyles } from './styles.js';
import { pointsToTwips } from './units.js';
import { escapeXml, fillMarkers } from './xml.js';

const DOCUMENT = 'word/document.xml';
const NUMBERING = 'word/numbering.xml';
const RELS = 'word/_rels/document.xml.rels';
const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/** The page geometry of a theme, in twips. */
export function pageGeometry(theme: Theme) {
  const page = PAGE_SIZES[theme.pageSize];
  const margins = {
    top: pointsToTwips(theme.margins.top),
    right: pointsToTwips(theme.margins.right),
    bottom: pointsToTwips(theme.margins.bottom),
    left: pointsToTwips(theme.margins.left),
  };
  const width = pointsToTwips(page.width);
  return { width, height: pointsToTwips(page.height), margins, contentWidth: width - margins.left - margins.right };
}

/** The texts a document puts into its package. */
interface PackageTexts {
  readonly title: string;
  readonly author: string;
  readonly subject?: string;
  readonly footer?: string;
}

/** A built package: its parts with markers for the texts, split where each document adds its own pieces. */
interface Skeleton {
  /** Every part but document.xml, numbering.xml and the document's relationships. */
  readonly parts: PackageParts;
  /** Names of the parts that hold text markers. */
  readonly marked: readonly string[];
  /** document.xml before and after the body. */
  readonly head: string;
  readonly tail: string;
  /** numbering.xml before and after the list instances. */
  readonly numberingHead: string;
  readonly numberingTail: string;
  /** The numbering instance docx writes for each kind of list, with NUM_ID and START where its id and first number go. */
  readonly instances: Readonly<Record<string, string>>;
  /** The id of the document's first list instance; the others follow in order. */
  readonly firstNumId: number;
  /** The document's relationships before and after its hyperlinks. */
  readonly relsHead: string;
  readonly relsTail: string;
}

// Private-use characters: docx writes them unchanged, and no text of ours makes them (see `fill`).
const MARK = '\uE000';
const mark = (name: string) => `${MARK}${name}${MARK}`;
const MARKED_TEXT = /\uE000([a-z]+\d*)\uE000/g;
const NUM_ID = mark('numId');
const START = mark('start');
const FIRST_LEVEL_START = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>';

/** Packages built in this process, by theme and shape (see `packageParts`). A batch uses a handful. */
const built = new Map<string, Skeleton>();
const CACHE_LIMIT = 64;

/** Where prepared packages come from, read when the first package is needed. */
let preparedSource: (() => PreparedPackages | undefined) | undefined;
let prepared: PreparedPackages | undefined;

/**
 * Lets the writer take packages prepared ahead of time (by `preparePackages`,
 * in another process) instead of building them. `source` is called once, when
 * the first package is needed, and may return undefined when there are none.
 */
export function usePreparedPackages(source: (() => PreparedPackages | undefined) | undefined): void {
  preparedSource = source;
  prepared = undefined;
}

/** Forgets the packages built in this process; prepared ones stay. */
export function forgetBuiltPackages(): void {
  built.clear();
}

const themeKeys = new WeakMap<Theme, string>();

/** The whole theme as canonical JSON (a logo as the SHA-256 of its bytes): equal themes, equal keys. */
function themeKey(theme: Theme): string {
  let key = themeKeys.get(theme);
  if (key === undefined) themeKeys.set(theme, (key = canonicalJson(theme)));
  return key;
}

/** The package parts of a document with the given body, meta and links. */
export async function packageParts(
  body: FinishedBody,
  links: readonly string[],
  meta: DocumentMeta,
  theme: Theme,
  styles: ThemeStyles,
): Promise<Map<string, string | Uint8Array>> {
  const texts: PackageTexts = {
    title: meta.title,
    author: meta.author,
    ...(meta.subject ? { subject: meta.subject } : {}),
    ...(meta.footer ? { footer: meta.footer } : {}),
  };
  const kinds = [...new Set(body.lists.map((list) => list.reference))].sort();
  const key = [themeKey(theme), meta.language, texts.subject !== undefined, texts.footer !== undefined, kinds.join(',')].join('|');
  let skeleton = built.get(key) ?? preparedPackage(key);
  if (!skeleton) {
    skeleton = await buildSkeleton(kinds, meta.language, texts, theme, styles);
    if (built.size >= CACHE_LIMIT) built.clear();
    built.set(key, skeleton);
  }
  return fill(skeleton, body, links, texts);
}

/** The prepared package for `key`, if there is one and it reads back whole (a damaged one is built instead). */
function preparedPackage(key: string): Skeleton | undefined {
  if (preparedSource) {
    prepared = preparedSource();
    preparedSource = undefined;
  }
  const packages = prepared?.packages;
  const p = packages && typeof packages === 'object' && Object.hasOwn(packages, key) ? packages[key] : undefined;
  return p && readPrepared(prepared!, p);
}

/** The values the markers stand for, escaped as docx escapes them. */
function markedValues(texts: PackageTexts): Map<string, string> {
  const values = new Map<string, string>([
    ['title', escapeXml(texts.title)],
    ['author', escapeXml(texts.author)],
  ]);
  if (texts.subject !== undefined) values.set('subject', escapeXml(texts.subject));
  if (texts.footer !== undefined) values.set('footer', escapeXml(texts.footer));
  return values;
}

function fill(skeleton: Skeleton, body: FinishedBody, links: readonly string[], texts: PackageTexts): Map<string, string | Uint8Array> {
  const parts = new Map(skeleton.parts);
  const values = markedValues(texts);
  const replace = (xml: string) => xml.replace(MARKED_TEXT, (_, name: string) => values.get(name) ?? '');
  for (const name of skeleton.marked) parts.set(name, replace(parts.get(name) as string));

  // One numbering instance per list, numbered in the order the body uses them, as docx numbers them.
  const numIds = body.lists.map((_, i) => String(skeleton.firstNumId + i));
  let numbering = skeleton.numberingHead;
  body.lists.forEach((list, i) => {
    const instance = skeleton.instances[list.reference];
    if (instance === undefined) throw new Error(`DOCX writer: the package has no numbering for lists of kind ${list.reference}`);
    numbering += instance.replace(NUM_ID, numIds[i]!).replace(START, String(list.start));
  });
  parts.set(NUMBERING, numbering + skeleton.numberingTail);

  const linkIds = links.map((_, i) => `rIdLink${i + 1}`);
  let rels = skeleton.relsHead;
  links.forEach((link, i) => {
    rels += `<Relationship Id="${linkIds[i]}" Type="${HYPERLINK}" Target="${escapeXml(link)}" TargetMode="External"/>`;
  });
  parts.set(RELS, rels + skeleton.relsTail);

  parts.set(DOCUMENT, replace(skeleton.head) + fillMarkers(body.xml, numIds, linkIds) + replace(skeleton.tail));
  return parts;
}

async function buildSkeleton(
  kinds: readonly string[],
  language: string,
  texts: PackageTexts,
  theme: Theme,
  styles: ThemeStyles,
): Promise<Skeleton> {
  // docx is loaded only here: a run whose packages are all prepared never evaluates it.
  const [{ Document, Packer, Paragraph }, { createOfficeHeader, createPageFooter }] = await Promise.all([
    import('docx'),
    import('./header-footer.js'),
  ]);
  const geometry = pageGeometry(theme);
  const markedMeta: DocumentMeta = {
    title: mark('title'),
    author: mark('author'),
    language,
    ...(texts.subject !== undefined ? { subject: mark('subject') } : {}),
    ...(texts.footer !== undefined ? { footer: mark('footer') } : {}),
  };
  const doc = new Document({
    title: markedMeta.title,
    creator: markedMeta.author,
    lastModifiedBy: markedMeta.author,
    ...(markedMeta.subject ? { subject: markedMeta.subject, description: markedMeta.subject } : {}),
    revision: 1,
    styles: styles.forLanguage(language),
    numbering: numberingOptions(kinds),
    sections: [
      {
        properties: {
          page: {
            size: { width: geometry.width, height: geometry.height },
            margin: {
              ...geometry.margins,
              header: Math.round(geometry.margins.top / 2),
              footer: Math.round(geometry.margins.bottom / 2),
              gutter: 0,
            },
          },
        },
        ...(theme.office ? { headers: { default: createOfficeHeader(theme.office) } } : {}),
        footers: { default: createPageFooter(markedMeta, geometry.contentWidth) },
        // A paragraph in one list of each kind, so docx writes a numbering instance of each.
        children: kinds.map((reference, i) => new Paragraph({ numbering: { reference, instance: i + 1, level: 0 } })),
      },
    ],
  });
  const parts = new Map(compileParts(doc, Packer) ?? (await unzipParts(new Uint8Array(await Packer.toArrayBuffer(doc)))));
  const take = (name: string): string => {
    const text = parts.get(name);
    if (typeof text !== 'string') throw new Error(`DOCX writer: docx wrote no ${name}`);
    parts.delete(name);
    return text;
  };

  const documentXml = take(DOCUMENT);
  const open = documentXml.indexOf('<w:body>');
  const close = documentXml.lastIndexOf('<w:sectPr');
  if (open < 0 || close < open) throw new Error('DOCX writer: word/document.xml has no body and section properties');
  const outlineNumIds = [...documentXml.slice(open, close).matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => Number(m[1]));

  // docx writes the outline's instances last, one per kind, with consecutive ids.
  const numberingXml = take(NUMBERING);
  const numberingEnd = numberingXml.lastIndexOf('</w:numbering>');
  let numberingCut = numberingEnd;
  const instances: Record<string, string> = {};
  const firstNumId = outlineNumIds[0] ?? nextNumId(numberingXml);
  if (numberingEnd < 0 || outlineNumIds.length !== kinds.length || outlineNumIds.some((id, i) => id !== firstNumId + i)) {
    throw new Error('DOCX writer: docx numbered the lists differently than expected');
  }
  kinds.forEach((kind, i) => {
    const open = `<w:num w:numId="${outlineNumIds[i]}">`;
    const at = numberingXml.indexOf(open);
    const end = numberingXml.indexOf('</w:num>', at);
    if (at < 0 || end < 0) throw new Error(`DOCX writer: docx wrote no numbering instance for lists of kind ${kind}`);
    const levels = numberingXml.slice(at + open.length, end);
    if (!levels.includes(FIRST_LEVEL_START)) throw new Error(`DOCX writer: docx wrote no start for lists of kind ${kind}`);
    const first = FIRST_LEVEL_START.replace('w:val="1"', `w:val="${START}"`);
    instances[kind] = `<w:num w:numId="${NUM_ID}">${levels.replace(FIRST_LEVEL_START, first)}</w:num>`;
    numberingCut = Math.min(numberingCut, at);
  });

  const relsXml = take(RELS);
  const relsEnd = relsXml.lastIndexOf('</Relationships>');
  if (relsEnd < 0) throw new Error(`DOCX writer: ${RELS} has no relationships`);

  const head = documentXml.slice(0, open + '<w:body>'.length);
  const tail = documentXml.slice(close);
  const marked: string[] = [];
  const seen = new Set<string>();
  for (const [name, text] of parts) {
    if (typeof text !== 'string' || !text.includes(MARK)) continue;
    marked.push(name);
    for (const m of text.matchAll(MARKED_TEXT)) seen.add(m[1]!);
  }
  for (const m of (head + tail).matchAll(MARKED_TEXT)) seen.add(m[1]!);
  for (const name of markedValues(texts).keys()) {
    if (!seen.has(name)) throw new Error(`DOCX writer: docx did not write the ${name} where expected`);
  }
  return {
    parts,
    marked,
    head,
    tail,
    numberingHead: numberingXml.slice(0, numberingCut),
    numberingTail: numberingXml.slice(numberingEnd),
    instances,
    firstNumId,
    relsHead: relsXml.slice(0, relsEnd),
    relsTail: relsXml.slice(relsEnd),
  };
}

/** The id after the highest numbering instance id in numbering.xml. */
function nextNumId(numberingXml: string): number {
  let max = 0;
  for (const m of numberingXml.matchAll(/<w:num w:numId="(\d+)">/g)) max = Math.max(max, Number(m[1]));
  return max + 1;
}

/** Packages as JSON can carry them; a text several packages share is stored once. */
export interface PreparedPackages {
  readonly texts: readonly string[];
  readonly packages: Readonly<Record<string, PreparedPackage>>;
}

/** A package whose texts are indexes into `PreparedPackages.texts`. */
interface PreparedPackage {
  readonly parts: readonly (readonly [name: string, text: number])[];
  readonly marked: readonly string[];
  readonly instances: Readonly<Record<string, string>>;
  readonly firstNumId: number;
  /** head, tail, numberingHead, numberingTail, relsHead, relsTail. */
  readonly texts: readonly number[];
}

/**
 * The packages built in this process, to be written as JSON and given to
 * `usePreparedPackages` in another process. A package with binary parts (an
 * office logo) is left out; it is built when needed.
 */
export function preparePackages(): PreparedPackages {
  const texts: string[] = [];
  const indexes = new Map<string, number>();
  const ref = (text: string): number => {
    let i = indexes.get(text);
    if (i === undefined) {
      i = texts.push(text) - 1;
      indexes.set(text, i);
    }
    return i;
  };
  const packages: Record<string, PreparedPackage> = {};
  for (const key of [...built.keys()].sort()) {
    const s = built.get(key)!;
    if ([...s.parts.values()].some((part) => typeof part !== 'string')) continue;
    packages[key] = {
      parts: [...s.parts].map(([name, part]) => [name, ref(part as string)] as const),
      marked: s.marked,
      instances: s.instances,
      firstNumId: s.firstNumId,
      texts: [s.head, s.tail, s.numberingHead, s.numberingTail, s.relsHead, s.relsTail].map(ref),
    };
  }
  return { texts, packages };
}

function readPrepared(source: PreparedPackages, p: PreparedPackage): Skeleton | undefined {
  const text = (i: number): string | undefined => source.texts[i];
  const [head, tail, numberingHead, numberingTail, relsHead, relsTail] = p.texts.map(text);
  const parts = p.parts.map(([name, i]) => [name, text(i)] as const);
  const pieces = [head, tail, numberingHead, numberingTail, relsHead, relsTail, ...parts.map(([, t]) => t)];
  if (p.texts.length !== 6 || pieces.some((t) => typeof t !== 'string')) return undefined;
  return {
    parts: new Map(parts as (readonly [string, string])[]),
    marked: p.marked,
    head: head!,
    tail: tail!,
    numberingHead: numberingHead!,
    numberingTail: numberingTail!,
    instances: p.instances,
    firstNumId: p.firstNumId,
    relsHead: relsHead!,
    relsTail: relsTail!,
  };
}

/** The part of docx's Packer that turns a document into its package parts, before zipping. */
interface PartCompiler {
  compile(doc: Document, prettify?: undefined, overrides?: readonly never[]): PackageParts;
}

/**
 * The document's package parts, straight from docx's compiler, so the
 * package is zipped once (by packageDocx) rather than zipped by docx,
 * unzipped and zipped again. The compiler is not in docx's typings; if a
 * docx release moves it, the writer falls back to Packer (same bytes, slower).
 */
export function compileParts(doc: Document, Packer: typeof PackerType): PackageParts | undefined {
  const compiler = (Packer as unknown as { compiler?: Partial<PartCompiler> }).compiler;
  if (typeof compiler?.compile !== 'function') return undefined;
  const parts = compiler.compile(doc, undefined, []);
  return parts instanceof Map ? parts : undefined;
}
