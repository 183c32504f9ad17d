import { simpleParser, type AddressObject } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildThankYou, type ThankYouRequest } from '../../src/kits/thank-you-kit.js';
import { interviewSchema, type Interview } from '../../src/load/schema.js';
import { createRenderer } from '../../src/render/render.js';
import { resolveTheme } from '../../src/theme.js';
import { bundledTemplates, exampleInterview } from '../helpers/kit.js';

const renderer = createRenderer(bundledTemplates());

async function eml(interview: Interview, extra: Partial<ThankYouRequest> = {}): Promise<Uint8Array> {
  const { files } = await buildThankYou({ interview, renderer, theme: resolveTheme(), formats: ['eml'], ...extra });
  expect(files.map((f) => f.name)).toEqual([extra.tone && extra.tone !== 'formal' ? `thank-you-${extra.tone}.eml` : 'thank-you.eml']);
  return files[0]!.bytes;
}

function first(address: AddressObject | AddressObject[] | undefined) {
  const list = Array.isArray(address) ? address : address ? [address] : [];
  return list[0]?.value[0];
}

describe('thank-you.eml', () => {
  it('decodes to the student, the mentor and the subject in UTF-8, as an unsent draft', async () => {
    const mail = await simpleParser(Buffer.from(await eml(exampleInterview('sofia.yaml'))));
    expect(first(mail.from)).toEqual({ name: 'Σοφία Παπαδοπούλου', address: 'sofia.papadopoulou@example.edu' });
    expect(first(mail.to)).toEqual({ name: 'Дмитрий Иванов', address: 'd.ivanov@example.com' });
    expect(mail.subject).toBe('Thank you — informational interview on January 14');
    expect(mail.headers.get('x-unsent')).toBe('1');
  });

  it('encodes non-ASCII names and the subject as RFC 2047 words, leaving the raw headers ASCII', async () => {
    const raw = Buffer.from(await eml(exampleInterview('sofia.yaml'))).toString('latin1');
    const headers = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(headers).toMatch(/^[\x20-\x7e\r\n\t]*$/);
    expect(headers).toMatch(/^From: =\?UTF-8\?[BQ]\?/m);
    expect(headers).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
    for (const line of headers.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('carries the letter’s specifics in the plain-text and HTML bodies, after the drafting note', async () => {
    const mail = await simpleParser(Buffer.from(await eml(exampleInterview('maya-after.yaml'))));
    expect(mail.subject).toBe('Thank you — informational interview on December 3');
    expect(first(mail.to)).toEqual({ name: 'Dr. José Núñez', address: 'jnunez@example.com' });
    const text = mail.text ?? '';
    expect(text).toMatch(/^> Send by Friday, December 4, 2026, 2:30 PM\. [^\n]* then delete this note\.\n\nDear Dr\.\u00a0Núñez,\n/);
    expect(text).toContain("Acme's new clinics will each need an onboarding lead next year");
    expect(text).toContain('Build a portfolio of two or three programs you designed');
    expect(text).toContain('I will aim my spring internship search at hospital learning teams');
    expect(text).toContain('Priya Shah, onboarding lead at the Brooklyn clinic');
    expect(text).toContain('Sincerely,\n\nMaya Patel\nM.A. Organizational Psychology\nmaya.patel@example.edu');
    expect(mail.html).toContain('<a href="mailto:maya.patel@example.edu">');
    expect(mail.html).toContain('Dr.\u00a0Núñez');
  });

  it('is dated at the end of the meeting, or at the timestamp when one is given', async () => {
    const atMeeting = await simpleParser(Buffer.from(await eml(exampleInterview('maya-after.yaml'))));
    expect(atMeeting.date?.toISOString()).toBe('2026-12-03T19:50:00.000Z');
    const stamped = await simpleParser(Buffer.from(await eml(exampleInterview('maya-after.yaml'), { timestamp: 1767225600 })));
    expect(stamped.date?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('leaves out From and To when the addresses are not known', async () => {
    const minimal = interviewSchema.parse({ student: { name: 'Sam Lee' }, mentor: { name: 'Jordan Rivera' }, organization: { name: 'Riverside Library' } });
    const mail = await simpleParser(Buffer.from(await eml(minimal)));
    expect(mail.from).toBeUndefined();
    expect(mail.to).toBeUndefined();
    expect(mail.subject).toBe('Thank you for the informational interview');
    expect(mail.text).toContain('[one thing you learned]');
  });

  it('gives the same bytes for the same input: fixed Date, Message-ID and boundaries', async () => {
    const a = await eml(exampleInterview('maya-after.yaml'), { tone: 'warm' });
    const b = await eml(exampleInterview('maya-after.yaml'), { tone: 'warm' });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const mail = await simpleParser(Buffer.from(a));
    expect(mail.messageId).toMatch(/^<[0-9a-f]{16}\.thank-you-warm@interview-kit\.invalid>$/);
  });

  it('ends every line with CRLF', async () => {
    const raw = Buffer.from(await eml(exampleInterview('maya-after.yaml'))).toString('utf8');
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});
