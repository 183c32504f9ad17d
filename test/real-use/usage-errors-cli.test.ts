import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli.js';

describe('bad options are usage errors', () => {
  for (const [args, range] of [
    [['batch', 'content/examples/roster.csv', '--jobs', '0'], '1 to 256'],
    [['batch', 'content/examples/roster.csv', '--jobs', 'abc'], '1 to 256'],
    [['batch', 'content/examples/roster.csv', '-j', '300'], '1 to 256'],
    [['handout', '--copies', '0'], '1 to 2000'],
    [['handout', '--copies', '5000'], '1 to 2000'],
    [['handout', '--copies', 'x'], '1 to 2000'],
  ] as const) {
    it(`${args.slice(-2).join(' ')}: names the allowed range, exit 2, no stack trace`, async () => {
      const run = await runCliAsync([...args]);
      expect(run.status).toBe(2);
      const first = run.stderr.split('\n')[0]!;
      expect(first).toMatch(new RegExp(`^error: option .*argument '${args.at(-1)}' is invalid\\. Use a whole number from ${range}\\.$`));
      expect(run.stderr).not.toMatch(/\n\s+at |InputError|function /);
      expect(run.stdout).toBe('');
    });
  }
});
