/**
 * The package around the body: docx builds styles, numbering, hyperlink
 * relationships, header, footer and document properties from an outline of
 * the body, and the real body (xml.ts) takes the outline's place.
 *
 * What docx writes depends on the theme, the document language, the lists
 * the body uses and how many links it has, and on a few texts (title,
 * author, subject, footer, link targets). The first four repeat from one
 * document to the next (every packet of a batch has the same lists), so the
 * package is built once per theme and shape, with markers where the texts
 * go, and each document fills in its own texts.
 */
import { Document, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import { PAGE_SIZES, type Theme } from '../../theme.js';
import type { DocumentMeta } from '../../tree/types.js';
import { createOfficeHeader, createPageFooter } from './header-footer.js';
import { unzipParts, type PackageParts } from './normalize-zip.js';
import { numberingOptions } from './numbering.js';
import type { FinishedBody } from './pieces.js';
import type { ThemeStyles } from './styles.js';
import { pointsToTwips } from './units.js';
import { escapeXml, fillMarkers } from './xml.js';

const DOCUMENT = 'word/document.xml';

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
  readonly links: readonly string[];
}

/** A built package: its parts with markers for the texts, and the ids docx gave the outline. */
interface Skeleton {
  readonly parts: PackageParts;
  /** Names of the parts that hold text markers. */
  readonly marked: readonly string[];
  /** document.xml before and after the body. */
  readonly head: string;
  readonly tail: string;
  readonly numIds: readonly string[];
  readonly linkIds: readonly string[];
}

// Private-use characters: docx writes them unchanged, and no text of ours makes them (see `fill`).
const MARK = '\uE000';
const mark = (name: string) => `${MARK}${name}${MARK}`;
const MARKED_TEXT = /\uE000([a-z]+\d*)\uE000/g;

const cache = new WeakMap<Theme, Map<string, Skeleton>>();
/** Shapes kept per theme; a batch uses a handful. */
const CACHE_LIMIT = 64;

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
    links,
  };
  const key = [
    meta.language,
    texts.subject !== undefined,
    texts.footer !== undefined,
    links.length,
    body.lists.map((list) => `${list.reference}/${list.instance}`).join(','),
  ].join('|');
  let byShape = cache.get(theme);
  if (!byShape) cache.set(theme, (byShape = new Map()));
  let skeleton = byShape.get(key);
  if (!skeleton) {
    skeleton = await buildSkeleton(body, meta.language, texts, theme, styles);
    if (byShape.size >= CACHE_LIMIT) byShape.clear();
    byShape.set(key, skeleton);
  }
  return fill(skeleton, body.xml, texts);
}

/** The values the markers stand for, escaped as docx escapes them. */
function markedValues(texts: PackageTexts): Map<string, string> {
  const values = new Map<string, string>([
    ['title', escapeXml(texts.title)],
    ['author', escapeXml(texts.author)],
  ]);
  if (texts.subject !== undefined) values.set('subject', escapeXml(texts.subject));
  if (texts.footer !== undefined) values.set('footer', escapeXml(texts.footer));
  texts.links.forEach((link, i) => values.set(`link${i}`, escapeXml(link)));
  return values;
}

function fill(skeleton: Skeleton, bodyXml: string, texts: PackageTexts): Map<string, string | Uint8Array> {
  const parts = new Map(skeleton.parts);
  const values = markedValues(texts);
  const replace = (xml: string) => xml.replace(MARKED_TEXT, (_, name: string) => values.get(name) ?? '');
  for (const name of skeleton.marked) parts.set(name, replace(parts.get(name) as string));
  parts.set(DOCUMENT, replace(skeleton.head) + fillMarkers(bodyXml, skeleton.numIds, skeleton.linkIds) + replace(skeleton.tail));
  return parts;
}

async function buildSkeleton(
  body: FinishedBody,
  language: string,
  texts: PackageTexts,
  theme: Theme,
  styles: ThemeStyles,
): Promise<Skeleton> {
  const geometry = pageGeometry(theme);
  const linkCount = texts.links.length;
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
    numbering: numberingOptions(body.lists),
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
        children: outlineOf(body, linkCount),
      },
    ],
  });
  const parts = compileParts(doc) ?? unzipParts(new Uint8Array(await Packer.toArrayBuffer(doc)));

  const documentXml = parts.get(DOCUMENT);
  if (typeof documentXml !== 'string') throw new Error('DOCX writer: docx wrote no word/document.xml');
  const open = documentXml.indexOf('<w:body>');
  const close = documentXml.lastIndexOf('<w:sectPr');
  if (open < 0 || close < open) throw new Error('DOCX writer: word/document.xml has no body and section properties');
  const outline = documentXml.slice(open, close);
  const numIds = [...outline.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]!);
  const linkIds = [...outline.matchAll(/<w:hyperlink [^>]*r:id="([^"]+)"/g)].map((m) => m[1]!);
  if (numIds.length !== body.lists.length || linkIds.length !== linkCount) {
    throw new Error('DOCX writer: docx numbered the outline differently from the body');
  }

  const marked: string[] = [];
  const seen = new Set<string>();
  for (const [name, part] of parts) {
    if (name === DOCUMENT || typeof part !== 'string' || !part.includes(MARK)) continue;
    marked.push(name);
    for (const m of part.matchAll(MARKED_TEXT)) seen.add(m[1]!);
  }
  const head = documentXml.slice(0, open + '<w:body>'.length);
  const tail = documentXml.slice(close);
  for (const m of (head + tail).matchAll(MARKED_TEXT)) seen.add(m[1]!);
  for (const name of markedValues(texts).keys()) {
    if (!seen.has(name)) throw new Error(`DOCX writer: docx did not write the ${name} where expected`);
  }
  return { parts, marked, head, tail, numIds, linkIds };
}

/**
 * What docx needs to see of the body to build the package around it: a
 * paragraph in each list instance, in the order the body first uses them
 * (docx gives each its numbering id), and a hyperlink for each link, in
 * order (docx adds a relationship for each), to a marked target.
 */
function outlineOf(body: FinishedBody, linkCount: number): Paragraph[] {
  const outline = body.lists.map((list) => new Paragraph({ numbering: { reference: list.reference, instance: list.instance, level: 0 } }));
  if (linkCount > 0) {
    const links = Array.from({ length: linkCount }, (_, i) => new ExternalHyperlink({ link: mark(`link${i}`), children: [new TextRun('')] }));
    outline.push(new Paragraph({ children: links }));
  }
  return outline;
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
export function compileParts(doc: Document): PackageParts | undefined {
  const compiler = (Packer as unknown as { compiler?: Partial<PartCompiler> }).compiler;
  if (typeof compiler?.compile !== 'function') return undefined;
  const parts = compiler.compile(doc, undefined, []);
  return parts instanceof Map ? parts : undefined;
}
