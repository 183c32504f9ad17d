/**
 * A fuzz test that cannot be tuned to: the example interviews are mutated a
 * few thousand times with a fixed-seed generator (lines deleted, duplicated,
 * swapped and re-indented; values swapped for other types; random bytes and
 * Unicode inserted; the text truncated), and every result must either load
 * or fail with positioned diagnostics. Never an uncaught exception, never a
 * message with "undefined" in it, never a prototype touched. One success in
 * twenty goes on through the whole in-process pipeline and the atomic writer,
 * which must produce its files and no partial ones.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFontSet } from '../src/node/assets.js';
import { writeFilesAtomically } from '../src/cli/io/index.js';
import { formatDiagnostic, type Diagnostic } from '../src/diagnostics.js';
import { loadGuide } from '../src/load/load-guide.js';
import { loadInterview } from '../src/load/load-interview.js';
import { safeFileName } from '../src/kits/safe-file-name.js';
import { buildDocuments } from '../src/pipeline.js';
import { createRenderer } from '../src/render/render.js';
import { resolveTheme } from '../src/theme.js';
import { FUZZ_TIMEOUT, fuzzRuns, int, mutateText, pick, random, type Rand } from './helpers/fuzz.js';
import { bundledTemplates, repoRoot } from './helpers/kit.js';

const CASES = fuzzRuns(3000);
/** Fixed, so every run checks the same cases; FUZZ_SEED=n explores others by hand. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);

const NOISE = [
  '\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\uFFFD', '\uFEFF', '\u200B', '\u202E', '\u2028', '\t', '\r', '\n',
  'é', 'ñ', 'ß', 'Σ', 'Ж', '王', '😀', '👩‍💻', 'e\u0301', '\uD800', '\uDC00',
  ':', ': ', '- ', '#', '&a ', '*a', '!', '!!binary ', '%', '@', '`', '|', '>', '"', "'", '[', ']', '{', '}', ',', '?', '---', '...',
  '__proto__', 'constructor', '<<: *a', '\\', '\\x00', '0x1F', '1e9', '-1', '.inf', '.nan', '~', 'null', 'true', 'yes',
];

const VALUES = [
  '[a, b]', '{x: 1}', '42', '-7', '3.5', '1e400', 'true', 'no', '~', '""', "''", '[]', '{}', '2027-02-31', 'next tuesday',
  '"14:30"', '25:99', 'javascript:alert(1)', 'mailto:x', 'https://acme.example', 'x@y', '&anchor value', '*anchor', '|\n  block text',
  '>-\n  folded text', 'in-person', 'zoom', '__proto__', `"${'long '.repeat(120)}"`, 'Σοφία', '!!str 5', '!custom x',
];

/**
 * One random change to the text: one that knows YAML (a value of another
 * type, random bytes, a misspelt or foreign key, YAML noise), or any of the
 * generic line and text changes of `mutateText`.
 */
function mutate(text: string, r: Rand): string {
  const lines = text.split('\n');
  const i = int(r, lines.length);
  const at = int(r, text.length + 1);
  switch (int(r, 10)) {
    case 0: {
      // Swap a value for one of another type.
      const line = lines[i]!;
      const colon = line.indexOf(': ');
      lines[i] = colon === -1 ? `${line}: ${pick(r, VALUES)}` : `${line.slice(0, colon + 2)}${pick(r, VALUES)}`;
      return lines.join('\n');
    }
    case 1: {
      // Random bytes, decoded the way the CLI decodes a file.
      const bytes = Uint8Array.from({ length: 1 + int(r, 8) }, () => int(r, 256));
      return text.slice(0, at) + new TextDecoder().decode(bytes) + text.slice(at);
    }
    case 2:
      return text.slice(0, at) + pick(r, NOISE) + text.slice(at);
    case 3:
      // A misspelt or foreign key.
      lines[i] = lines[i]!.replace(/^(\s*)([a-z_]+):/, (_m, sp: string, key: string) => `${sp}${r() < 0.5 ? key.slice(1) : pick(r, NOISE)}:`);
      return lines.join('\n');
    default:
      return mutateText(text, r);
  }
}

