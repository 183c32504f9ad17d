import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSheetDate, readSheetTime } from '../../src/batch/sheet-values.js';
import { runCliAsync, tempDir } from '../helpers/cli.js';
import { writeXlsx } from '../helpers/xlsx.js';

/** Runs batch on a roster file written as `bytes`, building Markdown and the calendar only. */
async function batch(name: string, bytes: Uint8Array | string, kitYaml?: string) {
  const dir = tempDir('ik-sheet-');
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const args = ['batch', file, '-f', 'md,ics', '--no-progress', '--out', join(dir, 'out'), '--timezone', 'America/New_York'];
  if (kitYaml !== undefined) {
    writeFileSync(join(dir, 'kit.yaml'), kitYaml);
    args.push('--config', join(dir, 'kit.yaml'));
  }
  const run = await runCliAsync(args);
  const folder = join(dir, 'out', `batch-${name.replace(/\.\w+$/, '')}`);
  const students = run.status === 2 ? [] : readdirSync(folder).filter((n) => !n.includes('.'));
  const packet = (student: string) => readFileSync(join(folder, student, readdirSync(join(folder, student)).find((f) => f.endsWith('.md') && f.includes('packet'))!), 'utf8');
  const start = (student: string) => /DTSTART:(\S+)/.exec(readFileSync(join(folder, student, 'follow-up.ics'), 'utf8'))?.[1];
  return { ...run, students, packet, start };
}

const header = ['student.name', 'mentor.name', 'organization.name', 'meeting.date', 'meeting.time'];

describe('rosters as offices save them', () => {
  it('reads a Windows-1252 CSV (Excel on Windows) and says it guessed', async () => {
    const bytes = Buffer.concat([Buffer.from(header.join(',') + '\nAna Garc'), Buffer.from([0xed]), Buffer.from('a,Bob Smith,Acme,2026-12-03,14:30\n')]);
    const run = await batch('night.csv', bytes);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('read as Windows-1252');
    expect(run.students).toEqual(['ana-garcia']);
    expect(run.packet('ana-garcia')).toContain('Ana García');
  });

  it('reads a ;-separated CSV as Excel writes it in much of Europe', async () => {
    const run = await batch('night.csv', `${header.join(';')}\n"Ana García";Bob Smith;"Acme; Inc.";3.12.2026;14:30\n`);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.start('ana-garcia')).toBe('20261203T193000Z');
    expect(run.packet('ana-garcia')).toMatch(/Acme\\?; Inc/);
  });

  it('reads UTF-16 tab-separated "Unicode text"', async () => {
    const text = `${header.join('\t')}\r\nΕλένη Παπαδοπούλου\tBob Smith\tAcme\t2026-12-03\t2:30 PM\r\n`;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const run = await batch('unicode.csv', bytes);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.packet(run.students[0]!)).toContain('Ελένη Παπαδοπούλου');
    expect(run.start(run.students[0]!)).toBe('20261203T193000Z');
  });

  it('asks for date_order when 12/3/2026 could be either, and follows it when set', async () => {
    const csv = `${header.join(',')}\nAna Garcia,Bob Smith,Acme,12/3/2026,2pm\n`;
    const unsure = await batch('night.csv', csv);
    expect(unsure.status).toBe(1);
    expect(unsure.stderr).toContain('row 2, column D (meeting.date): meeting.date "12/3/2026" could be December 3, 2026 or March 12, 2026');
    expect(unsure.stderr).toContain('date_order: month-first');
    const us = await batch('night.csv', csv, 'date_order: month-first\n');
    expect(us.status).toBe(0);
    expect(us.start('ana-garcia')).toBe('20261203T190000Z');
    const eu = await batch('night.csv', csv, 'date_order: day-first\n');
    expect(eu.start('ana-garcia')).toBe('20260312T180000Z');
  });

  it('reads an .xlsx workbook directly, its dates and times as Excel stores them', async () => {
    const bytes = writeXlsx([
      [...header, 'meeting.minutes'],
      ['Ana María Núñez', 'Bob Smith', 'Acme', { date: '2026-12-03' }, { time: '14:30' }, 30],
      ['Bo Chen', 'Dr. Jane Roe', 'Globex', '2026-12-04', '9:15 AM', null],
    ]);
    const run = await batch('night.xlsx', bytes);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.students.sort()).toEqual(['ana-maria-nunez', 'bo-chen']);
    expect(run.start('ana-maria-nunez')).toBe('20261203T193000Z');
    expect(run.start('bo-chen')).toBe('20261204T141500Z');
    expect(run.packet('ana-maria-nunez')).toContain('Ana María Núñez');
  });

  it('reports a file that is not a workbook by name, exit 2', async () => {
    const run = await batch('night.xlsx', 'student.name\nAna\n');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('the workbook cannot be read');
  });
});

describe('spreadsheet dates and times', () => {
  it('reads the forms Excel prints', () => {
    expect(readSheetDate('12/3/2026', 'month-first')).toEqual({ value: '2026-12-03' });
    expect(readSheetDate('12/3/2026', 'day-first')).toEqual({ value: '2026-03-12' });
    expect(readSheetDate('25/12/2026')).toEqual({ value: '2026-12-25' });
    expect(readSheetDate('3.12.2026')).toEqual({ value: '2026-12-03' });
    expect(readSheetDate('2/30/2026', 'month-first')).toBeUndefined();
    expect(readSheetTime('2pm')).toBe('14:00');
    expect(readSheetTime('2:30 PM')).toBe('14:30');
    expect(readSheetTime('12:05 a.m.')).toBe('00:05');
    expect(readSheetTime('14:30:00')).toBe('14:30');
    expect(readSheetTime('13pm')).toBeUndefined();
  });
});
