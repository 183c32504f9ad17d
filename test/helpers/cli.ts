/** Runs the real command line (bin/interview-kit.js and the bundle it loads) as a user would. */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './kit.js';

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const launcher = join(repoRoot, 'bin', 'interview-kit.js');
const options = (env: Record<string, string | undefined>, cwd = repoRoot) => ({
  cwd,
  encoding: 'utf8' as const,
  env: { ...process.env, SOURCE_DATE_EPOCH: '1764547200', ...env },
  timeout: 60_000,
});

/** `interview-kit ...args`, from the repository root, with a fixed SOURCE_DATE_EPOCH unless given. */
export function runCli(args: readonly string[], env: Record<string, string | undefined> = {}): CliRun {
  const result = spawnSync(process.execPath, [launcher, ...args], options(env));
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** runCli without blocking, so that a test file's runs can go side by side; `cwd` is the repository root unless given. */
export function runCliAsync(args: readonly string[], env: Record<string, string | undefined> = {}, cwd?: string): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [launcher, ...args], options(env, cwd), (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
    child.stdin?.end();
  });
}

/** Runs `tasks` two at a time (the machine's cores), each result at its task's index. */
export async function inPairs<T>(tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'ik-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The files a command wrote into `dir`, sorted, without the hidden record of what it wrote (.interview-kit.json). */
export function outputNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .sort();
}
