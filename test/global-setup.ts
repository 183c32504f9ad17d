import { execFileSync } from 'node:child_process';

/**
 * Bundles the CLI into dist/ before any test runs it. A failed build is
 * reported but does not stop unit tests; every test that runs the command
 * line then fails on the missing or stale bundle.
 */
export default function setup(): void {
  try {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.mjs'], { stdio: 'pipe' });
  } catch (error) {
    const e = error as { stderr?: Buffer };
    process.stderr.write(`\nthe CLI bundle did not build:\n${e.stderr?.toString() ?? String(error)}\n`);
  }
}
