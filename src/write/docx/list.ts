/**
 * `list` → numbered or bulleted paragraphs. Each list is its own numbering
 * instance (so it counts from its own `start`); a list inside an item goes
 * one level deeper; an item's later paragraphs line up with its text; an item
 * that holds answer lines (a question) is kept on one page with its lines;
 * the first two and the last two items stay together; a list ends with a
 * paragraph's space after it.
 */
import type { List, ListItem } from '../../tree/types.js';
import { listTextIndent, markerHanging, MAX_LIST_LEVEL, type ListNumberingRef } from './numbering.js';
import { paragraphPiece, paragraphsOf, type BlockContext, type ConvertBlocks, type Piece } from './pieces.js';
import { STYLE } from './styles.js';
import { PARAGRAPH_SPACE } from './units.js';

/** Converts a list and the lists inside it. */
export function convertList(node: List, ctx: BlockContext, convertBlocks: ConvertBlocks): Piece[] {
  const level = Math.min(ctx.listLevel, MAX_LIST_LEVEL);
  const ref = ctx.lists.startList(node.ordered, node.start, level);
  const items = node.children.map((item) => convertItem(item, level, ref, ctx, convertBlocks));
  keepEndsTogether(items);
  const out = items.flat();
  const paragraphs = paragraphsOf(out);
  const last = paragraphs[paragraphs.length - 1];
  if (last && ctx.listLevel === 0 && last.options.style === STYLE.listParagraph) {
    last.options.spacing = { ...last.options.spacing, after: PARAGRAPH_SPACE };
  }
  return out;
}

/** Keeps the first item with the second and the item before last with the last, so no page holds a lone item. */
export function keepEndsTogether(items: readonly Piece[][]): void {
  if (items.length < 2) return;
  for (const item of new Set([items[0]!, items[items.length - 2]!])) {
    const paragraphs = paragraphsOf(item);
    const last = paragraphs[paragraphs.length - 1];
    if (last) last.options.keepNext = true;
  }
}

function convertItem(item: ListItem, level: number, ref: ListNumberingRef, ctx: BlockContext, convertBlocks: ConvertBlocks): Piece[] {
  const textIndent = ctx.indent + markerHanging(ref.ordered);
  const inner: BlockContext = { ...ctx, indent: textIndent, listLevel: level + 1 };
  const pieces = convertBlocks(item.children, inner);

  // The bullet or number goes on the item's first paragraph when it is plain text;
  // otherwise (an item that opens with a list, a table or a check box) on an empty paragraph of its own.
  const first = pieces[0];
  let marked;
  if (first?.kind === 'paragraph' && first.options.style === undefined && first.options.numbering === undefined) {
    marked = first;
  } else {
    marked = paragraphPiece({}, ctx);
    pieces.unshift(marked);
  }
  const { indent: _container, ...options } = marked.options;
  const standardIndent = textIndent === listTextIndent(level, ref.ordered) && ctx.rightIndent === 0;
  marked.options = {
    ...options,
    style: STYLE.listParagraph,
    numbering: { reference: ref.reference, instance: ref.instance, level },
    ...(standardIndent ? {} : { indent: { left: textIndent, hanging: markerHanging(ref.ordered), right: ctx.rightIndent } }),
  };
  // Later paragraphs of the item line up with its text and are spaced as list paragraphs.
  for (const piece of paragraphsOf(pieces)) {
    if (piece.options.style === undefined) piece.options.style = STYLE.listParagraph;
  }

  if (item.children.some((child) => child.type === 'answerLines' && child.count > 0)) {
    const paragraphs = paragraphsOf(pieces);
    paragraphs.forEach((piece, i) => {
      piece.options.keepLines = true;
      if (i < paragraphs.length - 1) piece.options.keepNext = true;
    });
  }
  return pieces;
}
