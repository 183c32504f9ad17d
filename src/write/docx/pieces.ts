/**
 * What block handlers return: paragraph options still open to change (a
 * later block may ask the one before it to keep with the next, or to start
 * on a new page), finished tables, and page breaks. `finishPieces` turns them
 * into docx's `Paragraph`s and `Table`s once the whole sequence is known.
 */
import { Paragraph, PageBreak, type FileChild, type IParagraphOptions, type Table } from 'docx';
import type { Block } from '../../tree/types.js';
import type { ListNumbering } from './numbering.js';
import { STYLE, type ThemeColors } from './styles.js';
import { TABLE_SPACE } from './units.js';

/** The options of a paragraph, open to change until the pieces are finished. */
export type ParagraphSpec = { -readonly [K in keyof IParagraphOptions]: IParagraphOptions[K] };

/** A paragraph still to be made. */
export interface ParagraphPiece {
  readonly kind: 'paragraph';
  options: ParagraphSpec;
}

/** A finished table. */
export interface TablePiece {
  readonly kind: 'table';
  readonly table: Table;
}

/** A page break, made the next paragraph's "page break before" when there is one. */
export interface PageBreakPiece {
  readonly kind: 'pageBreak';
}

/** One piece of block output. */
export type Piece = ParagraphPiece | TablePiece | PageBreakPiece;

/** Converts a sequence of blocks (blocks.ts); handed to the handlers of blocks that hold blocks. */
export type ConvertBlocks = (blocks: readonly Block[], ctx: BlockContext) => Piece[];

/** Where a block sits: the theme's colours, the document's lists, its language and indentation. */
export interface BlockContext {
  readonly colors: ThemeColors;
  readonly lists: ListNumbering;
  /** The document's language (BCP 47), for runs in other scripts. */
  readonly language: string;
  /** Left edge of text in the current container, in twips from the margin. */
  readonly indent: number;
  /** Right indent of the current container, in twips. */
  readonly rightIndent: number;
  /** Level the next list starts at (0 outside lists). */
  readonly listLevel: number;
  /** Width between the page margins, in twips. */
  readonly contentWidth: number;
}

/** A paragraph piece with the container's indentation applied. */
export function paragraphPiece(options: ParagraphSpec, ctx: BlockContext): ParagraphPiece {
  if (ctx.indent > 0 || ctx.rightIndent > 0) {
    const container = ctx.rightIndent > 0 ? { left: ctx.indent, right: ctx.rightIndent } : { left: ctx.indent };
    return { kind: 'paragraph', options: { ...options, indent: { ...container, ...options.indent } } };
  }
  return { kind: 'paragraph', options };
}

/** The paragraphs among the pieces. */
export function paragraphsOf(pieces: readonly Piece[]): ParagraphPiece[] {
  return pieces.filter((piece): piece is ParagraphPiece => piece.kind === 'paragraph');
}

/** The last piece if it is a paragraph. */
export function lastParagraph(pieces: readonly Piece[]): ParagraphPiece | undefined {
  const last = pieces[pieces.length - 1];
  return last?.kind === 'paragraph' ? last : undefined;
}

const isHeading = (options: ParagraphSpec): boolean => (STYLE.heading as readonly (string | undefined)[]).includes(options.style);

/**
 * The document body: a page break starts the next paragraph on a new page,
 * and the paragraph after a table gets the table's space after it.
 */
export function finishPieces(pieces: readonly Piece[]): FileChild[] {
  const out: FileChild[] = [];
  let breakPending = false;
  let afterTable = false;
  for (const piece of pieces) {
    if (piece.kind === 'pageBreak') {
      if (breakPending) out.push(new Paragraph({ children: [new PageBreak()] }));
      breakPending = true;
      continue;
    }
    if (piece.kind === 'table') {
      if (breakPending) out.push(new Paragraph({ children: [new PageBreak()] }));
      out.push(piece.table);
      breakPending = false;
      afterTable = true;
      continue;
    }
    // Widow and orphan control: never one line of a paragraph alone at the foot or head of a page.
    const options = { widowControl: true, ...piece.options };
    if (breakPending) options.pageBreakBefore = true;
    if (afterTable && !isHeading(options)) options.spacing = { ...options.spacing, before: TABLE_SPACE };
    out.push(new Paragraph(options));
    breakPending = false;
    afterTable = false;
  }
  // A break at the very end has nothing to push onto a new page: it is left out.
  return out;
}
