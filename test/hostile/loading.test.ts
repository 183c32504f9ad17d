/**
 * Loading stays linear in the size of the file: duplicate keys, unknown keys
 * and aliases by the thousand are refused at the first few, by limits far
 * above any real file (the README's "Limits" lists them).
 */
import { describe, expect, it } from 'vitest';
import { parseRoster } from '../../src/batch/roster.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { loadInterview } from '../../src/load/load-interview.js';
import { loadKitConfig } from '../../src/load/load-kit-config.js';

const HEAD = 'student: { name: Maya }\nmentor: { name: José }\norganization: { name: Acme }\n';
const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n');

describe('loading hostile YAML', () => {
  it('refuses 160 KB of duplicate keys at the first field past the limit', () => {
    const text = `${HEAD}notes:\n${lines(16_000, () => '  advice: 1')}\n`;
    expect(text.length).toBeGreaterThan(160_000);
    const { value, diagnostics } = loadInterview(text, 'x.yaml');
    expect(value).toBeUndefined();
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'x.yaml:1998:9: error: the file holds more than 2000 fields\n  hint: an interview file has a few dozen; check that this is the right file',
    ]);
  });

  it('refuses 89 KB of aliases at the 101st', () => {
    const text = `student: { name: &n Maya }\nmentor: { name: José }\norganization: { name: Acme }\nstudent_goals:\n${lines(9_000, () => '  - *n       ')}\n`;
    expect(text.length).toBeGreaterThan(89_000);
    const { diagnostics } = loadInterview(text, 'x.yaml');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: 105, column: 5, message: 'the file uses more than 100 aliases (*name)' });
  });

  it('reports the first three duplicate keys only, each with the line of the first', () => {
    const text = `${HEAD}notes:\n  advice: a\n${lines(50, () => '  advice: b')}\n`;
    const { diagnostics } = loadInterview(text, 'x.yaml');
    expect(diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([
      '6: duplicate field "advice" in notes',
      '7: duplicate field "advice" in notes',
      '8: duplicate field "advice" in notes',
    ]);
    expect(diagnostics[0]!.hints).toEqual(['"advice" is already written on line 5; keep one of them']);
  });

  it('refuses a mapping of more than 1000 fields, and says five unknown keys of a smaller one', () => {
    const big = loadInterview(`${HEAD}notes:\n${lines(1_500, (i) => `  k${i}: 1`)}\n`, 'x.yaml');
    expect(big.diagnostics.map((d) => d.message)).toEqual(['a mapping holds more than 1000 fields (1500)']);
    const unknown = loadInterview(`${HEAD}notes:\n${lines(900, (i) => `  k${i}: 1`)}\n`, 'x.yaml');
    expect(unknown.diagnostics.map((d) => d.message)).toEqual(['k0', 'k1', 'k2', 'k3', 'k4'].map((k) => `unknown field "${k}" in notes`));
  });

  it('applies the same limits to kit.yaml, and lets a roster use an alias per record', () => {
    expect(loadKitConfig(`office:\n  name: &n X\n  contact:\n${lines(200, () => '    - *n')}\n`, 'kit.yaml').diagnostics[0]!.message).toBe(
      'the file uses more than 100 aliases (*name)',
    );
    const records = lines(300, (i) => `- student: { name: Student ${i} }\n  mentor: *m\n  organization: { name: Acme }`);
    const roster = parseRoster(`- student: { name: First }\n  mentor: &m { name: Pat Kim }\n  organization: { name: Acme }\n${records}\n`, 'night.yaml');
    expect(roster.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(roster.rows.filter((r) => r.interview)).toHaveLength(301);
  });
});
