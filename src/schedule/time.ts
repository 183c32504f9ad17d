/**
 * Wall-clock times in an IANA time zone, converted to and from UTC, calendar
 * arithmetic, and the long English date formats the letter and calendar
 * print — all with luxon, whose English names and formats are its own (not
 * the runtime's ICU), so the same input gives the same text on every Node.
 *
 * @example
 * const start = zonedToUtc({ year: 2026, month: 12, day: 3, hour: 14, minute: 30 }, 'America/New_York');
 * start.toISOString();                                                   // "2026-12-03T19:30:00.000Z"
 * formatDateTime(utcToZoned(new Date(start.getTime() + 86_400_000), 'America/New_York'));
 * // "Friday, December 4, 2026, 2:30 PM"
 */
import { DateTime } from 'luxon';

/** A calendar day. `month` is 1–12. */
export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A calendar day and a time of day (24-hour clock), as a clock on the wall shows it. */
export interface WallTime extends CalendarDay {
  readonly hour: number;
  readonly minute: number;
}

/** True when `zone` is an IANA time zone this runtime knows (one definition, with the schema's). */
export { isTimeZone } from '../load/schema.js';
/** The known zone closest in spelling to a misspelt one (one suggester, with the loader's). */
export { suggestTimeZone, resolveTimeZone, timeZoneCandidates } from '../load/zone-names.js';

/** A day (or wall time) in UTC, for arithmetic and formatting that no zone can shift. */
function utcDay(day: CalendarDay | WallTime): DateTime {
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour: 'hour' in day ? day.hour : 0, minute: 'minute' in day ? day.minute : 0 },
    { zone: 'utc', locale: 'en-US' },
  );
}

function dayOf(d: DateTime): CalendarDay {
  return { year: d.year, month: d.month, day: d.day };
}

/** What the wall clock in `zone` shows at `instant`. */
export function utcToZoned(instant: Date, zone: string): WallTime {
  const d = DateTime.fromJSDate(instant, { zone });
  return { year: d.year, month: d.month, day: d.day, hour: d.hour, minute: d.minute };
}

/**
 * The instant at which the wall clock in `zone` shows `wall`.
 *
 * A time skipped by a spring-forward change (02:30 on a night clocks jump from 02:00
 * to 03:00) is moved forward by the gap, and a time that occurs twice in the autumn
 * takes its first occurrence — the "compatible" rule of Temporal and most calendars.
 */
export function zonedToUtc(wall: WallTime, zone: string): Date {
  const local = DateTime.fromObject({ year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute }, { zone });
  const first = Math.min(...local.getPossibleOffsets().map((d) => d.toMillis()));
  return new Date(Number.isFinite(first) ? first : local.toMillis());
}

/** "2026-12-03" → { year: 2026, month: 12, day: 3 }; undefined when it is not a date. */
export function parseCalendarDay(value: string): CalendarDay | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** "14:30" → { hour: 14, minute: 30 }; undefined when it is not a time. */
export function parseClockTime(value: string): { hour: number; minute: number } | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** The day `days` days after `day` (negative goes back). */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  return dayOf(utcDay(day).plus({ days }));
}

/** The same day of the month `months` months later, clamped to the month's last day (Jan 31 + 1 → Feb 28). */
export function addMonths(day: CalendarDay, months: number): CalendarDay {
  return dayOf(utcDay(day).plus({ months }));
}

/** "December 3" */
export function formatMonthDay(day: CalendarDay): string {
  return utcDay(day).toFormat('LLLL d');
}

/** "December 3, 2026" */
export function formatDate(day: CalendarDay): string {
  return utcDay(day).toFormat('LLLL d, yyyy');
}

/** "Thursday, December 3, 2026" */
export function formatLongDate(day: CalendarDay): string {
  return utcDay(day).toFormat('cccc, LLLL d, yyyy');
}

/** "2:30 PM" */
export function formatClockTime(time: { hour: number; minute: number }): string {
  return utcDay({ year: 2000, month: 1, day: 1, ...time }).toFormat('h:mm a');
}

/** "Friday, December 4, 2026, 2:30 PM" */
export function formatDateTime(wall: WallTime): string {
  return utcDay(wall).toFormat('cccc, LLLL d, yyyy, h:mm a');
}
