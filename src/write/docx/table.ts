/**
 * `table` → a Word table across the text width, set as the PDF sets it:
 * columns sized from their content (a narrow label column, the rest to the
 * value column), the first column bold as a label column, zebra rows and
 * light rules between rows; the header row (when there is one) on an accent
 * tint, in the accent colour, repeated on every page. Rows never split; a
 * table of a few rows stays on one page, and a longer one leaves at least two
 * body rows on either side of a page break.
 */
import { Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { Inline, Table as TableNode } from '../../tree/types.js';
import { convertInlines } from './inline.js';
import type { BlockContext, Piece } from './pieces.js';
import { RULE_COLOR, STYLE, ZEBRA_FILL } from './styles.js';

/** Cell padding, left and right (7 pt) and top and bottom (4 pt). */
const PAD_X = 140;
const PAD_Y = 80;

/** Longest share of the table a single unbreakable word may claim. */
const MAX_WORD_SHARE = 0.4;

/** Tables of up to this many rows are kept on one page. */
const KEEP_WHOLE_ROWS = 8;

const NONE = { style: 'none', size: 0, color: 'auto' } as const;
const RULE = { style: 'single', size: 4, color: RULE_COLOR } as const;

/** Converts a table; a table without rows (which Word would refuse) gives nothing. */
export function convertTable(node: TableNode, ctx: BlockContext): Piece[] {
  const columns = Math.max(0, ...node.rows.map((row) => row.length));
  if (columns === 0) return [];
  const width = ctx.contentWidth - ctx.indent - ctx.rightIndent;
  const widths = columnWidths(node, columns, width);
  const { accent, tableHeaderFill } = ctx.colors;
  let bodyRow = 0;
  const rows = node.rows.map((cells, r) => {
    const header = node.header && r === 0;
    // Zebra: a table without a header starts with a shaded row; with one, the header is shaded.
    const shaded = !header && (node.header ? bodyRow % 2 === 1 : bodyRow % 2 === 0);
    if (!header) bodyRow++;
    const fill = header ? tableHeaderFill : shaded ? ZEBRA_FILL : undefined;
    const last = r === node.rows.length - 1;
    // Keep with the next row: every row of a short table; else the header and the first body row, and the row before last.
    const firstBody = node.header ? 1 : 0;
    const keepNext = !last && (node.rows.length <= KEEP_WHOLE_ROWS || r <= firstBody || r === node.rows.length - 2);
    return new TableRow({
      cantSplit: true,
      ...(header ? { tableHeader: true } : {}),
      children: widths.map((w, c) => {
        const style = header ? STYLE.tableHeading : c === 0 && columns > 1 ? STYLE.tableLabel : STYLE.tableText;
        const children = convertInlines(cells[c]?.children ?? ([] as Inline[]), ctx.language);
        return new TableCell({
          width: { size: w, type: WidthType.DXA },
          ...(fill ? { shading: { type: 'clear', fill, color: 'auto' } } : {}),
          ...(header ? { borders: { bottom: { style: 'single', size: 6, color: accent } } } : {}),
          children: [new Paragraph({ style, children, ...(keepNext ? { keepNext: true } : {}) })],
        });
      }),
    });
  });
  const table = new Table({
    rows,
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    ...(ctx.indent > 0 ? { indent: { size: ctx.indent, type: WidthType.DXA } } : {}),
    margins: { top: PAD_Y, bottom: PAD_Y, left: PAD_X, right: PAD_X },
    // Light rules under the rows, no vertical rules; the header row draws its own accent rule.
    borders: { top: NONE, left: NONE, right: NONE, bottom: RULE, insideHorizontal: RULE, insideVertical: NONE },
  });
  return [{ kind: 'table', table }];
}

/**
 * Column widths that fill the width, as the PDF sizes them: natural widths
 * when every cell fits on one line (the spare room going to the last column),
 * otherwise each column gets its longest word plus a share of the rest in
 * proportion to how much more it would like. Text widths are estimated from
 * the characters (Word measures with the fonts it has).
 */
function columnWidths(node: TableNode, columns: number, available: number): number[] {
  const pad = 2 * PAD_X;
  const natural = new Array<number>(columns).fill(pad);
  const minimum = new Array<number>(columns).fill(pad);
  node.rows.forEach((row, r) => {
    for (let c = 0; c < columns; c++) {
      const bold = (node.header && r === 0) || (c === 0 && columns > 1);
      const lines = plainLines(row[c]?.children ?? []);
      const full = Math.max(0, ...lines.map((line) => textWidth(line, bold)));
      const word = Math.max(0, ...lines.flatMap((line) => line.split(' ')).map((part) => textWidth(part, bold)));
      natural[c] = Math.max(natural[c]!, full + pad);
      minimum[c] = Math.max(minimum[c]!, Math.min(word, available * MAX_WORD_SHARE) + pad);
    }
  });
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  let widths: number[];
  const naturalSum = sum(natural);
  const minimumSum = sum(minimum);
  if (naturalSum <= available) {
    widths = [...natural];
    widths[columns - 1]! += available - naturalSum;
  } else if (minimumSum >= available) {
    widths = minimum.map((w) => (w / minimumSum) * available);
  } else {
    const wants = natural.map((w, c) => w - minimum[c]!);
    const wantSum = sum(wants);
    widths = minimum.map((w, c) => w + ((available - minimumSum) * wants[c]!) / wantSum);
  }
  // Whole twips that add up to the width exactly.
  const rounded = widths.map(Math.floor);
  rounded[columns - 1]! += available - sum(rounded);
  return rounded;
}

/** The text of a cell, one string per line (hard breaks split lines). */
function plainLines(nodes: readonly Inline[]): string[] {
  const lines = [''];
  const walk = (list: readonly Inline[]): void => {
    for (const node of list) {
      if (node.type === 'text') lines[lines.length - 1] += node.value;
      else if (node.type === 'break') lines.push('');
      else walk(node.children);
    }
  };
  walk(nodes);
  return lines;
}

/**
 * Width of text at the table's 10 pt, in twips, estimated per character on
 * the generous side, so that a word processor without Noto Sans (which sets
 * the text in a wider font such as DejaVu Sans) still fits a label on one
 * line: lower case and digits 0.65 em (bold 0.7), capitals 0.8 em, spaces
 * 0.32 em, East Asian characters a full em.
 */
const NARROW = "ilIj.,:;'|!()[]";
const WIDE = 'mwMW@';

function textWidth(text: string, bold: boolean): number {
  let width = 0;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (cp === 0x20) width += 64;
    else if (cp >= 0x1100 && (cp <= 0x11ff || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xff60) || cp >= 0x20000)) width += 200;
    else if (NARROW.includes(char)) width += 76;
    else if ((cp >= 0x41 && cp <= 0x5a) || WIDE.includes(char)) width += bold ? 172 : 160;
    else width += bold ? 140 : 130;
  }
  return width;
}
