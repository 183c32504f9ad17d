/**
 * The notes loop, first half: read what a student typed into the question
 * sheet's form fields (in any PDF viewer) back out of the saved PDF.
 *
 * Field names are those the question-sheet template gives its answer spaces:
 * `answer-<question id>` under each question (custom questions are
 * `answer-custom-1`, …), and in the closing section `advice`, `referrals`,
 * `next-steps`, the `business-card` check box, and, when a template adds them,
 * `learned` and `influence`.
 *
 * @example
 * const { notes, answers } = await readNotesFromPdf(bytes);
 * notes.advice;                   // "Build a portfolio of two or three programs"
 * answers['your-responsibilities']; // "Planning programs with managers"
 */
import { PDFCheckBox, PDFDocument, PDFTextField, type PDFField } from 'pdf-lib';
import type { Notes } from './schema.js';
import { stripForbiddenCharacters } from './check-controls.js';
import { readSheetOwner, type SheetOwner } from './sheet-owner.js';

/** Notes read from the form, and the answer typed under each question, keyed by question id, in sheet order. */
export interface NotesFromPdf {
  readonly notes: Partial<Notes>;
  readonly answers: Readonly<Record<string, string>>;
  /** Names of the fields that held something, in the order read. */
  readonly filled: readonly string[];
  /** The interview the sheet was made for, when the PDF records it. */
  readonly owner?: SheetOwner;
}

/** Thrown when the file is not a PDF, or not a question sheet with fields; the message says what to pass instead. */
export class NotesPdfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotesPdfError';
  }
}

/** Prefix of the answer field under each question. */
export const ANSWER_FIELD_PREFIX = 'answer-';

/** Form fields of the closing section and the notes they fill. */
export const NOTE_FIELDS = {
  learned: 'learned',
  advice: 'advice',
  referrals: 'referrals',
  'next-steps': 'next_steps',
  influence: 'influence',
} as const;

/** The check box that records a received business card. */
export const BUSINESS_CARD_FIELD = 'business-card';

/** Most items a list note may have (as in the interview schema). */
const MAX_ITEMS = 50;
/** Most characters a note may have (as in the interview schema). */
const MAX_TEXT = 2000;
/**
 * Most PDF objects read from a notes file. A question sheet has a few hundred;
 * the limit keeps a crafted file from making the reader walk millions.
 */
export const MAX_NOTES_PDF_OBJECTS = 20_000;

/** Lines of a multi-line field without list markers or blank lines: "- a\n2) b" → ["a", "b"]. */
export function fieldLines(value: string): string[] {
  return value
    .normalize('NFC')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.replace(/^\s*(?:[-*•·–]|\d{1,2}[.)])\s+/u, '').replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

/**
 * The field as one line of text. A line that ends in punctuation, or is followed by
 * one starting in lowercase, was wrapped mid-sentence and joins with a space; other
 * line breaks separated thoughts and become "; ".
 */
export function fieldText(value: string): string {
  const lines = fieldLines(value);
  let out = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const wrapped = /[.,;:!?)\-–—]$/u.test(out) || /^\p{Ll}/u.test(lines[i]!);
    out += (wrapped ? ' ' : '; ') + lines[i];
  }
  return out.slice(0, MAX_TEXT);
}

function textOf(field: PDFField): string | undefined {
  if (!(field instanceof PDFTextField)) return undefined;
  const raw = field.getText();
  // Typed into any PDF viewer, or by a tool: control characters and bidi overrides are dropped.
  const value = raw === undefined ? undefined : stripForbiddenCharacters(raw);
  return value && value.trim() !== '' ? value : undefined;
}

const UNREADABLE_HINT = 'pass the question sheet (questions.pdf) after filling it in and saving it';

/** Counts the "obj" keywords of `bytes` (objects written out; those in object streams are counted after loading). */
function countObjectKeywords(bytes: Uint8Array): number {
  let count = 0;
  for (let i = bytes.indexOf(0x6f); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0x6f, i + 1)) {
    // " obj" followed by a delimiter: o b j after a space or newline
    if (bytes[i + 1] === 0x62 && bytes[i + 2] === 0x6a && (bytes[i - 1] === 0x20 || bytes[i - 1] === 0x0a || bytes[i - 1] === 0x0d)) count++;
  }
  return count;
}

