/**
 * The form's fields: one per field of interview.yaml, named by its dotted
 * path (the `name` of its control, and the `field` of a diagnostic about it).
 * The help text is this table's, followed by the schema's own description
 * and example where it has one.
 */
import { interviewJsonSchema } from '../load/json-schema.js';
import { MEETING_FORMATS } from '../load/schema.js';

/** How a field is edited: a line of text, lines of a list, a number, a choice, a yes/no. */
export type FieldKind = 'text' | 'long-text' | 'list' | 'email' | 'url' | 'date' | 'time' | 'minutes' | 'format' | 'yes-no';

export interface Field {
  /** Dotted path, e.g. "student.name". */
  readonly path: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly help?: string;
  readonly required?: boolean;
}

/** A group of fields, as interview.yaml has them under one key. */
export interface Section {
  readonly key: 'student' | 'mentor' | 'organization' | 'meeting' | 'notes';
  readonly title: string;
  readonly fields: readonly Field[];
}

const list = 'One per line.';

export const BEFORE_SECTIONS: readonly Section[] = [
  {
    key: 'student',
    title: 'You',
    fields: [
      { path: 'student.name', label: 'Your name', kind: 'text', required: true },
      { path: 'student.email', label: 'Your email', kind: 'email', help: 'Printed on the question sheet and used in the thank-you email.' },
      { path: 'student.phone', label: 'Your phone', kind: 'text' },
      { path: 'student.linkedin', label: 'Your LinkedIn profile', kind: 'url' },
      { path: 'student.program', label: 'Your program of study', kind: 'text' },
      { path: 'student.school', label: 'Your school', kind: 'text' },
      { path: 'student.goals', label: 'Your goals for the meeting', kind: 'list', help: `What you want to learn. ${list}` },
      { path: 'student.strengths', label: 'Your strengths', kind: 'list', help: `What you would like the mentor to know you are good at. ${list}` },
      { path: 'student.background', label: 'Your background', kind: 'long-text', help: 'A sentence or two about your experience so far.' },
    ],
  },
  {
    key: 'mentor',
    title: 'The person you will meet',
    fields: [
      { path: 'mentor.name', label: 'Mentor’s name', kind: 'text', required: true },
      { path: 'mentor.salutation', label: 'How to address them', kind: 'text', help: 'e.g. "Dr. Núñez" or "José"; chosen from the name and title when empty.' },
      { path: 'mentor.pronouns', label: 'Mentor’s pronouns', kind: 'text' },
      { path: 'mentor.title', label: 'Mentor’s position', kind: 'text' },
      { path: 'mentor.department', label: 'Mentor’s department', kind: 'text' },
      { path: 'mentor.program', label: 'Mentor’s academic program', kind: 'text' },
      { path: 'mentor.email', label: 'Mentor’s email', kind: 'email', help: 'The thank-you email is addressed to it.' },
      { path: 'mentor.phone', label: 'Mentor’s phone', kind: 'text' },
      { path: 'mentor.linkedin', label: 'Mentor’s LinkedIn profile', kind: 'url' },
    ],
  },
  {
    key: 'organization',
    title: 'The organization',
    fields: [
      { path: 'organization.name', label: 'Organization’s name', kind: 'text', required: true },
      { path: 'organization.website', label: 'Website', kind: 'url' },
      { path: 'organization.industry', label: 'Industry', kind: 'text' },
      { path: 'organization.location', label: 'Location', kind: 'text' },
      { path: 'organization.mission', label: 'Mission', kind: 'long-text', help: 'Leave it empty and the packet asks you to find it.' },
      { path: 'organization.research', label: 'What you found out about it', kind: 'list', help: `Facts from your research, with where you read them. ${list}` },
    ],
  },
  {
    key: 'meeting',
    title: 'The meeting',
    fields: [
      { path: 'meeting.date', label: 'Date', kind: 'date' },
      { path: 'meeting.time', label: 'Time', kind: 'time' },
      { path: 'meeting.timezone', label: 'Time zone', kind: 'text', help: 'This computer’s when empty.' },
      { path: 'meeting.minutes', label: 'Length in minutes', kind: 'minutes', help: 'The time plan of the questions follows it.' },
      { path: 'meeting.format', label: 'Where you meet', kind: 'format' },
      { path: 'meeting.location', label: 'Address', kind: 'text', help: 'For a meeting in person.' },
      { path: 'meeting.link', label: 'Call link', kind: 'url', help: 'For a video call.' },
    ],
  },
];

export const NOTES_SECTION: Section = {
  key: 'notes',
  title: 'Your notes',
  fields: [
    { path: 'notes.learned', label: 'What you learned', kind: 'list', help: list },
    { path: 'notes.advice', label: 'The best advice you were given', kind: 'long-text' },
    { path: 'notes.referrals', label: 'People they suggested you contact', kind: 'list', help: list },
    { path: 'notes.next_steps', label: 'Your next steps', kind: 'list', help: list },
    { path: 'notes.influence', label: 'How the meeting changes your plans', kind: 'long-text' },
    { path: 'notes.business_card', label: 'They gave you a business card', kind: 'yes-no' },
  ],
};

/** The custom questions, under the question bank. */
export const CUSTOM_QUESTIONS: Field = { path: 'questions.custom', label: 'Your own questions', kind: 'list', help: `Each takes about 2 minutes of the plan. ${list}` };

export const ALL_FIELDS: readonly Field[] = [...BEFORE_SECTIONS.flatMap((s) => s.fields), CUSTOM_QUESTIONS, ...NOTES_SECTION.fields];

export const FORMAT_LABELS: Record<(typeof MEETING_FORMATS)[number], string> = { 'in-person': 'In person', phone: 'By phone', video: 'On a video call' };

let jsonSchema: Record<string, unknown> | undefined;

/** The schema's description and first example of the field at `path`, as one sentence of help. */
export function schemaHelp(path: string): string | undefined {
  jsonSchema ??= interviewJsonSchema();
  let node = jsonSchema as { properties?: Record<string, unknown> };
  for (const key of path.split('.')) {
    const next = node.properties?.[key] as typeof node | undefined;
    if (!next) return undefined;
    node = next;
  }
  const { description, examples } = node as { description?: string; examples?: unknown[] };
  const parts = [description, examples?.[0] !== undefined ? `e.g. ${String(examples[0])}` : undefined].filter(Boolean);
  return parts.length > 0 ? `${parts.join(', ')}.` : undefined;
}
