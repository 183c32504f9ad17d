/**
 * Which questions a kit asks: groups or ids from `questions.include` (the
 * guide's starter set when absent), minus `questions.exclude`, plus the
 * student's custom questions, in the guide's order.
 */
import type { Guide, Question } from '../load/content-schema.js';
import type { Interview } from '../load/schema.js';

/** A question as the kit numbers and prints it. */
export interface SelectedQuestion {
  /** 1-based number across the whole sheet. */
  readonly number: number;
  /** Stable id; custom questions are `custom-1`, `custom-2`, … */
  readonly id: string;
  readonly text: string;
  readonly why?: string;
  readonly minutes: number;
  readonly custom: boolean;
}

/** Questions grouped as in the guide; custom questions form a last group. */
export interface SelectedGroup {
  readonly id: string;
  readonly title: string;
  readonly questions: readonly SelectedQuestion[];
}

/** Minutes a custom question is assumed to take. */
export const CUSTOM_QUESTION_MINUTES = 2;

/** Selects and numbers the questions for an interview. */
export function selectQuestions(interview: Interview, guide: Guide): SelectedGroup[] {
  const include = interview.questions?.include;
  const exclude = new Set(interview.questions?.exclude ?? []);
  const wanted = (groupId: string, q: Question): boolean => {
    if (exclude.has(q.id) || exclude.has(groupId)) return false;
    if (!include) return q.starter;
    return include.includes(groupId) || include.includes(q.id);
  };
  let number = 0;
  const groups: SelectedGroup[] = [];
  for (const group of guide.question_groups) {
    const questions = group.questions
      .filter((q) => wanted(group.id, q))
      .map((q) => ({ number: ++number, id: q.id, text: q.text, why: q.why, minutes: q.minutes, custom: false }));
    if (questions.length > 0) groups.push({ id: group.id, title: group.title, questions });
  }
  const custom = (interview.questions?.custom ?? []).map((text, i) => ({
    number: ++number,
    id: `custom-${i + 1}`,
    text,
    minutes: CUSTOM_QUESTION_MINUTES,
    custom: true,
  }));
  if (custom.length > 0) groups.push({ id: 'custom', title: 'Your own questions', questions: custom });
  return groups;
}

/** Every selected question, in order. */
export function allQuestions(groups: readonly SelectedGroup[]): SelectedQuestion[] {
  return groups.flatMap((g) => g.questions);
}
