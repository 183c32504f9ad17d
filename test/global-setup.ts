import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * Bundles src/ into dist/ (what `npm run build` does) once, before the
 * end-to-end tests run the command line as it ships. A failed build stops
 * them: they would otherwise run an older bundle.
 *
 * Also makes the folder where the end-to-end files share the outputs of
 * command lines they all run (test/helpers/built.ts), and removes it after.
 */
export default function setup(project: TestProject): () => void {
  try {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.mjs'], { stdio: 'pipe' });
  } catch (error) {
    const e = error as { stderr?: Buffer };
    throw new Error(`the command line did not build:\n${e.stderr?.toString() ?? String(error)}`);
  }
  const shared = mkdtempSync(join(tmpdir(), 'ik-built-'));
  project.provide('builtOutputs', shared);
  return () => rmSync(shared, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    builtOutputs: string;
  }
}
