import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/batch/manifest.js';
import type { BatchReportJson } from '../../src/batch/report.js';
import { runTool } from '../helpers/tools.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(root, 'test/fixtures/batch');
const work = mkdtempSync(join(tmpdir(), 'ik-batch-'));
const out = join(work, 'out');
const folder = join(out, 'batch-night');
const roster = join(work, 'night.csv');

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'bin/interview-kit.js'), ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1764547200' },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const batch = (...extra: string[]) => cli('batch', roster, '--jobs', '2', '--out', out, ...extra);
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const pdfPages = (path: string) => Number(/Pages:\s+(\d+)/.exec(runTool('pdfinfo', [path], { encoding: 'utf8' }))![1]);
const pageText = (path: string, page: number) =>
  runTool('pdftotext', ['-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' }).normalize('NFC');

const GOOD = ['Maya Patel', 'Ελένη Παπαδοπούλου', 'Renée Côté-Lefèvre', 'Дмитрий Иванов', 'Ana María Núñez'];

/** Checks print.pdf against the manifest: every document starts on a front side (duplex) and names its student on page 1. */
function checkPrintFile(manifest: Manifest, duplex: boolean): void {
  const print = join(folder, 'print.pdf');
  expect(manifest.print?.duplex).toBe(duplex);
  expect(pdfPages(print)).toBe(manifest.print!.pages);
  let expected = 1;
  for (const row of manifest.rows) {
    for (const range of row.print!) {
      expect(range.firstPage).toBe(expected);
      const pages = range.lastPage - range.firstPage + 1;
      expect(pages).toBe(row.files.find((f) => f.path === range.path)!.pages);
      if (duplex) {
        expect(range.firstPage % 2).toBe(1);
        expect((pages + (range.blankAfter ? 1 : 0)) % 2).toBe(0);
      } else {
        expect(range.blankAfter).toBe(false);
      }
      expect(pageText(print, range.firstPage)).toContain(row.student);
      expected = range.lastPage + 1 + (range.blankAfter ? 1 : 0);
    }
  }
  expect(expected - 1).toBe(manifest.print!.pages);
}

