/**
 * Validates one roster record as a whole interview.yaml would be, filling in
 * the office's defaults first: the loader's own validation, so a mistake in a
 * row gets the same words as in a file.
 *
 * @example
 * const { interview, errors } = validateRecord(record, { minutes: 30 }, origin, 4);
 */
import { validateData } from '../load/load-yaml.js';
import { interviewSchema, type Interview } from '../load/schema.js';
import { rowError, type RowDefaults, type RowError, type RowOrigin } from './roster-types.js';

/** The outcome of validating one record. */
export interface RecordResult {
  readonly interview?: Interview;
  readonly errors: RowError[];
}

/** Applies `defaults` to a plain record (without mutating it) and validates it; `origin` places the errors of row `row`. */
export function validateRecord(record: Record<string, unknown>, defaults: RowDefaults, origin: RowOrigin, row: number): RecordResult {
  const result = validateData(withDefaults(record, defaults), interviewSchema, origin);
  const errors = result.diagnostics.map((d) => rowError(row, d, d.field ? origin.columnOf?.(d.field) : undefined));
  return { ...(result.value ? { interview: result.value } : {}), errors };
}

function withDefaults(record: Record<string, unknown>, defaults: RowDefaults): Record<string, unknown> {
  if (defaults.minutes === undefined && defaults.timezone === undefined) return record;
  const meeting = record.meeting;
  if (meeting !== undefined && (meeting === null || typeof meeting !== 'object' || Array.isArray(meeting))) return record;
  const filled: Record<string, unknown> = { ...(meeting as Record<string, unknown> | undefined) };
  if (filled.minutes === undefined && defaults.minutes !== undefined) filled.minutes = defaults.minutes;
  if (filled.timezone === undefined && defaults.timezone !== undefined) filled.timezone = defaults.timezone;
  return { ...record, meeting: filled };
}

/** The student's name from a raw record, when it is a string. */
export function studentNameOf(record: unknown): string | undefined {
  const student = (record as { student?: unknown } | undefined)?.student;
  const name = (student as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name.trim() ? name.trim() : undefined;
}
