/**
 * The thank-you letter's view model: what the `thank-you-<tone>` templates say,
 * computed from the interview and its notes.
 *
 * Nothing is invented: where a note is missing the view leaves the field empty
 * and the template prints a bracketed prompt ("[one thing you learned]") for
 * the student to fill in. Values from interview.yaml are escaped for Markdown
 * here, once; the templates' own words are trusted.
 *
 * @example
 * const { view, warnings } = buildThankYouView(interview, { tone: 'warm', mode: 'letter', timezone: 'America/New_York' });
 * const markdown = renderer.render(thankYouTemplate('warm'), view);
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Interview, Notes } from '../load/schema.js';
import { escapeMarkdown, escapeView, markdownLink, trusted, type Markdown } from '../render/escape-markdown.js';
import type { DocumentMeta } from '../tree/types.js';
import { chooseSalutation } from './salutation.js';
import { planFollowUp, type FollowUpPlan } from '../schedule/follow-up-plan.js';
import { addDays, formatDate, formatDateTime, formatLongDate, formatMonthDay } from '../schedule/time.js';

/** Formats the thank-you command can write. */
export const THANK_YOU_FORMATS = ['docx', 'pdf', 'txt', 'eml', 'md', 'ics'] as const;
export type ThankYouFormat = (typeof THANK_YOU_FORMATS)[number];
/** What `thank-you` writes when no --format is given. */
export const DEFAULT_THANK_YOU_FORMATS: readonly ThankYouFormat[] = ['docx', 'pdf', 'txt', 'eml'];

/** The bundled tones; any tone with a template `thank-you-<tone>.md.hbs` (bundled or in --templates) can be used. */
export const THANK_YOU_TONES = ['formal', 'warm'] as const;
/** A tone: the name of a `thank-you-<tone>` template. */
export type ThankYouTone = string;
/** The tone used unless another is asked for; its files carry no tone in their names. */
export const DEFAULT_TONE = 'formal';

/** The tones a set of template names offers: "thank-you-casual" → "casual". */
export function tonesOf(templateNames: readonly string[]): string[] {
  return templateNames.flatMap((n) => (/^thank-you-([a-z0-9][a-z0-9-]*)$/i.exec(n)?.[1] ?? [])).sort();
}

/** "thank-you" for the default tone, "thank-you-warm" for another: the stem of the letter's file names. */
export function thankYouFileStem(tone: ThankYouTone): string {
  return tone === DEFAULT_TONE ? 'thank-you' : `thank-you-${tone}`;
}

/**
 * `letter`: the editable draft (DOCX, md): a letter with sender, date and
 * recipient, headed by a note on when to send it and what to check.
 * `print`: the same letter without the note, ready to sign (PDF).
 * `email`: the body of an email (.txt, .eml): the note, then the message
 * signed with the student's contact lines; no sender block, date or recipient.
 */
export type ThankYouMode = 'letter' | 'print' | 'email';

export interface ThankYouViewOptions {
  readonly tone?: ThankYouTone;
  readonly mode?: ThankYouMode;
  /** IANA zone for a meeting whose YAML has no `meeting.timezone`; UTC when absent. */
  readonly timezone?: string;
}

/** The name of the template for a tone. */
export function thankYouTemplate(tone: ThankYouTone): string {
  return `thank-you-${tone}`;
}

/** Phrases that follow "Thank you for …", by meeting format. */
function meetingPhrase(interview: Interview): string {
  switch (interview.meeting.format) {
    case 'phone':
      return 'speaking with me by phone';
    case 'video':
      return 'making time for our video call';
    case 'in-person':
      return `meeting with me at ${interview.organization.name}`;
  }
}

/** A note as a piece of a sentence: single spaces, no closing full stop, colon or comma. */
export function notePiece(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/[\s.,;:]+$/u, '');
}

/** "A", "A and B", "A, B and C"; with semicolons when an item has a comma of its own ("A, x; and B"). */
function joinNames(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  const [sep, last] = items.some((i) => i.includes(',')) ? ['; ', '; and '] : [', ', ' and '];
  return `${items.slice(0, -1).join(sep)}${last}${items[items.length - 1]}`;
}

/** Third-person pronouns that would read oddly in a letter addressed to the mentor. */
const THIRD_PERSON: Readonly<Record<string, RegExp>> = {
  he: /\b(he|him|his|himself)\b/i,
  she: /\b(she|her|hers|herself)\b/i,
};

/** Warns when notes speak of the mentor as "he"/"she": the letter talks to them. */
function checkNotesVoice(interview: Interview): Diagnostic[] {
  const first = interview.mentor.pronouns?.trim().toLowerCase().split(/[\s/,;]+/)[0] ?? '';
  const pattern = THIRD_PERSON[first];
  const notes = interview.notes;
  if (!pattern || !notes) return [];
  const fields: [string, string | undefined][] = [
    ...(notes.learned ?? []).slice(0, 2).map((v, i): [string, string] => [`notes.learned[${i}]`, v]),
    ['notes.advice', notes.advice],
  ];
  return fields
    .filter(([, v]) => v !== undefined && pattern.test(v))
    .map(([field, v]) => ({
      severity: 'warning' as const,
      field,
      message: `${field} speaks of ${interview.mentor.name} as "${pattern.exec(v!)![0]}", but the letter is addressed to them`,
      hints: ['edit the draft so it says "you" and "your" where the note says "he" or "his" (or "she" or "her")'],
    }));
}

