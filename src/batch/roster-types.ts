/**
 * What a roster is once read: one entry per student row, each either a
 * validated interview or the errors that stopped it, plus problems of the
 * roster as a whole (unknown columns, CSV syntax).
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Interview } from '../load/schema.js';

/** One problem of one row, placed the way a spreadsheet user looks for it. */
export interface RowError {
  /** Row as a spreadsheet shows it (CSV: header = row 1) or record number (YAML: first = 1). */
  readonly row: number;
  /** Spreadsheet column letter, e.g. "G" (CSV only). */
  readonly column?: string;
  /** The column's header, e.g. "meeting.date" (CSV only). */
  readonly header?: string;
  /** Dotted field of the interview, e.g. "meeting.date". */
  readonly field?: string;
  /** Line and column in the file (YAML rosters). */
  readonly line?: number;
  readonly col?: number;
  readonly message: string;
  readonly hints: readonly string[];
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
}

/** A parsed roster. */
export interface Roster {
  readonly file: string;
  readonly format: 'csv' | 'yaml';
  /** Student rows in roster order; blank rows are left out. */
  readonly rows: readonly RosterRow[];
  /** Problems of the roster as a whole; any error here means no row can be trusted. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Defaults a kit.yaml gives to rows that leave them out. */
export interface RowDefaults {
  readonly minutes?: number;
  readonly timezone?: string;
}

/** Turns a row error into the diagnostic shape the CLI prints. */
export function rowErrorDiagnostic(file: string, error: RowError): Diagnostic {
  const place = error.column
    ? `row ${error.row}, column ${error.column}${error.header ? ` (${error.header})` : ''}`
    : error.line
      ? `record ${error.row}`
      : `row ${error.row}`;
  return {
    severity: 'error',
    message: `${place}: ${error.message}`,
    file,
    ...(error.line ? { line: error.line, column: error.col } : {}),
    ...(error.field ? { field: error.field } : {}),
    hints: error.hints,
  };
}
