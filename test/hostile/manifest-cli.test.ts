/**
 * manifest.json is untrusted on a re-run: a batch deletes only regular files
 * inside its folder that it wrote itself, starts afresh from a manifest it
 * cannot use, and leaves no temporary file behind, even one of a killed run.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync, tempDir } from '../helpers/cli.js';

const ROSTER = [
  'student.name,mentor.name,organization.name,questions.custom',
  'Maya Patel,José Núñez,Acme,What does a usual week look like for you?',
  'Sam Lee,Pat Kim,Studio K,',
  '',
].join('\n');

/** `interview-kit batch night.csv --out out` in the work folder `work`. */
const batchIn = (work: string) => () => runCliAsync(['batch', 'night.csv', '--out', 'out', '--jobs', '1', '--format', 'pdf', '--no-progress'], {}, work);

/**
 * A work folder with the roster and its first batch run, which every test starts from, copied:
 * the batch reads only the files in it, and names them relative to it.
 */
let firstRunDone: string;
beforeAll(async () => {
  firstRunDone = tempDir('ik-manifest-');
  writeFileSync(join(firstRunDone, 'night.csv'), ROSTER);
  const first = await batchIn(firstRunDone)();
  expect(first.status, first.stderr).toBe(0);
});

/** A fresh work folder with a roster and one batch run done; returns the paths. */
function firstRun() {
  const work = tempDir('ik-manifest-');
  cpSync(firstRunDone, work, { recursive: true, preserveTimestamps: true });
  const folder = join(work, 'out', 'batch-night');
  const manifestPath = join(folder, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  return { work, folder, batch: batchIn(work), manifestPath, manifest };
}

const tempFilesIn = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => /\.tmp$/.test(name));
const sha256 = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('a batch re-run and its manifest', () => {
  it('does not delete a file outside the batch folder that an edited manifest lists, and starts afresh', async () => {
    const { work, folder, batch, manifestPath, manifest } = firstRun();
    mkdirSync(join(work, 'somewhere'));
    const victim = join(work, 'somewhere', 'file.txt');
    writeFileSync(victim, 'keep me');
    manifest.rows.push({ row: 9, student: 'Gone Student', folder: 'gone', inputHash: 'a'.repeat(64), files: [{ path: '../../somewhere/file.txt', bytes: 7, sha256: sha256('keep me') }] });
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const run = await batch();
    expect(run.status).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(run.stderr).toMatch(/manifest\.json: warning: the previous run's manifest is not usable \(rows\[2\]\.files\[0\]\.path: must be a path inside the batch folder\); every row was built afresh/);
    expect(run.stdout).toMatch(/2 rows: 2 built, 0 unchanged/);
    expect(readFileSync(join(folder, 'report.txt'), 'utf8')).toMatch(/not usable/);
    expect(tempFilesIn(folder)).toEqual([]);
  });

  it('deletes a leaver\'s file only when it is a regular file the batch wrote, unchanged, reached through no link', async () => {
    const { work, folder, batch, manifestPath, manifest } = firstRun();
    // Three students "left": one folder is a link to outside, one file was edited since, one is as written.
    mkdirSync(join(work, 'outside'));
    writeFileSync(join(work, 'outside', 'notes.pdf'), 'outside');
    symlinkSync(join(work, 'outside'), join(folder, 'linked'));
    mkdirSync(join(folder, 'edited'));
    writeFileSync(join(folder, 'edited', 'notes.pdf'), 'edited by hand');
    mkdirSync(join(folder, 'ours'));
    writeFileSync(join(folder, 'ours', 'notes.pdf'), 'ours');
    const leaver = (name: string, content: string, i: number) => ({
      row: 10 + i,
      student: `Left ${name}`,
      folder: name,
      inputHash: 'b'.repeat(64),
      files: [{ path: `${name}/notes.pdf`, bytes: content.length, sha256: sha256(content) }],
    });
    manifest.rows.push(leaver('linked', 'outside', 0), leaver('edited', 'as written', 1), leaver('ours', 'ours', 2));
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const run = await batch();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/2 rows: 0 built, 2 unchanged/);
    expect(readFileSync(join(work, 'outside', 'notes.pdf'), 'utf8')).toBe('outside');
    expect(readFileSync(join(folder, 'edited', 'notes.pdf'), 'utf8')).toBe('edited by hand');
    expect(existsSync(join(folder, 'ours'))).toBe(false);
  });

  it('starts afresh with a warning from a manifest of the wrong shape, every run, and leaves no temporary file', async () => {
    const { folder, batch, manifestPath } = firstRun();
    for (const bad of ['{"version":1,"rows":[{"student":"x"}]}', 'not json', '[]', '{"version":1,"rows":{"files":1}}']) {
      writeFileSync(manifestPath, bad);
      const run = await batch();
      expect(run.status, bad).toBe(0);
      expect(run.stderr).toMatch(/manifest is not usable/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(tempFilesIn(folder)).toEqual([]);
    }
    const again = await batch();
    expect(again.stderr).not.toMatch(/not usable/);
  });

  it('cleans up the temporary files a killed run left, on the next run', async () => {
    const { folder, batch } = firstRun();
    const dead = 2147483646;
    writeFileSync(join(folder, `.print.pdf.${dead}.1.tmp`), 'partial');
    writeFileSync(join(folder, 'maya-patel', `.packet.pdf.${dead}.tmp`), 'partial');
    writeFileSync(join(folder, 'maya-patel', 'my.tmp'), 'not ours');
    const run = await batch();
    expect(run.status).toBe(0);
    expect(tempFilesIn(folder)).toEqual(['maya-patel/my.tmp']);
  });

  it('keeps the warnings of unchanged rows in report.txt after a re-run', async () => {
    const { folder, batch } = firstRun();
    const before = readFileSync(join(folder, 'report.txt'), 'utf8');
    expect(before).toMatch(/Warnings:\n  row 2 \(Maya Patel\): the 9 chosen questions need about 17 minutes/);
    const run = await batch();
    expect(run.stdout).toMatch(/0 built, 2 unchanged/);
    expect(run.stderr).toMatch(/row 2 \(Maya Patel\): the 9 chosen questions/);
    expect(readFileSync(join(folder, 'report.txt'), 'utf8')).toBe(before.replace('2 built, 0 unchanged', '0 built, 2 unchanged'));
  });
});
