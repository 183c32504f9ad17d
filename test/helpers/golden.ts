/**
 * Golden files: compared exactly; rewritten only when UPDATE_GOLDEN=1, so a
 * changed output is a diff to review, never silently accepted.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

export function expectGolden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    if (process.env.UPDATE_GOLDEN !== '1' && process.env.CI) {
      throw new Error(`golden file ${path} is missing; create it with UPDATE_GOLDEN=1 and review it`);
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
