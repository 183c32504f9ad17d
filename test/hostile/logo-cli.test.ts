/** A hostile or broken logo in kit.yaml, through the command line as it ships: exit 2 at the logo line, once. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync, tempDir } from '../helpers/cli.js';
import { repoRoot } from '../helpers/kit.js';
import { SPINNING_PNG } from '../helpers/png.js';

const fixture = (name: string) => join(repoRoot, 'test/fixtures/config', name);

describe('a hostile logo on the command line', () => {
  const kitWith = (dir: string, logo: string) => {
    const kit = join(dir, 'kit.yaml');
    writeFileSync(kit, `office:\n  name: Career Center\n  logo: ${logo}\n`);
    return kit;
  };
  const maya = join(repoRoot, 'content/examples/maya.yaml');

  it('build and validate refuse the spinning PNG at its line with exit 2, and write nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'seal.png'), SPINNING_PNG);
    const kit = kitWith(dir, 'seal.png');
    const out = join(dir, 'out');
    const build = await runCliAsync(['build', maya, '--config', kit, '--out', out]);
    expect(build.status).toBe(2);
    expect(build.stderr).toMatch(/kit\.yaml:3:9: error: office\.logo "seal\.png" is a damaged PNG image/);
    expect(build.stderr).not.toMatch(/\n\s+at /);
    const validate = await runCliAsync(['validate', kit]);
    expect(validate.status).toBe(2);
    expect(validate.stderr).toMatch(/kit\.yaml:3:9: error: office\.logo "seal\.png" is a damaged PNG image/);
  });

  it('validate refuses a missing logo, a folder, /dev/zero and a FIFO without reading them', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'folder'));
    execFileSync('mkfifo', [join(dir, 'pipe.png')]);
    for (const [logo, reason] of [
      ['missing.png', 'no such file'],
      ['folder', 'it is a folder'],
      ['/dev/zero', 'not a regular file'],
      ['pipe.png', 'not a regular file'],
    ] as const) {
      const run = await runCliAsync(['validate', kitWith(dir, logo)]);
      expect(run.status, logo).toBe(2);
      expect(run.stderr).toContain(`office.logo "${logo}" cannot be read (${reason})`);
    }
  });

  it('refuses a sparse file of a gigabyte by its size, and accepts a sound logo', async () => {
    const dir = tempDir();
    execFileSync('truncate', ['-s', '1G', join(dir, 'big.png')]);
    const big = await runCliAsync(['validate', kitWith(dir, 'big.png')]);
    expect(big.status).toBe(2);
    expect(big.stderr).toMatch(/too large: 1073741824 bytes/);
    copyFileSync(fixture('logo.png'), join(dir, 'logo.png'));
    const good = await runCliAsync(['validate', kitWith(dir, 'logo.png')]);
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
  });

  it('a batch with a damaged logo stops once with exit 2, before any row', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'seal.png'), SPINNING_PNG);
    const kit = kitWith(dir, 'seal.png');
    const run = await runCliAsync(['batch', join(repoRoot, 'test/fixtures/batch/roster.csv'), '--config', kit, '--out', join(dir, 'out'), '--jobs', '1']);
    expect(run.status).toBe(2);
    expect(run.stderr.match(/damaged PNG/g)).toHaveLength(1);
  });
});
