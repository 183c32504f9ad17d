/**
 * A numeric 24-hour date formatter. The parse thread makes one early, which
 * loads ICU's locale and time zone data for the whole process; the schedule
 * itself reads and writes times with luxon (time.ts).
 */
export function numericFormatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
}
