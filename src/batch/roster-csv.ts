/**
 * Reads a CSV roster as spreadsheets export it: UTF-8 with or without a BOM,
 * CRLF or LF, quoted fields holding commas, quotes and newlines. The header
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
import { listSchemaFields, type SchemaField } from '../load/schema-walk.js';
import { suggestClosest } from '../load/suggest.js';
import { columnLetter } from './column-name.js';
import { rowError, type Roster, type RosterRow, type RowDefaults, type RowError, type RowOrigin, type SheetColumn } from './roster-types.js';
import { studentNameOf, validateRecord } from './validate-row.js';

/** Every column a roster header may name, with how its cells are read. */
export const ROSTER_FIELDS: readonly SchemaField[] = listSchemaFields(interviewSchema);

const FIELD_BY_NAME = new Map(ROSTER_FIELDS.map((f) => [f.field.toLowerCase(), f]));

interface Column {
  readonly index: number;
  readonly letter: string;
  readonly header: string;
  readonly field?: SchemaField;
}

/** Parses CSV text into a {@link Roster}; never throws for bad input. */
export function parseCsvRoster(text: string, file: string, defaults: RowDefaults = {}): Roster {
  let records: { record: string[]; info: { records: number; lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
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
  if (records.length === 0) {
    return { file, format: 'csv', rows: [], diagnostics: [emptyRoster(file)] };
  }
  const headerCells = records[0]!.record;
  const columns: Column[] = headerCells.map((cell, index) => {
    const header = cell.trim();
    return { index, letter: columnLetter(index), header, field: FIELD_BY_NAME.get(header.toLowerCase()) };
  });
  const dataRecords = records.slice(1);
  const diagnostics = checkHeader(columns, dataRecords.map((r) => r.record), file);
  if (diagnostics.length > 0) return { file, format: 'csv', rows: [], diagnostics };

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
  for (const { record, info } of dataRecords) {
    if (record.every((cell) => cell.trim() === '')) continue;
    // info.records counts the header, so it is the row number a spreadsheet shows.
    rows.push(readRow(record, info.records, columns, defaults, origin));
  }
  return { file, format: 'csv', rows, diagnostics: rows.length === 0 ? [emptyRoster(file)] : [] };
}

function readRow(cells: readonly string[], row: number, columns: readonly Column[], defaults: RowDefaults, origin: RowOrigin): RosterRow {
  const errors: RowError[] = [];
  // The three required groups always exist, so a missing name is reported by its own column.
  const record: Record<string, unknown> = { student: {}, mentor: {}, organization: {} };
  for (let i = 0; i < cells.length; i++) {
    const raw = cells[i]!;
    const column = columns[i];
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
