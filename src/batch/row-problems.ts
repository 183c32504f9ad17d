/**
 * Everything wrong with one roster row before anything is built: the
 * loader's findings and question ids the guide does not have. One check for
 * `batch` and `validate`, so both say the same of the same row.
 */
import type { Guide } from '../load/content-schema.js';
import { checkQuestionIds } from '../load/check-question-ids.js';
import { rowError, type RosterRow, type RowError } from './roster-types.js';

/** The row's errors, question ids included. */
export function rowProblems(row: RosterRow, guide: Guide): RowError[] {
  const errors = [...row.errors];
  if (row.interview) {
    for (const d of checkQuestionIds(row.interview, guide, row.origin)) {
      errors.push(rowError(row.row, d, d.field ? row.origin.columnOf?.(d.field) : undefined));
    }
  }
  return errors;
}