describe('interview-kit batch', () => {
  let first: ReturnType<typeof cli>;
  beforeAll(() => {
    copyFileSync(join(fixtures, 'roster.csv'), roster);
    first = batch();
  });

  it('builds every good row, reports the three bad ones with row, column and field, and exits 1', () => {
    expect(first.status).toBe(1);
    expect(first.stderr).toContain('night.csv: error: row 5, column D (mentor.name): mentor.name is missing\n  hint: fill in cell D5');
    expect(first.stderr).toContain('night.csv: error: row 7, column H (meeting.date): meeting.date is not a date ("2027-02-31")');
    expect(first.stderr).toContain('night.csv: error: row 9, column K (meeting.format): meeting.format is not one of the allowed values ("zoom")');
    expect(first.stdout).toMatch(/8 rows: 5 built, 0 unchanged, 3 failed/);
    const report = readJson<BatchReportJson>(join(folder, 'report.json'));
    expect(report).toMatchObject({ rows: 8, built: 5, unchanged: 0, failed: 3 });
    expect(report.failures.map((f) => [f.row, f.student, f.errors[0]!.column, f.errors[0]!.field])).toEqual([
      [5, 'Chidi Okafor', 'D', 'mentor.name'],
      [7, 'Sam Lee', 'H', 'meeting.date'],
      [9, 'Jordan Smith', 'K', 'meeting.format'],
    ]);
    const text = readFileSync(join(folder, 'report.txt'), 'utf8');
    expect(text).toContain('row 7 (Sam Lee):');
    expect(text).toContain('column H (meeting.date): meeting.date is not a date ("2027-02-31")');
  });

  it('prints plain progress lines when not on a terminal', () => {
    expect(first.stderr).toMatch(/^\[1\/8\] built row 2 Maya Patel \(/m);
    expect(first.stderr).toMatch(/^\[8\/8\] failed row 9 Jordan Smith \(.*rows\/s, ETA/m);
  });

  it('writes a folder per student, in roster order, with packet and question sheet as PDF and DOCX', () => {
    const manifest = readJson<Manifest>(join(folder, 'manifest.json'));
    expect(manifest.rows.map((r) => r.student)).toEqual(GOOD);
    expect(new Set(manifest.rows.map((r) => r.folder)).size).toBe(5);
    for (const row of manifest.rows) {
      expect(row.folder).toMatch(/^[a-z0-9-]+$/);
      for (const name of ['packet.pdf', 'packet.docx', 'questions.pdf', 'questions.docx']) {
        expect(existsSync(join(folder, row.folder, name))).toBe(true);
      }
    }
  });

  it('makes a duplex print file in which every document starts on a front side and page 1 names its student', () => {
    checkPrintFile(readJson<Manifest>(join(folder, 'manifest.json')), true);
    expect(runTool('qpdf', ['--check', join(folder, 'print.pdf')], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
  });

  it('lists every file in the manifest with the sha256, size and page count it has on disk', () => {
    const manifest = readJson<Manifest>(join(folder, 'manifest.json'));
    expect(manifest.files.length).toBe(5 * 4 + 1);
    for (const file of manifest.files) {
      const path = join(folder, file.path);
      expect(sha256(path)).toBe(file.sha256);
      expect(statSync(path).size).toBe(file.bytes);
      if (file.path.endsWith('.pdf')) expect(pdfPages(path)).toBe(file.pages);
    }
  });

  it('rebuilds nothing on a second run with nothing changed, and only the changed row after an edit', () => {
    const manifest = readJson<Manifest>(join(folder, 'manifest.json'));
    const files = [...manifest.files.map((f) => f.path)];
    const before = new Map(files.map((p) => [p, statSync(join(folder, p)).mtimeMs]));

    const second = batch();
    expect(second.status).toBe(1);
    expect(second.stdout).toMatch(/8 rows: 0 built, 5 unchanged, 3 failed/);
    for (const p of files) expect(statSync(join(folder, p)).mtimeMs).toBe(before.get(p));
    expect(readJson<Manifest>(join(folder, 'manifest.json')).files).toEqual(manifest.files);

    // Change Ana María's organization mission only.
    writeFileSync(roster, readFileSync(roster, 'utf8').replace('Justice, fairly priced', 'Justice for everyone'));
    const third = batch();
    expect(third.stdout).toMatch(/8 rows: 1 built, 4 unchanged, 3 failed/);
    const after = readJson<Manifest>(join(folder, 'manifest.json'));
    const ana = after.rows.find((r) => r.student === 'Ana María Núñez')!;
    for (const row of after.rows) {
      for (const file of row.files) {
        const changed = statSync(join(folder, file.path)).mtimeMs !== before.get(file.path);
        expect(changed).toBe(row === ana);
      }
    }
    expect(after.print!.sha256).toBe(sha256(join(folder, 'print.pdf')));
    checkPrintFile(after, true);
  });

  it('rebuilds every row with --force and leaves out blank pages with --simplex', () => {
    const run = batch('--force', '--simplex');
    expect(run.stdout).toMatch(/8 rows: 5 built, 0 unchanged, 3 failed/);
    const manifest = readJson<Manifest>(join(folder, 'manifest.json'));
    checkPrintFile(manifest, false);
    const documentPages = manifest.rows.flatMap((r) => r.files).reduce((sum, f) => sum + (f.pages ?? 0), 0);
    expect(manifest.print!.pages).toBe(documentPages);
  });

  it('refuses an unknown roster column with exit code 2 and a did-you-mean', () => {
    const bad = join(work, 'bad-header.csv');
    writeFileSync(bad, 'student.name,mentor.name,organisation.name\nA,B,C\n');
    const run = cli('batch', bad, '--out', out);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('bad-header.csv: error: row 1, column C: unknown column "organisation.name"');
    expect(run.stderr).toContain('hint: did you mean "organization.name"?');
  });

  it('reports kit.yaml problems with their line and column, and builds nothing', () => {
    const run = cli('batch', roster, '--out', join(work, 'none'), '--config', join(root, 'test/fixtures/config/bad-kit.yaml'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/bad-kit\.yaml:4:9: error: accent is not a colour/);
    expect(run.stderr).toMatch(/bad-kit\.yaml:2:3: error: unknown field "nme" in office\n\s+hint: did you mean "name"\?/);
    expect(existsSync(join(work, 'none'))).toBe(false);
  });

  it('says why there is no print file when the pdf format is left out', () => {
    const docxOnly = join(work, 'docx-only');
    const run = cli('batch', join(root, 'content/examples/roster.csv'), '--out', docxOnly, '--format', 'docx', '--no-progress');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('no print.pdf: the print file is made from the PDFs; add pdf to --format for one');
    expect(existsSync(join(docxOnly, 'batch-roster', 'maya-patel', 'packet.docx'))).toBe(true);
    expect(existsSync(join(docxOnly, 'batch-roster', 'print.pdf'))).toBe(false);
  });

  it('deletes the folder of a student who left the roster on the next run, and says so', () => {
    const before = readJson<Manifest>(join(folder, 'manifest.json'));
    const dmitrii = before.rows.find((r) => r.student === 'Дмитрий Иванов')!;
    expect(existsSync(join(folder, dmitrii.folder))).toBe(true);
    writeFileSync(roster, readFileSync(roster, 'utf8').split('\n').filter((line) => !line.startsWith('Дмитрий Иванов,')).join('\n'));
    const run = batch();
    expect(run.stdout).toMatch(/7 rows: 0 built, 4 unchanged, 3 failed/);
    expect(run.stdout).toContain('deleted the files of 1 student no longer in the roster: Дмитрий Иванов');
    expect(existsSync(join(folder, dmitrii.folder))).toBe(false);
    const after = readJson<Manifest>(join(folder, 'manifest.json'));
    expect(after.rows.map((r) => r.student)).not.toContain('Дмитрий Иванов');
    expect(readJson<BatchReportJson>(join(folder, 'report.json')).removed).toEqual(['Дмитрий Иванов']);
    for (const file of after.files) expect(existsSync(join(folder, file.path))).toBe(true);
    checkPrintFile(after, true);
  });
});

describe('interview-kit handout', () => {
  it('writes the guide with a blank question sheet, and --copies 3 makes a duplex-safe print file of three copies', () => {
    const kit = join(work, 'kit.yaml');
    writeFileSync(kit, 'office:\n  name: Career Services at Example College\n  contact: [Room 114]\npage_size: a4\n');
    const dir = join(work, 'handout-out');
    const run = cli('handout', '--config', kit, '--copies', '3', '--out', dir);
    expect(run.status).toBe(0);
    const handout = join(dir, 'handout', 'handout.pdf');
    const print = join(dir, 'handout', 'handout-print.pdf');
    expect(existsSync(join(dir, 'handout', 'handout.docx'))).toBe(true);
    const pages = pdfPages(handout);
    const perCopy = pages + (pages % 2);
    expect(pdfPages(print)).toBe(3 * perCopy);
    const first = pageText(handout, 1);
    expect(first).toContain('Informational Interviews');
    expect(first).toContain('Career Services at Example College');
    for (let copy = 0; copy < 3; copy++) expect(pageText(print, copy * perCopy + 1)).toBe(first);
    const all = runTool('pdftotext', [handout, '-'], { encoding: 'utf8' });
    for (const heading of ['Why Ask for One?', 'Before the Meeting', 'Questions to Ask', 'Closing the Conversation', 'After the Meeting', 'Question Sheet']) {
      expect(all).toContain(heading);
    }
    expect(runTool('pdfinfo', [handout], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.2\d? x 841\.8\d?/);
  });
});
