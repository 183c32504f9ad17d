/**
 * The batch report: counts, failed rows with every error, and warnings,
 * as report.json (for tools) and report.txt (for people).
 *
 * @example
 * const report = createReport(summary);
 * formatReportText(report);
 */
import type { Diagnostic } from '../diagnostics.js';
import type { RowError } from './roster-types.js';

/** A row that could not be built. */
export interface FailedRow {
  readonly row: number;
  readonly label: string;
  readonly student?: string;
  readonly errors: readonly RowError[];
}

/** A warning about a row that was built (e.g. questions that don't fit the minutes). */
export interface RowWarning {
  readonly row: number;
  readonly label: string;
  readonly student: string;
  readonly message: string;
  readonly hints: readonly string[];
}

/** What a batch reports (report.json holds it, see {@link formatReportJson}). */
export interface BatchReport {
  readonly roster: string;
  readonly rows: number;
  /** Rows built in this run. */
  readonly built: number;
  /** Rows whose earlier output was still current. */
  readonly unchanged: number;
  readonly failed: number;
  /** Pages of print.pdf, blanks included; absent when no print file was made. */
  readonly printPages?: number;
  /** Students of the previous run no longer in the roster, whose files were deleted. */
  readonly removed?: readonly string[];
  /** Why the previous run's manifest.json could not be used (every row was then built afresh). */
  readonly manifestIgnored?: string;
  readonly failures: readonly FailedRow[];
  readonly warnings: readonly RowWarning[];
}

/** Collects the warnings of one built row. */
export function rowWarnings(row: number, label: string, student: string, diagnostics: readonly Diagnostic[]): RowWarning[] {
  return diagnostics
    .filter((d) => d.severity === 'warning')
    .map((d) => ({ row, label, student, message: d.message, hints: d.hints ?? [] }));
}

/** report.txt: a summary line, then each failed row and its errors, then warnings. */
export function formatReportText(report: BatchReport): string {
  const lines: string[] = [];
  lines.push(`Roster: ${report.roster}`);
  lines.push(
    `${report.rows} ${plural(report.rows, 'row')}: ${report.built} built, ${report.unchanged} unchanged, ${report.failed} failed`,
  );
  if (report.printPages !== undefined) lines.push(`print.pdf: ${report.printPages} ${plural(report.printPages, 'page')}`);
  if (report.manifestIgnored) {
    lines.push('', `manifest.json of the previous run was not usable (${report.manifestIgnored}); every row was built afresh`);
  }
  if (report.removed && report.removed.length > 0) {
    lines.push('', `No longer in the roster (their files were deleted): ${report.removed.join(', ')}`);
  }
  if (report.failures.length > 0) {
    lines.push('', 'Rows that failed (fix them in the roster and run the batch again):');
    for (const failure of report.failures) {
      lines.push(`  ${failure.label}${failure.student ? ` (${failure.student})` : ''}:`);
      for (const e of failure.errors) {
        const column = e.sheetColumn;
        const where = column ? `column ${column.letter}${column.header ? ` (${column.header})` : ''}: ` : e.line ? `line ${e.line}: ` : '';
        lines.push(`    - ${where}${e.message}`);
        for (const hint of e.hints ?? []) lines.push(`      hint: ${hint}`);
      }
    }
  }
  if (report.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const w of report.warnings) {
      lines.push(`  ${w.label} (${w.student}): ${w.message}`);
      for (const hint of w.hints) lines.push(`      hint: ${hint}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * report.json: the report for tools. A row error is written as
 * `{ row, column, header, line, col, field, message, hints }`, each place
 * present only when known (`column` is the spreadsheet letter).
 */
export function formatReportJson(report: BatchReport): string {
  const json: BatchReportJson = { ...report, failures: report.failures.map((f) => ({ ...f, errors: f.errors.map(reportedError) })) };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** A row error as report.json writes it. */
export interface ReportedRowError {
  readonly row: number;
  /** Spreadsheet column letter (CSV rosters). */
  readonly column?: string;
  readonly header?: string;
  /** Line and column in a YAML roster. */
  readonly line?: number;
  readonly col?: number;
  readonly field?: string;
  readonly message: string;
  readonly hints: readonly string[];
}

/** What report.json holds. */
export interface BatchReportJson extends Omit<BatchReport, 'failures'> {
  readonly failures: readonly (Omit<FailedRow, 'errors'> & { readonly errors: readonly ReportedRowError[] })[];
}

function reportedError(e: RowError): ReportedRowError {
  return {
    row: e.row,
    ...(e.sheetColumn ? { column: e.sheetColumn.letter, ...(e.sheetColumn.header ? { header: e.sheetColumn.header } : {}) } : {}),
    ...(e.line ? { line: e.line, col: e.column } : {}),
    ...(e.field ? { field: e.field } : {}),
    message: e.message,
    hints: e.hints ?? [],
  };
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
