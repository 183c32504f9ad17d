/**
 * Reads a CSV roster as spreadsheets export it: separated by commas,
 * semicolons or tabs, CRLF or LF, quoted fields holding separators, quotes and
 * newlines, dates and times in the spreadsheet's own forms (12/3/2026, 2:30 PM). The header
 * names interview fields with dots (`student.name`, `meeting.date`, ...);
 * list fields split on `;`; numbers and true/false are converted for the
 * fields that hold them; an empty cell is an absent value.
 *
 * Rows are numbered as a spreadsheet shows them: the header is row 1, and a
 * quoted cell that spans several lines is still one row.
 *
 * @example
 * const roster = parseCsvRoster('student.name,mentor.name,organization.name\nMaya,José,Acme\n', 'roster.csv');
 * roster.rows[0].row; // 2
 */
import { parse } from 'csv-parse/sync';
import type { Diagnostic } from '../diagnostics.js';
import { interviewSchema } from '../load/schema.js';
import { fieldKind, fieldSchema, listSchemaFields, type SchemaField } from '../load/schema-walk.js';
import type { FieldKind } from '../load/field-kind.js';
import { formatDate, parseCalendarDay } from '../schedule/time.js';
import type { DateOrder } from '../load/kit-schema.js';
import { dateCellText, readSheetDate, readSheetTime, timeCellText } from './sheet-values.js';
import { suggestClosest } from '../load/suggest.js';
import { columnLetter } from './column-name.js';
import { rowError, type Roster, type RosterRow, type RowDefaults, type RowError, type RowOrigin, type SheetColumn } from './roster-types.js';
import { studentNameOf, validateRecord } from './validate-row.js';

/** Every column a roster header may name, with how its cells are read. */
export const ROSTER_FIELDS: readonly SchemaField[] = listSchemaFields(interviewSchema);

const FIELD_BY_NAME = new Map(ROSTER_FIELDS.map((f) => [f.field.toLowerCase(), f]));
/** The fields holding dates and times, which spreadsheets write in their own ways. */
const KIND_BY_FIELD = new Map(ROSTER_FIELDS.map((f) => [f.field, fieldKind(fieldSchema(interviewSchema, f.path))]));

interface Column {
  readonly index: number;
  readonly letter: string;
  readonly header: string;
  readonly field?: SchemaField;
}

/** One row of a sheet: its cells and its number as a spreadsheet shows it (header = 1). */
export interface SheetRow {
  readonly cells: readonly SheetCell[];
  readonly row: number;
}

/** A cell as a reader gives it: text (CSV), or typed values from a workbook; null when empty. */
export type SheetCell = string | number | boolean | Date | null;

/**
 * The separator a CSV's header line uses: `,`, `;` (Excel where the decimal
 * mark is a comma) or a tab ("Unicode text"); a comma when the line has none.
 */
