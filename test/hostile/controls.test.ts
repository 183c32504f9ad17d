/**
 * Control characters written as escapes, typed into cells or form fields:
 * refused with a position in every file a user writes, dropped from PDF form
 * fields, and never printed raw to a terminal.
 */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { terminalText } from '../../src/cli/terminal-text.js';
import { parseRoster } from '../../src/batch/roster.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { loadInterview } from '../../src/load/load-interview.js';
import { loadKitConfig } from '../../src/load/load-kit-config.js';
import { NotesPdfError, readNotesFromPdf } from '../../src/load/read-filled-pdf.js';
import { CYCLIC_FORM_PDF, deepFormPdf, WRONG_TYPE_FORM_PDF } from '../helpers/hand-pdf.js';

const ESCAPES = [
  ['"a\\u0000b"', 'U+0000'],
  ['"\\x01"', 'U+0001'],
  ['"\\e[31m red"', 'U+001B'],
  ['"x\\rY"', 'U+000D'],
  ['"one\\u2028two"', 'U+2028'],
  ['"a\\u202Eb"', 'U+202E'],
  ['"a\\u0085b"', 'U+0085'],
] as const;

const interview = (mentor: string) => `student: { name: Maya Patel }\nmentor:\n  name: ${mentor}\norganization: { name: Acme }\n`;

describe('control characters in parsed values', () => {
  for (const [escape, code] of ESCAPES) {
    it(`refuses ${escape} in interview.yaml at the value`, () => {
      const result = loadInterview(interview(escape), 'maya.yaml');
      expect(result.value).toBeUndefined();
      const d = result.diagnostics.find((x) => x.message.includes(code));
      expect(d && formatDiagnostic(d)).toMatch(new RegExp(`^maya\\.yaml:3:9: error: mentor\\.name holds the invisible control character ${code.replace('+', '\\+')}`));
    });
  }

  it('keeps line feeds in multi-line text and the bidi isolates the renderer uses', () => {
    const result = loadInterview(interview('"Dana \\u2067דנה\\u2069"'), 'maya.yaml');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const notes = loadInterview(`${interview('Dana')}notes:\n  advice: "first line\\nsecond line"\n`, 'maya.yaml');
    expect(notes.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('says a control character typed into the file once, where it stands', () => {
    const result = loadInterview(interview('Jos\u0001e'), 'maya.yaml');
    expect(result.diagnostics.map(formatDiagnostic).join('\n').match(/U\+0001/g)).toHaveLength(1);
  });

  it('refuses them in kit.yaml', () => {
    const result = loadKitConfig('office:\n  name: "Career\\e]0;pwned\\aCenter"\n', 'kit.yaml');
    expect(result.value).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({ line: 2, column: 9, field: 'office.name' });
  });

  it('refuses them in a CSV roster cell, at its row and column', () => {
    const roster = parseRoster('student.name,mentor.name,organization.name\nMaya\u001b[31m,José,Acme\nSam,Pat,Studio\n', 'night.csv');
    const [maya, sam] = roster.rows;
    expect(maya!.interview).toBeUndefined();
    expect(maya!.errors[0]).toMatchObject({ row: 2, sheetColumn: { letter: 'A' } });
    expect(maya!.errors[0]!.message).toMatch(/student\.name holds the invisible control character U\+001B/);
    expect(sam!.interview).toBeDefined();
  });

  it('refuses them in a YAML roster, at the line', () => {
    const roster = parseRoster('- student: { name: Maya }\n  mentor: { name: "Jos\\u0007e" }\n  organization: { name: Acme }\n', 'night.yaml');
    expect(roster.rows[0]!.interview).toBeUndefined();
    expect(roster.rows[0]!.errors[0]).toMatchObject({ line: 2 });
  });
});

describe('form fields of a filled question sheet', () => {
  it('lose their control characters and bidi overrides, and keep their lines', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const form = doc.getForm();
    form.createTextField('advice').setText('Build a \u001b[31mportfolio\u202E');
    form.createTextField('referrals').setText('Priya\u2028Tom\r\nAna\u0000');
    const read = await readNotesFromPdf(await doc.save());
    expect(read.notes.advice).toBe('Build a [31mportfolio');
    expect(read.notes.referrals).toEqual(['Priya', 'Tom', 'Ana']);
  });

  it('of a mistyped form are left out', async () => {
    expect(await readNotesFromPdf(WRONG_TYPE_FORM_PDF)).toEqual({ notes: {}, answers: {}, filled: [] });
  });

  it('of a cyclic or a deeply nested form give one clear error', async () => {
    for (const pdf of [CYCLIC_FORM_PDF, deepFormPdf(20_000)]) {
      const error = await readNotesFromPdf(pdf).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotesPdfError);
      expect((error as Error).message).toMatch(/^the notes file('s form)? (cannot be read|is not a PDF that can be read) \((its|an object)/);
      expect((error as Error).message).not.toMatch(/instance of t|Maximum call stack/);
    }
  });
});

describe('terminalText', () => {
  it('shows escape sequences and invisible controls instead of sending them', () => {
    expect(terminalText('row 3 (\u001b]0;pwned\u0007) ok\n\tnext')).toBe('row 3 (\\u{1b}]0;pwned\\u{7}) ok\n\tnext');
    expect(terminalText('a\u202Eb\u2028c\u009bd')).toBe('a\\u{202e}b\\u{2028}c\\u{9b}d');
  });
});
