/**
 * `list` → numbered or bulleted paragraphs. Each list is its own numbering
 * instance (so it counts from its own `start`); a list inside an item goes
 * one level deeper; an item's later paragraphs line up with its text; an item
 * that holds answer lines is kept on one page.
 */
import type { List, ListItem } from '../../tree/types.js';
import { convertBlocks } from './blocks.js';
import { listLevelIndent, MAX_LIST_LEVEL, type ListNumberingRef } from './numbering.js';
import { createParagraphPiece, type BlockContext, type ParagraphPiece, type Piece } from './pieces.js';
import { LIST_LEVEL_STEP, LIST_MARKER_HANGING } from './units.js';

/** Converts a list and the lists inside it. */
export function convertList(node: List, ctx: BlockContext): Piece[] {
  const level = Math.min(ctx.listLevel, MAX_LIST_LEVEL);
  const ref = ctx.lists.startList(node.ordered, node.start);
  const out: Piece[] = [];
  for (const item of node.children) out.push(...convertItem(item, level, ref, ctx));
  return out;
}

function convertItem(item: ListItem, level: number, ref: ListNumberingRef, ctx: BlockContext): Piece[] {
  const textIndent = ctx.indent + LIST_LEVEL_STEP;
  const inner: BlockContext = { ...ctx, indent: textIndent, listLevel: level + 1 };
  const pieces = convertBlocks(item.children, inner);

  // The bullet or number goes on the item's first paragraph when it is plain text;
  // otherwise (an item that opens with a list or a check box) on an empty paragraph of its own.
  const first = pieces[0];
  let marked: ParagraphPiece;
  if (first && first.kind === 'paragraph' && isPlain(first)) {
    marked = first;
  } else {
    marked = createParagraphPiece({ runs: '' }, ctx);
    pieces.unshift(marked);
  }
  const { indent: _drop, ...options } = marked.options;
  const standardIndent = textIndent === listLevelIndent(level) && ctx.rightIndent === 0;
  marked.options = {
    ...options,
    numbering: { ...ref, level },
    ...(standardIndent ? {} : { indent: { left: textIndent, hanging: LIST_MARKER_HANGING, right: ctx.rightIndent } }),
  };

  if (item.children.some((child) => child.type === 'answerLines')) keepTogether(pieces);
  return pieces;
}

function isPlain(piece: ParagraphPiece): boolean {
  const { options } = piece;
  return options.style === undefined && options.numbering === undefined;
}

function keepTogether(pieces: readonly Piece[]): void {
  const paragraphs = pieces.filter((piece): piece is ParagraphPiece => piece.kind === 'paragraph');
  paragraphs.forEach((piece, i) => {
    piece.keepLines = true;
    if (i < paragraphs.length - 1) piece.keepNext = true;
  });
}
