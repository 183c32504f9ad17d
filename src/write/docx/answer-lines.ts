/**
 * `answerLines` → one paragraph in the Answer Line style holding N ruled
 * lines: each line is a tab to the right edge, underlined in light grey by
 * the style, and the lines are separated by line breaks. One paragraph, not N empty
 * ones, so a screen reader announces the writing space once instead of
 * "blank" for every line. The question before it keeps with it (see
 * `convertBlocks`).
 */
import { Tab, TabStopType, TextRun } from 'docx';
import type { AnswerLines } from '../../tree/types.js';
import { paragraphPiece, type BlockContext, type Piece } from './pieces.js';
import { STYLE } from './styles.js';

/** The most lines one block may ask for; more would fill pages with nothing else. */
export const MAX_ANSWER_LINES = 60;

/** Converts answer lines to one ruled paragraph (nothing for zero lines). */
export function convertAnswerLines(node: AnswerLines, ctx: BlockContext): Piece[] {
  const count = Math.max(0, Math.min(MAX_ANSWER_LINES, Math.floor(node.count)));
  if (count === 0) return [];
  const width = ctx.contentWidth - ctx.rightIndent; // tab stops count from the margin, not the indent
  const children = Array.from(
    { length: count },
    (_, i) => new TextRun({ children: [new Tab()], ...(i > 0 ? { break: 1 } : {}) }),
  );
  return [paragraphPiece({ style: STYLE.answerLine, tabStops: [{ type: TabStopType.RIGHT, position: width }], children }, ctx)];
}
