/**
 * Why a string is not a calendar date, in words a person can act on.
 *
 * @example
 * explainDate('2027-02-31'); // 'February 2027 has 28 days'
 * explainDate('2026-13-01'); // 'there is no month 13; months go from 01 to 12'
 * explainDate('next tuesday'); // undefined (not even shaped like a date)
 */

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The reason a YYYY-MM-DD string names no real day, or undefined when it is not YYYY-MM-DD at all. */
export function explainDate(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `there is no month ${m[2]}; months go from 01 to 12`;
  if (day < 1) return 'days start at 01';
  const days = daysInMonth(year, month);
  if (day > days) return `${MONTHS[month - 1]} ${year} has ${days} days`;
  return undefined;
}
