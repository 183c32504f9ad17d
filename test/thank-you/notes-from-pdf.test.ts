/**
 * The notes loop: the question sheet built by the real pipeline, filled in
 * (by pdf-lib, and by MuPDF as a viewer would), read back into notes and
 * turned into a thank-you letter.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFontSet } from '../../src/node/assets.js';
import { renderThankYou } from '../../src/kits/thank-you-kit.js';
import { mergeNotes } from '../../src/load/merge-notes.js';
import { fieldLines, fieldText, NotesPdfError, readNotesFromPdf } from '../../src/load/read-filled-pdf.js';
import { buildDocuments } from '../../src/pipeline.js';
import { createRenderer } from '../../src/render/render.js';
import { resolveTheme } from '../../src/theme.js';
import { writeText } from '../../src/write/text/index.js';
import { expectGolden } from '../helpers/golden.js';
import { bundledGuide, bundledTemplates, exampleInterview, repoRoot } from '../helpers/kit.js';
import { runTool } from '../helpers/tools.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'thank-you');
const renderer = createRenderer(bundledTemplates());
let sheet: Uint8Array;

beforeAll(async () => {
  const { files } = await buildDocuments([{ kind: 'kit', interview: exampleInterview('maya.yaml'), formats: ['pdf'], documents: ['questions'] }], {
    guide: bundledGuide(),
    renderer,
    theme: resolveTheme(),
    fonts: readFontSet('noto-sans'),
  });
  sheet = files.find((f) => f.name === 'questions.pdf')!.bytes;
});

/** Fills fields with pdf-lib: text for strings, a tick for true. */
async function fillWithPdfLib(pdf: Uint8Array, values: Record<string, string | true>): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  const form = doc.getForm();
  for (const [name, value] of Object.entries(values)) {
    if (value === true) form.getCheckBox(name).check();
    else form.getTextField(name).setText(value);
  }
  return doc.save();
}

const FILLED = {
  'answer-your-responsibilities': 'Planning programs with managers\nMeasuring what changed after training',
  'answer-like-best': 'Seeing a new manager run their first good meeting',
  advice: 'Build a portfolio of two or three programs you designed,\nwith the results you measured.',
  referrals: '- Priya Shah, onboarding lead at the Brooklyn clinic\n- Tom Berg (learning analytics)',
  'next-steps': '1. Take the learning-analytics elective\n2. Email Priya Shah by December 10',
  'business-card': true,
} as const;

describe('the question sheet’s fields', () => {
  it('has an answer field per question and the closing fields the reader expects', async () => {
    const names = (await PDFDocument.load(sheet)).getForm().getFields().map((f) => f.getName());
    expect(names).toEqual([
      'answer-positions-in-field',
      'answer-training-education',
      'answer-training-programs',
      'answer-your-responsibilities',
      'answer-personal-qualities',
      'answer-how-interested',
      'answer-like-best',
      'answer-my-background',
      'answer-custom-1',
      'advice',
      'referrals',
      'next-steps',
      'business-card',
    ]);
  });
});

describe('readNotesFromPdf', () => {
  it('reads the closing notes and the answers typed into the sheet with pdf-lib', async () => {
    const { notes, answers, filled } = await readNotesFromPdf(await fillWithPdfLib(sheet, FILLED));
    expect(notes).toEqual({
      advice: 'Build a portfolio of two or three programs you designed, with the results you measured.',
      referrals: ['Priya Shah, onboarding lead at the Brooklyn clinic', 'Tom Berg (learning analytics)'],
      next_steps: ['Take the learning-analytics elective', 'Email Priya Shah by December 10'],
      business_card: true,
    });
    expect(answers).toEqual({
      'your-responsibilities': 'Planning programs with managers; Measuring what changed after training',
      'like-best': 'Seeing a new manager run their first good meeting',
    });
    expect(filled).toHaveLength(6);
  });

  it('reads notes typed in with MuPDF and saved as an incremental update', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'notes-'));
    const [input, output] = [join(dir, 'in.pdf'), join(dir, 'out.pdf')];
    writeFileSync(input, sheet);
    const values = JSON.stringify({ ...FILLED, advice: 'Learn the basics of a learning-management system — Moodle or Cornerstone.' });
    runTool('mutool', ['run', join(fixtures, 'fill-form.js'), input, output, values], { stdio: 'pipe' });
    const filledBytes = readFileSync(output);
    expect(filledBytes.length).toBeGreaterThan(sheet.length);
    expect(filledBytes.subarray(0, sheet.length).equals(Buffer.from(sheet))).toBe(true);
    const { notes, answers } = await readNotesFromPdf(filledBytes);
    expect(notes.advice).toBe('Learn the basics of a learning-management system — Moodle or Cornerstone.');
    expect(notes.business_card).toBe(true);
    expect(notes.referrals).toEqual(['Priya Shah, onboarding lead at the Brooklyn clinic', 'Tom Berg (learning analytics)']);
    expect(Object.keys(answers)).toEqual(['your-responsibilities', 'like-best']);
  });

  it('leaves out empty fields and an unticked business card', async () => {
    const result = await readNotesFromPdf(await fillWithPdfLib(sheet, { advice: '   \n ' }));
    expect(result).toEqual({ notes: {}, answers: {}, filled: [], owner: expect.objectContaining({ student: expect.any(String) }) });
  });

  it('rejects a file that is not a PDF, saying what to pass instead', async () => {
    await expect(readNotesFromPdf(new TextEncoder().encode('student:\n  name: Maya\n'))).rejects.toThrow(NotesPdfError);
    await expect(readNotesFromPdf(new TextEncoder().encode('student:\n  name: Maya\n'))).rejects.toThrow(/questions\.pdf/);
  });

  it('rejects a PDF without the question sheet’s fields', async () => {
    const plain = await PDFDocument.create();
    plain.addPage();
    await expect(readNotesFromPdf(await plain.save())).rejects.toThrow(/has no form fields/);
    const other = await PDFDocument.create();
    other.getForm().createTextField('first-name').addToPage(other.addPage(), { x: 10, y: 10 });
    await expect(readNotesFromPdf(await other.save())).rejects.toThrow(/none of the question sheet's \(it has "first-name"\)/);
  });
});

