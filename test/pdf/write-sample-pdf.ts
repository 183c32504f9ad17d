/**
 * Writes the sample tree's PDF to the path given as the first argument.
 * Run in a child process by write-pdf.test.ts to check that a fresh process
 * (cold caches) produces the very same bytes.
 */
import { writeFileSync } from 'node:fs';
import { writePdf } from '../../src/write/pdf/index.js';
import { resolveTheme } from '../../src/theme.js';
import { fonts, loadSampleTree } from './pdf-test-kit.js';

/** Options shared with the test, so both builds are the same request. */
export const SAMPLE_TIMESTAMP = 1764547200;

const out = process.argv[2];
if (out) {
  const result = await writePdf(loadSampleTree(), { theme: resolveTheme(), fonts, forms: true, timestamp: SAMPLE_TIMESTAMP });
  writeFileSync(out, result.bytes);
}
