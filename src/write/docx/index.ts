/**
 * The DOCX writer: document tree → Word document bytes.
 *
 * Steps: page setup from the theme → blocks to body XML (one handler per
 * node type; see xml.ts) → docx builds the package around an outline of the
 * body (styles, numbering for each list, hyperlink relationships, header,
 * footer, document properties) → the real body takes the outline's place →
 * normalise and zip the package so the bytes are reproducible.
 *
 * @example
 * const bytes = await writeDocx(tree, { theme: resolveTheme({ pageSize: 'a4' }), timestamp: 1767225600 });
 */
import { Document, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import { PAGE_SIZES } from '../../theme.js';
import type { Root } from '../../tree/types.js';
import { documentDate, type WriteOptions } from '../options.js';
import { convertBlocks } from './blocks.js';
import { createOfficeHeader, createPageFooter } from './header-footer.js';
import { packageDocx, unzipParts, type PackageParts } from './normalize-zip.js';
import { defaultDeflate } from '../deflate.js';
import { createListNumbering } from './numbering.js';
import { finishPieces, type BlockContext, type FinishedBody } from './pieces.js';
import { getThemeStyles } from './styles.js';
import { pointsToTwips } from './units.js';
import { fillMarkers } from './xml.js';

/** Thrown when the office logo is not a readable PNG or JPEG. */
export { DocxLogoError } from './errors.js';

/** Writes the tree as a Word document (.docx) and returns its bytes. Same input, same bytes. */
export async function writeDocx(tree: Root, options: WriteOptions): Promise<Uint8Array> {
  const { theme } = options;
  const { meta } = tree;
  const page = PAGE_SIZES[theme.pageSize];
  const pageWidth = pointsToTwips(page.width);
  const margins = {
    top: pointsToTwips(theme.margins.top),
    right: pointsToTwips(theme.margins.right),
    bottom: pointsToTwips(theme.margins.bottom),
    left: pointsToTwips(theme.margins.left),
  };
  const contentWidth = pageWidth - margins.left - margins.right;

  const styles = getThemeStyles(theme);
  const lists = createListNumbering();
  const targets = { links: [] as string[] };
  const ctx: BlockContext = { styles, lists, targets, indent: 0, rightIndent: 0, listLevel: 0, contentWidth };
  const body = finishPieces(convertBlocks(tree.children, ctx));

  const doc = new Document({
    title: meta.title,
    creator: meta.author,
    lastModifiedBy: meta.author,
    ...(meta.subject ? { subject: meta.subject, description: meta.subject } : {}),
    revision: 1,
    styles: styles.forLanguage(meta.language),
    numbering: lists.toOptions(),
    sections: [
      {
        properties: {
          page: {
            size: { width: pageWidth, height: pointsToTwips(page.height) },
            margin: {
              ...margins,
              header: Math.round(margins.top / 2),
              footer: Math.round(margins.bottom / 2),
              gutter: 0,
            },
          },
        },
        ...(theme.office ? { headers: { default: createOfficeHeader(theme.office) } } : {}),
        footers: { default: createPageFooter(meta, contentWidth) },
        children: outlineOf(body, targets.links),
      },
    ],
  });

  const packaging = { date: documentDate(options), language: meta.language, deflate: options.deflate ?? defaultDeflate };
  const parts = new Map(compileParts(doc) ?? unzipParts(new Uint8Array(await Packer.toArrayBuffer(doc))));
  parts.set(DOCUMENT, withBody(parts.get(DOCUMENT), body.xml));
  return packageDocx(parts, packaging);
}

const DOCUMENT = 'word/document.xml';

/**
 * What docx needs to see of the body to build the package around it: a
 * paragraph in each list instance, in the order the body first uses them
 * (docx gives each its numbering id), and a hyperlink to each target, in
 * order (docx adds a relationship for each).
 */
function outlineOf(body: FinishedBody, links: readonly string[]): Paragraph[] {
  const outline = body.lists.map((list) => new Paragraph({ numbering: { reference: list.reference, instance: list.instance, level: 0 } }));
  if (links.length > 0) {
    outline.push(new Paragraph({ children: links.map((link) => new ExternalHyperlink({ link, children: [new TextRun(link)] })) }));
  }
  return outline;
}

/**
 * docx's document.xml with the outline replaced by the real body, whose
 * list and link markers get the ids docx gave the outline.
 */
function withBody(documentXml: string | Uint8Array | undefined, bodyXml: string): string {
  if (typeof documentXml !== 'string') throw new Error('DOCX writer: docx wrote no word/document.xml');
  const open = documentXml.indexOf('<w:body>');
  const close = documentXml.lastIndexOf('<w:sectPr');
  if (open < 0 || close < open) throw new Error('DOCX writer: word/document.xml has no body and section properties');
  const outline = documentXml.slice(open, close);
  const numIds = [...outline.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]!);
  const linkIds = [...outline.matchAll(/<w:hyperlink [^>]*r:id="([^"]+)"/g)].map((m) => m[1]!);
  return documentXml.slice(0, open + '<w:body>'.length) + fillMarkers(bodyXml, numIds, linkIds) + documentXml.slice(close);
}

/** The part of docx's Packer that turns a document into its package parts, before zipping. */
interface PartCompiler {
  compile(doc: Document, prettify?: undefined, overrides?: readonly never[]): PackageParts;
}

/**
 * The document's package parts, straight from docx's compiler, so the
 * package is zipped once (by packageDocx) rather than zipped by docx,
 * unzipped and zipped again. The compiler is not in docx's typings; if a
 * docx release moves it, writeDocx falls back to Packer (same bytes, slower).
 */
export function compileParts(doc: Document): PackageParts | undefined {
  const compiler = (Packer as unknown as { compiler?: Partial<PartCompiler> }).compiler;
  if (typeof compiler?.compile !== 'function') return undefined;
  const parts = compiler.compile(doc, undefined, []);
  return parts instanceof Map ? parts : undefined;
}
