/**
 * Loads one `interview.yaml`: every problem of the file at once, each at its
 * 1-based line and column with a message that says how to fix it.
 *
 * Pure (text in, value and diagnostics out), so it runs in a browser too; the
 * CLI reads the file (see src/cli/io) and prints the diagnostics.
 *
 * @example
 * const { value, diagnostics } = loadInterview('student:\n  name: Maya Patel\n', 'maya.yaml');
 * // value === undefined; diagnostics:
 * //   maya.yaml:1:1: error: mentor is missing
 * //     hint: add a "mentor:" section with "name: …" indented below it
 * //   maya.yaml:1:1: error: organization is missing …
 */
import type { Diagnostic } from '../diagnostics.js';
import { checkQuestionIds } from './check-question-ids.js';
import type { Guide } from './content-schema.js';
import { loadYaml, sortDiagnostics } from './load-yaml.js';
import { interviewSchema, type Interview } from './schema.js';
import { rememberSource } from './source-registry.js';

export { checkQuestionIds } from './check-question-ids.js';
export { MAX_INPUT_BYTES } from './check-text.js';

/** Options of {@link loadInterview}. */
export interface LoadInterviewOptions {
  /** When given, ids in questions.include/exclude are checked against it too. */
  readonly guide?: Guide;
}

const MINIMAL = 'student: name, mentor: name and organization: name';

/** The include/exclude lists of not-yet-valid data, when they are lists of text. */
function questionsOf(data: unknown): Interview['questions'] | undefined {
  const questions = (data as { questions?: unknown } | undefined)?.questions;
  if (!questions || typeof questions !== 'object') return undefined;
  const list = (v: unknown) =>
    typeof v === 'string' ? [v] : Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : '')) : undefined;
  const { include, exclude } = questions as { include?: unknown; exclude?: unknown };
  return { include: list(include), exclude: list(exclude) };
}

/**
 * Validates `text` (the content of `file`, as the user named it) as an interview.
 * `value` is set only when there are no errors; warnings may come with it.
 */
export function loadInterview(text: string, file: string, options: LoadInterviewOptions = {}): { value?: Interview; diagnostics: Diagnostic[] } {
  const result = loadYaml(text, file, interviewSchema, { what: 'an interview file', example: MINIMAL });
  if (!result.value || !result.source) {
    // Unknown question ids are worth reporting with the other problems, when the ids themselves are readable.
    const questions = questionsOf(result.data);
    if (options.guide && questions && result.source) {
      const stand = { questions } as unknown as Interview;
      rememberSource(stand, result.source);
      const unknown = checkQuestionIds(stand, options.guide);
      if (unknown.length > 0) return { diagnostics: sortDiagnostics([...result.diagnostics, ...unknown]) };
    }
    return { diagnostics: result.diagnostics };
  }
  rememberSource(result.value, result.source);
  if (options.guide) {
    const unknown = checkQuestionIds(result.value, options.guide);
    if (unknown.length > 0) return { diagnostics: sortDiagnostics([...result.diagnostics, ...unknown]) };
  }
  return { value: result.value, diagnostics: result.diagnostics };
}
