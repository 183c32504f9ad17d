/**
 * What a roster is once read: one entry per student row, each either a
 * validated interview or the errors that stopped it, plus problems of the
 * roster as a whole (unknown columns, CSV syntax).
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Interview } from '../load/schema.js';
import type { Origin } from '../load/yaml-source.js';
import type { DateOrder } from '../load/kit-schema.js';

/** The spreadsheet column a CSV value came from. */
export interface SheetColumn {
  /** Column letter, e.g. "G". */
  readonly letter: string;
  /** The column's header, e.g. "meeting.date". */
  readonly header?: string;
}

/**
 * One problem of one row: the diagnostic the loader gives for the same
 * mistake in interview.yaml (positioned in a YAML roster), plus the row, and
 * for a CSV roster the spreadsheet column.
 */
export interface RowError extends Diagnostic {
  /** Row as a spreadsheet shows it (CSV: header = row 1) or record number (YAML: first = 1). */
  readonly row: number;
  readonly sheetColumn?: SheetColumn;
}

/** A row error from a diagnostic about row `row`. */
export function rowError(row: number, diagnostic: Diagnostic, sheetColumn?: SheetColumn): RowError {
  return { ...diagnostic, row, ...(sheetColumn ? { sheetColumn } : {}) };
}

/** One student row of a roster. */
export interface RosterRow {
  /** Row as a spreadsheet shows it (CSV) or 1-based record number (YAML). */
  readonly row: number;
  /** "row 4" (CSV) or "record 3" (YAML): how messages name it. */
  readonly label: string;
  /** The validated interview, when the row has no errors. */
  readonly interview?: Interview;
  /** The student's name as written, even when the row is invalid (for reports). */
  readonly studentName?: string;
  readonly errors: readonly RowError[];
  /** Where the row's values were written, for checks made after reading (unknown question ids). */
  readonly origin: RowOrigin;
}

/** Where one row's values were written: positions in a YAML roster, spreadsheet columns in a CSV one. */
export interface RowOrigin extends Origin {
  /** The CSV column that holds `field`, when there is one. */
  columnOf?(field: string): SheetColumn | undefined;
}

/** A parsed roster. */
export interface Roster {
  readonly file: string;
  readonly format: 'csv' | 'xlsx' | 'yaml';
  /** Student rows in roster order; blank rows are left out. */
  readonly rows: readonly RosterRow[];
  /** Problems of the roster as a whole; any error here means no row can be trusted. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Defaults a kit.yaml gives to rows that leave them out. */
export interface RowDefaults {
  readonly minutes?: number;
  readonly timezone?: string;
  /** How to read a date such as 12/3/2026 (kit.yaml's date_order). */
  readonly dateOrder?: DateOrder;
}

/** Turns a row error into the diagnostic the CLI prints: "row 4, column G (meeting.date): …" or "record 3: …". */
export function rowErrorDiagnostic(file: string, error: RowError): Diagnostic {
  const { row, sheetColumn, ...diagnostic } = error;
  const place = sheetColumn
    ? `row ${row}, column ${sheetColumn.letter}${sheetColumn.header ? ` (${sheetColumn.header})` : ''}`
    : error.line
      ? `record ${row}`
      : `row ${row}`;
  return { ...diagnostic, message: `${place}: ${error.message}`, file, hints: error.hints ?? [] };
}
