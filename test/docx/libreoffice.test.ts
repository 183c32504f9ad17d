import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../../src/write/docx/index.js';
import { loadSampleTree, theme } from './docx-helpers.js';

const run = promisify(execFile);

// One LibreOffice conversion for the whole suite: it costs seconds.
describe('the sample DOCX opened in LibreOffice', () => {
  let dir: string;
  let text: string;
  let pages: number;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'docx-lo-'));
    const profile = `/tmp/lo-${process.pid}`;
    await writeFile(join(dir, 'sample.docx'), await writeDocx(loadSampleTree(), { theme: theme() }));
    await run(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=file://${profile}/p`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'sample.docx')],
      { env: { ...process.env, HOME: profile }, timeout: 110_000 },
    );
    text = (await run('pdftotext', ['-enc', 'UTF-8', join(dir, 'sample.pdf'), '-'])).stdout.replace(/\s+/g, ' ');
    const info = (await run('pdfinfo', [join(dir, 'sample.pdf')])).stdout;
    pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  }, 120_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    await rm(`/tmp/lo-${process.pid}`, { recursive: true, force: true });
  });

  it('converts to a PDF with the headings in order', () => {
    const headings = ['Prep packet: Meeting with Dr. Αθηνά Παπαδοπούλου', 'Before the meeting', 'What to bring', 'Agenda', 'Questions', 'Follow-up questions'];
    const positions = headings.map((heading) => text.indexOf(heading));
    for (const [i, position] of positions.entries()) expect(position, headings[i]).toBeGreaterThanOrEqual(0);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('shows Greek, Cyrillic and accented text', () => {
    expect(text).toContain('Дмитрий Иванов');
    expect(text).toContain('Ваши заметки — Ihre Notizen — Οι σημειώσεις σας');
    expect(text).toContain('Café Müller, Zürich');
  });

  it('fills the footer fields with "Page X of Y" on every page, the page break giving two pages', () => {
    expect(pages).toBe(2);
    expect(text).toContain('Page 1 of 2');
    expect(text).toContain('Page 2 of 2');
    expect(text).toContain('Zoë Castellanos · Prep packet');
  });

  it('numbers the follow-up list from its own start and shows the check boxes', () => {
    expect(text).toMatch(/4\. Who else would you recommend I speak with\?/);
    expect(text).toMatch(/1\. How did you get started/);
    expect(text).toContain('☒ Confirm the time and place');
    expect(text).toContain('☐ Prepare a 30-second introduction');
  });
});
