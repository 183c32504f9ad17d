/**
 * Every bad input of issue 3 has a fixture in test/fixtures/errors and a
 * golden `.errors.txt` with exactly what the user sees. Rewrite the goldens
 * with UPDATE_GOLDEN=1 (and review the diff).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/cli/io/read-input-file.js';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics.js';
import { loadGuide } from '../../src/load/load-guide.js';
import { loadInterview } from '../../src/load/load-interview.js';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'errors');
const update = process.env.UPDATE_GOLDEN === '1';

const guide = loadGuide(readFileSync(join(root, 'content', 'guide.yaml'), 'utf8'), 'content/guide.yaml').value!;

/** What `interview-kit validate` prints for these diagnostics ("ok" when there are none). */
function render(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.length === 0 ? 'ok\n' : `${diagnostics.map(formatDiagnostic).join('\n')}\n`;
}

function compareWithGolden(name: string, actual: string): void {
  const golden = join(fixtures, `${name}.errors.txt`);
  if (update || !existsSync(golden)) {
    if (!update) throw new Error(`no golden ${golden}; run with UPDATE_GOLDEN=1 to create it`);
    writeFileSync(golden, actual);
  }
  expect(actual).toBe(readFileSync(golden, 'utf8'));
}

function load(name: string) {
  const text = decodeText(readFileSync(join(fixtures, `${name}.yaml`)));
  return loadInterview(text, `${name}.yaml`, { guide });
}

const cases = readdirSync(fixtures)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -'.yaml'.length))
  .sort();

describe('each bad interview file', () => {
  it.each(cases)('%s.yaml gets exactly the diagnostics of its golden', (name) => {
    const result = load(name);
    compareWithGolden(name, render(result.diagnostics));
  });

  it.each(cases)('%s.yaml reports every error at a line and column, with no value when there are errors', (name) => {
    const { value, diagnostics } = load(name);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    for (const d of errors) {
      expect(d.line, d.message).toBeGreaterThanOrEqual(1);
      expect(d.column, d.message).toBeGreaterThanOrEqual(1);
      expect(d.file).toBe(`${name}.yaml`);
    }
    if (errors.length > 0) expect(value).toBeUndefined();
    else expect(value).toBeDefined();
  });

  it('reports the diagnostics of a file sorted by position', () => {
    const { diagnostics } = load('several-problems');
    expect(diagnostics.length).toBeGreaterThanOrEqual(8);
    const positions = diagnostics.map((d) => d.line! * 10_000 + d.column!);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});

describe('inputs that must be accepted', () => {
  it('accepts a UTF-8 byte order mark and CRLF line endings', () => {
    const { value, diagnostics } = load('bom-crlf');
    expect(diagnostics).toEqual([]);
    expect(value?.student.name).toBe('Maya Patel');
    expect(value?.mentor.name).toBe('Dr. José Núñez');
    expect(value?.meeting.time).toBe('14:30');
  });
});

describe('hostile inputs', () => {
  it('refuses an alias bomb after a bounded number of values', () => {
    const { value, diagnostics } = load('alias-bomb');
    expect(value).toBeUndefined();
    expect(diagnostics.map((d) => d.message)).toContain('the file expands to more than 10000 values');
  });

  it('keeps __proto__, constructor and prototype keys from touching any prototype', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const { diagnostics } = load('proto-keys');
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.prototype.constructor).toBe(Object);
    expect(diagnostics.map((d) => d.message)).toEqual(
      expect.arrayContaining(['unknown field "__proto__"', 'unknown field "constructor"', 'unknown field "__proto__" in notes']),
    );
  });

  it('refuses a file of several megabytes with its size, before parsing it', () => {
    const line = '  - Learn which skills to build this year, and which ones matter most\n';
    const text = `student:\n  name: Maya\n  goals:\n${line.repeat(Math.ceil((3 * 1024 * 1024) / line.length))}`;
    const { value, diagnostics } = loadInterview(text, 'huge.yaml', { guide });
    expect(value).toBeUndefined();
    compareWithGolden('too-large', render(diagnostics));
  });

  it('refuses brackets nested a hundred thousand deep without parsing them', () => {
    const { value, diagnostics } = loadInterview(`student: ${'['.repeat(100_000)}`, 'deep.yaml');
    expect(value).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: 1, message: 'the file is nested too deeply (more than 64 levels)' });
  });
});