async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  if (countObjectKeywords(bytes) > MAX_NOTES_PDF_OBJECTS) {
    throw new NotesPdfError(`the notes file has more than ${MAX_NOTES_PDF_OBJECTS} PDF objects, far more than a question sheet; ${UNREADABLE_HINT}`);
  }
  let doc: PDFDocument;
  // throwOnInvalidObject: a damaged object is an error here, not a warning printed by the parser.
  // The parser still prints a few warnings of its own ("Removing parsed object: 0 0 R") to the
  // console; they mean nothing to a student, so they are held back while it runs.
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: true });
  } catch (error) {
    throw new NotesPdfError(`the notes file is not a PDF that can be read (${describeError(error)}); ${UNREADABLE_HINT}`);
  } finally {
    console.warn = warn;
  }
  if (doc.context.enumerateIndirectObjects().length > MAX_NOTES_PDF_OBJECTS) {
    throw new NotesPdfError(`the notes file has more than ${MAX_NOTES_PDF_OBJECTS} PDF objects, far more than a question sheet; ${UNREADABLE_HINT}`);
  }
  return doc;
}

function describeError(error: unknown): string {
  if (error instanceof RangeError) return 'its objects nest too deeply or refer to themselves';
  const message = error instanceof Error ? error.message : String(error);
  // pdf-lib's type checks name minified classes ("Expected instance of t, but got instance of t").
  if (/Expected instance of|is not a function|Cannot read properties/.test(message)) return 'its form is damaged';
  if (/invalid object/i.test(message)) return 'an object in it is damaged';
  return message.split('\n')[0]!.slice(0, 200);
}

/** Reads the notes and answers a student typed into the question sheet's fields. */
export async function readNotesFromPdf(bytes: Uint8Array): Promise<NotesFromPdf> {
  const doc = await loadPdf(bytes);
  try {
    return readFields(doc);
  } catch (error) {
    if (error instanceof NotesPdfError) throw error;
    throw new NotesPdfError(`the notes file's form cannot be read (${describeError(error)}); ${UNREADABLE_HINT}`);
  }
}

function readFields(doc: PDFDocument): NotesFromPdf {
  const fields = doc.getForm().getFields();
  const known = fields.filter((f) => {
    const name = f.getName();
    return name.startsWith(ANSWER_FIELD_PREFIX) || name in NOTE_FIELDS || name === BUSINESS_CARD_FIELD;
  });
  if (known.length === 0) {
    throw new NotesPdfError(
      fields.length === 0
        ? 'the notes PDF has no form fields; pass the question sheet (questions.pdf from `interview-kit build`) after typing your notes into it, not a printed or flattened copy'
        : `the notes PDF has form fields, but none of the question sheet's (it has ${fields.slice(0, 3).map((f) => `"${f.getName()}"`).join(', ')}); pass questions.pdf from \`interview-kit build\``,
    );
  }

  const notes: { -readonly [K in keyof Notes]?: Notes[K] } = {};
  const answers: Record<string, string> = {};
  const filled: string[] = [];
  for (const field of known) {
    const name = field.getName();
    if (name === BUSINESS_CARD_FIELD) {
      if (field instanceof PDFCheckBox && field.isChecked()) {
        notes.business_card = true;
        filled.push(name);
      }
      continue;
    }
    const value = textOf(field);
    if (value === undefined) continue;
    filled.push(name);
    if (name.startsWith(ANSWER_FIELD_PREFIX)) {
      const text = fieldText(value);
      if (text) answers[name.slice(ANSWER_FIELD_PREFIX.length)] = text;
      continue;
    }
    const key = NOTE_FIELDS[name as keyof typeof NOTE_FIELDS];
    if (key === 'advice' || key === 'influence') {
      const text = fieldText(value);
      if (text) notes[key] = text;
    } else {
      const lines = fieldLines(value).map((l) => l.slice(0, 500)).slice(0, MAX_ITEMS);
      if (lines.length > 0) notes[key] = lines;
    }
  }
  const owner = readSheetOwner(doc.getKeywords());
  return { notes, answers, filled, ...(owner ? { owner } : {}) };
}
