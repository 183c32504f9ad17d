/** Runs the real command line (the built bundle) as a user would. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './kit.js';

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `interview-kit ...args`, from the repository root, with a fixed SOURCE_DATE_EPOCH unless given. */
export function runCli(args: readonly string[], env: Record<string, string | undefined> = {}): CliRun {
  const result = spawnSync(process.execPath, [join(repoRoot, 'bin', 'interview-kit.js'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1764547200', ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'ik-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
