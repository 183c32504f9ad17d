/**
 * follow-up.ics for one interview: the meeting, the thank-you note due 24 hours
 * after it, and progress updates (1 and 3 months on by default), each with a
 * reminder.
 *
 * Times are computed in the meeting's zone (meeting.timezone, else the caller's
 * `timezone`, else UTC) and written in UTC. A meeting without a date gives no
 * file, only a warning: there is nothing to put in the calendar yet.
 *
 * @example
 * const { bytes, diagnostics } = buildFollowUpCalendar(interview, { timezone: 'America/New_York', timestamp: 1767225600 });
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Interview } from '../load/schema.js';
import { writeIcs, type IcsEvent } from '../write/ics/index.js';
import { resolveTheme } from '../theme.js';
import { chooseSalutation } from './salutation.js';
import { calendarUid } from '../schedule/ids.js';
import { canonicalJson, sha256Hex } from '../hash.js';
import { planFollowUp, type FollowUpPlanOptions } from '../schedule/follow-up-plan.js';
import { addDays, formatDateTime, formatLongDate, formatMonthDay } from '../schedule/time.js';

export interface FollowUpCalendarOptions extends FollowUpPlanOptions {
  /** Seconds since the epoch for DTSTAMP (SOURCE_DATE_EPOCH); a fixed date when absent. */
  readonly timestamp?: number;
  /**
   * The revision of a calendar whose events hash to `content`: the caller
   * keeps the previous one, and gives the same SEQUENCE and DTSTAMP for the
   * same events, or a higher SEQUENCE and a new DTSTAMP when they changed.
   */
  readonly revise?: (content: string) => CalendarRevision;
}

/** A calendar's SEQUENCE and DTSTAMP (seconds since the epoch). */
export interface CalendarRevision {
  readonly sequence: number;
  readonly timestamp?: number;
}

/** The calendar file's bytes (absent when the meeting has no date), how many events it holds, and warnings. */
export interface FollowUpCalendar {
  readonly bytes?: Uint8Array;
  readonly events: readonly IcsEvent[];
  readonly diagnostics: readonly Diagnostic[];
  /** The hash of the events and the revision written, when there is a file. */
  readonly revision?: CalendarRevision & { readonly content: string };
}

/** Minutes blocked for writing the thank-you note, ending at the deadline. */
const THANK_YOU_BLOCK_MINUTES = 30;
/** Minutes blocked for each progress update. */
const PROGRESS_BLOCK_MINUTES = 15;
/** Reminder time for all-day items: 9:00 AM. */
const ALL_DAY_REMINDER = 9 * 60;

/** Where the meeting happens, as a calendar LOCATION. */
function meetingLocation(interview: Interview): string | undefined {
  const { meeting, mentor, organization } = interview;
  switch (meeting.format) {
    case 'video':
      return meeting.link ?? meeting.location;
    case 'phone':
      return meeting.location ?? (mentor.phone ? `Phone: ${mentor.phone}` : 'Phone call');
    case 'in-person':
      return [meeting.location, meeting.location ? undefined : organization.location].filter(Boolean).join(', ') || organization.name;
  }
}

function meetingDescription(interview: Interview): string {
  const { mentor, organization, meeting } = interview;
  const who = [mentor.name, mentor.title, organization.name].filter(Boolean).join(', ');
  const lines = [
    `Informational interview with ${who}.`,
    `Keep to ${meeting.minutes} minutes unless they offer more.`,
    'Bring your prep packet and question sheet; ask for a business card at the end.',
  ];
  if (meeting.link) lines.push(`Link: ${meeting.link}`);
  if (mentor.email) lines.push(`Mentor's email: ${mentor.email}`);
  return lines.join('\n');
}

