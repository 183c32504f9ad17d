/**
 * `answerLines` → N empty paragraphs in the Answer Line style: a light grey
 * rule every 0.3 inch. The lines keep together, and the question before them
 * keeps with them (see `convertBlocks`).
 */
import type { AnswerLines } from '../../tree/types.js';
import { createParagraphPiece, type BlockContext, type Piece } from './pieces.js';
import { STYLE } from './styles.js';

/** The most lines one block may ask for; more would fill pages with nothing else. */
export const MAX_ANSWER_LINES = 60;

/** Converts answer lines to ruled, empty paragraphs. */
export function convertAnswerLines(node: AnswerLines, ctx: BlockContext): Piece[] {
  const count = Math.max(0, Math.min(MAX_ANSWER_LINES, Math.floor(node.count)));
  const out: Piece[] = [];
  for (let i = 0; i < count; i++) {
    const piece = createParagraphPiece({ style: STYLE.answerLine, runs: '' }, ctx);
    piece.keepNext = i < count - 1;
    out.push(piece);
  }
  return out;
}
