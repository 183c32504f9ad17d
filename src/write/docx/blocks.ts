/**
 * Block nodes → pieces. One exhaustive switch sends each node to its
 * handler; headings, paragraphs and page breaks are handled here, the
 * rest in a file of their own.
 */
import { assertNever, type Block, type Heading, type Paragraph } from '../../tree/types.js';
import { convertAnswerLines } from './answer-lines.js';
import { convertCallout } from './callout.js';
import { convertCheckbox } from './checkbox.js';
import { convertInlines } from './inline.js';
import { convertList } from './list.js';
import { createParagraphPiece, lastParagraph, type BlockContext, type Piece } from './pieces.js';
import { STYLE } from './styles.js';
import { convertTable } from './table.js';

/** Converts a sequence of blocks; a question stays on the page of the answer lines after it. */
export function convertBlocks(blocks: readonly Block[], ctx: BlockContext): Piece[] {
  const out: Piece[] = [];
  for (const block of blocks) {
    if (block.type === 'answerLines' && block.count > 0) {
      const question = lastParagraph(out);
      if (question) {
        question.keepNext = true;
        question.keepLines = true;
      }
    }
    out.push(...convertBlock(block, ctx));
  }
  return out;
}

/** Converts one block. */
export function convertBlock(block: Block, ctx: BlockContext): Piece[] {
  switch (block.type) {
    case 'heading':
      return [convertHeading(block, ctx)];
    case 'paragraph':
      return [convertParagraph(block, ctx)];
    case 'list':
      return convertList(block, ctx);
    case 'checkbox':
      return [convertCheckbox(block, ctx)];
    case 'answerLines':
      return convertAnswerLines(block, ctx);
    case 'table':
      return convertTable(block, ctx);
    case 'callout':
      return convertCallout(block, ctx);
    case 'pageBreak':
      return [{ kind: 'pageBreak' }];
    default:
      return assertNever(block);
  }
}

function convertHeading(node: Heading, ctx: BlockContext): Piece {
  return createParagraphPiece({ style: STYLE.heading[node.depth - 1], runs: convertInlines(node.children, ctx.targets) }, ctx);
}

function convertParagraph(node: Paragraph, ctx: BlockContext): Piece {
  return createParagraphPiece({ runs: convertInlines(node.children, ctx.targets) }, ctx);
}
