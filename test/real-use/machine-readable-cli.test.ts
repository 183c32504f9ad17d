import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync, tempDir } from '../helpers/cli.js';
import { writeXlsx } from '../helpers/xlsx.js';

const dir = tempDir('ik-json-');
const bad = join(dir, 'night.csv');
writeFileSync(bad, 'student.name,mentor.name,organization.name,meeting.date,meeting.time\nAna Garcia,Bob Smith,Acme,2026-12-03,14:30\n,Bob Smith,Acme,2026-12-03,25:00\n');

describe('validate checks rosters', () => {
  it('checks each row of a CSV as batch would, without building, exit 2', async () => {
    const run = await runCliAsync(['validate', bad]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('row 3, column A (student.name): student.name is missing');
    expect(run.stderr).toContain('row 3, column E (meeting.time): meeting.time is not a time ("25:00")');
    expect(run.stdout).toContain('1 of 2 rows need fixing');
  });

  it('checks an .xlsx roster, with the date order of kit.yaml', async () => {
    const book = join(dir, 'night.xlsx');
    writeFileSync(book, writeXlsx([['student.name', 'mentor.name', 'organization.name', 'meeting.date'], ['Ana', 'Bob Smith', 'Acme', '12/3/2026']]));
    const unsure = await runCliAsync(['validate', book]);
    expect(unsure.status).toBe(2);
    expect(unsure.stderr).toContain('date_order');
    writeFileSync(join(dir, 'kit.yaml'), 'date_order: day-first\n');
    const sure = await runCliAsync(['validate', book, '--config', join(dir, 'kit.yaml')]);
    expect(sure.stderr).toBe('');
    expect(sure.status).toBe(0);
    expect(sure.stdout).toContain('night.xlsx: ok (1 rows)');
  });
});

describe('--json', () => {
  it('validate prints every diagnostic with its file, row, column, field, message, hints and severity', async () => {
    const run = await runCliAsync(['validate', bad, 'content/examples/maya.yaml', '--json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(false);
    expect(report.files.map((f: { ok: boolean }) => f.ok)).toEqual([false, true]);
    expect(report.files[0].diagnostics).toContainEqual({
      severity: 'error',
      file: expect.stringContaining('night.csv'),
      row: 3,
      column: 'E',
      header: 'meeting.time',
      field: 'meeting.time',
      message: 'meeting.time is not a time ("25:00")',
      hints: ['write it as HH:MM on the 24-hour clock, e.g. "14:30"'],
    });
  });

  it('validate gives line and column for a YAML file', async () => {
    const yaml = join(dir, 'bad.yaml');
    writeFileSync(yaml, 'student:\n  name: Ana\nmentor:\n  name: Bob\norganization:\n  name: Acme\nmeeting:\n  date: next tuesday\n');
    const report = JSON.parse((await runCliAsync(['validate', yaml, '--json'])).stdout);
    expect(report.files[0].diagnostics[0]).toMatchObject({ severity: 'error', line: 8, column: 9, field: 'meeting.date' });
  });

  it('batch prints its counts and every row error as JSON, and JSON for an unusable roster too', async () => {
    const run = await runCliAsync(['batch', bad, '-f', 'md', '--json', '--out', join(dir, 'out')]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ rows: 2, built: 1, failed: 1, exitCode: 1 });
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ row: 3, column: 'A', field: 'student.name', severity: 'error' }));
    const none = join(dir, 'none.csv');
    writeFileSync(none, 'student.nme\nAna\n');
    const unusable = await runCliAsync(['batch', none, '--json', '--out', join(dir, 'out')]);
    expect(unusable.status).toBe(2);
    expect(JSON.parse(unusable.stdout).diagnostics[0].message).toContain('unknown column "student.nme"');
  });

  it('batch in a log prints a line for every row', async () => {
    const many = join(dir, 'many.csv');
    writeFileSync(many, ['student.name,mentor.name,organization.name', ...Array.from({ length: 6 }, (_, i) => `Student ${i + 1},Bob Smith,Acme`)].join('\n') + '\n');
    const run = await runCliAsync(['batch', many, '-f', 'md', '--out', join(dir, 'out'), '--jobs', '2']);
    expect(run.status).toBe(0);
    const lines = run.stderr.split('\n').filter((l) => /^\[\d+\/6\] built row \d+/.test(l));
    expect(lines).toHaveLength(6);
  });
});
