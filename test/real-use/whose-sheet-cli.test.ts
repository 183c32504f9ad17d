import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { built } from '../helpers/built.js';
import { runCliAsync, tempDir } from '../helpers/cli.js';
import { runTool } from '../helpers/tools.js';

/** Builds `example`'s question sheet (once for every file that builds it), types advice into it as a viewer would, and saves it into `out`. */
async function filledSheet(out: string, example: string): Promise<string> {
  const build = await built(['build', `content/examples/${example}`, '--format', 'pdf']);
  expect(build.status).toBe(0);
  const folder = build.stdout.match(/wrote (.*)\/questions\.pdf/)![1]!;
  const doc = await PDFDocument.load(readFileSync(join(folder, 'questions.pdf')));
  doc.getForm().getTextField('advice').setText('Build a small portfolio.');
  const filled = join(out, `${example}-filled.pdf`);
  writeFileSync(filled, await doc.save());
  return filled;
}

describe('thank-you --from-notes checks whose sheet it is', () => {
  it('records the interview in the question sheet PDF', async () => {
    const out = tempDir('ik-sheet-');
    const filled = await filledSheet(out, 'maya.yaml');
    const info = runTool('pdfinfo', [filled], { encoding: 'utf8' });
    expect(info).toMatch(/Keywords:\s+interview-kit:sheet\?student=Maya%20Patel&mentor=/);
  });

  it("refuses another student's sheet, naming both, exit 2; --force uses it with a warning", async () => {
    const out = tempDir('ik-sheet-');
    const sofias = await filledSheet(out, 'sofia.yaml');
    const run = await runCliAsync(['thank-you', 'content/examples/maya.yaml', '--from-notes', sofias, '--format', 'txt', '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("this question sheet is Σοφία Παπαδοπούλου's for meeting Дмитрий Иванов (Société Générale Études), not Maya Patel's for meeting Dr. José Núñez");
    expect(run.stderr).toContain('--force');
    const forced = await runCliAsync(['thank-you', 'content/examples/maya.yaml', '--from-notes', sofias, '--format', 'txt', '--out', out, '--force']);
    expect(forced.status).toBe(0);
    expect(forced.stderr).toContain('warning: this question sheet is Σοφία');
    expect(readFileSync(join(out, 'maya-patel', 'thank-you.txt'), 'utf8')).toContain('Build a small portfolio');
  });

  it("accepts the student's own sheet without a word", async () => {
    const out = tempDir('ik-sheet-');
    const mine = await filledSheet(out, 'maya.yaml');
    const run = await runCliAsync(['thank-you', 'content/examples/maya.yaml', '--from-notes', mine, '--format', 'txt', '--out', out]);
    expect(run.stderr).not.toContain('this question sheet');
    expect(run.stderr).not.toContain('whose it is');
    expect(run.status).toBe(0);
  });
});
