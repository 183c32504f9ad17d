/**
 * Checks that every id in `questions.include` and `questions.exclude` names a
 * question or a group of the guide, pointing at the id in the interview file.
 *
 * @example
 * checkQuestionIds(interview, guide);
 * // [{ message: 'unknown question or group "like-bets" in questions.include', hints: ['did you mean "like-best"?'], line: 52, ... }]
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Guide } from './content-schema.js';
import type { Interview } from './schema.js';
import { sourceOf } from './source-registry.js';
import { suggestClosest } from './suggest.js';
import { parseYamlSource } from './yaml-source.js';

const normaliseNewlines = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

/**
 * Errors for ids the guide doesn't have. They are positioned when `interview`
 * came from loadInterview, or when the file's `text` and name are given.
 */
export function checkQuestionIds(interview: Interview, guide: Guide, text?: string, file?: string): Diagnostic[] {
  const groupIds = guide.question_groups.map((g) => g.id);
  const questionIds = guide.question_groups.flatMap((g) => g.questions.map((q) => q.id));
  const known = new Set([...groupIds, ...questionIds]);
  const source = sourceOf(interview) ?? (text !== undefined ? parseYamlSource(normaliseNewlines(text), file ?? '') : undefined);
  const diagnostics: Diagnostic[] = [];
  for (const list of ['include', 'exclude'] as const) {
    const ids = interview.questions?.[list] ?? [];
    ids.forEach((id, i) => {
      if (typeof id !== 'string' || id === '' || known.has(id)) return;
      const guess = suggestClosest(id, [...groupIds, ...questionIds]);
      const hints = guess
        ? [`did you mean "${guess}"?`]
        : [`groups: ${groupIds.join(', ')}`, 'run "interview-kit questions" to list every question id'];
      diagnostics.push({
        severity: 'error',
        message: `unknown question or group "${id}" in questions.${list}`,
        file: source?.file,
        field: `questions.${list}`,
        ...(source ? source.locate(['questions', list, i]) : {}),
        hints,
      });
    });
  }
  return diagnostics;
}