/** Builds the follow-up calendar of one interview. */
export function buildFollowUpCalendar(interview: Interview, options: FollowUpCalendarOptions = {}): FollowUpCalendar {
  const { plan, diagnostics } = planFollowUp(interview, options);
  const out: Diagnostic[] = [...diagnostics];
  if (!plan.meetingDay) {
    out.push({
      severity: 'warning',
      field: 'meeting.date',
      message: 'meeting.date is not set, so there is no follow-up.ics: no meeting, thank-you deadline or progress reminders to schedule',
      hints: ['add meeting.date (and meeting.time) once the meeting is agreed, e.g. date: 2026-12-03 and time: "14:30"'],
    });
    return { events: [], diagnostics: out };
  }

  const mentor = interview.mentor.name;
  const greeting = chooseSalutation(interview.mentor).salutation;
  const meetingUrl = interview.meeting.link && /^https?:/.test(interview.meeting.link) ? interview.meeting.link : undefined;
  const events: IcsEvent[] = [];
  const meetingDayText = formatMonthDay(plan.meetingDay);

  events.push({
    uid: calendarUid(interview, 'meeting'),
    title: `Informational interview with ${mentor} (${interview.organization.name})`,
    start: plan.meeting?.start.at ?? plan.meetingDay,
    end: plan.meeting?.end.at ?? addDays(plan.meetingDay, 1),
    location: meetingLocation(interview),
    url: meetingUrl,
    description: meetingDescription(interview),
    categories: ['Informational interview'],
    alarms: plan.meeting
      ? [{ minutesBefore: 60, description: `Informational interview with ${mentor} in one hour` }]
      : [{ minutesIntoDay: 8 * 60, description: `Informational interview with ${mentor} today` }],
  });

  const thankYouDescription = [
    `Send your thank-you note to ${greeting} ${plan.sendBy ? `by ${formatDateTime(plan.sendBy.wall)}` : `by the end of ${formatLongDate(addDays(plan.meetingDay, 1))}`} (24 hours after the meeting).`,
    'Say what was most valuable and how it will shape your next steps; ask to stay in touch.',
    'For a draft built from your notes, run: interview-kit thank-you <your interview file>',
  ].join('\n');
  events.push({
    uid: calendarUid(interview, 'thank-you'),
    title: `Send thank-you note to ${mentor}`,
    start: plan.sendBy ? new Date(plan.sendBy.at.getTime() - THANK_YOU_BLOCK_MINUTES * 60_000) : addDays(plan.meetingDay, 1),
    end: plan.sendBy ? plan.sendBy.at : addDays(plan.meetingDay, 2),
    description: thankYouDescription,
    categories: ['Informational interview'],
    alarms: plan.sendBy
      ? [{ minutesBefore: 0, description: `Thank-you note to ${mentor} is due in ${THANK_YOU_BLOCK_MINUTES} minutes` }]
      : [{ minutesIntoDay: ALL_DAY_REMINDER, description: `Send your thank-you note to ${mentor} today` }],
  });

  for (const update of plan.progress) {
    const months = `${update.months} ${update.months === 1 ? 'month' : 'months'}`;
    events.push({
      uid: calendarUid(interview, `progress-${update.months}m`),
      title: `Progress update to ${mentor}`,
      start: update.start?.at ?? update.day,
      end: update.start ? new Date(update.start.at.getTime() + PROGRESS_BLOCK_MINUTES * 60_000) : addDays(update.day, 1),
      description: [
        `${months} since your conversation on ${meetingDayText}: write ${greeting} a short update.`,
        'Tell them what you did with their advice (a course, an application, a person you contacted), and thank them again.',
        interview.mentor.email ? `Email: ${interview.mentor.email}` : undefined,
      ]
        .filter(Boolean)
        .join('\n'),
      categories: ['Informational interview'],
      alarms: update.start
        ? [{ minutesBefore: 0, description: `Progress update to ${mentor}` }]
        : [{ minutesIntoDay: ALL_DAY_REMINDER, description: `Progress update to ${mentor}` }],
    });
  }

  const calendarName = `Follow-up: ${mentor}`;
  const content = sha256Hex(canonicalJson({ events, calendarName }));
  const revision = options.revise?.(content) ?? { sequence: 0, timestamp: options.timestamp };
  const bytes = writeIcs(events, { theme: resolveTheme(), timestamp: revision.timestamp, sequence: revision.sequence, calendarName });
  return { bytes, events, diagnostics: out, revision: { ...revision, content } };
}
