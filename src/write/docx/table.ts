/**
 * `table` → a Word table across the text width with light grey rules; the
 * header row (when there is one) is bold, shaded and repeats on every page.
 */
import type { Table as TableNode, TableCell as TableCellNode } from '../../tree/types.js';
import { convertInlines } from './inline.js';
import type { BlockContext, Piece } from './pieces.js';
import { RULE_COLOR, STYLE } from './styles.js';
import { paragraph } from './xml.js';

const RULE = `w:val="single" w:color="${RULE_COLOR}" w:sz="4"`;
const BORDERS =
  `<w:tblBorders><w:top ${RULE}/><w:left ${RULE}/><w:bottom ${RULE}/><w:right ${RULE}/>` +
  `<w:insideH ${RULE}/><w:insideV ${RULE}/></w:tblBorders>`;
const CELL_MARGINS =
  '<w:tblCellMar><w:top w:type="dxa" w:w="60"/><w:left w:type="dxa" w:w="100"/>' +
  '<w:bottom w:type="dxa" w:w="60"/><w:right w:type="dxa" w:w="100"/></w:tblCellMar>';
const HEADER_SHADING = '<w:shd w:fill="F2F2F2" w:color="auto" w:val="clear"/>';

/** Converts a table; a table without rows (which Word would refuse) gives nothing. */
export function convertTable(node: TableNode, ctx: BlockContext): Piece[] {
  if (node.rows.length === 0) return [];
  const columns = Math.max(1, ...node.rows.map((row) => row.length));
  const width = Math.max(columns * 400, ctx.contentWidth - ctx.indent - ctx.rightIndent);
  const columnWidth = Math.floor(width / columns);
  let xml =
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${columnWidth * columns}"/>` +
    (ctx.indent > 0 ? `<w:tblInd w:type="dxa" w:w="${ctx.indent}"/>` : '') +
    `${BORDERS}${CELL_MARGINS}</w:tblPr><w:tblGrid>${`<w:gridCol w:w="${columnWidth}"/>`.repeat(columns)}</w:tblGrid>`;
  node.rows.forEach((cells, index) => {
    const header = node.header && index === 0;
    xml += `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : '<w:tblHeader w:val="off"/>'}</w:trPr>`;
    for (let column = 0; column < columns; column++) xml += convertCell(cells[column], header, columnWidth, ctx);
    xml += '</w:tr>';
  });
  return [{ kind: 'table', xml: `${xml}</w:tbl>` }];
}

function convertCell(cell: TableCellNode | undefined, header: boolean, width: number, ctx: BlockContext): string {
  const runs = cell ? convertInlines(cell.children, ctx.targets, header ? { bold: true } : {}) : '';
  return (
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${header ? HEADER_SHADING : ''}</w:tcPr>` +
    `${paragraph({ style: STYLE.tableText, runs }, {})}</w:tc>`
  );
}
