/**
 * `checkbox` → a Checklist paragraph that opens with a real Word check box
 * content control (ticked when the node is checked), a tab, then the text.
 */
import { CheckBox, Tab, TextRun } from 'docx';
import type { Checkbox } from '../../tree/types.js';
import { cleanText, convertInlines } from './inline.js';
import { paragraphPiece, type BlockContext, type Piece } from './pieces.js';
import { STYLE } from './styles.js';
import { CHECKBOX_HANGING } from './units.js';

const BOX_FONT = 'MS Gothic';

/** Converts a checklist line. */
export function convertCheckbox(node: Checkbox, ctx: BlockContext): Piece {
  const box = new CheckBox({
    checked: node.checked,
    checkedState: { value: '2612', font: BOX_FONT },
    uncheckedState: { value: '2610', font: BOX_FONT },
    ...(node.name ? { alias: cleanText(node.name) } : {}),
  });
  const children = [box, new TextRun({ children: [new Tab()] }), ...convertInlines(node.children, ctx.language)];
  const indent = ctx.indent > 0 || ctx.rightIndent > 0 ? { left: ctx.indent + CHECKBOX_HANGING, hanging: CHECKBOX_HANGING } : undefined;
  return paragraphPiece({ style: STYLE.checklist, children, ...(indent ? { indent } : {}) }, ctx);
}
