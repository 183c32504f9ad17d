import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputNames, runCliAsync, tempDir } from '../helpers/cli.js';

const MAYA = 'content/examples/maya-after.yaml';

describe('tones', () => {
  it('writes each tone under its own name, the default without one', async () => {
    const out = tempDir('ik-tone-');
    expect((await runCliAsync(['thank-you', MAYA, '-o', out, '-f', 'txt,docx'])).status).toBe(0);
    expect((await runCliAsync(['thank-you', MAYA, '-o', out, '-f', 'txt,docx', '--tone', 'warm'])).status).toBe(0);
    const folder = join(out, 'maya-patel');
    expect(outputNames(folder)).toEqual(['thank-you-warm.docx', 'thank-you-warm.txt', 'thank-you.docx', 'thank-you.txt']);
    expect(readFileSync(join(folder, 'thank-you.txt'), 'utf8')).not.toBe(readFileSync(join(folder, 'thank-you-warm.txt'), 'utf8'));
  });

  it('accepts a tone that --templates adds', async () => {
    const out = tempDir('ik-tone-');
    const templates = join(out, 'templates');
    mkdirSync(templates);
    writeFileSync(join(templates, 'thank-you-casual.md.hbs'), 'Hi {{mentor.name}} — thanks a lot for the chat!\n');
    const run = await runCliAsync(['thank-you', MAYA, '-o', out, '-f', 'md', '--tone', 'casual', '--templates', templates]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(join(out, 'maya-patel', 'thank-you-casual.md'), 'utf8')).toContain('thanks a lot for the chat');
  });

  it('refuses a tone without a template, naming the tones there are, exit 2', async () => {
    const run = await runCliAsync(['thank-you', MAYA, '-o', tempDir(), '-f', 'md', '--tone', 'wram']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('did you mean "warm"?');
    expect(run.stderr).toContain('the tones are: formal, warm');
  });
});