describe('field text', () => {
  it('drops list markers and blank lines', () => {
    expect(fieldLines(' - one\r\n\r\n• two\n3) three\n4. four\nplain')).toEqual(['one', 'two', 'three', 'four', 'plain']);
  });

  it('joins a sentence wrapped over lines with a space and separate thoughts with a semicolon', () => {
    expect(fieldText('Build a portfolio of programs,\nwith results')).toBe('Build a portfolio of programs, with results');
    expect(fieldText('Build a portfolio\nof programs')).toBe('Build a portfolio of programs');
    expect(fieldText('Planning programs\nMeasuring change')).toBe('Planning programs; Measuring change');
  });
});

describe('mergeNotes', () => {
  it('keeps the YAML notes where both have a value and fills the gaps from the PDF', async () => {
    const fromPdf = await readNotesFromPdf(await fillWithPdfLib(sheet, FILLED));
    const { interview, sources } = mergeNotes(exampleInterview('maya-after.yaml'), fromPdf);
    expect(interview.notes?.advice).toBe(exampleInterview('maya-after.yaml').notes?.advice);
    expect(interview.notes?.referrals).toEqual(['Priya Shah, onboarding lead at the Brooklyn clinic']);
    expect(sources).toEqual({ learned: 'yaml', advice: 'yaml', referrals: 'yaml', next_steps: 'yaml', influence: 'yaml', business_card: 'yaml' });

    const partial = { ...exampleInterview('maya.yaml'), notes: { advice: 'Talk to the onboarding team first.' } };
    const merged = mergeNotes(partial, fromPdf);
    expect(merged.interview.notes).toMatchObject({ advice: 'Talk to the onboarding team first.', next_steps: ['Take the learning-analytics elective', 'Email Priya Shah by December 10'] });
    expect(merged.sources).toMatchObject({ advice: 'yaml', referrals: 'pdf', next_steps: 'pdf', business_card: 'pdf' });
  });

  it('lets the first two answers stand in for "learned" when no notes say what was learned', async () => {
    const fromPdf = await readNotesFromPdf(await fillWithPdfLib(sheet, FILLED));
    const { interview, sources } = mergeNotes(exampleInterview('maya.yaml'), fromPdf);
    expect(interview.notes?.learned).toEqual(['Planning programs with managers; Measuring what changed after training', 'Seeing a new manager run their first good meeting']);
    expect(sources.learned).toBe('answers');
  });

  it('turns the notes of a filled sheet into a letter', async () => {
    const fromPdf = await readNotesFromPdf(await fillWithPdfLib(sheet, FILLED));
    const { interview } = mergeNotes(exampleInterview('maya.yaml'), fromPdf);
    const { markdown, tree } = renderThankYou(interview, renderer, { mode: 'letter' });
    await expectGolden(join(fixtures, 'maya-from-pdf.formal.md'), markdown);
    const text = writeText(tree);
    expect(text).toContain('- Planning programs with managers; Measuring what changed after training');
    expect(text).toContain('I will also take your advice to heart: Build a portfolio of two or three programs you designed, with the results you measured.');
    expect(text).toContain('suggesting that I contact Priya Shah, onboarding lead at the Brooklyn clinic; and Tom Berg (learning analytics). I will');
    expect(text).toContain('Our conversation has already shaped my next steps:\n\n- Take the learning-analytics elective\n- Email Priya Shah by December 10');
  });
});
