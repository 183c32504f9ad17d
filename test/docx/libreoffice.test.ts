/**
 * The DOCX files a user receives, opened by a real word processor:
 * LibreOffice converts each to PDF, and poppler reads back the text and the
 * page count.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectQuestions } from '../../src/kits/select-questions.js';
import type { Root } from '../../src/tree/types.js';
import { writeDocx } from '../../src/write/docx/index.js';
import { bundledGuide } from '../helpers/kit.js';
import { theme } from './docx-helpers.js';
import { handoutTree, interview, kitTrees, letterTree } from './real-documents.js';

const run = promisify(execFile);
const maya = interview('maya.yaml');
const international = interview('maya.yaml', (raw) => {
  raw.student.name = 'أحمد علي';
  raw.mentor.name = 'Dr. 王小明';
});
// Bidi controls LibreOffice puts around right-to-left text in its PDF.
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// One LibreOffice run for every document: starting it costs seconds.
describe('the DOCX files opened in LibreOffice', () => {
  let dir: string;
  const text: Record<string, string> = {};
  const pages: Record<string, number> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'docx-lo-'));
    const profile = `/tmp/lo-${process.pid}`;
    const { packet, questions } = kitTrees(maya);
    const letter = letterTree(interview('maya-after.yaml'));
    const sent = letterTree(interview('maya-after.yaml'), 'print');
    const documents: Record<string, Root> = {
      packet,
      questions,
      handout: handoutTree(),
      'thank-you': { ...letter, meta: { ...letter.meta, kind: 'letter' } },
      'thank-you-sent': { ...sent, meta: { ...sent.meta, kind: 'letter' } },
      international: kitTrees(international).packet,
    };
    for (const [name, tree] of Object.entries(documents)) await writeFile(join(dir, `${name}.docx`), await writeDocx(tree, { theme: theme() }));
    const files = Object.keys(documents).map((name) => join(dir, `${name}.docx`));
    await run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}/p`, '--convert-to', 'pdf', '--outdir', dir, ...files], {
      env: { ...process.env, HOME: profile },
      timeout: 150_000,
    });
    for (const name of Object.keys(documents)) {
      const pdf = join(dir, `${name}.pdf`);
      text[name] = (await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'])).stdout.replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ');
      pages[name] = Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [pdf])).stdout)?.[1]);
    }
  }, 160_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    await rm(`/tmp/lo-${process.pid}`, { recursive: true, force: true });
  });

  it('shows every question of the packet and the question sheet with its number, in order', () => {
    const questions = selectQuestions(maya, bundledGuide()).flatMap((group) => group.questions.map((q) => q.text.replace(/\*+/g, '')));
    for (const name of ['packet', 'questions']) {
      let at = 0;
      questions.forEach((question, i) => {
        const found = text[name]!.indexOf(`${i + 1}. ${question}`, at);
        expect(found, `${name}: ${i + 1}. ${question}`).toBeGreaterThan(at - 1);
        at = found;
      });
    }
  });

  it('fills "Page X of Y" on every page of a document', () => {
    for (const name of ['packet', 'questions', 'handout']) {
      expect(pages[name]).toBeGreaterThan(1);
      for (let page = 1; page <= pages[name]!; page++) expect(text[name], name).toContain(`Page ${page} of ${pages[name]}`);
    }
  });

  it('sets the thank-you letter on one page without a page number, with the check boxes and headings elsewhere intact', () => {
    // The draft carries a note to delete before sending; the letter as sent fits one page.
    expect(pages['thank-you-sent']).toBe(1);
    expect(text['thank-you-sent']).not.toContain('delete this note');
    expect(text['thank-you']).toContain('delete this note');
    for (const name of ['thank-you', 'thank-you-sent']) expect(text[name]).not.toMatch(/Page \d/);
    expect(text['thank-you']).toContain('Dear Dr. Núñez,');
    expect(text['thank-you']).toContain('Sincerely,');
    expect(text.packet).toContain('☐ Write down two or three goals for the meeting');
    expect(text.handout).toContain('Informational Interviews');
  });

  it('shows an Arabic and a Chinese name in their own order inside English text', () => {
    expect(text.international).toContain('Prep packet for أحمد علي, M.A. Organizational Psychology');
    // A line may break between Chinese characters.
    expect(text.international.replace(/(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])/g, '')).toContain('Informational interview with Dr. 王小明');
  });
});
