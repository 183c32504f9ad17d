/**
 * Tables: columns sized from their content, cell text wrapped, zebra rows
 * and light rules. The first column is set bold as a label column (the cover
 * block is label/value pairs); a header row gets a tinted band. Tables break
 * between rows, with at least two body rows on each side of a break, and
 * repeat their header row at the top of the next page; a row is split only
 * when it is taller than a page.
 */
import type { Table } from '../../tree/types.js';
import { flattenInlines, type StyledRun } from './inline-runs.js';
import { wrapRuns, type WrappedLine } from './wrap-line.js';
import { addElement, lineBoxes, markSequence, untag, type FlowContext, type Strip } from './flow.js';
import type { Box } from './layout-types.js';

/** Longest share of the table a single unbreakable word may claim. */
const MAX_WORD_SHARE = 0.4;

/** Lays out a table across the full width of the column. */
export function layoutTable(table: Table, context: FlowContext): Strip[] {
  const t = context.typography;
  const style = t.table;
  const columns = Math.max(0, ...table.rows.map((row) => row.length));
  if (columns === 0) return [];
  const isHeader = (r: number): boolean => table.header && r === 0;
  const runs: StyledRun[][][] = table.rows.map((row, r) =>
    Array.from({ length: columns }, (_, c) =>
      flattenInlines(row[c]?.children ?? [], { bold: isHeader(r) || (c === 0 && columns > 1), italic: false }),
    ),
  );
  const widths = columnWidths(runs, columns, context);
  const xs: number[] = [];
  widths.reduce((x, w) => (xs.push(x), x + w), context.x);

  const structure = addElement(context, 'Table');
  const strips: Strip[] = [];
  const headerStrips: Strip[] = [];
  const rows: Strip[][] = [];
  let bodyRow = 0;
  runs.forEach((row, r) => {
    const header = isHeader(r);
    const cells: WrappedLine[][] = row.map((cellRuns, c) =>
      wrapRuns(cellRuns, widths[c]! - 2 * style.padX, style.size, context.metrics),
    );
    const bands = Math.max(1, ...cells.map((lines) => lines.length));
    // Zebra: a table without a header starts with a shaded row; with one, the header is shaded.
    const shaded = table.header ? bodyRow % 2 === 1 : bodyRow % 2 === 0;
    const fill = header ? t.colors.tableHeaderFill : shaded ? t.colors.zebraFill : undefined;
    if (!header) bodyRow++;
    // Header cells head their column; the bold first column of a body row heads its row.
    const tr = addElement(context, 'TR', {}, structure);
    const tags = cells.map((_, c) =>
      header
        ? addElement(context, 'TH', { scope: 'Column' }, tr)
        : c === 0 && columns > 1
          ? addElement(context, 'TH', { scope: 'Row' }, tr)
          : addElement(context, 'TD', {}, tr),
    );
    for (let k = 0; k < bands; k++) {
      const top = k === 0 ? style.padY : 0;
      const height = style.leading + top + (k === bands - 1 ? style.padY : 0);
      const boxes: Box[] = [];
      if (fill) boxes.push({ kind: 'rect', x: context.x, y: 0, width: context.width, height, fill });
      cells.forEach((lines, c) => {
        const line = lines[k];
        if (!line) return;
        const color = header ? t.colors.accent : style.color;
        boxes.push(...lineBoxes(line.fragments, { x: xs[c]! + style.padX, style, color }, { ...context, parent: tags[c]! }, top));
      });
      if (k === bands - 1) {
        boxes.push(
          header
            ? rule(context, height, t.colors.accent, 0.75)
            : rule(context, height, t.colors.rule, style.ruleThickness),
        );
      }
      const strip: Strip = { spaceBefore: 0, height, keepWithPrevious: k > 0 || (r === 1 && table.header), boxes };
      if (header) {
        headerStrips.push(strip);
      } else if (k === 0) {
        rows.push([strip]);
      } else {
        rows[rows.length - 1]!.push(strip);
      }
      strips.push(strip);
    }
  });
  const id = markSequence(rows, 'row', context);
  if (headerStrips.length > 0 && rows.length > 0) {
    for (const strip of headerStrips) strip.tableHeader = id;
    // A repeated header is an artifact: the table's header cells are read once.
    const repeated = headerStrips.map((strip) => ({ ...strip, spaceBefore: 0, boxes: untag(strip.boxes) }));
    for (const row of rows.slice(1)) row[0]!.repeatOnNewPage = repeated;
  }
  return strips;
}

function rule(context: FlowContext, y: number, color: string, thickness: number): Box {
  return { kind: 'line', x1: context.x, y1: y, x2: context.x + context.width, y2: y, thickness, color };
}

/**
 * Column widths that fill the column: natural widths when everything fits on
 * one line, otherwise each column gets its longest word plus a share of the
 * rest in proportion to how much more it would like.
 */
function columnWidths(runs: readonly StyledRun[][][], columns: number, context: FlowContext): number[] {
  const { metrics, typography } = context;
  const style = typography.table;
  const pad = 2 * style.padX;
  const available = context.width;
  const natural = new Array<number>(columns).fill(pad);
  const minimum = new Array<number>(columns).fill(pad);
  for (const row of runs) {
    row.forEach((cell, c) => {
      const lines = wrapRuns(cell, Number.POSITIVE_INFINITY, style.size, metrics);
      const full = Math.max(0, ...lines.map((line) => line.width));
      let word = 0;
      for (const run of cell) {
        for (const part of run.text.split(' ')) word = Math.max(word, metrics.widthOf(part, run.font, style.size));
      }
      natural[c] = Math.max(natural[c]!, full + pad);
      minimum[c] = Math.max(minimum[c]!, Math.min(word, available * MAX_WORD_SHARE) + pad);
    });
  }
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  const naturalSum = sum(natural);
  if (naturalSum <= available) {
    // Everything fits: give the spare room to the last (value) column.
    const widths = [...natural];
    widths[columns - 1]! += available - naturalSum;
    return widths;
  }
  const minimumSum = sum(minimum);
  if (minimumSum >= available) return minimum.map((w) => (w / minimumSum) * available);
  const wants = natural.map((w, c) => w - minimum[c]!);
  const wantSum = sum(wants);
  return minimum.map((w, c) => w + ((available - minimumSum) * wants[c]!) / wantSum);
}
