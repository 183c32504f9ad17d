/**
 * Reads a roster of students, CSV or YAML by the file's extension, into
 * validated interviews and per-row errors.
 *
 * @example
 * const roster = parseRoster(text, 'night.csv', { minutes: 30 });
 * for (const row of roster.rows) if (row.errors.length) console.log(row.label, row.errors);
 */
import type { Diagnostic } from '../diagnostics.js';
import { parseCsvRoster } from './roster-csv.js';
import type { Roster, RowDefaults } from './roster-types.js';
import { parseYamlRoster } from './roster-yaml.js';

/** A CSV roster larger than this is refused (64 MiB, some 50,000 rows). */
export const MAX_CSV_ROSTER_LENGTH = 64 * 1024 * 1024;

/** The roster format a file name implies, or undefined. */
export function rosterFormatOf(file: string): 'csv' | 'xlsx' | 'yaml' | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return undefined;
}

/** Parses roster text named `file`; the format follows the extension (.csv, .yaml, .yml; workbooks: readRosterBytes). */
export function parseRoster(text: string, file: string, defaults: RowDefaults = {}): Roster {
  const format = rosterFormatOf(file);
  if (!format || format === 'xlsx') {
    return { file, format: 'csv', rows: [], diagnostics: [unknownFormat(file)] };
  }
  if (format === 'csv' && text.length > MAX_CSV_ROSTER_LENGTH) {
    return {
      file,
      format,
      rows: [],
      diagnostics: [
        {
          severity: 'error',
          message: `the roster is too large (${text.length} characters; the limit is ${MAX_CSV_ROSTER_LENGTH})`,
          file,
          hints: ['split it into several rosters'],
        },
      ],
    };
  }
  return format === 'csv' ? parseCsvRoster(text, file, defaults) : parseYamlRoster(text, file, defaults);
}

function unknownFormat(file: string): Diagnostic {
  return {
    severity: 'error',
    message: `${file} is not a roster: give a .xlsx, .csv or .yaml file`,
    file,
    hints: ['save the spreadsheet as .xlsx or CSV, or write a YAML list of interviews in a .yaml file'],
  };
}

// The pieces, for callers that need one format or the cell rules.
export { columnLetter } from './column-name.js';
export { parseCsvRoster, readCell, ROSTER_FIELDS } from './roster-csv.js';
export { parseYamlRoster } from './roster-yaml.js';
export { rowError, rowErrorDiagnostic, type Roster, type RosterRow, type RowDefaults, type RowError, type RowOrigin, type SheetColumn } from './roster-types.js';
