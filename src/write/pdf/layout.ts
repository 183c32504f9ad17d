/**
 * Layout, the first of the PDF writer's two steps: tree → pages of
 * positioned boxes. Pure and synchronous, no pdf-lib: the result is plain
 * JSON that `paint` draws and tests compare as a golden.
 *
 * Steps: blocks → strips (layout-blocks) → pages (paginate) → header and
 * footer once the page count is known (page-furniture) → the preflight's
 * findings about the pages' own defects (preflight).
 */
import type { Block, Root } from '../../tree/types.js';
import type { Theme } from '../../theme.js';
import type { LayoutResult, StructElement } from './layout-types.js';
import type { Metrics } from './measure.js';
import { createTypography } from './typography.js';
import { layoutBlocks } from './layout-blocks.js';
import { paginate } from './paginate.js';
import { addPageFurniture, type FurnitureContent } from './page-furniture.js';
import { findMissingCharacters } from './glyph-coverage.js';
import { normalizeText } from './inline-runs.js';
import { readImageSize } from './image-size.js';
import { checkPagination, checkText, type PreflightOptions } from './preflight.js';

/** What layout may be told beyond the tree, theme and fonts. */
export type LayoutOptions = PreflightOptions;

/**
 * Lays out a document for a theme with the given font metrics.
 *
 * @example
 * const layout = layoutDocument(tree, resolveTheme(), createFontMetrics(parseFontSet(fonts)));
 * layout.pages.length; // → 6
 */
export function layoutDocument(tree: Root, theme: Theme, metrics: Metrics, options: LayoutOptions = {}): LayoutResult {
  const typography = createTypography(theme);
  const body = typography.body;
  const content = furnitureContent(tree, theme);
  const structure: StructElement[] = [{ id: 0, role: 'Document', parent: -1 }];
  // The office logo is read once, as the document's first figure; on later pages it is furniture.
  const logo = content.office?.logo ? structure.push({ id: 1, role: 'Figure', parent: 0, alt: `${content.office.name} logo` }) - 1 : undefined;
  const strips = layoutBlocks(tree.children, {
    x: typography.left,
    width: typography.right - typography.left,
    typography,
    metrics,
    listDepth: 0,
    hyphenate: /^en\b/i.test(tree.meta.language),
    numberWidth: metrics.widthOf(`${largestNumber(tree.children)}.`, 'bold', body.size),
    ids: { next: 0 },
    structure,
    parent: 0,
  });
  const area = { top: typography.top, bottom: typography.bottom };
  const pagination = paginate(strips, area);
  const extra = tree.meta.kind === 'letter' ? [] : [content.footer, ...(content.office ? [content.office.name, ...content.office.contact] : [])];
  const furnished = addPageFurniture(pagination.pages, content, typography, metrics, logo);
  return {
    pageWidth: typography.pageWidth,
    pageHeight: typography.pageHeight,
    pages: furnished.pages,
    bookmarks: pagination.bookmarks,
    structure,
    missingCharacters: findMissingCharacters(tree, extra, metrics),
    findings: [
      ...checkText(furnished.pages, metrics, options),
      ...checkPagination(pagination.placements, pagination.forcedBreakAfter, area),
      ...furnished.findings,
    ].sort((a, b) => a.page - b.page),
  };
}

/** The largest number of any ordered list in the document (0 when there is none). */
function largestNumber(blocks: readonly Block[]): number {
  let largest = 0;
  for (const block of blocks) {
    if (block.type === 'list') {
      if (block.ordered) largest = Math.max(largest, block.start + block.children.length - 1);
      for (const item of block.children) largest = Math.max(largest, largestNumber(item.children));
    } else if (block.type === 'callout') {
      largest = Math.max(largest, largestNumber(block.children));
    }
  }
  return largest;
}

function furnitureContent(tree: Root, theme: Theme): FurnitureContent {
  const footer = normalizeText(tree.meta.footer ?? tree.meta.title).trim();
  if (tree.meta.kind === 'letter') return { footer, letter: true };
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
