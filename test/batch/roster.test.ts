import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { columnLetter, parseRoster, rowErrorDiagnostic } from '../../src/batch/roster.js';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics.js';
import { loadInterview } from '../../src/load/load-interview.js';

const fixture = fileURLToPath(new URL('../fixtures/batch/roster.csv', import.meta.url));

describe('parseRoster (CSV)', () => {
  const roster = parseRoster(readFileSync(fixture, 'utf8'), 'roster.csv');

  it('reads a spreadsheet export with a BOM, CRLF, quoted commas, quotes and newlines', () => {
    expect(roster.diagnostics).toEqual([]);
    const maya = roster.rows[0]!.interview!;
    expect(maya.student.name).toBe('Maya Patel');
    expect(maya.organization.name).toBe('Acme Health, Inc.');
    expect(maya.organization.mission).toBe('Care close to home,\nfor every family.');
    expect(maya.student.goals).toEqual(['See what L&D directors do', 'Learn which skills to build']);
    expect(maya.meeting.minutes).toBe(20);
    expect(roster.rows[2]!.interview!.organization.name).toBe('Musée "Lumière"');
  });

  it('keeps names in Greek, Cyrillic and accented Latin intact', () => {
    const names = roster.rows.map((r) => r.studentName);
    expect(names).toContain('Ελένη Παπαδοπούλου');
    expect(names).toContain('Дмитрий Иванов');
    expect(names).toContain('Renée Côté-Lefèvre');
  });

  it('numbers rows as a spreadsheet shows them even after a multi-line cell', () => {
    expect(roster.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('converts numbers for number fields and leaves empty cells absent', () => {
    const eleni = roster.rows[1]!.interview!;
    expect(eleni.meeting.minutes).toBe(30);
    expect(eleni.student.email).toBeUndefined();
    // The Greek question mark (U+037E) is not the list separator.
    expect(eleni.questions?.custom).toEqual(['Πώς ξεκινήσατε\u037e']);
  });

  it('reports each bad row with its row, column letter, header and field', () => {
    const bad = roster.rows.filter((r) => r.errors.length > 0);
    expect(bad.map((r) => r.row)).toEqual([5, 7, 9]);
    const lines = bad.flatMap((r) => r.errors.map((e) => formatDiagnostic(rowErrorDiagnostic('roster.csv', e))));
    expect(lines[0]).toBe('roster.csv: error: row 5, column D (mentor.name): mentor.name is missing\n  hint: fill in cell D5');
    expect(lines[1]).toMatch(/^roster\.csv: error: row 7, column H \(meeting\.date\): meeting\.date is not a date \("2027-02-31"\)/);
    // The same words as for the same mistake in interview.yaml.
    expect(lines[2]).toBe('roster.csv: error: row 9, column K (meeting.format): meeting.format is not one of the allowed values ("zoom")\n  hint: use one of: in-person, phone, video');
    expect(bad.map((r) => r.errors[0]!.field)).toEqual(['mentor.name', 'meeting.date', 'meeting.format']);
  });

  it('refuses an unknown header column with a did-you-mean, naming its letter', () => {
    const result = parseRoster('student.name,mentor.name,organization.name,meeting.dat\nA,B,C,2026-01-01\n', 'r.csv');
    expect(result.rows).toEqual([]);
    expect(formatDiagnostic(result.diagnostics[0]!)).toBe(
      'r.csv: error: row 1, column D: unknown column "meeting.dat"\n  hint: did you mean "meeting.date"?',
    );
  });

  it('reads list fields split on semicolons and yes/no for true/false fields', () => {
    const result = parseRoster(
      'student.name,mentor.name,organization.name,notes.business_card,organization.research\nA,B,C,yes, one ;two;;\n',
      'r.csv',
    );
    const interview = result.rows[0]!.interview!;
    expect(interview.notes?.business_card).toBe(true);
    expect(interview.organization.research).toEqual(['one', 'two']);
  });

  it('fills meeting defaults from the office config only where a row leaves them out', () => {
    const result = parseRoster(
      'student.name,mentor.name,organization.name,meeting.minutes\nA,B,C,\nD,E,F,45\n',
      'r.csv',
      { minutes: 30, timezone: 'Europe/Athens' },
    );
    expect(result.rows.map((r) => r.interview!.meeting.minutes)).toEqual([30, 45]);
    expect(result.rows[0]!.interview!.meeting.timezone).toBe('Europe/Athens');
  });

  it('reports a cell with no header and an unclosed quote', () => {
    const extra = parseRoster('student.name,mentor.name,organization.name\nA,B,C,D\n', 'r.csv');
    expect(extra.rows[0]!.errors[0]!.message).toMatch(/cell D2 has a value but its column has no header/);
    const unclosed = parseRoster('student.name,mentor.name,organization.name\nA,"B,C\n', 'r.csv');
    expect(unclosed.diagnostics[0]!.message).toMatch(/cannot be read/);
  });

  it('counts a blank line as the empty row a spreadsheet shows, without reporting it', () => {
    const result = parseRoster('student.name,mentor.name,organization.name\nA,B,C\n\n,,\nD,,F\n', 'r.csv');
    expect(result.rows.map((r) => r.row)).toEqual([2, 5]);
    expect(result.rows[1]!.errors[0]).toMatchObject({ row: 5, sheetColumn: { letter: 'B', header: 'mentor.name' }, field: 'mentor.name' });
  });

  it('names spreadsheet columns past Z', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('parseRoster (YAML)', () => {
  it('validates each record and places errors by record, line and column', () => {
    const text = [
      '- student: {name: Maya Patel}',
      '  mentor: {name: José Núñez}',
      '  organization: {name: Acme}',
      '- student: {name: Sam Lee}',
      '  mentor: {name: Pat Kim}',
      '  organization: {name: Studio K}',
      '  meeting:',
      '    date: 2027-02-31',
      '    formt: video',
      '',
    ].join('\n');
    const roster = parseRoster(text, 'night.yaml');
    expect(roster.rows[0]!.interview?.mentor.name).toBe('José Núñez');
    const lines = roster.rows[1]!.errors.map((e) => formatDiagnostic(rowErrorDiagnostic('night.yaml', e)));
    expect(lines).toEqual([
      'night.yaml:8:11: error: record 2: meeting.date is not a date ("2027-02-31")\n  hint: February 2027 has 28 days',
      'night.yaml:9:5: error: record 2: unknown field "formt" in meeting\n  hint: did you mean "format"?',
    ]);
  });

  it('refuses a YAML roster that is not a list', () => {
    const roster = parseRoster('student: {name: A}\n', 'r.yml');
    expect(roster.diagnostics[0]!.message).toMatch(/must be a list/);
  });
});

describe('example rosters', () => {
  it.each(['roster.csv', 'roster.yaml'])('content/examples/%s reads without errors', (name) => {
    const path = fileURLToPath(new URL(`../../content/examples/${name}`, import.meta.url));
    const roster = parseRoster(readFileSync(path, 'utf8'), name);
    expect(roster.diagnostics).toEqual([]);
    expect(roster.rows.length).toBeGreaterThan(1);
    for (const row of roster.rows) expect(row.errors).toEqual([]);
  });
});

describe('the same mistake, the same words', () => {
  it('describes a bad meeting.format, minutes and date alike in interview.yaml, a CSV row and a YAML record', () => {
    const file = loadInterview(
      'student: {name: Maya}\nmentor: {name: José}\norganization: {name: Acme}\nmeeting: {format: zoom, minutes: abc, date: next tuesday}\n',
      'maya.yaml',
    );
    const csv = parseRoster('student.name,mentor.name,organization.name,meeting.format,meeting.minutes,meeting.date\nMaya,José,Acme,zoom,abc,next tuesday\n', 'r.csv');
    const yaml = parseRoster('- student: {name: Maya}\n  mentor: {name: José}\n  organization: {name: Acme}\n  meeting: {format: zoom, minutes: abc, date: next tuesday}\n', 'r.yaml');
    const words = (ds: readonly Diagnostic[]) => ds.map((d) => [d.field, d.message, d.hints]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(words(file.diagnostics)).toHaveLength(3);
    expect(words(csv.rows[0]!.errors)).toEqual(words(file.diagnostics));
    expect(words(yaml.rows[0]!.errors)).toEqual(words(file.diagnostics));
    expect(file.diagnostics.find((d) => d.field === 'meeting.format')?.message).toBe('meeting.format is not one of the allowed values ("zoom")');
  });
});
