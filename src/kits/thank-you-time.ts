/**
 * Wall-clock times in an IANA time zone, converted to and from UTC with Intl alone,
 * and the long English date formats the letter and calendar print.
 *
 * Formatting is done by hand rather than with `toLocaleString`, whose punctuation
 * ("at", narrow no-break spaces) changes between ICU versions: the same input must
 * give the same bytes on every Node.
 *
 * @example
 * const start = zonedToUtc({ year: 2026, month: 12, day: 3, hour: 14, minute: 30 }, 'America/New_York');
 * start.toISOString();                                                   // "2026-12-03T19:30:00.000Z"
 * formatDateTime(utcToZoned(new Date(start.getTime() + 86_400_000), 'America/New_York'));
 * // "Friday, December 4, 2026, 2:30 PM"
 */
import { closest } from 'fastest-levenshtein';
import { numericFormatter } from './numeric-formatter.js';

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

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One cached numeric formatter per zone (creating them is the slow part). */
function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = numericFormatter(zone);
    formatters.set(zone, f);
  }
  return f;
}

/** True when `zone` is an IANA time zone this runtime knows (one definition, with the schema's). */
export { isTimeZone } from '../load/schema.js';

/** The known zone closest in spelling to `zone`, for a "did you mean" hint. */
export function suggestTimeZone(zone: string): string | undefined {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  if (known.length === 0) return undefined;
  const lower = zone.toLowerCase().replace(/\s+/g, '_');
  const exact = known.find((z) => z.toLowerCase() === lower);
  return exact ?? closest(zone, known);
}

/** What the wall clock in `zone` shows at `instant`. */
export function utcToZoned(instant: Date, zone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(zone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute! };
}

/** Minutes east of UTC in `zone` at `instant` (New York in winter: -300). */
function offsetMinutes(instant: number, zone: string): number {
  const w = utcToZoned(new Date(instant), zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * The instant at which the wall clock in `zone` shows `wall`.
 *
 * A time skipped by a spring-forward change (02:30 on a night clocks jump from 02:00
 * to 03:00) is moved forward by the gap, and a time that occurs twice in the autumn
 * takes its first occurrence — the "compatible" rule of Temporal and most calendars.
 */
export function zonedToUtc(wall: WallTime, zone: string): Date {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // The offset is the one in force a day before or after; try both, earliest first.
  const candidates = [offsetMinutes(naive - 86_400_000, zone), offsetMinutes(naive + 86_400_000, zone)]
    .filter((o, i, all) => all.indexOf(o) === i)
    .sort((a, b) => b - a)
    .map((offset) => naive - offset * 60_000)
    .filter((t) => sameWall(utcToZoned(new Date(t), zone), wall));
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // In a gap: take the offset before the change, which lands after the gap.
  const before = offsetMinutes(naive - 86_400_000, zone);
  return new Date(naive - before * 60_000);
}

function sameWall(a: WallTime, b: WallTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;
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
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The same day of the month `months` months later, clamped to the month's last day (Jan 31 + 1 → Feb 28). */
export function addMonths(day: CalendarDay, months: number): CalendarDay {
  const index = day.year * 12 + (day.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(day.day, last) };
}

/** 0 = Sunday … 6 = Saturday. */
function weekdayOf(day: CalendarDay): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
}

/** "December 3" */
export function formatMonthDay(day: CalendarDay): string {
  return `${MONTHS[day.month - 1]} ${day.day}`;
}

/** "December 3, 2026" */
export function formatDate(day: CalendarDay): string {
  return `${formatMonthDay(day)}, ${day.year}`;
}

/** "Thursday, December 3, 2026" */
export function formatLongDate(day: CalendarDay): string {
  return `${WEEKDAYS[weekdayOf(day)]}, ${formatDate(day)}`;
}

/** "2:30 PM" */
export function formatClockTime(time: { hour: number; minute: number }): string {
  const h12 = time.hour % 12 === 0 ? 12 : time.hour % 12;
  return `${h12}:${String(time.minute).padStart(2, '0')} ${time.hour < 12 ? 'AM' : 'PM'}`;
}

/** "Friday, December 4, 2026, 2:30 PM" */
export function formatDateTime(wall: WallTime): string {
  return `${formatLongDate(wall)}, ${formatClockTime(wall)}`;
}
