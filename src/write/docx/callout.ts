/**
 * `callout` → its blocks set in from both sides on a light tint of the accent
 * colour, with an accent rule on the left (the Callout style). Lists and
 * check boxes inside a callout get the same rule and shading directly. The
 * callout's first and last paragraphs carry the space around it.
 */
import type { Callout } from '../../tree/types.js';
import { paragraphsOf, type BlockContext, type ConvertBlocks, type Piece } from './pieces.js';
import { STYLE } from './styles.js';
import { CALLOUT_INDENT, CALLOUT_TEXT_INDENT, PARAGRAPH_SPACE, TABLE_SPACE } from './units.js';

/** Converts a callout. */
export function convertCallout(node: Callout, ctx: BlockContext, convertBlocks: ConvertBlocks): Piece[] {
  const inner: BlockContext = { ...ctx, indent: ctx.indent + CALLOUT_TEXT_INDENT, rightIndent: ctx.rightIndent + CALLOUT_INDENT };
  const pieces = convertBlocks(node.children, inner);
  const look = ctx.colors.callout;
  const atTop = ctx.indent === 0 && ctx.rightIndent === 0;
  const paragraphs = paragraphsOf(pieces);
  paragraphs.forEach((piece, i) => {
    const { options } = piece;
    if (options.style === undefined) {
      // A plain paragraph takes the Callout style, whose indents match a callout at the top level.
      const { indent: _container, ...rest } = options;
      piece.options = atTop ? { ...rest, style: STYLE.callout } : { ...options, style: STYLE.callout };
    } else {
      // Every paragraph of the callout starts its first line at the callout's text edge, so the
      // accent rule on the left stays one straight line; list markers hang from that edge.
      const left = options.indent && 'left' in options.indent ? options.indent.left : undefined;
      const indent = options.numbering && typeof left === 'number' ? { ...options.indent, hanging: left - inner.indent } : options.indent;
      piece.options = { ...options, border: look.border, shading: look.shading, ...(indent ? { indent } : {}) };
    }
    // Paragraphs of the box follow each other with a little space inside the shading; the box has 12 pt around it.
    const last = i === paragraphs.length - 1;
    piece.options.spacing = { ...piece.options.spacing, ...(i === 0 ? { before: TABLE_SPACE - PARAGRAPH_SPACE } : {}), after: last ? TABLE_SPACE : 80 };
    if (i < paragraphs.length - 1) piece.options.keepNext = true;
  });
  return pieces;
}
