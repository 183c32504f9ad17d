/**
 * The date formatter the kits read wall-clock parts with (24-hour, numeric).
 * Its own module so that the parse thread can make one early, which loads
 * ICU's locale and time zone data for the whole process.
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
