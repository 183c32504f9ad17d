/**
 * Checks a row's `questions.include` and `questions.exclude` against the
 * guide's question bank: each entry must be a group id or a question id.
 *
 * @example
 * checkQuestionChoices(interview, guide); // [{ field: 'questions.include', message: 'unknown question "carrer-field"', ... }]
 */
import { suggestName } from '../config/describe-issue.js';
import type { Guide } from '../load/content-schema.js';
import type { Interview } from '../load/schema.js';

/** One unknown id. */
export interface QuestionChoiceProblem {
  readonly field: 'questions.include' | 'questions.exclude';
  readonly message: string;
  readonly hints: readonly string[];
}

/** Every id the bank knows: group ids, then question ids. */
export function questionBankIds(guide: Guide): string[] {
  return [...guide.question_groups.map((g) => g.id), ...guide.question_groups.flatMap((g) => g.questions.map((q) => q.id))];
}

/** The unknown ids of one interview. */
export function checkQuestionChoices(interview: Interview, guide: Guide, known = questionBankIds(guide)): QuestionChoiceProblem[] {
  const problems: QuestionChoiceProblem[] = [];
  const set = new Set(known);
  for (const field of ['include', 'exclude'] as const) {
    for (const id of interview.questions?.[field] ?? []) {
      if (set.has(id)) continue;
      const suggestion = suggestName(id, known);
      problems.push({
        field: `questions.${field}`,
        message: `questions.${field} names an unknown question or group ("${id}")`,
        hints: [suggestion ? `did you mean "${suggestion}"?` : 'run `interview-kit questions` to list the ids'],
      });
    }
  }
  return problems;
}
