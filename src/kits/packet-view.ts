/**
 * The view a packet or question-sheet template renders: the interview's own
 * values (escaped for Markdown by `escapeView`), the guide (trusted), and
 * what the kit computes — formatted dates, the research checklist, the
 * selected questions and the time plan.
 */
import { sheetOwnerKeyword } from '../load/sheet-owner.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Guide } from '../load/content-schema.js';
import type { Interview } from '../load/schema.js';
import { escapeView, trustView, trusted, escapeMarkdown, markdownLink, type Markdown } from '../render/escape-markdown.js';
import { typesetValue } from '../render/typeset-value.js';
import type { DocumentMeta } from '../tree/types.js';
import { withMeetingLength } from './guide-minutes.js';
import { meetingTimes } from '../schedule/meeting-times.js';
import { checkPractice, questionMinutes } from './practice-checks.js';
import { researchTasks } from './research.js';
import { allQuestions, selectQuestions, type SelectedGroup } from './select-questions.js';

const FORMAT_LABELS = { 'in-person': 'In person', phone: 'By phone', video: 'Video call' } as const;

/** One row of the time plan. */
export interface TimePlanRow {
  readonly range: string;
  readonly minutes: number;
  readonly what: Markdown;
}

/** Options of a kit's view. */
export interface PacketViewOptions {
  /** IANA zone for the thank-you deadline when the interview names none. */
  readonly timezone?: string;
}

/** Builds the packet/question-sheet view and the practice warnings. */
export function buildPacketView(interview: Interview, guide: Guide, options: PacketViewOptions = {}): { view: object; warnings: Diagnostic[] } {
  const groups = selectQuestions(interview, guide);
  const { times, diagnostics } = meetingTimes(interview, options.timezone);
  const warnings = [...diagnostics, ...checkPractice(interview, guide, groups)];
  const meeting = interview.meeting;
  const questionCount = allQuestions(groups).length;

  const computed = {
    meeting: {
      date: times.date,
      shortDate: times.shortDate,
      time: times.range,
      minutes: meeting.minutes,
      format: FORMAT_LABELS[meeting.format],
      isVideo: meeting.format === 'video',
      isPhone: meeting.format === 'phone',
      isInPerson: meeting.format === 'in-person',
    },
    thankYouDue: times.thankYouDue,
    questionCount,
    questionMinutes: questionMinutes(interview, guide),
  };

  const view = {
    ...escapeView({ student: interview.student, mentor: interview.mentor, organization: interview.organization, meetingInput: meeting, computed }),
    guide: trustView(withMeetingLength(guide, meeting.minutes)),
    links: {
      website: interview.organization.website ? linkTo(interview.organization.website) : undefined,
      mentorLinkedin: interview.mentor.linkedin ? linkTo(interview.mentor.linkedin) : undefined,
      meetingLink: meeting.link ? linkTo(meeting.link) : undefined,
      mentorEmail: interview.mentor.email ? linkTo(`mailto:${interview.mentor.email}`, interview.mentor.email) : undefined,
    },
    research: {
      student: researchTasks(interview, guide, 'student'),
      mentor: researchTasks(interview, guide, 'mentor'),
      organization: researchTasks(interview, guide, 'organization'),
    },
    questionGroups: questionGroupsView(groups),
    timePlan: timePlan(interview, guide, questionCount),
  };
  return { view, warnings };
}

/** Title, author and footer of a kit document. */
export function kitMeta(interview: Interview, title: string): DocumentMeta {
  const { times } = meetingTimes(interview);
  const when = times.shortDate ? ` · ${times.shortDate}` : '';
  return {
    title: `${title}: ${interview.student.name} meets ${interview.mentor.name} (${interview.organization.name})`,
    author: interview.student.name,
    subject: `Informational interview with ${interview.mentor.name} at ${interview.organization.name}`,
    language: 'en-US',
    footer: `${typesetValue(interview.student.name)} · ${typesetValue(interview.mentor.name)}, ${typesetValue(interview.organization.name)}${when}`,
    keywords: [sheetOwnerKeyword(interview)],
  };
}

function questionGroupsView(groups: readonly SelectedGroup[]) {
  return groups.map((g) => ({
    id: g.id,
    title: trusted(g.title),
    questions: g.questions.map((q) => ({
      number: q.number,
      field: `answer-${q.id}`,
      // Guide questions are trusted Markdown; custom ones are the student's text.
      text: q.custom ? trusted(escapeMarkdown(q.text)) : trusted(q.text),
      why: q.why ? trusted(q.why) : undefined,
      minutes: q.minutes,
    })),
  }));
}

function timePlan(interview: Interview, guide: Guide, questionCount: number): TimePlanRow[] {
  const plan = guide.time_plan;
  const total = interview.meeting.minutes;
  const forQuestions = questionMinutes(interview, guide);
  const opening = Math.min(plan.opening_minutes, total);
  const rows: [number, string][] = [
    [opening, plan.opening],
    [forQuestions, `${plan.questions} (${questionCount} ${questionCount === 1 ? 'question' : 'questions'})`],
    [Math.max(0, total - opening - forQuestions), plan.closing],
  ];
  let at = 0;
  return rows
    .filter(([minutes]) => minutes > 0)
    .map(([minutes, what]) => {
      const range = `${clock(at)}–${clock(at + minutes)}`;
      at += minutes;
      return { range, minutes, what: trusted(what) };
    });
}

/** "0:00", "1:05" as minutes into the meeting. */
function clock(minutes: number): string {
  const whole = Math.round(minutes);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** A Markdown link to a checked URL whose text is the URL without its scheme (or `text`). */
function linkTo(url: string, text = url): Markdown {
  return trusted(markdownLink(url, text.replace(/^https?:\/\//, '').replace(/^mailto:/, '').replace(/\/$/, '')));
}