export function detectSeparator(text: string): ',' | ';' | '\t' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = ([',', ';', '\t'] as const).map((sep) => [sep, unquoted.split(sep).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

/** Parses CSV text into a {@link Roster}; never throws for bad input. */
export function parseCsvRoster(text: string, file: string, defaults: RowDefaults = {}): Roster {
  let records: { record: string[]; info: { records: number; lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectSeparator(text.replace(/^\uFEFF/, '')),
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as unknown as typeof records;
  } catch (error) {
    const e = error as Error & { code?: string; lines?: number };
    return {
      file,
      format: 'csv',
      rows: [],
      diagnostics: [
        {
          severity: 'error',
          message: `the CSV cannot be read: ${e.message.replace(/^Invalid [^:]*: /, '')}`,
          file,
          ...(e.lines ? { line: e.lines } : {}),
          hints: csvHints(e.code),
        },
      ],
    };
  }
  // info.records counts the header, so it is the row number a spreadsheet shows.
  return rosterFromSheet(records.map(({ record, info }) => ({ cells: record, row: info.records })), file, 'csv', defaults);
}

/** Reads a sheet whose first row is the header (a CSV file, or a workbook's first sheet) into a {@link Roster}. */
export function rosterFromSheet(sheet: readonly SheetRow[], file: string, format: Roster['format'], defaults: RowDefaults = {}): Roster {
  if (sheet.length === 0) {
    return { file, format, rows: [], diagnostics: [emptyRoster(file)] };
  }
  const columns: Column[] = sheet[0]!.cells.map((cell, index) => {
    const header = cellText(cell).trim();
    return { index, letter: columnLetter(index), header, field: FIELD_BY_NAME.get(header.toLowerCase()) };
  });
  const dataRows = sheet.slice(1);
  const diagnostics = checkHeader(columns, dataRows.map((r) => r.cells.map((c) => cellText(c))), file);
  if (diagnostics.length > 0) return { file, format, rows: [], diagnostics };

  const byField = new Map<string, Column>();
  for (const column of columns) if (column.field) byField.set(column.field.field, column);
  const origin: RowOrigin = {
    file,
    locate: () => undefined,
    columnOf(field) {
      const column = byField.get(field);
      return column ? { letter: column.letter, header: column.header } : undefined;
    },
  };
  const rows: RosterRow[] = [];
  for (const { cells, row } of dataRows) {
    if (cells.every((cell) => cellText(cell).trim() === '')) continue;
    rows.push(readRow(cells, row, columns, defaults, origin));
  }
  return { file, format, rows, diagnostics: rows.length === 0 ? [emptyRoster(file)] : [] };
}

/** A cell as text: workbook dates as 2026-12-03 (or 14:30 for a time of day), numbers as written. */
function cellText(cell: SheetCell, kind?: FieldKind): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    if (kind === 'time' || (kind !== 'date' && cell.getUTCFullYear() < 1901)) return timeCellText(cell);
    return dateCellText(cell);
  }
  return String(cell);
}

function readRow(cells: readonly SheetCell[], row: number, columns: readonly Column[], defaults: RowDefaults, origin: RowOrigin): RosterRow {
  const errors: RowError[] = [];
  // The three required groups always exist, so a missing name is reported by its own column.
  const record: Record<string, unknown> = { student: {}, mentor: {}, organization: {} };
  for (let i = 0; i < cells.length; i++) {
    const column = columns[i];
    const kind = column?.field ? KIND_BY_FIELD.get(column.field.field) : undefined;
    let raw = cellText(cells[i] ?? null, kind);
    if (!column?.field) {
      if (raw.trim() !== '') {
        const error = {
          severity: 'error' as const,
          message: `cell ${columnLetter(i)}${row} has a value but its column has no header`,
          file: origin.file,
          hints: ['put quotes around values that contain commas, or give the column a header'],
        };
        errors.push(rowError(row, error, { letter: columnLetter(i) }));
      }
      continue;
    }
    if (kind === 'date' || kind === 'time') {
      const read = readDateOrTime(raw, kind, defaults.dateOrder);
      if ('error' in read) {
        errors.push(rowError(row, { severity: 'error', file: origin.file, field: column.field.field, ...read.error }, { letter: column.letter, header: column.header }));
        continue;
      }
      raw = read.text;
    }
    const value = readCell(raw, column.field);
    if (value === undefined) continue;
    setPath(record, column.field.path, value);
  }
  const label = `row ${row}`;
  const studentName = studentNameOf(record);
  if (errors.length > 0) return { row, label, studentName, errors, origin };
  const { interview, errors: problems } = validateRecord(record, defaults, origin, row);
  for (const problem of problems) {
    // A missing value is a cell to fill in (or a column to add), not a line to write.
    const missing = problem.field !== undefined && problem.message.endsWith(' is missing');
    const cell = problem.sheetColumn ? `fill in cell ${problem.sheetColumn.letter}${row}` : `add a column headed ${problem.field}`;
    errors.push(missing ? { ...problem, hints: [cell] } : problem);
  }
  errors.sort((a, b) => sheetOrder(a.sheetColumn) - sheetOrder(b.sheetColumn));
  return { row, label, studentName, ...(interview ? { interview } : {}), errors, origin };
}

/** A date or time cell in the form interview files use; an error when its day and month could swap. */
function readDateOrTime(raw: string, kind: 'date' | 'time', order: DateOrder | undefined): { text: string } | { error: { message: string; hints: string[] } } {
  if (raw.trim() === '') return { text: raw };
  if (kind === 'time') return { text: readSheetTime(raw) ?? raw };
  const date = readSheetDate(raw, order);
  if (!date) return { text: raw };
  if ('value' in date) return { text: date.value };
  const [monthFirst, dayFirst] = date.ambiguous;
  return {
    error: {
      message: `meeting.date "${raw.trim()}" could be ${formatDate(parseCalendarDay(monthFirst)!)} or ${formatDate(parseCalendarDay(dayFirst)!)}`,
      hints: ['say which in kit.yaml: date_order: month-first (12/3 is December 3) or date_order: day-first (12/3 is March 12), and pass it with --config', 'or write the date as YYYY-MM-DD'],
    },
  };
}

/** Columns in spreadsheet order: A before Z before AA; errors of no column first. */
function sheetOrder(column: SheetColumn | undefined): number {
  if (!column) return -1;
  let n = 0;
  for (const c of column.letter) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

/** Reads one cell for `field`; undefined for an empty cell. */
export function readCell(raw: string, field: SchemaField): unknown {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (text === '') return undefined;
  switch (field.kind) {
    case 'list': {
      const items = text
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      return items.length ? items : undefined;
    }
    case 'number':
      return /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    case 'boolean': {
      const lower = text.toLowerCase();
      if (['true', 'yes', 'y', '1', 'x'].includes(lower)) return true;
      if (['false', 'no', 'n', '0'].includes(lower)) return false;
      return text;
    }
    default:
      return text;
  }
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const step of path.slice(0, -1)) {
    const next = node[step];
    if (next === undefined) node = node[step] = {} as Record<string, unknown>;
    else node = next as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function checkHeader(columns: readonly Column[], data: readonly string[][], file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, Column>();
  const known = ROSTER_FIELDS.map((f) => f.field);
  for (const column of columns) {
    if (column.header === '') {
      const used = data.some((cells) => (cells[column.index] ?? '').trim() !== '');
      if (used) {
        diagnostics.push({
          severity: 'error',
          message: `row 1, column ${column.letter}: the column has values but no header`,
          file,
          hints: [`name the field it holds in cell ${column.letter}1, e.g. student.email`],
        });
      }
      continue;
    }
    if (!column.field) {
      const suggestion = suggestClosest(column.header, known);
      diagnostics.push({
        severity: 'error',
        message: `row 1, column ${column.letter}: unknown column "${column.header}"`,
        file,
        field: column.header,
        hints: suggestion
          ? [`did you mean "${suggestion}"?`]
          : ['headers name interview fields with dots, e.g. student.name, mentor.title, meeting.date'],
      });
      continue;
    }
    const previous = seen.get(column.field.field);
    if (previous) {
      diagnostics.push({
        severity: 'error',
        message: `row 1, column ${column.letter}: "${column.header}" repeats column ${previous.letter}`,
        file,
        field: column.field.field,
        hints: ['keep one column per field; list fields take several values separated by ;'],
      });
    }
    seen.set(column.field.field, column);
  }
  for (const required of ['student.name', 'mentor.name', 'organization.name']) {
    if (diagnostics.length === 0 && !seen.has(required)) {
      diagnostics.push({
        severity: 'error',
        message: `row 1: the header has no ${required} column`,
        file,
        field: required,
        hints: ['every roster needs the columns student.name, mentor.name and organization.name'],
      });
    }
  }
  return diagnostics;
}

function emptyRoster(file: string): Diagnostic {
  return {
    severity: 'error',
    message: 'the roster has no student rows',
    file,
    hints: ['row 1 is the header (student.name, mentor.name, organization.name, ...); each row after it is one student'],
  };
}

function csvHints(code: string | undefined): string[] {
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return ['a quoted cell is never closed; check for a stray " character'];
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return ['a quote inside a quoted cell must be doubled (""), as spreadsheets export it'];
    default:
      return ['export the roster from the spreadsheet as "CSV UTF-8"'];
  }
}