/** Lines as one Markdown paragraph, each ended by a hard line break. */
function linesBlock(lines: readonly string[]): Markdown {
  return trusted(lines.join('\\\n'));
}

/** The student's name and contact lines (sender block, email signature), built from checked values. */
function senderLines(interview: Interview): string[] {
  const s = interview.student;
  const lines = [escapeMarkdown(s.name)];
  const program = [s.program, s.school].filter(Boolean).join(', ');
  if (program) lines.push(escapeMarkdown(program));
  if (s.email) lines.push(markdownLink(`mailto:${s.email}`, s.email));
  if (s.phone) lines.push(escapeMarkdown(s.phone));
  if (s.linkedin) lines.push(markdownLink(s.linkedin, s.linkedin.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '')));
  return lines;
}

/** The mentor's name, position and organization, for the recipient block. */
function recipientLines(interview: Interview): string[] {
  const { mentor, organization } = interview;
  return [mentor.name, mentor.title, mentor.department, organization.name].filter((v): v is string => Boolean(v)).map(escapeMarkdown);
}

/** The subject line of the email: "Thank you — informational interview on December 3". */
export function thankYouSubject(plan: FollowUpPlan): string {
  return plan.meetingDay ? `Thank you — informational interview on ${formatMonthDay(plan.meetingDay)}` : 'Thank you for the informational interview';
}

/** "Friday, December 4, 2026, 2:30 PM" (or the day alone when the meeting has no time). */
export function formatSendBy(plan: FollowUpPlan): string | undefined {
  if (plan.sendBy) return formatDateTime(plan.sendBy.wall);
  if (plan.meetingDay) return `the end of ${formatLongDate(addDays(plan.meetingDay, 1))}`;
  return undefined;
}

/** The view the thank-you templates render, and warnings about the notes. */
export function buildThankYouView(interview: Interview, options: ThankYouViewOptions = {}): { view: object; warnings: Diagnostic[] } {
  const mode = options.mode ?? 'letter';
  const { plan, diagnostics } = planFollowUp(interview, { timezone: options.timezone });
  const notes: Notes = interview.notes ?? {};
  const salutation = chooseSalutation(interview.mentor);

  const learned = (notes.learned ?? []).map(notePiece).filter(Boolean).slice(0, 2);
  const nextSteps = (notes.next_steps ?? []).map(notePiece).filter(Boolean);
  const referrals = (notes.referrals ?? []).map(notePiece).filter(Boolean);
  const advice = notes.advice ? notePiece(notes.advice) : '';
  const influence = notes.influence ? notePiece(notes.influence) : '';

  const missing = [
    learned.length === 0 ? 'notes.learned' : undefined,
    advice ? undefined : 'notes.advice',
    influence || nextSteps.length > 0 ? undefined : 'notes.influence',
  ].filter((f): f is string => f !== undefined);
  const warnings: Diagnostic[] = [...diagnostics, ...checkNotesVoice(interview)];
  if (salutation.unsure) {
    warnings.push({
      severity: 'warning',
      field: 'mentor.family_name',
      message: `the letter says "Dear ${salutation.salutation}," with the whole name: ${salutation.unsure}`,
      hints: [
        `add mentor.family_name (e.g. family_name: ${salutation.plainName.split(' ')[0]}) or write the greeting in mentor.salutation (e.g. salutation: ${salutation.salutation.split(' ')[0]} ${salutation.plainName.split(' ')[0]})`,
      ],
    });
  }
  if (missing.length > 0) {
    warnings.push({
      severity: 'warning',
      field: 'notes',
      message: `the thank-you draft has [bracketed] prompts to fill in: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} empty`,
      hints: ['add them under notes: in the interview file, or pass the filled question sheet with --from-notes'],
    });
  }

  const data = {
    salutation: salutation.salutation,
    subject: thankYouSubject(plan),
    date: plan.meetingDay ? formatDate(plan.meetingDay) : undefined,
    sendBy: formatSendBy(plan),
    meeting: {
      phrase: meetingPhrase(interview),
      day: plan.meetingDay ? formatLongDate(plan.meetingDay).replace(/, \d{4}$/, '') : undefined,
      format: interview.meeting.format,
    },
    student: { name: interview.student.name },
    mentor: { name: interview.mentor.name, title: interview.mentor.title },
    organization: { name: interview.organization.name },
    learned,
    advice: advice || undefined,
    influence: influence || undefined,
    nextSteps,
    referrals: referrals.length > 0 ? joinNames(referrals) : undefined,
  };
  const view = {
    ...escapeView(data),
    tone: options.tone ?? 'formal',
    letter: mode !== 'email',
    draftNote: mode !== 'print',
    referralsPlural: referrals.length > 1,
    sender: linesBlock(senderLines(interview)),
    recipient: linesBlock(recipientLines(interview)),
  };
  return { view, warnings };
}

/** Title, author and subject of the thank-you documents: a letter, with no running header, footer or page number. */
export function thankYouMeta(interview: Interview): DocumentMeta {
  return {
    kind: 'letter',
    title: `Thank-you note to ${interview.mentor.name}`,
    author: interview.student.name,
    subject: `Thank-you note after an informational interview with ${interview.mentor.name} at ${interview.organization.name}`,
    language: 'en-US',
  };
}
