/**
 * Golden files, through vitest's file snapshots: compared exactly, rewritten
 * only by `vitest -u`, so a changed output is a diff to review, never
 * silently accepted (on CI a missing golden file fails).
 */
import { expect } from 'vitest';

/** Compares `actual` with the golden file at `path`; await it. */
export function expectGolden(path: string, actual: string): Promise<void> {
  return expect(actual).toMatchFileSnapshot(path);
}
