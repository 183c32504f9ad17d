/**
 * Stable identifiers for the follow-up files: calendar UIDs, the email's
 * Message-ID and MIME boundaries. Derived from who meets whom and when, never
 * from the clock or a random source, so rebuilding gives the same bytes and a
 * re-imported calendar updates its events instead of duplicating them.
 * (Notes are left out on purpose: adding notes later keeps the same ids.)
 */
import type { Interview } from '../load/schema.js';

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;
const encoder = new TextEncoder();

/** FNV-1a, 64 bits, as 16 hex digits. Not for secrets: a stable short fingerprint. */
export function fingerprint(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of encoder.encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, '0');
}

/** The fingerprint of one meeting: student, mentor, organization, date and time. */
export function interviewFingerprint(interview: Interview): string {
  const { student, mentor, organization, meeting } = interview;
  return fingerprint(JSON.stringify([student.name, student.email ?? '', mentor.name, mentor.email ?? '', organization.name, meeting.date ?? '', meeting.time ?? '']));
}

/** A calendar UID for one item of one interview: "<fingerprint>-<item>@interview-kit". */
export function calendarUid(interview: Interview, item: string): string {
  return `${interviewFingerprint(interview)}-${item}@interview-kit`;
}
