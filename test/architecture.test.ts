/**
 * The shape of src/: stages import only downward (no import cycle), and the
 * core — everything outside src/cli and src/node — uses no Node-only module,
 * so the same code runs in the browser edition.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/kit.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the module graph of src/', () => {
  it('has no import cycle (dpdm)', () => {
    const dpdm = join(repoRoot, 'node_modules', '.bin', 'dpdm');
    const run = (): string =>
      execFileSync(dpdm, ['--no-tree', '--no-warning', '--no-progress', '--exit-code', 'circular:1', 'src/**/*.ts'], { cwd: repoRoot, encoding: 'utf8' });
    expect(run).not.toThrow();
  });

  it('keeps Node-only modules out of the core, which the browser edition runs', () => {
    const core = sourceFiles(join(repoRoot, 'src')).filter((f) => !/[\\/]src[\\/](cli|node)[\\/]/.test(f));
    expect(core.length).toBeGreaterThan(50);
    const offenders = core.filter((f) => /from ['"]node:/.test(readFileSync(f, 'utf8'))).map((f) => relative(repoRoot, f));
    expect(offenders).toEqual([]);
  });
});
