/**
 * `answerLines` → N empty paragraphs in the Answer Line style: a light grey
 * rule every 22 pt. The lines keep together, and the question before them
 * keeps with them (see `convertBlocks`).
 */
import type { AnswerLines } from '../../tree/types.js';
import { paragraphPiece, type BlockContext, type Piece } from './pieces.js';
import { STYLE } from './styles.js';

/** The most lines one block may ask for; more would fill pages with nothing else. */
export const MAX_ANSWER_LINES = 60;

/** Converts answer lines to ruled, empty paragraphs. */
export function convertAnswerLines(node: AnswerLines, ctx: BlockContext): Piece[] {
  const count = Math.max(0, Math.min(MAX_ANSWER_LINES, Math.floor(node.count)));
  return Array.from({ length: count }, (_, i) => paragraphPiece({ style: STYLE.answerLine, ...(i < count - 1 ? { keepNext: true } : {}) }, ctx));
}
