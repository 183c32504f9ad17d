/**
 * A meeting link that validates must reach every writer: the loader writes it
 * in the URL standard's form once, the calendar keeps a link its library
 * cannot carry in the event's text, and one writer failing leaves the others'
 * files (an error, exit 1).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ical from 'node-ical';
import { describe, expect, it } from 'vitest';
import { readFontSet } from '../../src/node/assets.js';
import { loadGuide } from '../../src/load/load-guide.js';
import { loadInterview } from '../../src/load/load-interview.js';
import { buildDocuments } from '../../src/pipeline.js';
import { createRenderer } from '../../src/render/render.js';
import { resolveTheme } from '../../src/theme.js';
import { bundledTemplates, repoRoot } from '../helpers/kit.js';

const guide = loadGuide(readFileSync(join(repoRoot, 'content', 'guide.yaml'), 'utf8'), 'guide.yaml').value!;
const renderer = createRenderer(bundledTemplates());
const interviewText = (link: string) =>
  `student: { name: Maya Patel }\nmentor: { name: José Núñez }\norganization: { name: Acme }\nmeeting:\n  date: 2026-12-03\n  time: "14:30"\n  timezone: America/New_York\n  link: "${link}"\n`;

function load(link: string) {
  const loaded = loadInterview(interviewText(link), 'maya.yaml', { guide });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.value!;
}

describe('a meeting link', () => {
  it('is written in the URL standard\'s form at load: lower-case host, spaces encoded', () => {
    expect(load('https://Zoom.us/j/123').meeting?.link).toBe('https://zoom.us/j/123');
    expect(load('https://zoom.us/j/1 2?pwd=a b').meeting?.link).toBe('https://zoom.us/j/1%202?pwd=a%20b');
  });

  for (const link of ['https://Zoom.us/j/123', 'https://zoom.us/j/1 2', 'https://[2001:db8::1]/meet', 'https://my_host.example/meet']) {
    it(`that validates (${link}) gives a calendar a client reads, with the link in it`, async () => {
      const interview = load(link);
      const result = await buildDocuments([{ kind: 'kit', interview, formats: ['ics', 'md'] }], { guide, renderer, theme: resolveTheme(), timestamp: 0 });
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const ics = result.files.find((f) => f.name === 'follow-up.ics');
      expect(ics).toBeDefined();
      const events = Object.values(ical.sync.parseICS(new TextDecoder().decode(ics!.bytes))).filter((c) => c?.type === 'VEVENT');
      expect(events).toHaveLength(4);
      const meeting = events.find((e) => String((e as { summary: unknown }).summary).startsWith('Informational interview'))!;
      expect(String((meeting as { description: unknown }).description)).toContain(`Link: ${interview.meeting!.link}`);
    });
  }
});

describe('a writer that fails', () => {
  it('leaves the files of the other writers, with an error that names the file not written', async () => {
    const interview = load('https://zoom.us/j/123');
    const good = readFontSet('noto-sans');
    const broken = { ...good, regular: new Uint8Array([1, 2, 3, 4]) };
    const result = await buildDocuments([{ kind: 'kit', interview, formats: ['pdf', 'docx', 'ics'] }], {
      guide,
      renderer,
      theme: resolveTheme(),
      fonts: broken,
      timestamp: 0,
    });
    expect(result.files.map((f) => f.name).sort()).toEqual(['follow-up.ics', 'packet.docx', 'questions.docx']);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.message.split(':')[0])).toEqual(['packet.pdf was not written', 'questions.pdf was not written']);
    expect(errors[0]).toMatchObject({ code: 'writer-failed' });
  });
});
