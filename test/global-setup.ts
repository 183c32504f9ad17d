import { execFileSync } from 'node:child_process';

/**
 * Bundles src/ into dist/ (what `npm run build` does) once, before the
 * end-to-end tests run the command line as it ships. A failed build stops
 * them: they would otherwise run an older bundle.
 */
export default function setup(): void {
  try {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.mjs'], { stdio: 'pipe' });
  } catch (error) {
    const e = error as { stderr?: Buffer };
    throw new Error(`the command line did not build:\n${e.stderr?.toString() ?? String(error)}`);
  }
}
