/**
 * Reads a YAML roster: a list of interview records, each written as a whole
 * interview.yaml would be. Problems are placed by record number and by the
 * line and column of the offending value.
 *
 * @example
 * const roster = parseYamlRoster('- student: {name: Maya}\n  mentor: {name: José}\n  organization: {name: Acme}\n', 'roster.yaml');
 */
import { parseYamlSource } from '../config/yaml-source.js';
import type { Roster, RosterRow, RowDefaults, RowError } from './roster-types.js';
import { studentNameOf, validateRecord } from './validate-row.js';

/** A YAML roster larger than this is refused (64 MiB). */
export const MAX_YAML_ROSTER_LENGTH = 64 * 1024 * 1024;

/** Parses YAML text into a {@link Roster}; never throws for bad input. */
export function parseYamlRoster(text: string, file: string, defaults: RowDefaults = {}): Roster {
  const source = parseYamlSource(text, file, { maxLength: MAX_YAML_ROSTER_LENGTH });
  if (source.diagnostics.some((d) => d.severity === 'error')) {
    return { file, format: 'yaml', rows: [], diagnostics: source.diagnostics };
  }
  const value = source.value;
  if (!Array.isArray(value) || value.length === 0) {
    return {
      file,
      format: 'yaml',
      rows: [],
      diagnostics: [
        {
          severity: 'error',
          message: Array.isArray(value) ? 'the roster has no records' : 'a YAML roster must be a list of interview records',
          file,
          ...(source.positionOf([]) ?? {}),
          hints: ['write each student as a list item: "- student: {name: ...}" with mentor and organization below it'],
        },
      ],
    };
  }
  const rows: RosterRow[] = value.map((item, index) => {
    const row = index + 1;
    const label = `record ${row}`;
    const at = (path: readonly PropertyKey[], part: 'key' | 'value' = 'value') => {
      const pos = source.positionOf([index, ...path], part);
      return pos ? { line: pos.line, col: pos.column } : {};
    };
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      const error: RowError = {
        row,
        ...at([]),
        message: 'the record must be a mapping with student, mentor and organization',
        hints: ['indent the record\'s keys under its "-"'],
      };
      return { row, label, errors: [error] };
    }
    const record = item as Record<string, unknown>;
    const { interview, problems } = validateRecord(record, defaults);
    const errors: RowError[] = problems.map((p) => ({
      row,
      ...at(p.path, p.isKey ? 'key' : 'value'),
      field: p.field,
      message: p.message,
      hints: p.hints,
    }));
    return { row, label, studentName: studentNameOf(record), ...(interview ? { interview } : {}), errors };
  });
  return { file, format: 'yaml', rows, diagnostics: source.diagnostics };
}
