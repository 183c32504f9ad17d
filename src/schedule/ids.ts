/**
 * Stable identifiers for the follow-up files: calendar UIDs, the email's
 * Message-ID and MIME boundaries. Derived from who meets whom and when, never
 * from the clock or a random source, so rebuilding gives the same bytes and a
 * re-imported calendar updates its events instead of duplicating them.
 * (Notes are left out on purpose: adding notes later keeps the same ids.)
 */
import { sha256Hex } from '../hash.js';
import type { Interview } from '../load/schema.js';

/** The first 64 bits of the text's SHA-256, as 16 hex digits: a stable short fingerprint. */
export function fingerprint(text: string): string {
  return sha256Hex(text).slice(0, 16);
}

/** The fingerprint of one meeting: student, mentor, organization, date and time. */
export function interviewFingerprint(interview: Interview): string {
  const { student, mentor, organization, meeting } = interview;
  return fingerprint(JSON.stringify([student.name, student.email ?? '', mentor.name, mentor.email ?? '', organization.name, meeting.date ?? '', meeting.time ?? '']));
}

/**
 * A calendar UID for one item of one interview: "<fingerprint>-<item>@interview-kit".
 * Who meets whom, not when: a meeting moved to another day or hour keeps its
 * UIDs, so a calendar updates the events it imported instead of adding copies.
 */
export function calendarUid(interview: Interview, item: string): string {
  const { student, mentor, organization } = interview;
  const who = fingerprint(JSON.stringify(['calendar', student.name, student.email ?? '', mentor.name, mentor.email ?? '', organization.name]));
  return `${who}-${item}@interview-kit`;
}
