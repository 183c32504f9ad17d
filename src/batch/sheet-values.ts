/**
 * Dates and times as spreadsheets write them, turned into the forms an
 * interview file uses (2026-12-03, 14:30). Excel prints a date in the
 * computer's order — 12/3/2026 in the United States, 3/12/2026 or 3.12.2026
 * in much of Europe — so a date whose day and month could swap is read in the
 * order kit.yaml's `date_order` names, and is a question, not a guess, when
 * it names none.
 *
 * @example
 * readSheetDate('12/3/2026', 'month-first'); // { value: '2026-12-03' }
 * readSheetDate('3.12.2026');                // { value: '2026-12-03' }  (dots: day first)
 * readSheetDate('12/3/2026');                // { ambiguous: ['2026-12-03', '2026-03-12'] }
 * readSheetTime('2:30 PM');                  // '14:30'
 */
import type { DateOrder } from '../load/kit-schema.js';


const pad = (n: number) => String(n).padStart(2, '0');
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** What a spreadsheet date reads as: one date, two that the order decides between, or nothing recognised. */
export type SheetDate = { readonly value: string } | { readonly ambiguous: readonly [monthFirst: string, dayFirst: string] } | undefined;

/** Reads "12/3/2026", "3.12.2026", "2026/12/3" or "2026-12-03"; undefined when it is none of these. */
export function readSheetDate(text: string, order?: DateOrder): SheetDate {
  const t = text.trim();
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (ymd) {
    const [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
    return isRealDay(y, m, d) ? { value: iso(y, m, d) } : undefined;
  }
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (dotted) {
    const [d, m, y] = [Number(dotted[1]), Number(dotted[2]), Number(dotted[3])];
    return isRealDay(y, m, d) ? { value: iso(y, m, d) } : undefined;
  }
  const slashed = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})$/.exec(t);
  if (!slashed) return undefined;
  const [a, b] = [Number(slashed[1]), Number(slashed[2])];
  const y = slashed[3]!.length === 2 ? 2000 + Number(slashed[3]) : Number(slashed[3]);
  const monthFirst = isRealDay(y, a, b) ? iso(y, a, b) : undefined;
  const dayFirst = isRealDay(y, b, a) ? iso(y, b, a) : undefined;
  if (order === 'month-first') return monthFirst ? { value: monthFirst } : undefined;
  if (order === 'day-first') return dayFirst ? { value: dayFirst } : undefined;
  if (monthFirst && dayFirst && monthFirst !== dayFirst) return { ambiguous: [monthFirst, dayFirst] };
  const only = monthFirst ?? dayFirst;
  return only ? { value: only } : undefined;
}

/** Reads "14:30", "14:30:00", "2pm", "2:30 PM", "2:30:00 p.m." as "HH:MM"; undefined otherwise. */
export function readSheetTime(text: string): string | undefined {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?$/i.exec(text.trim());
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (m[4]) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (m[4].toLowerCase() === 'p' ? 12 : 0);
  } else if (m[2] === undefined) {
    return undefined; // a bare "14" is not a time
  }
  if (hour > 23 || minute > 59) return undefined;
  return `${pad(hour)}:${pad(minute)}`;
}

/** A spreadsheet's date cell (read as a Date at UTC) as "2026-12-03". */
export function dateCellText(date: Date): string {
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** A spreadsheet's time cell (read as a Date at UTC) as "14:30", rounded to the minute. */
export function timeCellText(date: Date): string {
  const minutes = Math.round((date.getUTCHours() * 3600 + date.getUTCMinutes() * 60 + date.getUTCSeconds()) / 60) % (24 * 60);
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
