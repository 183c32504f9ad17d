/**
 * Validates one roster record as a whole interview.yaml would be, filling in
 * the office's defaults first, and describes each problem by field.
 *
 * @example
 * const { interview, problems } = validateRecord(record, { minutes: 30 });
 */
import { describeIssue, type IssueDescription } from '../config/describe-issue.js';
import { keysAt } from '../config/schema-fields.js';
import { interviewSchema, type Interview } from '../load/schema.js';
import type { RowDefaults } from './roster-types.js';

/** The outcome of validating one record. */
export interface RecordResult {
  readonly interview?: Interview;
  readonly problems: readonly IssueDescription[];
}

/** Applies `defaults` to a plain record (without mutating it) and validates it. */
export function validateRecord(record: Record<string, unknown>, defaults: RowDefaults = {}): RecordResult {
  const input = withDefaults(record, defaults);
  const parsed = interviewSchema.safeParse(input);
  if (parsed.success) return { interview: parsed.data, problems: [] };
  const problems = parsed.error.issues.flatMap((issue) => describeIssue(issue, input, (p) => keysAt(interviewSchema, p)));
  return { problems };
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
