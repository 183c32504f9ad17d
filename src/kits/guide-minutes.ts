/**
 * The guide's `{minutes}` placeholder: guide text that speaks of the meeting's
 * length ("Keep to **{minutes}**") says the length of this meeting, so the
 * advice and the time plan under it never disagree.
 *
 * @example
 * withMeetingLength(guide, 30).professional.reminders // [..., 'Keep to **30 minutes**, …']
 */
import type { Guide } from '../load/content-schema.js';

/** "1 minute", "20 minutes". */
function minutesText(minutes: number): string {
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

/** A copy of the guide with every `{minutes}` replaced by the meeting's length. */
export function withMeetingLength(guide: Guide, minutes: number): Guide {
  return fill(guide, minutesText(minutes)) as Guide;
}

function fill(value: unknown, length: string): unknown {
  if (typeof value === 'string') return value.includes('{minutes}') ? value.replaceAll('{minutes}', length) : value;
  if (Array.isArray(value)) return value.map((v) => fill(v, length));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, length)]));
  return value;
}
