/**
 * Practice-aware checks on an interview: warnings, never failures. They say
 * what an experienced career adviser would say before the meeting.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Guide } from '../load/content-schema.js';
import type { Interview } from '../load/schema.js';
import { allQuestions, type SelectedGroup } from './select-questions.js';

const JOB_REQUEST = /\b(hire|hiring|job openings?|openings? for me|give me a job|a job for me|any jobs?|apply for|internship for me|recommend me for|refer me)\b/i;

/** Warnings about the chosen questions and the meeting's length. */
export function checkPractice(interview: Interview, guide: Guide, groups: readonly SelectedGroup[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const questions = allQuestions(groups);
  const available = questionMinutes(interview, guide);
  const needed = questions.reduce((sum, q) => sum + q.minutes, 0);
  if (questions.length === 0) {
    out.push({ severity: 'warning', field: 'questions', message: 'no questions are selected', hints: ['list question ids or groups under questions.include (see `interview-kit questions`)'] });
  } else if (needed > available) {
    out.push({
      severity: 'warning',
      field: 'questions',
      message: `the ${questions.length} chosen questions need about ${formatMinutes(needed)} minutes, but a ${interview.meeting.minutes}-minute meeting leaves about ${formatMinutes(available)} for questions`,
      hints: ['pick fewer questions (questions.include / questions.exclude), mark your must-asks first, or agree on a longer meeting (meeting.minutes)'],
    });
  }
  const covered = new Set(groups.map((g) => g.id));
  const missing = guide.question_groups.filter((g) => !covered.has(g.id));
  if (questions.length > 0 && missing.length > 0) {
    out.push({
      severity: 'warning',
      field: 'questions.include',
      message: `no questions ${missing.map((g) => `"${g.title}" (${g.id})`).join(' or ')}`,
      hints: [
        `a balanced interview asks about the field, the organization and the person: add ${missing.map((g) => g.id).join(' and ')} to questions.include (the whole group), or one of its question ids (see \`interview-kit questions\`)`,
      ],
    });
  }
  (interview.questions?.custom ?? []).forEach((text, i) => {
    if (JOB_REQUEST.test(text)) {
      out.push({
        severity: 'warning',
        field: `questions.custom[${i}]`,
        message: `custom question ${i + 1} asks for a job: "${text}"`,
        hints: ['an informational interview is for information, not a job request; ask how people get hired there instead'],
      });
    }
  });
  return out;
}

/** Minutes of the meeting left for questions after the opening and the close. */
export function questionMinutes(interview: Interview, guide: Guide): number {
  const { opening_minutes, closing_minutes } = guide.time_plan;
  return Math.max(1, interview.meeting.minutes - opening_minutes - closing_minutes);
}

function formatMinutes(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
