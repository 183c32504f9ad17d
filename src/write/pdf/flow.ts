/**
 * The flow between block layout and pagination: a vertical sequence of
 * strips. A strip is the smallest thing that never splits (one line of text,
 * one answer rule, one band of a table row). Keep rules are expressed as
 * "no page break before this strip"; pagination honours them when it can.
 */
import type { Block } from '../../tree/types.js';
import type { Box, StructElement, StructRole } from './layout-types.js';
import type { LineFragment, WrappedLine } from './wrap-line.js';
import type { Metrics } from './measure.js';
import type { TextStyle, Typography } from './typography.js';
import type { FontKey } from './layout-types.js';

/** One unsplittable horizontal slice of the document. */
export interface Strip {
  /** Gap above the strip; dropped when the strip starts a page. */
  spaceBefore: number;
  /** Height of the strip itself. */
  height: number;
  /** Forbid a page break between the previous strip and this one. */
  keepWithPrevious: boolean;
  /** Start a new page before this strip (a `pageBreak`). */
  forceBreakBefore?: boolean;
  /** Boxes with `y` relative to the strip's top; `x` is absolute. */
  boxes: Box[];
  /** An outline entry pointing at this strip's top. */
  bookmark?: { readonly title: string; readonly level: 1 | 2 };
  /** A heading's line or a lead-in paragraph's: must not end a page. */
  leadIn?: 'heading' | 'intro';
  /** Strips sharing a unit belong on one page: a question and its writing space. */
  unit?: number;
  /** The sequences this strip is part of: element `index` of lines, list items, checklist lines or table rows. */
  seq?: SequenceMark[];
  /** Set on a table's header strips: the table's sequence id. */
  tableHeader?: number;
  /** Strips drawn first when this strip starts a page (a table's header row, repeated). */
  repeatOnNewPage?: readonly Strip[];
}

/** Where a strip sits in a sequence, for the widow and orphan rules and the preflight. */
export interface SequenceMark {
  readonly id: number;
  readonly index: number;
  readonly kind: 'line' | 'item' | 'row';
}

/** Where blocks are being laid out: the column and the shared services. */
export interface FlowContext {
  readonly x: number;
  readonly width: number;
  readonly typography: Typography;
  readonly metrics: Metrics;
  /** How deeply nested in lists we are (0 = not in a list). */
  readonly listDepth: number;
  /** Hyphenate prose (the document's language has patterns). */
  readonly hyphenate: boolean;
  /** Width of the widest ordered-list number of the document ("24."), so every question hangs alike. */
  readonly numberWidth: number;
  /** Source of ids for units and sequences, shared by the whole document. */
  readonly ids: { next: number };
  /** The document's structure elements so far, shared by the whole document. */
  readonly structure: StructElement[];
  /** The structure element that what is laid out here belongs to. */
  readonly parent: number;
  /** `parent` holds one paragraph and nothing else (a list item's body): its text goes straight in, with no P of its own. */
  readonly soleParagraph?: boolean;
}

/** Adds a structure element under `parent` (the context's by default) and returns its id. */
export function addElement(
  context: FlowContext,
  role: StructRole,
  extra: Pick<StructElement, 'alt' | 'scope'> = {},
  parent = context.parent,
): number {
  const id = context.structure.length;
  context.structure.push({ id, role, parent, ...extra });
  return id;
}

/** A copy of `boxes` that are artifacts: drawn, not read (a table header repeated on a new page). */
export function untag(boxes: readonly Box[]): Box[] {
  return boxes.map((box) => {
    if (box.tag === undefined) return box;
    const { tag: _, ...rest } = box;
    return rest;
  });
}

/** A fresh id for a unit or sequence. */
export function nextId(context: FlowContext): number {
  return context.ids.next++;
}

/**
 * Marks `elements` (the strips of each line, item or row) as a sequence and
 * keeps the first two elements together and the last two together: no
 * element alone at the foot or head of a page (widow and orphan control).
 * Returns the sequence's id.
 */
export function markSequence(elements: readonly (readonly Strip[])[], kind: SequenceMark['kind'], context: FlowContext): number {
  const id = nextId(context);
  elements.forEach((strips, index) => {
    const mark = { id, index, kind };
    for (const strip of strips) (strip.seq ??= []).push(mark);
  });
  if (elements.length >= 2) {
    elements[1]![0]!.keepWithPrevious = true;
    elements[elements.length - 1]![0]!.keepWithPrevious = true;
  }
  return id;
}

