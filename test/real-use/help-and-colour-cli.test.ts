import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli.js';

describe('help and output', () => {
  for (const command of ['build', 'thank-you', 'batch', 'handout', 'validate', 'init', 'questions', 'schema']) {
    it(`${command} --help shows an example and the exit codes`, async () => {
      const run = await runCliAsync([command, '--help']);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/\nExamples?:\n {2}interview-kit /);
      expect(run.stdout).toMatch(/Exit codes: 0 /);
    });
  }

  const bad = ['validate', 'test/fixtures/errors/absurd-minutes.yaml'];
  it('colours errors when FORCE_COLOR asks, and not when NO_COLOR forbids it', async () => {
    const forced = await runCliAsync(bad, { FORCE_COLOR: '1', NO_COLOR: undefined });
    expect(forced.stderr).toContain('\u001b[31merror:');
    const plain = await runCliAsync(bad, { FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(plain.stderr).not.toContain('\u001b[');
    expect(plain.stderr).toMatch(/: error: /);
  });

  it('writes no colour into a log', async () => {
    const run = await runCliAsync(bad, { FORCE_COLOR: undefined, NO_COLOR: undefined });
    expect(run.stderr).not.toContain('\u001b[');
  });
});
