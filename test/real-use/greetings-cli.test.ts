import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync, tempDir } from '../helpers/cli.js';

/** The thank-you draft (txt) for Maya's interview with `mentor` lines in place of Dr. Núñez's name. */
async function letter(mentorLines: string) {
  const dir = tempDir('ik-greet-');
  const yaml = readFileSync('content/examples/maya-after.yaml', 'utf8').replace(/^(mentor:\n)  name: .*\n  pronouns: .*\n/m, `$1${mentorLines}`).replace(/^  program: Ed\.D\..*\n/m, "");
  writeFileSync(join(dir, 'i.yaml'), yaml);
  const run = await runCliAsync(['thank-you', join(dir, 'i.yaml'), '-o', dir, '-f', 'txt']);
  expect(run.status).toBe(0);
  // The letter keeps an honorific and the name together with a no-break space.
  return { run, text: readFileSync(join(dir, 'maya-patel', 'thank-you.txt'), 'utf8').replace(/\u00a0/g, ' ') };
}

describe('greetings across naming customs', () => {
  it('does not take the given name of a family-name-first name for the family name, and says so', async () => {
    const { run, text } = await letter('  name: Kim Min-jun\n  pronouns: he/him\n');
    expect(text).not.toContain('Mr. Min-jun');
    expect(text).toContain('Dear Mr. Kim Min-jun,');
    expect(run.stderr).toMatch(/warning: .*Kim Min-jun.*family name first/);
    expect(run.stderr).toContain('mentor.family_name');
    expect(run.stderr).toContain('mentor.salutation');
  });

  it('keeps both family names of a Spanish name when told them, and is not unsure then', async () => {
    const unsure = await letter('  name: María José García López\n  pronouns: she/her\n');
    expect(unsure.text).not.toContain('Ms. López');
    expect(unsure.run.stderr).toContain('two family names');
    const told = await letter('  name: María José García López\n  family_name: García López\n  pronouns: she/her\n');
    expect(told.text).toContain('Dear Ms. García López,');
    expect(told.run.stderr).not.toContain('family_name');
  });

  it('still greets a given-name-first name by its family name without a word', async () => {
    const { run, text } = await letter('  name: Jordan Lee\n  pronouns: she/her\n');
    expect(text).toContain('Dear Ms. Lee,');
    expect(run.stderr).not.toContain('family_name');
  });
});
