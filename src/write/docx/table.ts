/**
 * `table` → a Word table across the text width with light grey rules; the
 * header row (when there is one) is bold, shaded and repeats on every page.
 */
import { BorderStyle, Paragraph, ShadingType, Table, TableCell, TableRow, WidthType } from 'docx';
import type { Table as TableNode, TableCell as TableCellNode } from '../../tree/types.js';
import { convertInlines } from './inline.js';
import type { BlockContext, Piece } from './pieces.js';
import { RULE_COLOR, STYLE } from './styles.js';

const RULE = { style: BorderStyle.SINGLE, size: 4, color: RULE_COLOR } as const;
const BORDERS = { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE };
const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 };
const HEADER_SHADING = { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' } as const;

/** Converts a table; a table without rows (which Word would refuse) gives nothing. */
export function convertTable(node: TableNode, ctx: BlockContext): Piece[] {
  if (node.rows.length === 0) return [];
  const columns = Math.max(1, ...node.rows.map((row) => row.length));
  const width = Math.max(columns * 400, ctx.contentWidth - ctx.indent - ctx.rightIndent);
  const columnWidth = Math.floor(width / columns);
  const rows = node.rows.map((cells, index) => {
    const header = node.header && index === 0;
    const filled = [...cells];
    while (filled.length < columns) filled.push({ type: 'tableCell', children: [] });
    return new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: filled.map((cell) => convertCell(cell, header, columnWidth)),
    });
  });
  const table = new Table({
    rows,
    width: { size: columnWidth * columns, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => columnWidth),
    borders: BORDERS,
    margins: CELL_MARGINS,
    ...(ctx.indent > 0 ? { indent: { size: ctx.indent, type: WidthType.DXA } } : {}),
  });
  return [{ kind: 'table', table }];
}

function convertCell(cell: TableCellNode, header: boolean, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(header ? { shading: HEADER_SHADING } : {}),
    children: [new Paragraph({ style: STYLE.tableText, children: convertInlines(cell.children, header ? { bold: true } : {}) })],
  });
}
