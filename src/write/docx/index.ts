/**
 * The DOCX writer: document tree → Word document bytes.
 *
 * Steps: page setup from the theme → blocks to docx paragraphs and tables
 * (one handler per node type) → header and footer → styles, numbering and
 * document properties → pack → normalise the package so the bytes are
 * reproducible.
 *
 * @example
 * const bytes = await writeDocx(tree, { theme: resolveTheme({ pageSize: 'a4' }), timestamp: 1767225600 });
 */
import { Document, Packer } from 'docx';
import { PAGE_SIZES } from '../../theme.js';
import type { Root } from '../../tree/types.js';
import { documentDate, type WriteOptions } from '../options.js';
import { convertBlocks } from './blocks.js';
import { createOfficeHeader, createPageFooter } from './header-footer.js';
import { normalizeDocx, packageDocx, type PackageParts } from './normalize-zip.js';
import { defaultDeflate } from '../deflate.js';
import { createListNumbering } from './numbering.js';
import { finishPieces, type BlockContext } from './pieces.js';
import { getThemeStyles } from './styles.js';
import { pointsToTwips } from './units.js';

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
  const ctx: BlockContext = { styles, lists, indent: 0, rightIndent: 0, listLevel: 0, contentWidth };
  const children = finishPieces(convertBlocks(tree.children, ctx));

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
        children,
      },
    ],
  });

  const packaging = { date: documentDate(options), language: meta.language, deflate: options.deflate ?? defaultDeflate };
  const parts = compileParts(doc);
  if (parts) return packageDocx(parts, packaging);
  return normalizeDocx(new Uint8Array(await Packer.toArrayBuffer(doc)), packaging);
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
