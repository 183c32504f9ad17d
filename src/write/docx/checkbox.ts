/**
 * `checkbox` → a Checklist paragraph that opens with a real Word check box
 * content control (ticked when the node is checked), a tab, then the text.
 */
import { CheckBox, Tab, TextRun } from 'docx';
import type { Checkbox } from '../../tree/types.js';
import { convertInlines } from './inline.js';
import { createParagraphPiece, type BlockContext, type Piece } from './pieces.js';
import { STYLE } from './styles.js';
import { CHECKBOX_HANGING } from './units.js';

/** Converts a checklist line. */
export function convertCheckbox(node: Checkbox, ctx: BlockContext): Piece {
  const children = [
    new CheckBox({ checked: node.checked, ...(node.name ? { alias: node.name } : {}) }),
    new TextRun({ children: [new Tab()] }),
    ...convertInlines(node.children),
  ];
  const indent = ctx.indent > 0 || ctx.rightIndent > 0 ? { left: ctx.indent + CHECKBOX_HANGING, hanging: CHECKBOX_HANGING } : undefined;
  return createParagraphPiece({ style: STYLE.checklist, children, ...(indent ? { indent } : {}) }, ctx);
}
