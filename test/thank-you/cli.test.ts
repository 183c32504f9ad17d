/**
 * `interview-kit thank-you` end to end: run the real command line, then read
 * the files a student receives the way their programs would (poppler for the
 * PDF, the DOCX's XML, a mail parser for the .eml).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { simpleParser } from 'mailparser';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { built } from '../helpers/built.js';
import { runCli, tempDir, outputNames } from '../helpers/cli.js';
import { repoRoot } from '../helpers/kit.js';
import { pdfText } from '../helpers/pdf-tools.js';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function docxText(file: string): string {
  const xml = strFromU8(unzipSync(readFileSync(file))['word/document.xml']!);
  return squash(xml.replace(/<w:p[ >]|<w:br\/>/g, ' $&').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
}

describe('interview-kit thank-you content/examples/maya-after.yaml', () => {
  const out = tempDir();
  const dir = join(out, 'maya-patel');
  let run: ReturnType<typeof runCli>;

  beforeAll(() => {
    run = runCli(['thank-you', 'content/examples/maya-after.yaml', '--out', out]);
  });

  it('exits 0 and writes the DOCX, PDF, text and .eml drafts with no warnings', () => {
    expect(run.status).toBe(0);
    expect(outputNames(dir)).toEqual(['thank-you.docx', 'thank-you.eml', 'thank-you.pdf', 'thank-you.txt']);
    expect(run.stdout).toMatch(/wrote .*thank-you\.pdf \(1 page\)/);
    expect(run.stderr).toBe('');
  });

  it('lays out the PDF and the DOCX as a letter: sender, date, recipient, salutation, body, closing, name', () => {
    const pdf = squash(pdfText(join(dir, 'thank-you.pdf')));
    const docx = docxText(join(dir, 'thank-you.docx'));
    for (const text of [pdf, docx]) {
      expect(text).toContain(
        'Maya Patel M.A. Organizational Psychology maya.patel@example.edu December 3, 2026 Dr. José Núñez Director of Learning & Development People & Culture Acme Health Dear Dr. Núñez,',
      );
      expect(text).toContain('Build a portfolio of two or three programs you designed');
      expect(text).toContain('Sincerely, Maya Patel');
    }
  });

  it('keeps the drafting note in the editable DOCX and out of the print PDF', () => {
    expect(docxText(join(dir, 'thank-you.docx'))).toMatch(/^Send by Friday, December 4, 2026, 2:30 PM\. .* then delete this note\. Maya Patel/);
    expect(squash(pdfText(join(dir, 'thank-you.pdf')))).not.toMatch(/Send by|delete this note|\[/);
  });

  it('writes the email body as the golden plain text', () => {
    expect(readFileSync(join(dir, 'thank-you.txt'), 'utf8')).toBe(readFileSync(join(repoRoot, 'test/fixtures/thank-you/maya-after.formal.txt'), 'utf8'));
  });

  it('addresses the .eml draft to the mentor', async () => {
    const mail = await simpleParser(readFileSync(join(dir, 'thank-you.eml')));
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('"Dr. José Núñez" <jnunez@example.com>');
    expect(mail.headers.get('x-unsent')).toBe('1');
  });

  it('gives byte-identical files when run again', () => {
    const again = tempDir();
    expect(runCli(['thank-you', 'content/examples/maya-after.yaml', '--out', again]).status).toBe(0);
    for (const name of readdirSync(dir)) {
      expect(readFileSync(join(again, 'maya-patel', name)).equals(readFileSync(join(dir, name))), name).toBe(true);
    }
  });
});

describe('interview-kit thank-you --from-notes', () => {
  it('reads the notes typed into the question sheet built by `build`', async () => {
    const sheet = await built(['build', 'content/examples/maya.yaml', '--format', 'pdf']);
    expect(sheet.status).toBe(0);
    const out = tempDir();
    const doc = await PDFDocument.load(readFileSync(join(sheet.out, 'maya-patel', 'questions.pdf')));
    const form = doc.getForm();
    form.getTextField('advice').setText('Learn the basics of a learning-management system.');
    form.getTextField('answer-like-best').setText('Watching a shy new manager run a great first meeting');
    form.getCheckBox('business-card').check();
    const filled = join(out, 'questions-filled.pdf');
    writeFileSync(filled, await doc.save());

    const run = runCli(['thank-you', 'content/examples/maya.yaml', '--from-notes', filled, '--tone', 'warm', '--format', 'txt', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('questions-filled.pdf: advice, business card; your answers as what you learned');
    const text = readFileSync(join(out, 'maya-patel', 'thank-you-warm.txt'), 'utf8');
    expect(text).toContain('What stays with me most is this: Watching a shy new manager run a great first meeting.');
    expect(text).toContain('Your advice meant a lot to me: Learn the basics of a learning-management system.');
    expect(text).toContain('[how this will shape your next steps]');
  });

  it('exits 2 with a hint when the notes file is not a filled question sheet', () => {
    const run = runCli(['thank-you', 'content/examples/maya.yaml', '--from-notes', 'content/examples/maya.yaml', '--format', 'txt', '--out', tempDir()]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/content\/examples\/maya\.yaml: error: the notes file is not a PDF that can be read .*questions\.pdf/);
  });
});

describe('interview-kit thank-you options', () => {
  it('writes follow-up.ics on request, and only a warning when the meeting has no date', () => {
    const out = tempDir();
    const withDate = runCli(['thank-you', 'content/examples/sofia.yaml', '--format', 'ics', '--progress-months', '2', '--out', out]);
    expect(withDate.status).toBe(0);
    const ics = readFileSync(join(out, readdirSync(out)[0]!, 'follow-up.ics'), 'utf8');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(ics).toContain('DTSTART:20270314T160000Z');

    const noDate = runCli(['thank-you', 'content/examples/minimal.yaml', '--format', 'ics,txt', '--out', out]);
    expect(noDate.status).toBe(0);
    expect(noDate.stderr).toContain('warning: meeting.date is not set, so there is no follow-up.ics');
    expect(outputNames(join(out, 'sam-lee'))).toEqual(['thank-you.txt']);
  });

  it('takes the time zone from --timezone when the interview names none', async () => {
    const out = tempDir();
    const yaml = join(out, 'no-zone.yaml');
    writeFileSync(yaml, readFileSync(join(repoRoot, 'content/examples/maya.yaml'), 'utf8').replace(/^\s*timezone:.*$/m, ''));
    // Without SOURCE_DATE_EPOCH the draft is dated at the meeting's end: 14:50 in Tokyo.
    const run = runCli(['thank-you', yaml, '--format', 'eml', '--timezone', 'Asia/Tokyo', '--out', out], { SOURCE_DATE_EPOCH: '' });
    expect(run.status).toBe(0);
    const mail = await simpleParser(readFileSync(join(out, 'maya-patel', 'thank-you.eml')));
    expect(mail.date?.toISOString()).toBe('2026-12-03T05:50:00.000Z');

    const bad = runCli(['thank-you', yaml, '--format', 'txt', '--timezone', 'Europe/Pariss', '--out', out]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('error: --timezone "Europe/Pariss" is not a time zone');
    expect(bad.stderr).toContain('hint: did you mean "Europe/Paris"?');
  });

  it('exits 2 for a progress list that is not whole months', () => {
    const months = runCli(['thank-you', 'content/examples/maya.yaml', '--format', 'ics', '--progress-months', '1,two', '--out', tempDir()]);
    expect(months.status).toBe(2);
    expect(months.stderr).toContain('progress updates must be whole months from 1 to 36');
  });
});
