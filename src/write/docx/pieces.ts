/**
 * What block handlers return: paragraphs still open to change (a later
 * block may ask the one before it to keep with the next, or to start on a
 * new page), tables, and page breaks. `finishPieces` turns them into docx
 * objects once the whole sequence is known.
 */
import { PageBreak, Paragraph, type IParagraphOptions, type Table } from 'docx';
import type { ListNumbering } from './numbering.js';
import type { ThemeStyles } from './styles.js';

/** A paragraph whose keep and break flags may still be set. */
export interface ParagraphPiece {
  readonly kind: 'paragraph';
  options: IParagraphOptions;
  keepNext: boolean;
  keepLines: boolean;
  pageBreakBefore: boolean;
}

/** A finished table. */
export interface TablePiece {
  readonly kind: 'table';
  readonly table: Table;
}

/** A page break, merged into the next paragraph when there is one. */
export interface PageBreakPiece {
  readonly kind: 'pageBreak';
}

/** One piece of block output. */
export type Piece = ParagraphPiece | TablePiece | PageBreakPiece;

/** Where a block sits: the theme's styles, the document's lists, and its indentation. */
export interface BlockContext {
  readonly styles: ThemeStyles;
  readonly lists: ListNumbering;
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
export function createParagraphPiece(options: IParagraphOptions, ctx: BlockContext): ParagraphPiece {
  let indented = options;
  if (ctx.indent > 0 || ctx.rightIndent > 0) {
    const container = ctx.rightIndent > 0 ? { left: ctx.indent, right: ctx.rightIndent } : { left: ctx.indent };
    indented = { ...options, indent: { ...container, ...options.indent } };
  }
  return { kind: 'paragraph', options: indented, keepNext: false, keepLines: false, pageBreakBefore: false };
}

/** The last paragraph among the pieces, if any. */
export function lastParagraph(pieces: readonly Piece[]): ParagraphPiece | undefined {
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = pieces[i]!;
    if (piece.kind === 'paragraph') return piece;
    if (piece.kind === 'table') return undefined;
  }
  return undefined;
}

/** Turns pieces into the section's children; a page break starts the next paragraph on a new page. */
export function finishPieces(pieces: readonly Piece[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  let breakPending = false;
  for (const piece of pieces) {
    if (piece.kind === 'pageBreak') {
      if (breakPending) out.push(new Paragraph({ children: [new PageBreak()] }));
      breakPending = true;
      continue;
    }
    if (piece.kind === 'table') {
      if (breakPending) out.push(new Paragraph({ children: [new PageBreak()] }));
      breakPending = false;
      out.push(piece.table);
      continue;
    }
    const { options } = piece;
    const flags: { keepNext?: boolean; keepLines?: boolean; pageBreakBefore?: boolean } = {};
    if (piece.keepNext) flags.keepNext = true;
    if (piece.keepLines) flags.keepLines = true;
    if (piece.pageBreakBefore || breakPending) flags.pageBreakBefore = true;
    breakPending = false;
    out.push(new Paragraph(flags.keepNext || flags.keepLines || flags.pageBreakBefore ? { ...options, ...flags } : options));
  }
  // A break at the very end has nothing to push onto a new page: leave it out.
  return out;
}
