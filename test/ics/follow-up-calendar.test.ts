import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { buildFollowUpCalendar } from '../../src/kits/follow-up-calendar.js';
import { interviewSchema, type Interview, type InterviewInput } from '../../src/load/schema.js';
import { exampleInterview } from '../helpers/kit.js';

const decoder = new TextDecoder();

function interview(meeting: InterviewInput['meeting'], extra: Partial<InterviewInput> = {}): Interview {
  return interviewSchema.parse({
    student: { name: 'Maya Patel', email: 'maya.patel@example.edu' },
    mentor: { name: 'Dr. José Núñez', email: 'jnunez@example.com' },
    organization: { name: 'Acme Health' },
    meeting,
    ...extra,
  });
}

/** Parses the calendar back with node-ical and returns its events in file order. */
function parseEvents(bytes: Uint8Array | undefined): VEvent[] {
  expect(bytes).toBeDefined();
  const parsed = ical.sync.parseICS(decoder.decode(bytes));
  return Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
}

function byTitle(events: VEvent[], prefix: string): VEvent[] {
  return events.filter((e) => String(e.summary).startsWith(prefix));
}

function alarmTriggers(event: VEvent): string[] {
  const alarms = (event as unknown as { alarms?: { trigger: string; action: string }[] }).alarms ?? [];
  return alarms.map((a) => `${a.action} ${a.trigger}`);
}

