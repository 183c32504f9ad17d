/**
 * `checkbox` → a Checklist paragraph that opens with a real Word check box
 * content control (ticked when the node is checked), a tab, then the text.
 */
import type { Checkbox } from '../../tree/types.js';
import { convertInlines } from './inline.js';
import { createParagraphPiece, type BlockContext, type Piece } from './pieces.js';
import { STYLE } from './styles.js';
import { CHECKBOX_HANGING } from './units.js';
import { checkBox, TAB_RUN } from './xml.js';

/** Converts a checklist line. */
export function convertCheckbox(node: Checkbox, ctx: BlockContext): Piece {
  const runs = checkBox(node.checked, node.name || undefined) + TAB_RUN + convertInlines(node.children, ctx.targets);
  const indent = ctx.indent > 0 || ctx.rightIndent > 0 ? { left: ctx.indent + CHECKBOX_HANGING, hanging: CHECKBOX_HANGING } : undefined;
  return createParagraphPiece({ style: STYLE.checklist, runs, ...(indent ? { indent } : {}) }, ctx);
}
