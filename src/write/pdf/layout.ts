/**
 * Layout, the first of the PDF writer's two steps: tree → pages of
 * positioned boxes. Pure and synchronous, no pdf-lib: the result is plain
 * JSON that `paint` draws and tests compare as a golden.
 *
 * Steps: blocks → strips (layout-blocks) → pages (paginate) → header and
 * footer once the page count is known (page-furniture).
 */
import type { Root } from '../../tree/types.js';
import type { Theme } from '../../theme.js';
import type { LayoutResult } from './layout-types.js';
import type { Metrics } from './measure.js';
import { createTypography } from './typography.js';
import { layoutBlocks } from './layout-blocks.js';
import { paginate } from './paginate.js';
import { addPageFurniture, type FurnitureContent } from './page-furniture.js';
import { findMissingCharacters } from './glyph-coverage.js';
import { normalizeText } from './inline-runs.js';
import { readImageSize } from './image-size.js';

/**
 * Lays out a document for a theme with the given font metrics.
 *
 * @example
 * const layout = layoutDocument(tree, resolveTheme(), createFontMetrics(parseFontSet(fonts)));
 * layout.pages.length; // → 6
 */
export function layoutDocument(tree: Root, theme: Theme, metrics: Metrics): LayoutResult {
  const typography = createTypography(theme);
  const strips = layoutBlocks(tree.children, {
    x: typography.left,
    width: typography.right - typography.left,
    typography,
    metrics,
    listDepth: 0,
  });
  const { pages, bookmarks } = paginate(strips, { top: typography.top, bottom: typography.bottom });
  const content = furnitureContent(tree, theme);
  const extra = [content.footer, ...(content.office ? [content.office.name, ...content.office.contact] : [])];
  return {
    pageWidth: typography.pageWidth,
    pageHeight: typography.pageHeight,
    pages: addPageFurniture(pages, content, typography, metrics),
    bookmarks,
    missingCharacters: findMissingCharacters(tree, extra, metrics),
  };
}

function furnitureContent(tree: Root, theme: Theme): FurnitureContent {
  const footer = normalizeText(tree.meta.footer ?? tree.meta.title).trim();
  const office = theme.office;
  if (!office) return { footer };
  return {
    footer,
    office: {
      name: normalizeText(office.name).trim(),
      contact: office.contact.map((line) => normalizeText(line).trim()).filter((line) => line !== ''),
      ...(office.logo ? { logo: readImageSize(office.logo.bytes, office.logo.type) } : {}),
    },
  };
}