describe('buildFollowUpCalendar', () => {
  it('puts the meeting at its UTC time, with its place, length and a reminder an hour before', () => {
    const events = parseEvents(buildFollowUpCalendar(exampleInterview('maya-after.yaml')).bytes);
    const [meeting] = byTitle(events, 'Informational interview');
    expect(meeting!.summary).toBe('Informational interview with Dr. José Núñez (Acme Health)');
    expect(meeting!.start.toISOString()).toBe('2026-12-03T19:30:00.000Z');
    expect(meeting!.end!.toISOString()).toBe('2026-12-03T19:50:00.000Z');
    expect(meeting!.location).toBe('55 Water St, 12th floor');
    expect(alarmTriggers(meeting!)).toEqual(['DISPLAY -PT60M']);
  });

  it('schedules the thank-you note to be due exactly 24 hours after the meeting starts', () => {
    const events = parseEvents(buildFollowUpCalendar(exampleInterview('maya-after.yaml')).bytes);
    const [thanks] = byTitle(events, 'Send thank-you note');
    expect(thanks!.summary).toBe('Send thank-you note to Dr. José Núñez');
    expect(thanks!.end!.toISOString()).toBe('2026-12-04T19:30:00.000Z');
    expect(thanks!.start.toISOString()).toBe('2026-12-04T19:00:00.000Z');
    expect(String(thanks!.description)).toContain('by Friday, December 4, 2026, 2:30 PM');
    expect(alarmTriggers(thanks!)).toEqual(['DISPLAY -PT0S']);
  });

  it('adds progress updates 1 and 3 months on at the meeting’s wall time, across a DST change', () => {
    // 2026-10-15 14:30 is EDT (UTC-4); November and January are EST (UTC-5).
    const cal = buildFollowUpCalendar(interview({ date: '2026-10-15', time: '14:30', timezone: 'America/New_York' }));
    const events = parseEvents(cal.bytes);
    expect(byTitle(events, 'Informational interview')[0]!.start.toISOString()).toBe('2026-10-15T18:30:00.000Z');
    const updates = byTitle(events, 'Progress update to Dr. José Núñez');
    expect(updates.map((e) => e.start.toISOString())).toEqual(['2026-11-15T19:30:00.000Z', '2027-01-15T19:30:00.000Z']);
    for (const update of updates) expect(alarmTriggers(update)).toEqual(['DISPLAY -PT0S']);
    expect(String(updates[1]!.description)).toContain('3 months since your conversation on October 15');
  });

  it('keeps the thank-you deadline 24 real hours after a meeting on the eve of the autumn change', () => {
    // 2026-10-31 14:30 EDT = 18:30Z; 24 hours later is 13:30 EST on November 1.
    const cal = buildFollowUpCalendar(interview({ date: '2026-10-31', time: '14:30', timezone: 'America/New_York' }));
    const [thanks] = byTitle(parseEvents(cal.bytes), 'Send thank-you note');
    expect(thanks!.end!.toISOString()).toBe('2026-11-01T18:30:00.000Z');
    expect(String(thanks!.description)).toContain('Sunday, November 1, 2026, 1:30 PM');
  });

  it('uses the caller’s time zone when the interview names none, and the interview’s when it does', () => {
    const noZone = interview({ date: '2026-12-03', time: '14:30' });
    const inParis = parseEvents(buildFollowUpCalendar(noZone, { timezone: 'Europe/Paris' }).bytes);
    expect(byTitle(inParis, 'Informational')[0]!.start.toISOString()).toBe('2026-12-03T13:30:00.000Z');
    const inUtc = parseEvents(buildFollowUpCalendar(noZone).bytes);
    expect(byTitle(inUtc, 'Informational')[0]!.start.toISOString()).toBe('2026-12-03T14:30:00.000Z');
    const yamlWins = parseEvents(buildFollowUpCalendar(exampleInterview('maya-after.yaml'), { timezone: 'Europe/Paris' }).bytes);
    expect(byTitle(yamlWins, 'Informational')[0]!.start.toISOString()).toBe('2026-12-03T19:30:00.000Z');
  });

  it('takes the length of the meeting from meeting.minutes and the link of a video call', () => {
    const events = parseEvents(buildFollowUpCalendar(exampleInterview('sofia.yaml')).bytes);
    const [meeting] = byTitle(events, 'Informational');
    expect(meeting!.start.toISOString()).toBe('2027-01-14T16:00:00.000Z');
    expect(meeting!.end!.toISOString()).toBe('2027-01-14T16:30:00.000Z');
    expect(meeting!.location).toBe('https://meet.example.com/sge-ivanov-papadopoulou');
    expect(meeting!.summary).toBe('Informational interview with Дмитрий Иванов (Société Générale Études)');
  });

  it('writes the progress updates the caller asks for', () => {
    const cal = buildFollowUpCalendar(exampleInterview('maya-after.yaml'), { progressMonths: [2, 6, 12] });
    const starts = byTitle(parseEvents(cal.bytes), 'Progress update').map((e) => e.start.toISOString());
    expect(starts).toEqual(['2027-02-03T19:30:00.000Z', '2027-06-03T18:30:00.000Z', '2027-12-03T19:30:00.000Z']);
  });

  it('makes all-day items with a 9 AM reminder when the meeting has a date but no time', () => {
    const cal = buildFollowUpCalendar(interview({ date: '2026-12-03' }));
    const text = decoder.decode(cal.bytes);
    expect(text).toContain('DTSTART;VALUE=DATE:20261203\r\n');
    expect(text).toContain('DTSTART;VALUE=DATE:20261204\r\n');
    const [thanks] = byTitle(parseEvents(cal.bytes), 'Send thank-you note');
    expect(thanks!.datetype).toBe('date');
    expect(alarmTriggers(thanks!)).toEqual(['DISPLAY PT9H']);
    expect(String(thanks!.description)).toContain('by the end of Friday, December 4, 2026');
  });

  it('writes no calendar and warns when the meeting has no date', () => {
    const cal = buildFollowUpCalendar(interview({}));
    expect(cal.bytes).toBeUndefined();
    expect(cal.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', field: 'meeting.date' })]);
  });

  it('reports a misspelt --timezone as an error with a suggestion', () => {
    // A misspelt meeting.timezone is refused by the schema, at its line; the option is checked here.
    const cal = buildFollowUpCalendar(interview({ date: '2026-12-03', time: '14:30' }), { timezone: 'America/NewYork' });
    expect(cal.diagnostics[0]).toMatchObject({ severity: 'error', field: '--timezone', hints: ['did you mean "America/New_York"?', expect.any(String)] });
  });

  it('gives the same bytes for the same input, with DTSTAMP from the timestamp', () => {
    const a = buildFollowUpCalendar(exampleInterview('maya-after.yaml'), { timestamp: 1767225600 }).bytes!;
    const b = buildFollowUpCalendar(exampleInterview('maya-after.yaml'), { timestamp: 1767225600 }).bytes!;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(decoder.decode(a)).toContain('DTSTAMP:20260101T000000Z\r\n');
  });

  it('keeps each item’s UID when notes change, so a re-import updates instead of duplicating', () => {
    const before = exampleInterview('maya.yaml');
    const after = exampleInterview('maya-after.yaml');
    const uids = (i: Interview) => parseEvents(buildFollowUpCalendar(i).bytes).map((e) => e.uid);
    expect(uids(after)).toEqual(uids({ ...before, meeting: after.meeting }));
    expect(new Set(uids(after)).size).toBe(4);
  });

  it('folds every line at 75 octets, even in Cyrillic and Greek', () => {
    const text = decoder.decode(buildFollowUpCalendar(exampleInterview('sofia.yaml')).bytes);
    const encoder = new TextEncoder();
    for (const line of text.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
