/**
 * Dates and times of a meeting as people read them. Meeting dates are
 * calendar dates and times are wall-clock times: no time zone is involved
 * until the calendar writer, so formatting is done in UTC on purpose.
 */
import type { Interview } from '../load/schema.js';

const dateFormat = new Intl.DateTimeFormat('en-US', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const shortDateFormat = new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });

/** The meeting's date and time as a UTC instant standing for its wall-clock time. */
export function meetingWallClock(meeting: Interview['meeting']): Date | undefined {
  if (!meeting.date) return undefined;
  const [h, m] = (meeting.time ?? '00:00').split(':').map(Number);
  const [y, mo, d] = meeting.date.split('-').map(Number);
  return new Date(Date.UTC(y!, mo! - 1, d!, h, m));
}

/** "Thursday, December 3, 2026". */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** "December 3". */
export function formatShortDate(date: Date): string {
  return shortDateFormat.format(date);
}

/** "2:30 PM". */
export function formatTime(date: Date): string {
  return timeFormat.format(date);
}

/** What a packet says about when to send the thank-you note: the meeting plus 24 hours. */
export function thankYouDue(meeting: Interview['meeting']): string {
  const start = meetingWallClock(meeting);
  if (!start) return 'within 24 hours of the meeting';
  const due = new Date(start.getTime() + 24 * 3600 * 1000);
  return meeting.time ? `by ${formatDate(due)}, ${formatTime(due)}` : `by the end of ${formatDate(due)}`;
}

/** "2:30 PM – 2:50 PM" for a timed meeting. */
export function timeRange(meeting: Interview['meeting']): string | undefined {
  const start = meetingWallClock(meeting);
  if (!start || !meeting.time) return undefined;
  const end = new Date(start.getTime() + meeting.minutes * 60 * 1000);
  return `${formatTime(start)} – ${formatTime(end)}`;
}
