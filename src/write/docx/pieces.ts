/**
 * What block handlers return: paragraphs still open to change (a later
 * block may ask the one before it to keep with the next, or to start on a
 * new page), tables, and page breaks. `finishPieces` writes them out as body
 * XML once the whole sequence is known.
 */
import type { LinkTargets } from './inline.js';
import type { ListNumbering } from './numbering.js';
import type { ThemeStyles } from './styles.js';
import { numIdMarker, PAGE_BREAK_PARAGRAPH, paragraph, type ParagraphOptions } from './xml.js';

/** A paragraph whose keep and break flags may still be set. */
export interface ParagraphPiece {
  readonly kind: 'paragraph';
  options: ParagraphOptions;
  keepNext: boolean;
  keepLines: boolean;
  pageBreakBefore: boolean;
}

/** A finished table, as XML (its list and link markers still to fill in). */
export interface TablePiece {
  readonly kind: 'table';
  readonly xml: string;
}

/** A page break, merged into the next paragraph when there is one. */
export interface PageBreakPiece {
  readonly kind: 'pageBreak';
}

/** One piece of block output. */
export type Piece = ParagraphPiece | TablePiece | PageBreakPiece;

/** Where a block sits: the theme's styles, the document's lists and links, and its indentation. */
export interface BlockContext {
  readonly styles: ThemeStyles;
  readonly lists: ListNumbering;
  readonly targets: LinkTargets;
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
export function createParagraphPiece(options: ParagraphOptions, ctx: BlockContext): ParagraphPiece {
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

/** A list of the body: its kind of numbering and the number of its first item. */
export interface ListInstance {
  readonly reference: string;
  readonly start: number;
}

/** The body's XML and the list instances it refers to, in order of first use. */
export interface FinishedBody {
  readonly xml: string;
  /** Each list's kind (reference) and first number, in the order their markers are numbered. */
  readonly lists: readonly ListInstance[];
}

/** Writes the pieces as body XML; a page break starts the next paragraph on a new page. */
export function finishPieces(pieces: readonly Piece[]): FinishedBody {
  const lists: ListInstance[] = [];
  const listIndex = new Map<string, number>();
  let xml = '';
  let breakPending = false;
  for (const piece of pieces) {
    if (piece.kind === 'pageBreak') {
      if (breakPending) xml += PAGE_BREAK_PARAGRAPH;
      breakPending = true;
      continue;
    }
    if (piece.kind === 'table') {
      if (breakPending) xml += PAGE_BREAK_PARAGRAPH;
      breakPending = false;
      xml += piece.xml;
      continue;
    }
    const { options } = piece;
    let numId: string | undefined;
    if (options.numbering) {
      const key = `${options.numbering.reference}/${options.numbering.instance}`;
      let index = listIndex.get(key);
      if (index === undefined) {
        index = lists.push({ reference: options.numbering.reference, start: options.numbering.start }) - 1;
        listIndex.set(key, index);
      }
      numId = numIdMarker(index);
    }
    xml += paragraph(options, { keepNext: piece.keepNext, keepLines: piece.keepLines, pageBreakBefore: piece.pageBreakBefore || breakPending }, numId);
    breakPending = false;
  }
  // A break at the very end has nothing to push onto a new page: leave it out.
  return { xml, lists };
}
