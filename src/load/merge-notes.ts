/**
 * The notes loop, second half: combine the notes in interview.yaml with those
 * read from a filled question sheet. What the student wrote in the YAML wins
 * field by field; the PDF fills the gaps; and when neither has `learned`, the
 * first answers typed under the questions stand in for it.
 *
 * @example
 * const fromPdf = await readNotesFromPdf(bytes);
 * const { interview: withNotes, sources } = mergeNotes(interview, fromPdf);
 * sources.advice; // "pdf"
 */
import type { Interview } from './schema.js';
import type { Notes } from './schema.js';
import type { NotesFromPdf } from './read-filled-pdf.js';

/** Where each note of the merged interview came from. */
export type NoteSource = 'yaml' | 'pdf' | 'answers';

/** How many answers may stand in for `learned`. */
const ANSWERS_AS_LEARNED = 2;

function present(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'string') return value.trim() !== '';
  return true;
}

/** The interview with merged notes, and where each note came from. */
export function mergeNotes(interview: Interview, fromPdf: NotesFromPdf): { interview: Interview; sources: Partial<Record<keyof Notes, NoteSource>> } {
  const yaml: Notes = interview.notes ?? {};
  const merged: { -readonly [K in keyof Notes]?: Notes[K] } = {};
  const sources: Partial<Record<keyof Notes, NoteSource>> = {};
  const keys: (keyof Notes)[] = ['learned', 'advice', 'referrals', 'next_steps', 'influence', 'business_card'];
  for (const key of keys) {
    if (present(yaml[key])) {
      (merged as Record<string, unknown>)[key] = yaml[key];
      sources[key] = 'yaml';
    } else if (present(fromPdf.notes[key])) {
      (merged as Record<string, unknown>)[key] = fromPdf.notes[key];
      sources[key] = 'pdf';
    }
  }
  if (!present(merged.learned)) {
    const answers = Object.values(fromPdf.answers).filter((a) => a.trim() !== '').slice(0, ANSWERS_AS_LEARNED);
    if (answers.length > 0) {
      merged.learned = answers;
      sources.learned = 'answers';
    }
  }
  return { interview: { ...interview, notes: merged }, sources };
}
