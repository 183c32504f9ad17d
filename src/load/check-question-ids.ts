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
import { originOf, type Origin } from './yaml-source.js';

/**
 * Errors for ids the guide doesn't have (interview files and roster rows
 * alike). `origin` places them; by default the document `interview` was
 * loaded from by loadInterview, if any.
 */
export function checkQuestionIds(interview: Interview, guide: Guide, origin?: Origin): Diagnostic[] {
  const groupIds = guide.question_groups.map((g) => g.id);
  const questionIds = guide.question_groups.flatMap((g) => g.questions.map((q) => q.id));
  const known = new Set([...groupIds, ...questionIds]);
  const source = sourceOf(interview);
  const from = origin ?? (source ? originOf(source) : undefined);
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
        ...(from ? { file: from.file } : {}),
        field: `questions.${list}`,
        ...from?.locate(['questions', list, i]),
        hints,
      });
    });
  }
  return diagnostics;
}
