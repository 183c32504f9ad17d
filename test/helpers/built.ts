/**
 * Outputs of the command line that several end-to-end files read: each
 * distinct command line runs once per test run, whichever file asks first,
 * and every file reads what it wrote. The files are read only; a test that
 * changes or rebuilds its outputs runs the command line itself (cli.ts).
 *
 * Test files run in separate workers, so the record of a run is kept on disk,
 * in the folder the global setup made: the first worker to claim a command
 * line (an atomic mkdir) runs it, the others wait for its record.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { runCliAsync, type CliRun } from './cli.js';

export interface Built extends CliRun {
  /** The folder given as --out. */
  readonly out: string;
}

const inThisWorker = new Map<string, Promise<Built>>();

/**
 * `interview-kit ...args --out <a shared folder>`, run once per test run
 * (paths in `args` relative to the repository root, as runCli takes them).
 */
export function built(args: readonly string[]): Promise<Built> {
  const key = createHash('sha256').update(JSON.stringify(args)).digest('hex').slice(0, 16);
  let result = inThisWorker.get(key);
  if (!result) {
    result = runOnce(key, args);
    inThisWorker.set(key, result);
  }
  return result;
}

async function runOnce(key: string, args: readonly string[]): Promise<Built> {
  const root = inject('builtOutputs');
  if (!root) throw new Error('built() runs in the e2e project, whose global setup (test/global-setup.ts) makes its folder');
  const out = join(root, key);
  const record = join(root, `${key}.json`);
  let claimed = true;
  try {
    mkdirSync(out);
  } catch {
    claimed = false;
  }
  if (claimed) {
    const run = await runCliAsync([...args, '--out', out]);
    writeFileSync(`${record}.tmp`, JSON.stringify(run));
    renameSync(`${record}.tmp`, record);
    return { ...run, out };
  }
  const deadline = Date.now() + 120_000;
  while (!existsSync(record)) {
    if (Date.now() > deadline) throw new Error(`no record of \`interview-kit ${args.join(' ')}\` after two minutes`);
    await sleep(50);
  }
  return { ...(JSON.parse(readFileSync(record, 'utf8')) as CliRun), out };
}
