/**
 * The error experience through the real command line: `validate` and
 * `schema`, and `build` refusing bad input without writing anything.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, type CliRun } from '../helpers/cli.js';

const fixtures = 'test/fixtures/errors';
const root = join(import.meta.dirname, '..', '..');
const golden = (name: string) => readFileSync(join(root, fixtures, `${name}.errors.txt`), 'utf8');
const noStack = (s: string) => expect(s).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe('interview-kit validate', () => {
  it('prints "ok" and exits 0 for a clean file', () => {
    const run = runCli(['validate', 'content/examples/maya.yaml']);
    expect(run).toMatchObject({ status: 0, stdout: 'content/examples/maya.yaml: ok\n', stderr: '' });
  });

  describe('on every bad fixture at once', () => {
    const names = readdirSync(join(root, fixtures))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -5))
      .sort();
    let run: CliRun;
    beforeAll(() => {
      run = runCli(['validate', ...names.map((n) => `${fixtures}/${n}.yaml`)]);
    });

    it('prints exactly the golden diagnostics of each file, in order, with the path as given', () => {
      const expected = names
        .map((n) => golden(n))
        .filter((text) => text !== 'ok\n')
        .join('');
      const withPaths = names.reduce((text, n) => text.replaceAll(`${n}.yaml:`, `${fixtures}/${n}.yaml:`), expected);
      expect(run.stderr).toBe(withPaths);
    });

    it('prints "ok" only for the files that are clean', () => {
      const clean = names.filter((n) => golden(n) === 'ok\n');
      expect(clean).toEqual(['bom-crlf']);
      expect(run.stdout).toBe(`${fixtures}/bom-crlf.yaml: ok\n`);
    });

    it('exits 2 without a stack trace', () => {
      expect(run.status).toBe(2);
      noStack(run.stderr);
    });
  });

  it('names a path that does not exist, exit 2', () => {
    const run = runCli(['validate', 'content/examples/mya.yaml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('content/examples/mya.yaml: error: no such file\n  hint: did you mean content/examples/maya.yaml?\n');
  });

  it('names a folder given instead of a file, exit 2', () => {
    const run = runCli(['validate', 'content/examples']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^content\/examples: error: this is a folder, not a file\n {2}hint: give one of its files, e\.g\. content\/examples\/\S+\.yaml\n$/);
  });

  it('refuses a file of several megabytes by its size, exit 2', () => {
    const file = join(tempDir(), 'huge.yaml');
    writeFileSync(file, `student:\n  name: Maya\n  background: ${'x'.repeat(5_000_000)}\n`);
    const run = runCli(['validate', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('error: file is 5.0 MB; an interview file should be a few KB (the limit is 1.0 MB)');
  });

  it('checks question ids against a guide given with --content', () => {
    const run = runCli(['validate', `${fixtures}/unknown-question-id.yaml`, '--content', 'content']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('hint: did you mean "like-best"?');
  });

  it('rejects an unknown --kind as a usage error, exit 2', () => {
    const run = runCli(['validate', '--kind', 'rota', 'content/examples/maya.yaml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("argument 'rota' is invalid");
  });

  it('checks the bundled guide as guide content', () => {
    expect(runCli(['validate', 'content/guide.yaml'])).toMatchObject({ status: 0, stdout: 'content/guide.yaml: ok\n' });
  });
});

describe('interview-kit schema', () => {
  it('prints a draft-07 JSON Schema that names the fields and forbids unknown ones', () => {
    const run = runCli(['schema']);
    expect(run.status).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toBe('urn:interview-kit:interview.schema.json');
    expect(schema.title).toBe('interview-kit interview');
    expect(schema.required).toEqual(['student', 'mentor', 'organization']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.student.required).toEqual(['name']);
    expect(schema.properties.meeting.properties.format.enum).toEqual(['in-person', 'phone', 'video']);
    expect(schema.properties.student.properties.goals.anyOf.map((s: { type: string }) => s.type)).toEqual(['string', 'array']);
  });
});

describe('interview-kit build with bad input', () => {
  it('writes nothing and exits 2 when the interview is invalid', () => {
    const out = tempDir();
    const run = runCli(['build', `${fixtures}/impossible-date.yaml`, '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(golden('impossible-date').replaceAll('impossible-date.yaml:', `${fixtures}/impossible-date.yaml:`));
    expect(readdirSync(out)).toEqual([]);
    noStack(run.stderr);
  });

  it('names an output folder that cannot be written, exit 2', () => {
    const base = tempDir();
    const blocker = join(base, 'out');
    writeFileSync(blocker, 'a file, not a folder');
    const run = runCli(['build', 'content/examples/minimal.yaml', '--out', blocker, '--format', 'docx']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`error: cannot write to the output folder ${join(blocker)}`);
    expect(run.stderr).toContain('hint: choose another folder with --out');
    expect(existsSync(blocker) && readFileSync(blocker, 'utf8')).toBe('a file, not a folder');
    noStack(run.stderr);
  });
});
