/**
 * Reads a YAML roster: a list of interview records, each written as a whole
 * interview.yaml would be, through the same loader (text checks, YAML with
 * positions, the interview schema). Problems are placed by record number and
 * by the line and column of the offending value.
 *
 * @example
 * const roster = parseYamlRoster('- student: {name: Maya}\n  mentor: {name: José}\n  organization: {name: Acme}\n', 'roster.yaml');
 */
import { readYaml } from '../load/load-yaml.js';
import { originOf } from '../load/yaml-source.js';
import { rowError, type Roster, type RosterRow, type RowDefaults } from './roster-types.js';
import { studentNameOf, validateRecord } from './validate-row.js';

/** A YAML roster larger than this is refused (64 MiB of UTF-8). */
export const MAX_YAML_ROSTER_BYTES = 64 * 1024 * 1024;

/** Most values a YAML roster may hold, aliases expanded (some 50,000 records). */
export const MAX_YAML_ROSTER_VALUES = 2_000_000;

/** Parses YAML text into a {@link Roster}; never throws for bad input. */
export function parseYamlRoster(text: string, file: string, defaults: RowDefaults = {}): Roster {
  const read = readYaml(text, file, {
    what: 'a YAML roster',
    example: 'one record, "- student: {name: ...}" with mentor and organization below it',
    maxBytes: MAX_YAML_ROSTER_BYTES,
    maxValues: MAX_YAML_ROSTER_VALUES,
    // A shared mentor or organisation may be an alias in every record.
    maxAliases: MAX_YAML_ROSTER_VALUES / 10,
  });
  const { source, data } = read;
  if (!source || data === undefined || read.diagnostics.some((d) => d.severity === 'error')) {
    return { file, format: 'yaml', rows: [], diagnostics: read.diagnostics };
  }
  if (!Array.isArray(data) || data.length === 0) {
    return {
      file,
      format: 'yaml',
      rows: [],
      diagnostics: [
        {
          severity: 'error',
          message: Array.isArray(data) ? 'the roster has no records' : 'a YAML roster must be a list of interview records',
          file,
          ...source.locate([]),
          hints: ['write each student as a list item: "- student: {name: ...}" with mentor and organization below it'],
        },
      ],
    };
  }
  const rows: RosterRow[] = data.map((item: unknown, index) => {
    const row = index + 1;
    const label = `record ${row}`;
    const origin = originOf(source, [index]);
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      const error = rowError(row, {
        severity: 'error',
        message: 'the record must be a mapping with student, mentor and organization',
        file,
        ...origin.locate([]),
        hints: ['indent the record\'s keys under its "-"'],
      });
      return { row, label, errors: [error], origin };
    }
    const record = item as Record<string, unknown>;
    const studentName = studentNameOf(record);
    const { interview, errors } = validateRecord(record, defaults, origin, row);
    return { row, label, studentName, ...(interview ? { interview } : {}), errors, origin };
  });
  return { file, format: 'yaml', rows, diagnostics: read.diagnostics };
}
