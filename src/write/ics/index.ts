/**
 * The calendar writer: events → an iCalendar file (RFC 5545), built with the
 * `ics` package.
 *
 * Timed events are written in UTC (`…Z`), so no VTIMEZONE is needed and every
 * client shows them in its own zone; all-day events are dates. UIDs come from
 * the caller and DTSTAMP from `options.timestamp`, so the same events give the
 * same bytes.
 *
 * @example
 * const bytes = writeIcs([{ uid: 'a1@interview-kit', title: 'Meeting', start: new Date('2026-12-03T19:30:00Z'),
 *   end: new Date('2026-12-03T19:50:00Z'), alarms: [{ minutesBefore: 60, description: 'Meeting in an hour' }] }],
 *   { theme, timestamp: 1767225600 });
 */
import { createEvents, type Alarm, type DateArray, type EventAttributes } from 'ics';
import { documentDate, type WriteOptions } from '../options.js';
import { refoldIcs } from './fold-lines.js';

/** A calendar day (month 1–12), for all-day events. */
export interface IcsDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * A reminder. For a timed event: `minutesBefore` its start. For an all-day event:
 * `minutesIntoDay` after the day begins in the viewer's zone (540 = 9:00 AM).
 */
export type IcsAlarm =
  | { readonly minutesBefore: number; readonly description: string }
  | { readonly minutesIntoDay: number; readonly description: string };

/** One event. `start` and `end` are both instants (timed) or both days (all-day; `end` is the day after). */
export interface IcsEvent {
  /** Globally unique and stable across builds, e.g. "<hash>-meeting@interview-kit". */
  readonly uid: string;
  readonly title: string;
  readonly start: Date | IcsDay;
  readonly end: Date | IcsDay;
  readonly description?: string;
  readonly location?: string;
  /** http or https only. */
  readonly url?: string;
  readonly categories?: readonly string[];
  readonly alarms?: readonly IcsAlarm[];
}

export interface IcsOptions extends WriteOptions {
  /** X-WR-CALNAME: the name a client shows for an imported calendar. */
  readonly calendarName?: string;
  /** SEQUENCE of every event: 0 for the first version, one more each time the events change. */
  readonly sequence?: number;
}

/** Thrown when the `ics` package rejects an event; the message names the event. */
export class IcsEventError extends Error {
  constructor(detail: string) {
    super(`could not write the calendar: ${detail}; check the meeting's date, time, location and link in the interview file`);
    this.name = 'IcsEventError';
  }
}

const encoder = new TextEncoder();

function dayArray(day: IcsDay): DateArray {
  return [day.year, day.month, day.day];
}

function toAlarm(alarm: IcsAlarm): Alarm {
  if ('minutesBefore' in alarm) {
    return { action: 'display', description: alarm.description, trigger: { minutes: alarm.minutesBefore, before: true } };
  }
  const hours = Math.floor(alarm.minutesIntoDay / 60);
  const minutes = alarm.minutesIntoDay % 60;
  return { action: 'display', description: alarm.description, trigger: { hours, minutes, before: false } };
}

function toAttributes(event: IcsEvent, stamp: number, sequence: number | undefined): EventAttributes {
  const timed = event.start instanceof Date;
  const base = {
    uid: event.uid,
    title: event.title,
    description: event.description,
    location: event.location,
    url: event.url,
    categories: event.categories ? [...event.categories] : undefined,
    alarms: event.alarms?.map(toAlarm),
    timestamp: stamp,
    ...(sequence !== undefined ? { sequence } : {}),
    status: 'CONFIRMED' as const,
  };
  if (timed) {
    const start = event.start as Date;
    const end = event.end as Date;
    return { ...base, start: start.getTime(), startInputType: 'utc', startOutputType: 'utc', end: end.getTime(), endInputType: 'utc', endOutputType: 'utc' };
  }
  return { ...base, start: dayArray(event.start as IcsDay), end: dayArray(event.end as IcsDay), transp: 'TRANSPARENT' };
}

/** Writes the events as one VCALENDAR and returns its UTF-8 bytes (CRLF line ends). */
export function writeIcs(events: readonly IcsEvent[], options: IcsOptions): Uint8Array {
  const stamp = documentDate(options).getTime();
  const header = { productId: '-//interview-kit//follow-up//EN', method: 'PUBLISH', calName: options.calendarName } as const;
  let { error, value } = createEvents(events.map((e) => toAttributes(e, stamp, options.sequence)), header);
  if (error && events.some((e) => e.url)) {
    // The ics package's URL pattern is narrower than the URL standard (no IPv6 or underscore
    // hosts, no mailto:); such a link is left to the event's description, which callers write it in.
    ({ error, value } = createEvents(events.map((e) => toAttributes({ ...e, url: undefined }, stamp, options.sequence)), header));
  }
  if (error || value === null) throw new IcsEventError(error?.message ?? 'no output');
  // The ics package writes a zero duration as "PT", which RFC 5545 does not allow.
  const fixed = value.replace(/^TRIGGER:(-?)PT\r\n/gm, 'TRIGGER:$1PT0S\r\n');
  return encoder.encode(refoldIcs(fixed));
}
