/**
 * `callout` → its blocks set in from both sides on a light tint of the accent
 * colour, with an accent rule on the left (the Callout style). Lists and
 * check boxes inside a callout get the same rule and shading directly.
 */
import type { Callout } from '../../tree/types.js';
import { convertBlocks } from './blocks.js';
import type { BlockContext, Piece } from './pieces.js';
import { STYLE } from './styles.js';
import { CALLOUT_INDENT } from './units.js';

/** Left edge of a callout's text, relative to the text around it. */
const CALLOUT_TEXT_INDENT = CALLOUT_INDENT + 144;

/** Converts a callout. */
export function convertCallout(node: Callout, ctx: BlockContext): Piece[] {
  const inner: BlockContext = { ...ctx, indent: ctx.indent + CALLOUT_TEXT_INDENT, rightIndent: ctx.rightIndent + CALLOUT_INDENT };
  const pieces = convertBlocks(node.children, inner);
  const look = ctx.styles.callout;
  const atTop = ctx.indent === 0 && ctx.rightIndent === 0;
  for (const piece of pieces) {
    if (piece.kind !== 'paragraph') continue;
    const { options } = piece;
    if (options.style === undefined && options.numbering === undefined) {
      // A plain paragraph takes the Callout style, whose indents match a callout at the top level.
      const { indent, ...rest } = options;
      piece.options = atTop ? { ...rest, style: STYLE.callout } : { ...options, style: STYLE.callout };
    } else {
      // Every paragraph of the callout starts its first line at the callout's text edge, so the
      // accent rule on the left stays one straight line; list markers hang from that edge.
      const left = options.indent?.left;
      const indent =
        options.numbering && typeof left === 'number' ? { ...options.indent, hanging: left - inner.indent } : options.indent;
      piece.options = { ...options, border: look.border, shading: look.shading, ...(indent ? { indent } : {}) };
    }
  }
  return pieces;
}