/** The example interviews (other examples there, such as kit.yaml, are not interviews). */
const examples = readdirSync(join(repoRoot, 'content', 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => readFileSync(join(repoRoot, 'content', 'examples', f), 'utf8'))
  .filter((text) => loadInterview(text, 'example.yaml').value !== undefined);

/** Why a diagnostic is not acceptable as the answer to bad input, or undefined. */
function flaw(d: Diagnostic, text: string): string | undefined {
  if (d.severity === 'warning') return undefined;
  if (d.file !== 'fuzz.yaml') return 'no file';
  if (!Number.isInteger(d.line) || !Number.isInteger(d.column) || d.line! < 1 || d.column! < 1) return 'no position';
  if (d.line! > text.split('\n').length + 1) return 'line past the end';
  // What the program says, with the user's own quoted values taken out.
  const own = formatDiagnostic(d).replace(/\("(?:[^"\\]|\\.)*"\)|"[^"\n]*"/g, '');
  if (!d.message || /undefined|\[object Object\]|NaN|Infinity/.test(own)) return 'garbled message';
  return undefined;
}

describe('fuzzing the interview loader', () => {
  it(`answers ${CASES} mutated example files with a value or positioned errors, never a crash`, async () => {
    const guide = loadGuide(readFileSync(join(repoRoot, 'content', 'guide.yaml'), 'utf8'), 'guide.yaml').value!;
    const renderer = createRenderer(bundledTemplates());
    const fonts = readFontSet('noto-sans');
    const theme = resolveTheme();
    const out = mkdtempSync(join(tmpdir(), 'ik-fuzz-'));
    const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    expect(examples.length).toBeGreaterThanOrEqual(2);
    const r = random(SEED);
    let loaded = 0;
    let refused = 0;
    let built = 0;

    for (let n = 0; n < CASES; n++) {
      let text = pick(r, examples);
      const steps = 1 + int(r, 3);
      for (let s = 0; s < steps; s++) text = mutate(text, r);
      const where = `case ${n}:\n${text.slice(0, 2000)}`;

      let result: ReturnType<typeof loadInterview>;
      try {
        result = loadInterview(text, 'fuzz.yaml', { guide });
      } catch (error) {
        throw new Error(`loadInterview threw ${String(error)} on ${where}`);
      }
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      for (const d of result.diagnostics) {
        const problem = flaw(d, text);
        if (problem) throw new Error(`${problem}: ${formatDiagnostic(d)}\non ${where}`);
      }
      if (result.value) {
        expect(errors, where).toEqual([]);
        loaded++;
        if (loaded % 20 === 1) {
          // A loaded interview must build: whatever the pipeline would refuse, the loader must refuse first, with a position.
          const kit = await buildDocuments([{ kind: 'kit', interview: result.value, formats: ['pdf', 'docx', 'md'] }], { guide, renderer, theme, fonts, timestamp: 0 }).catch((error: unknown) => {
            throw new Error(`buildDocuments refused a loaded interview: ${String(error)}\non ${where}`);
          });
          const dir = join(out, safeFileName(result.value.student.name) || 'student', String(n));
          await writeFilesAtomically(dir, kit.files);
          expect(readdirSync(dir).sort(), where).toEqual(kit.files.map((f) => f.name).sort());
          built++;
        }
      } else {
        expect(errors.length, where).toBeGreaterThan(0);
        refused++;
      }
    }

    if (process.env.FUZZ_SEED) console.log({ seed: SEED, loaded, refused, built });
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    // The mutations must exercise both outcomes, or the test proves little.
    expect(loaded).toBeGreaterThan(CASES / 10);
    expect(refused).toBeGreaterThan(CASES / 3);
    expect(built).toBeGreaterThan(5);
  }, Math.max(120_000, FUZZ_TIMEOUT));
});
