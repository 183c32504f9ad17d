/** Hostile values through the command line: one clear error for a broken notes PDF, and no raw escape sequence on the terminal. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync, tempDir } from '../helpers/cli.js';
import { CYCLIC_FORM_PDF, deepFormPdf } from '../helpers/hand-pdf.js';
import { repoRoot } from '../helpers/kit.js';

const maya = join(repoRoot, 'content/examples/maya.yaml');

describe('the command line and hostile input', () => {
  it('thank-you --from-notes with a cyclic or deeply nested form: one error, exit 2, no parser noise', async () => {
    const dir = tempDir();
    for (const [name, pdf] of [['cyclic.pdf', CYCLIC_FORM_PDF], ['deep.pdf', deepFormPdf(20_000)]] as const) {
      writeFileSync(join(dir, name), pdf);
      const run = await runCliAsync(['thank-you', maya, '--from-notes', join(dir, name), '--out', join(dir, 'out')]);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(new RegExp(`${name}: error: the notes file`));
      expect(run.stderr).not.toMatch(/Trying to parse|Invalid object ref|instance of t|call stack/);
    }
  });

  it('prints no escape sequence from a roster cell or a YAML escape, in diagnostics or progress lines', async () => {
    const dir = tempDir();
    const roster = join(dir, 'night.csv');
    writeFileSync(roster, 'student.name,mentor.name,organization.name\n"Maya\u001b]0;pwned\u0007",José,Acme\nSam Lee,Pat Kim,Studio\n');
    const batch = await runCliAsync(['batch', roster, '--out', join(dir, 'out'), '--jobs', '1', '--format', 'md', '--no-progress']);
    const progress = await runCliAsync(['batch', roster, '--out', join(dir, 'out2'), '--jobs', '1', '--format', 'md']);
    const interview = join(dir, 'x.yaml');
    writeFileSync(interview, 'student: { name: "\\e]0;pwned\\a" }\nmentor: { name: Pat }\norganization: { name: Acme }\n');
    const validate = await runCliAsync(['validate', interview]);
    expect(batch.status).toBe(1);
    expect(validate.status).toBe(2);
    for (const run of [batch, progress, validate]) {
      expect(run.stderr + run.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    }
    expect(batch.stderr).toMatch(/row 2.*student\.name holds the invisible control character U\+001B/);
    expect(progress.stderr).toContain('failed row 2 Maya\\u{1b}]0;pwned\\u{7}');
  });
});
