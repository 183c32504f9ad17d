/**
 * Diagnostics as JSON for `--json`: one object per problem, with where it is
 * (file, line or roster row, column), the field, the message, hints and
 * severity, for scripts and office systems that read the program's findings.
 */
import { InputError, type Diagnostic } from '../diagnostics.js';
import type { RowError } from '../batch/roster-types.js';

/** One diagnostic as `--json` prints it. */
export interface JsonDiagnostic {
  readonly severity: 'error' | 'warning';
  readonly file?: string;
  /** Line in a YAML file (1-based). */
  readonly line?: number;
  /** Roster row as the spreadsheet shows it (header = 1), or record number of a YAML roster. */
  readonly row?: number;
  /** Column: a number in a YAML file, a letter ("D") in a spreadsheet. */
  readonly column?: number | string;
  /** The column's header in a spreadsheet roster. */
  readonly header?: string;
  readonly field?: string;
  readonly message: string;
  readonly hints: readonly string[];
  readonly code?: string;
}

/** A diagnostic as JSON. */
export function diagnosticJson(d: Diagnostic): JsonDiagnostic {
  return {
    severity: d.severity,
    ...(d.file !== undefined ? { file: d.file } : {}),
    ...(d.line !== undefined ? { line: d.line } : {}),
    ...(d.column !== undefined ? { column: d.column } : {}),
    ...(d.field !== undefined ? { field: d.field } : {}),
    message: d.message,
    hints: d.hints ?? [],
    ...(d.code !== undefined ? { code: d.code } : {}),
  };
}

/** A roster row's error as JSON: the row and the spreadsheet column as separate fields, the message without them. */
export function rowErrorJson(file: string, error: RowError): JsonDiagnostic {
  const { row, sheetColumn, ...rest } = error;
  return {
    ...diagnosticJson({ ...rest, file }),
    row,
    ...(sheetColumn ? { column: sheetColumn.letter, ...(sheetColumn.header ? { header: sheetColumn.header } : {}) } : {}),
  };
}

/**
 * Runs a command whose --json output must stay JSON even when its input
 * cannot be used: an InputError becomes `{ "exitCode": 2, "diagnostics": … }`
 * on stdout and exit code 2.
 */
export async function withJsonErrors(json: boolean | undefined, action: () => Promise<number>): Promise<number> {
  if (!json) return action();
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    process.stdout.write(`${JSON.stringify({ exitCode: 2, diagnostics: error.diagnostics.map(diagnosticJson) }, null, 2)}\n`);
    return 2;
  }
}
