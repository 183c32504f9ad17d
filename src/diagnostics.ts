/**
 * One diagnostic shape for every stage: loading, validation, templates, layout.
 *
 * @example
 * formatDiagnostic({ severity: 'error', message: 'meeting.date is not a date ("next tuesday")',
 *   file: 'maya.yaml', line: 14, column: 9, hints: ['write it as YYYY-MM-DD, e.g. 2026-12-03'] });
 * // maya.yaml:14:9: error: meeting.date is not a date ("next tuesday")
 * //   hint: write it as YYYY-MM-DD, e.g. 2026-12-03
 */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** File the problem is in, as the user named it. */
  readonly file?: string;
  /** 1-based line. */
  readonly line?: number;
  /** 1-based column. */
  readonly column?: number;
  /** Dotted path of the field, e.g. "meeting.date". */
  readonly field?: string;
  /** How to fix it. */
  readonly hints?: readonly string[];
  /** A stable name for the kind of problem, e.g. "stranded-heading" (the PDF layout's preflight). */
  readonly code?: string;
}

/** Renders a diagnostic the way compilers do: `file:line:col: severity: message` plus hint lines. */
export function formatDiagnostic(d: Diagnostic): string {
  let where = '';
  if (d.file) {
    where = d.file;
    if (d.line) where += `:${d.line}` + (d.column ? `:${d.column}` : '');
    where += ': ';
  }
  const lines = [`${where}${d.severity}: ${d.message}`];
  for (const hint of d.hints ?? []) lines.push(`  hint: ${hint}`);
  return lines.join('\n');
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * Thrown when input cannot be used; carries every diagnostic of the run.
 * The CLI prints them and exits with code 2; no stack trace is shown.
 */
export class InputError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'InputError';
    this.diagnostics = diagnostics;
  }
}
