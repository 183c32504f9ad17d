/**
 * Whose question sheet a PDF is. The sheet carries its interview in the PDF's
 * Keywords (one token, so viewers that re-save the file keep it), and
 * `thank-you --from-notes` compares it with the interview it drafts for, so
 * one student's notes never go into another's letter.
 *
 * @example
 * sheetOwnerKeyword(maya);                  // "interview-kit:sheet?student=Maya%20Patel&mentor=…&organization=…"
 * readSheetOwner('… interview-kit:sheet?student=Maya%20Patel&…'); // { student: 'Maya Patel', … }
 */
import type { Interview } from './schema.js';

/** The interview a question sheet was made for. */
export interface SheetOwner {
  readonly student: string;
  readonly mentor: string;
  readonly organization: string;
}

const PREFIX = 'interview-kit:sheet?';

/** The Keywords token that names the sheet's interview. */
export function sheetOwnerKeyword(interview: Interview): string {
  const params = new URLSearchParams({ student: interview.student.name, mentor: interview.mentor.name, organization: interview.organization.name });
  // %20 rather than +: the token must hold no space, and reads plainly either way.
  return PREFIX + params.toString().replace(/\+/g, '%20');
}

/** The owner recorded in a PDF's Keywords, or undefined when it records none. */
export function readSheetOwner(keywords: string | undefined): SheetOwner | undefined {
  const token = keywords?.split(/\s+/).find((k) => k.startsWith(PREFIX));
  if (!token) return undefined;
  const params = new URLSearchParams(token.slice(PREFIX.length));
  const [student, mentor, organization] = ['student', 'mentor', 'organization'].map((k) => params.get(k) ?? '');
  return { student: student!, mentor: mentor!, organization: organization! };
}

const same = (a: string, b: string) => a.normalize('NFC').trim().toLowerCase() === b.normalize('NFC').trim().toLowerCase();

/** True when the sheet belongs to `interview`: the same student meeting the same mentor. */
export function isSheetOf(owner: SheetOwner, interview: Interview): boolean {
  return same(owner.student, interview.student.name) && same(owner.mentor, interview.mentor.name);
}
