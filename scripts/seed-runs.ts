// Writes test/fixtures/content/seed-runs.json: the SHA-256 (first 16 hex
// digits) of every run of eight words of the career-office handout the guide
// grew from, so the own-words test in test/content.test.ts runs from any
// clone without the handout's text being in the repository.
// Run: node --import tsx scripts/seed-runs.ts ../shared/seed/informational-interviews-guide.txt
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RUN_WORDS = 8;

/** Lowercased words with punctuation stripped, so "entry-level" and "entry level" compare equal. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** The hash a run of words is stored under. */
export function runHash(run: string): string {
  return createHash('sha256').update(run).digest('hex').slice(0, 16);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const source = words(readFileSync(process.argv[2]!, 'utf8'));
  const hashes = new Set<string>();
  for (let i = 0; i + RUN_WORDS <= source.length; i++) hashes.add(runHash(source.slice(i, i + RUN_WORDS).join(' ')));
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'content', 'seed-runs.json');
  writeFileSync(out, `${JSON.stringify([...hashes].sort())}\n`);
}
