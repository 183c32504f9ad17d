/**
 * Block nodes → pieces. One exhaustive switch sends each node to its
 * handler; headings, paragraphs and page breaks are handled here, the rest in
 * a file of their own.
 *
 * Keep-with-next chains, as the PDF keeps blocks together: a heading keeps
 * with what follows (its style says so), and so does the paragraph right
 * after a heading (its intro) and a label paragraph (all bold, or ending in
 * a colon) before a list, table or checklist; a question keeps with the
 * writing lines after it; the first two and the last two lines of a
 * checklist stay together.
 */
import { assertNever, type Block, type Heading, type Inline, type Paragraph } from '../../tree/types.js';
import { convertAnswerLines } from './answer-lines.js';
import { convertCallout } from './callout.js';
import { convertCheckbox } from './checkbox.js';
import { convertInlines } from './inline.js';
import { convertList, keepEndsTogether } from './list.js';
import { lastParagraph, paragraphPiece, type BlockContext, type Piece } from './pieces.js';
import { STYLE } from './styles.js';
import { convertTable } from './table.js';

/** Converts a sequence of blocks. */
export function convertBlocks(blocks: readonly Block[], ctx: BlockContext): Piece[] {
  const out: Piece[] = [];
  let checklist: Piece[][] = [];
  blocks.forEach((block, i) => {
    const previous = blocks[i - 1];
    const next = blocks[i + 1];
    if (block.type === 'answerLines' && block.count > 0) {
      const question = lastParagraph(out);
      if (question) {
        question.options.keepNext = true;
        question.options.keepLines = true;
      }
    }
    const pieces = convertBlock(block, ctx);
    if (block.type === 'paragraph' && next && next.type !== 'heading' && next.type !== 'pageBreak') {
      const intro = previous?.type === 'heading';
      if (intro || isLabel(block.children)) {
        const paragraph = lastParagraph(pieces);
        if (paragraph) paragraph.options.keepNext = true;
      }
    }
    out.push(...pieces);
    if (block.type === 'checkbox') checklist.push(pieces);
    if (block.type !== 'checkbox' || next?.type !== 'checkbox') {
      keepEndsTogether(checklist);
      checklist = [];
    }
  });
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
      return convertList(block, ctx, convertBlocks);
    case 'checkbox':
      return [convertCheckbox(block, ctx)];
    case 'answerLines':
      return convertAnswerLines(block, ctx);
    case 'table':
      return convertTable(block, ctx);
    case 'callout':
      return convertCallout(block, ctx, convertBlocks);
    case 'pageBreak':
      return [{ kind: 'pageBreak' }];
    default:
      return assertNever(block);
  }
}

function convertHeading(node: Heading, ctx: BlockContext): Piece {
  return paragraphPiece({ style: STYLE.heading[node.depth - 1], children: convertInlines(node.children, ctx.language) }, ctx);
}

function convertParagraph(node: Paragraph, ctx: BlockContext): Piece {
  return paragraphPiece({ children: convertInlines(node.children, ctx.language) }, ctx);
}

/** A run-in label: a paragraph that is all bold, or that ends with a colon. */
function isLabel(children: readonly Inline[]): boolean {
  const meaningful = children.filter((node) => node.type !== 'text' || node.value.trim() !== '');
  if (meaningful.length > 0 && meaningful.every((node) => node.type === 'strong')) return true;
  const last = children[children.length - 1];
  return last?.type === 'text' && last.value.trimEnd().endsWith(':');
}
