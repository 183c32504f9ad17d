/**
 * The DOCX writer: document tree → Word document bytes.
 *
 * Steps: page setup from the theme → blocks to body XML (one handler per
 * node type; see xml.ts) → the package around the body: styles, numbering,
 * relationships, header, footer and properties, built by docx (package.ts)
 * → normalise and zip the package so the bytes are reproducible.
 *
 * @example
 * const bytes = await writeDocx(tree, { theme: resolveTheme({ pageSize: 'a4' }), timestamp: 1767225600 });
 */
import type { Root } from '../../tree/types.js';
import { deflateOrDefault } from '../deflate.js';
import { documentDate, type WriteOptions } from '../options.js';
import { convertBlocks } from './blocks.js';
import { packageDocx } from './normalize-zip.js';
import { createListNumbering } from './numbering.js';
import { packageParts, pageGeometry } from './package.js';
import { finishPieces, type BlockContext } from './pieces.js';
import { getThemeStyles } from './styles.js';

/** Thrown when the office logo is not a readable PNG or JPEG. */
export { DocxLogoError } from './errors.js';

/** Writes the tree as a Word document (.docx) and returns its bytes. Same input, same bytes. */
export async function writeDocx(tree: Root, options: WriteOptions): Promise<Uint8Array> {
  const { theme } = options;
  const { meta } = tree;
  const styles = getThemeStyles(theme);
  const targets = { links: [] as string[] };
  const ctx: BlockContext = {
    styles,
    lists: createListNumbering(),
    targets,
    indent: 0,
    rightIndent: 0,
    listLevel: 0,
    contentWidth: pageGeometry(theme).contentWidth,
  };
  const body = finishPieces(convertBlocks(tree.children, ctx));
  const parts = await packageParts(body, targets.links, meta, theme, styles);
  return packageDocx(parts, { date: documentDate(options), language: meta.language, deflate: await deflateOrDefault(options.deflate) });
}