/** Lays out a sequence of blocks in a context (passed around to avoid import cycles). */
export type LayoutBlocks = (blocks: readonly Block[], context: FlowContext) => Strip[];

/** Distance from the top of a line of `style` to its baseline, centring the glyphs in the leading. */
export function baselineOffset(style: TextStyle, font: FontKey, metrics: Metrics): number {
  const ascent = metrics.ascent(font) * style.size;
  const descent = metrics.descent(font) * style.size;
  return (style.leading - ascent - descent) / 2 + ascent;
}

/** Options for turning wrapped lines into strips. */
export interface TextStripOptions {
  readonly x: number;
  readonly style: TextStyle;
  readonly color: string;
}

/**
 * One strip per wrapped line: text boxes, plus underlines and link areas for
 * link fragments. Lines after the first keep with the previous one only when
 * the caller says so; the caller sets the rules.
 */
export function textStrips(lines: readonly WrappedLine[], options: TextStripOptions, context: FlowContext): Strip[] {
  return lines.map((line) => ({
    spaceBefore: 0,
    height: options.style.leading,
    keepWithPrevious: false,
    boxes: lineBoxes(line.fragments, options, context, 0),
  }));
}

/** The boxes of one line whose top is at `top` (relative to its strip). */
export function lineBoxes(fragments: readonly LineFragment[], options: TextStripOptions, context: FlowContext, top: number): Box[] {
  const { style } = options;
  const { metrics, typography } = context;
  const boxes: Box[] = [];
  const decorations: Box[] = [];
  for (const f of fragments) {
    const baseline = top + baselineOffset(style, f.font, metrics);
    const x = options.x + f.x;
    const color = f.link ? typography.colors.accent : options.color;
    // A link's text and its clickable area are one Link element; its underline is an artifact.
    const tag = f.link ? addElement(context, 'Link') : context.parent;
    boxes.push({ kind: 'text', x, y: baseline, width: f.width, text: f.text, font: f.font, size: style.size, color, tag });
    if (f.link) {
      const ascent = metrics.ascent(f.font) * style.size;
      const descent = metrics.descent(f.font) * style.size;
      const underline = baseline + typography.link.underlineOffset;
      decorations.push({
        kind: 'line',
        x1: x,
        y1: underline,
        x2: x + f.width,
        y2: underline,
        thickness: typography.link.underlineThickness,
        color: typography.colors.accent,
      });
      decorations.push({ kind: 'link', x, y: baseline - ascent, width: f.width, height: ascent + descent, url: f.link, tag });
    }
  }
  return decorations.length > 0 ? [...boxes, ...decorations] : boxes;
}

/** Moves every box of a strip down by `dy` (relative coordinates). */
export function shiftBoxes(boxes: readonly Box[], dy: number): Box[] {
  if (dy === 0) return [...boxes];
  return boxes.map((box) => shiftBox(box, 0, dy));
}

/** A copy of `box` moved by (dx, dy). */
export function shiftBox(box: Box, dx: number, dy: number): Box {
  switch (box.kind) {
    case 'line':
      return { ...box, x1: box.x1 + dx, x2: box.x2 + dx, y1: box.y1 + dy, y2: box.y2 + dy };
    default:
      return { ...box, x: box.x + dx, y: box.y + dy };
  }
}

/**
 * Makes the gaps between strips part of the strips (except before the first),
 * so a background drawn per strip covers them and they never collapse.
 */
export function solidify(strips: Strip[]): Strip[] {
  return strips.map((strip, i) => {
    if (i === 0 || strip.spaceBefore === 0) return strip;
    return {
      ...strip,
      height: strip.height + strip.spaceBefore,
      boxes: shiftBoxes(strip.boxes, strip.spaceBefore),
      spaceBefore: 0,
    };
  });
}

/** Marks every strip but the first as kept with its predecessor. */
export function keepTogether(strips: Strip[]): Strip[] {
  strips.forEach((strip, i) => {
    if (i > 0) strip.keepWithPrevious = true;
  });
  return strips;
}
