/**
 * The DOCX writer: document tree → Word document bytes.
 *
 * Steps: one handler per node type turns the blocks into docx objects
 * (`Paragraph`, `TextRun`, `ExternalHyperlink`, `Table`, `CheckBox`; see
 * blocks.ts) → a `Document` with the theme's styles, the lists' numbering,
 * the page, header and footer → docx's `Packer` → one pass that makes the
 * bytes reproducible (reproducible.ts).
 *
 * @example
 * const bytes = await writeDocx(tree, { theme: resolveTheme({ pageSize: 'a4' }), timestamp: 1767225600 });
 */
import { Document, Packer } from 'docx';
import { PAGE_SIZES, type Theme } from '../../theme.js';
import type { Root } from '../../tree/types.js';
import { deflateOrDefault } from '../deflate.js';
import { documentDate, type WriteOptions } from '../options.js';
import { convertBlocks } from './blocks.js';
import { createOfficeHeader, createPageFooter } from './header-footer.js';
import { cleanText } from './inline.js';
import { createListNumbering } from './numbering.js';
import { finishPieces, type BlockContext } from './pieces.js';
import { reproducibleDocx } from './reproducible.js';
import { documentStyles, themeColors } from './styles.js';
import { MAX_MEASURE, pointsToTwips } from './units.js';

/** Thrown when the office logo is not a readable PNG or JPEG. */
export { DocxLogoError } from './errors.js';

/** Writes the tree as a Word document (.docx) and returns its bytes. Same input, same bytes. */
export async function writeDocx(tree: Root, options: WriteOptions): Promise<Uint8Array> {
  const packed = await Packer.pack(createDocxDocument(tree, options.theme), 'uint8array');
  return reproducibleDocx(packed, { date: documentDate(options), language: tree.meta.language, deflate: await deflateOrDefault(options.deflate) });
}

/** The tree as docx's `Document`, before `Packer` writes it (writeDocx's first step). */
export function createDocxDocument(tree: Root, theme: Theme): Document {
  const { meta } = tree;
  const page = pageGeometry(theme);
  const colors = themeColors(theme);
  const ctx: BlockContext = {
    colors,
    lists: createListNumbering(),
    language: meta.language,
    indent: 0,
    rightIndent: 0,
    listLevel: 0,
    contentWidth: page.contentWidth,
  };
  const children = finishPieces(convertBlocks(tree.children, ctx));
  const letter = meta.kind === 'letter';
  const subject = meta.subject ? cleanText(meta.subject) : undefined;
  return new Document({
    title: cleanText(meta.title),
    creator: cleanText(meta.author),
    lastModifiedBy: cleanText(meta.author),
    ...(subject ? { subject, description: subject } : {}),
    revision: 1,
    styles: documentStyles(theme, meta.language),
    numbering: ctx.lists.options(colors.accent),
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: { ...page.margins, header: Math.round(page.margins.top / 2), footer: Math.round(page.margins.bottom / 2), gutter: 0 },
          },
        },
        // A letter is a sheet to sign: no running header or footer, no page number.
        ...(theme.office && !letter ? { headers: { default: createOfficeHeader(theme.office, meta.language, page.contentWidth) } } : {}),
        ...(letter ? {} : { footers: { default: createPageFooter(meta, page.contentWidth) } }),
        children,
      },
    ],
  });
}

/**
 * The page geometry of a theme, in twips: the theme's margins are minimums,
 * and a text column wider than the measure (docs/typesetting.md) is narrowed
 * to it and centred on the page.
 */
function pageGeometry(theme: Theme) {
  const page = PAGE_SIZES[theme.pageSize];
  const width = pointsToTwips(page.width);
  const left = pointsToTwips(theme.margins.left);
  const right = pointsToTwips(theme.margins.right);
  const room = width - left - right;
  const contentWidth = Math.min(room, MAX_MEASURE);
  const side = Math.floor((room - contentWidth) / 2);
  const margins = {
    top: pointsToTwips(theme.margins.top),
    right: right + (room - contentWidth - side),
    bottom: pointsToTwips(theme.margins.bottom),
    left: left + side,
  };
  return { width, height: pointsToTwips(page.height), margins, contentWidth };
}
