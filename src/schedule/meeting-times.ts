/**
 * Dates and times of a meeting as people read them. One source for the
 * packet, the letter and the calendar: the thank-you deadline is the
 * meeting's start plus 24 real hours in the meeting's time zone
 * (planFollowUp), and dates are spelled by hand so the text is the same on
 * every Node version.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Interview } from '../load/schema.js';
import { planFollowUp } from './follow-up-plan.js';
import { addDays, formatClockTime, formatDate, formatDateTime, formatLongDate, formatMonthDay, parseCalendarDay, parseClockTime } from './time.js';

/** How the packet states the meeting's time. */
export interface MeetingTimes {
  /** "Thursday, December 3, 2026". */
  readonly date?: string;
  /** "December 3, 2026". */
  readonly shortDate?: string;
  /** "December 3". */
  readonly monthDay?: string;
  /** "2:30 PM – 2:50 PM". */
  readonly range?: string;
  /** "by Friday, December 4, 2026, 2:30 PM". */
  readonly thankYouDue: string;
}

/** Formats the meeting's date, time range and thank-you deadline. */
export function meetingTimes(interview: Interview, timezone?: string): { times: MeetingTimes; diagnostics: Diagnostic[] } {
  const meeting = interview.meeting;
  const day = meeting.date ? parseCalendarDay(meeting.date) : undefined;
  const clock = meeting.time ? parseClockTime(meeting.time) : undefined;
  if (!day) return { times: { thankYouDue: 'within 24 hours of the meeting' }, diagnostics: [] };
  const { plan, diagnostics } = planFollowUp(interview, { timezone });
  let range: string | undefined;
  if (clock) {
    const endMinutes = clock.hour * 60 + clock.minute + meeting.minutes;
    const end = { hour: Math.floor(endMinutes / 60) % 24, minute: endMinutes % 60 };
    range = `${formatClockTime(clock)} – ${formatClockTime(end)}`;
  }
  const thankYouDue = plan.sendBy ? `by ${formatDateTime(plan.sendBy.wall)}` : `by the end of ${formatLongDate(addDays(day, 1))}`;
  return {
    times: { date: formatLongDate(day), shortDate: formatDate(day), monthDay: formatMonthDay(day), range, thankYouDue },
    diagnostics,
  };
}
