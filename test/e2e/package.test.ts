/**
 * The package as npm delivers it: `npm pack`, installed into an empty folder
 * (dependencies from npm's cache where it has them), then run from a folder
 * of its own, as someone who never cloned the repository would.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir, outputNames } from '../helpers/cli.js';
import { repoRoot } from '../helpers/kit.js';
import { pdfText } from '../helpers/pdf-tools.js';

const npm = (args: readonly string[], cwd: string) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the packed package, installed', () => {
  const root = tempDir('ik-package-');
  const app = join(root, 'app');
  const work = join(root, 'work');
  let tarball: string;
  let files: string[];

  beforeAll(() => {
    // The global setup built dist/; pack it as it is.
    const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', root], repoRoot)) as [{ filename: string; files: { path: string }[] }];
    tarball = join(root, packed[0].filename);
    files = packed[0].files.map((f) => f.path);
    npm(['install', '--prefix', app, tarball], root);
    mkdirSync(work);
  }, 180_000);

  const cli = (...args: string[]) =>
    execFileSync(join(app, 'node_modules', '.bin', 'interview-kit'), args, { cwd: work, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1764547200' } });

  it('holds the program, content and templates, and no tests, sources or benches', () => {
    expect(files).toEqual(expect.arrayContaining(['bin/interview-kit.js', 'dist/cli.js', 'dist/batch-worker.js', 'content/guide.yaml', 'content/examples/maya.yaml', 'README.md', 'package.json']));
    expect(files.some((f) => f.startsWith('templates/') && f.endsWith('.md.hbs'))).toBe(true);
    expect(files.filter((f) => /^(src|test|bench|scripts)\//.test(f) || f.endsWith('.map'))).toEqual([]);
  });

  it('starts a new interview with init, whose next step names the installed command, and builds its packet', () => {
    const init = cli('init', '.');
    expect(init).toContain('next: edit interview.yaml, then run: interview-kit build interview.yaml\n');
    const build = cli('build', 'interview.yaml', '--format', 'pdf');
    expect(build).toMatch(/wrote out\/maya-patel\/packet\.pdf \(\d+ pages\)/);
    expect(outputNames(join(work, 'out', 'maya-patel'))).toEqual(['packet.pdf', 'questions.pdf']);
    expect(pdfText(join(work, 'out', 'maya-patel', 'packet.pdf'))).toContain('Maya Patel');
  });
});
