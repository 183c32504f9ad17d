/**
 * Golden letters: interview → thank-you Markdown (the printable letter) and
 * plain text (the email body). Rewrite with `vitest -u` and review the diff.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderThankYou } from '../../src/kits/thank-you-kit.js';
import type { ThankYouTone } from '../../src/kits/thank-you.js';
import { interviewSchema, type Interview } from '../../src/load/schema.js';
import { createRenderer } from '../../src/render/render.js';
import { writeText } from '../../src/write/text/index.js';
import { expectGolden } from '../helpers/golden.js';
import { bundledTemplates, exampleInterview, repoRoot } from '../helpers/kit.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'thank-you');
const renderer = createRenderer(bundledTemplates());

function fixture(name: string): Interview {
  return interviewSchema.parse(parse(readFileSync(join(fixtures, name), 'utf8')));
}

function letter(interview: Interview, tone: ThankYouTone = 'formal') {
  return renderThankYou(interview, renderer, { tone, mode: 'letter' });
}

function emailText(interview: Interview, tone: ThankYouTone = 'formal'): string {
  return writeText(renderThankYou(interview, renderer, { tone, mode: 'email' }).tree);
}

describe('thank-you letters', () => {
  it('writes a formal letter from full notes', async () => {
    const interview = exampleInterview('maya-after.yaml');
    const { markdown } = letter(interview);
    await expectGolden(join(fixtures, 'maya-after.formal.md'), markdown);
    await expectGolden(join(fixtures, 'maya-after.formal.txt'), emailText(interview));
    expect(markdown).toContain('Dear Dr\\.\u00a0Núñez,');
    expect(markdown).not.toMatch(/\*\*\[/);
  });

  it('writes a warm letter from the same notes in other words', async () => {
    const interview = exampleInterview('maya-after.yaml');
    const warm = letter(interview, 'warm').markdown;
    await expectGolden(join(fixtures, 'maya-after.warm.md'), warm);
    expect(warm).toContain('Warm regards,');
    expect(warm).not.toBe(letter(interview, 'formal').markdown);
  });

  it('marks every missing note with a bracketed prompt and warns which notes are empty', async () => {
    const interview = exampleInterview('minimal.yaml');
    const { markdown, warnings } = letter(interview);
    await expectGolden(join(fixtures, 'minimal.formal.md'), markdown);
    const text = emailText(interview);
    await expectGolden(join(fixtures, 'minimal.formal.txt'), text);
    for (const prompt of ['[one thing you learned]', '[a piece of advice you will act on]', '[how this will shape your next steps]']) {
      expect(text).toContain(prompt);
    }
    expect(markdown).toContain('**[date of the meeting]**');
    expect(warnings).toEqual([expect.objectContaining({ severity: 'warning', field: 'notes', message: expect.stringContaining('notes.learned, notes.advice, notes.influence are empty') })]);
  });

  it('addresses a professor by title and uses next steps when there is no influence note', async () => {
    const interview = fixture('okafor.yaml');
    const { markdown, warnings } = letter(interview);
    await expectGolden(join(fixtures, 'okafor.formal.md'), markdown);
    await expectGolden(join(fixtures, 'okafor.formal.txt'), emailText(interview));
    expect(markdown).toContain('Dear Professor Okafor,');
    expect(markdown).toContain('Thank you for speaking with me by phone on Tuesday, March 9.'.replace(/,/g, '\\,'));
    expect(markdown).toContain('Send by the end of Wednesday\\, March 10\\, 2027.');
    expect(markdown).toContain('**[a piece of advice you will act on]**');
    expect(warnings.map((w) => w.message)).toEqual([expect.stringContaining('notes.advice is empty')]);
  });

  it('keeps names in Greek, Cyrillic, Arabic and Chinese intact', async () => {
    const sofia = exampleInterview('sofia.yaml');
    await expectGolden(join(fixtures, 'sofia.warm.md'), letter(sofia, 'warm').markdown);
    expect(emailText(sofia, 'warm')).toMatch(/\n\nDear Mr\.\u00a0Ivanov,\n[\s\S]*\nΣοφία Παπαδοπούλου\n/);

    const wang = fixture('wang.yaml');
    const { markdown } = letter(wang);
    await expectGolden(join(fixtures, 'wang.formal.md'), markdown);
    const text = emailText(wang);
    expect(text).toMatch(/\n\nDear 王小明,\n/);
    expect(text).toContain('meeting with me at 上海城市规划设计研究院 on Thursday, May 20.');
    // The Arabic name is a bidi isolate, so it keeps its order inside English text.
    expect(text).toMatch(/\n\u2068ليلى حداد\u2069\nM\.A\. Urban Planning\n/);
  });

  it('states the send-by time 24 hours after the meeting in the meeting’s zone', () => {
    const { markdown } = letter(fixture('wang.yaml'));
    expect(markdown).toContain('**Send by Friday\\, May 21\\, 2027\\, 10\\:00 AM.**');
  });

  it('warns when the notes call the mentor "he" or "she" in a letter addressed to them', () => {
    const maya = exampleInterview('maya-after.yaml');
    expect(letter(maya).warnings).toEqual([]);
    const { warnings } = letter({ ...maya, notes: { ...maya.notes, learned: ['Most of his week goes to planning, not teaching.'] } });
    expect(warnings).toEqual([expect.objectContaining({ field: 'notes.learned[0]', message: expect.stringContaining('"his"') })]);
  });

  it('prints data that looks like Markdown or Handlebars literally', () => {
    const interview = interviewSchema.parse({
      student: { name: 'Sam **Bold** Lee' },
      mentor: { name: 'Jordan *Rivera*', title: '[x](javascript:alert(1))' },
      organization: { name: '# Riverside {{library}}' },
      notes: { learned: ['*stars* and `ticks`'], advice: '<script>alert(1)</script>' },
    });
    const { tree } = letter(interview);
    const text = writeText(tree);
    expect(text).toContain('Dear Jordan *Rivera*,');
    expect(text).toContain('your work as [x](javascript:alert(1)).');
    expect(text).toContain('meeting with me at # Riverside {{library}}');
    expect(text).toContain('One point from our conversation stays with me: *stars* and `ticks`.');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toMatch(/\nSam \*\*Bold\*\* Lee\n$/);
    expect(JSON.stringify(tree)).not.toContain('"type":"link"');
  });
});
