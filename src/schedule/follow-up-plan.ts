/**
 * When things happen after an interview: the meeting itself, the thank-you note
 * due 24 hours later, and progress updates some months on — as instants in UTC
 * and as wall-clock times in the meeting's time zone.
 *
 * The zone is `meeting.timezone`, else the caller's `timezone` (the CLI passes
 * `--timezone` or the system's), else UTC. A meeting without a time is a day:
 * the note is due by the end of the next day and the updates are whole days.
 *
 * @example
 * const { plan } = planFollowUp(interview, { timezone: 'America/New_York', progressMonths: [1, 3] });
 * plan.sendBy?.at.toISOString(); // "2026-12-04T19:30:00.000Z"
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Interview } from '../load/schema.js';
import {
  addMonths,
  parseCalendarDay,
  parseClockTime,
  resolveTimeZone,
  timeZoneCandidates,
  utcToZoned,
  zonedToUtc,
  type CalendarDay,
  type WallTime,
} from './time.js';

/** Progress updates, in months after the meeting, when the caller names none. */
export const DEFAULT_PROGRESS_MONTHS: readonly number[] = [1, 3];

/** The thank-you note is due this long after the meeting starts. */
export const THANK_YOU_DUE_HOURS = 24;

export interface FollowUpPlanOptions {
  /** IANA zone for a meeting whose YAML names none. */
  readonly timezone?: string;
  /** Months after the meeting for progress updates (whole numbers, 1–36). */
  readonly progressMonths?: readonly number[];
}

/** An instant and how the meeting's wall clock shows it. */
export interface ZonedInstant {
  readonly at: Date;
  readonly wall: WallTime;
}

/** One progress update: a time when the meeting had one, else a whole day. */
export interface ProgressUpdate {
  readonly months: number;
  readonly day: CalendarDay;
  readonly start?: ZonedInstant;
}

export interface FollowUpPlan {
  /** The zone every wall time is in. */
  readonly timezone: string;
  /** The meeting's day, when meeting.date is set. */
  readonly meetingDay?: CalendarDay;
  /** Start and end, when meeting.date and meeting.time are set. */
  readonly meeting?: { readonly start: ZonedInstant; readonly end: ZonedInstant; readonly minutes: number };
  /** The meeting's start plus 24 hours, when it has a time. */
  readonly sendBy?: ZonedInstant;
  readonly progress: readonly ProgressUpdate[];
}

/** Thrown for a progress-update list that is not whole months from 1 to 36. */
export class ProgressMonthsError extends Error {
  constructor(value: unknown) {
    super(`progress updates must be whole months from 1 to 36 (got ${JSON.stringify(value)}); write e.g. --progress-months 1,3,6`);
    this.name = 'ProgressMonthsError';
  }
}

/** Parses "1,3,6" into months, sorted and without duplicates; throws ProgressMonthsError otherwise. */
export function parseProgressMonths(value: string): number[] {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === 'none') return [];
  const months = trimmed.split(',').map((s) => Number(s.trim()));
  if (months.some((m) => !Number.isInteger(m) || m < 1 || m > 36)) throw new ProgressMonthsError(value);
  return [...new Set(months)].sort((a, b) => a - b);
}

/** Chooses the zone and says why a named zone could not be used. */
function chooseZone(interview: Interview, fallback: string | undefined): { zone: string; diagnostics: Diagnostic[] } {
  const fromYaml = interview.meeting.timezone;
  const [name, field] = fromYaml ? [fromYaml, 'meeting.timezone'] : [fallback, '--timezone'];
  if (!name) return { zone: 'UTC', diagnostics: [] };
  const resolved = resolveTimeZone(name);
  if (resolved) return { zone: resolved, diagnostics: [] };
  const suggestions = timeZoneCandidates(name);
  return {
    zone: 'UTC',
    diagnostics: [
      {
        severity: 'error',
        field,
        message: `${field} "${name}" is not a time zone`,
        hints: [
          ...(suggestions.length > 0 ? [`did you mean ${suggestions.map((z) => `"${z}"`).join(' or ')}?`] : []),
          'write an IANA zone name such as America/New_York or Europe/Paris',
        ],
      },
    ],
  };
}

function zoned(at: Date, zone: string): ZonedInstant {
  return { at, wall: utcToZoned(at, zone) };
}

/** Works out the meeting, the thank-you deadline and the progress updates. */
export function planFollowUp(interview: Interview, options: FollowUpPlanOptions = {}): { plan: FollowUpPlan; diagnostics: Diagnostic[] } {
  const { zone, diagnostics } = chooseZone(interview, options.timezone);
  const months = options.progressMonths ?? DEFAULT_PROGRESS_MONTHS;
  if (months.some((m) => !Number.isInteger(m) || m < 1 || m > 36)) throw new ProgressMonthsError(months);

  const meetingDay = interview.meeting.date ? parseCalendarDay(interview.meeting.date) : undefined;
  const clock = interview.meeting.time ? parseClockTime(interview.meeting.time) : undefined;
  if (!meetingDay) return { plan: { timezone: zone, progress: [] }, diagnostics };

  if (!clock) {
    const progress = months.map((m) => ({ months: m, day: addMonths(meetingDay, m) }));
    return { plan: { timezone: zone, meetingDay, progress }, diagnostics };
  }

  const minutes = interview.meeting.minutes;
  const startAt = zonedToUtc({ ...meetingDay, ...clock }, zone);
  const start = zoned(startAt, zone);
  const end = zoned(new Date(startAt.getTime() + minutes * 60_000), zone);
  const sendBy = zoned(new Date(startAt.getTime() + THANK_YOU_DUE_HOURS * 3_600_000), zone);
  const progress = months.map((m) => {
    const day = addMonths(meetingDay, m);
    return { months: m, day, start: zoned(zonedToUtc({ ...day, ...clock }, zone), zone) };
  });
  return { plan: { timezone: zone, meetingDay, meeting: { start, end, minutes }, sendBy, progress }, diagnostics };
}
