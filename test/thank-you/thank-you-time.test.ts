import { describe, expect, it } from 'vitest';
import {
  addMonths,
  formatDateTime,
  formatLongDate,
  isTimeZone,
  suggestTimeZone,
  utcToZoned,
  zonedToUtc,
} from '../../src/schedule/time.js';

describe('zonedToUtc', () => {
  it('converts New York winter time (UTC-5) to UTC', () => {
    expect(zonedToUtc({ year: 2026, month: 12, day: 3, hour: 14, minute: 30 }, 'America/New_York').toISOString()).toBe('2026-12-03T19:30:00.000Z');
  });

  it('converts New York summer time (UTC-4) to UTC', () => {
    expect(zonedToUtc({ year: 2026, month: 7, day: 1, hour: 9, minute: 0 }, 'America/New_York').toISOString()).toBe('2026-07-01T13:00:00.000Z');
  });

  it('converts zones east of UTC and with half-hour offsets', () => {
    expect(zonedToUtc({ year: 2027, month: 1, day: 14, hour: 17, minute: 0 }, 'Europe/Paris').toISOString()).toBe('2027-01-14T16:00:00.000Z');
    expect(zonedToUtc({ year: 2026, month: 3, day: 2, hour: 10, minute: 0 }, 'Asia/Kolkata').toISOString()).toBe('2026-03-02T04:30:00.000Z');
  });

  it('moves a time skipped by the spring-forward change past the gap', () => {
    // 2026-03-08 02:30 does not exist in New York; 03:30 EDT does.
    expect(zonedToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('takes the first of the two 01:30s on the night clocks fall back', () => {
    expect(zonedToUtc({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('round-trips through utcToZoned', () => {
    const wall = { year: 2026, month: 10, day: 31, hour: 23, minute: 45 };
    expect(utcToZoned(zonedToUtc(wall, 'Australia/Sydney'), 'Australia/Sydney')).toEqual(wall);
  });
});

describe('time zone names', () => {
  it('accepts IANA names and rejects others', () => {
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('America/NewYork')).toBe(false);
  });

  it('suggests the closest known zone for a misspelt one', () => {
    expect(suggestTimeZone('America/NewYork')).toBe('America/New_York');
    expect(suggestTimeZone('europe/paris')).toBe('Europe/Paris');
  });
});

describe('date arithmetic and formats', () => {
  it('clamps the day when a month is shorter', () => {
    expect(addMonths({ year: 2027, month: 1, day: 31 }, 1)).toEqual({ year: 2027, month: 2, day: 28 });
    expect(addMonths({ year: 2026, month: 12, day: 3 }, 3)).toEqual({ year: 2027, month: 3, day: 3 });
  });

  it('writes long dates and times the same way on every runtime', () => {
    expect(formatLongDate({ year: 2026, month: 12, day: 3 })).toBe('Thursday, December 3, 2026');
    expect(formatDateTime({ year: 2026, month: 12, day: 4, hour: 14, minute: 30 })).toBe('Friday, December 4, 2026, 2:30 PM');
    expect(formatDateTime({ year: 2026, month: 12, day: 4, hour: 0, minute: 5 })).toBe('Friday, December 4, 2026, 12:05 AM');
    expect(formatDateTime({ year: 2026, month: 12, day: 4, hour: 12, minute: 0 })).toBe('Friday, December 4, 2026, 12:00 PM');
  });
});
