/**
 * The contract of `interview.yaml`: one informational-interview meeting.
 *
 * Only the three names are required. Objects are strict, so a misspelt key is
 * reported (with a did-you-mean) instead of silently ignored.
 *
 * @example
 * const result = interviewSchema.safeParse({
 *   student: { name: 'Maya Patel' }, mentor: { name: 'Dr. José Núñez' },
 *   organization: { name: 'Acme Health' },
 * });
 */
import { z } from 'zod';
import { isSafeUrl } from '../parse/safe-url.js';
import { withKind } from './field-kind.js';
import { resolveTimeZone } from './zone-names.js';

/**
 * One schema per kind of field, shared by every field of that kind: zod
 * schemas are immutable, and building each of them costs start-up time.
 */
function shared<A extends readonly unknown[], T>(make: (...args: A) => T): (...args: A) => T {
  const made = new Map<string, T>();
  return (...args) => {
    const key = JSON.stringify(args);
    let schema = made.get(key);
    if (schema === undefined) made.set(key, (schema = make(...args)));
    return schema;
  };
}

const text = shared((max: number = 2000) =>
  withKind(z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`), 'text'),
);
const shortText = () => text(300);

/** A list of lines; a single string is accepted as a one-item list. */
const textList = shared((max: number = 500) =>
  withKind(
    z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(text(max)).max(50, 'must have at most 50 items')),
    'text-list',
  ),
);


const url = shared(() =>
  withKind(
    z
      .string()
      .trim()
      .max(2000)
      .refine(isSafeUrl, { message: 'must be a web address starting with http://, https:// or mailto:' })
      .meta({ format: 'uri', pattern: '^(https?|mailto):', examples: ['https://acme.example'] })
      // Written once the way every writer will read it (the WHATWG URL parser's form): a lower-case
      // host, spaces and other unsafe characters percent-encoded, so the writers never see a link
      // that validation passed and they would refuse.
      .transform((v) => new URL(v).href),
    'url',
  ),
);

const email = shared(() => withKind(z.string().trim().max(320).email({ message: 'is not an email address' }), 'email'));

/** True when `value` is YYYY-MM-DD and names a day that exists. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const date = () =>
  withKind(
    z
      .string()
      .trim()
      .refine(isCalendarDate, { message: 'is not a date' })
      .meta({ description: 'YYYY-MM-DD', format: 'date', examples: ['2026-12-03'] }),
    'date',
  );

const time = () =>
  withKind(
    z
      .string()
      .trim()
      .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, { message: 'is not a time' })
      .meta({ description: '24-hour HH:MM, in quotes', examples: ['14:30'] }),
    'time',
  );

/** True for a time zone name the runtime knows (IANA names such as America/New_York, and UTC). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name (interview.yaml and kit.yaml). */
export const timeZoneSchema = withKind(
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .overwrite((v) => resolveTimeZone(v) ?? v)
    .refine((v) => resolveTimeZone(v) === v, { message: 'is not a time zone' })
    .meta({
      description: 'IANA time zone name; common names ("Eastern", "CET", "JST") and cities ("New York", "Mumbai") are accepted when they mean one zone',
      examples: ['America/New_York', 'Europe/Paris', 'Asia/Kolkata'],
    }),
  'timezone',
);

/** The length of a meeting in minutes (interview.yaml and kit.yaml). */
export const minutesSchema = withKind(
  z
    .number({ message: 'must be a number of minutes' })
    .int('must be a whole number of minutes')
    .min(5, 'must be at least 5 minutes')
    .max(240, 'must be at most 240 minutes'),
  'minutes',
);

export const MEETING_FORMATS = ['in-person', 'phone', 'video'] as const;

export const studentSchema = z.strictObject({
  name: shortText(),
  email: email().optional(),
  phone: shortText().optional(),
  linkedin: url().optional(),
  program: shortText().optional(),
  school: shortText().optional(),
  goals: textList().optional(),
  strengths: textList().optional(),
  background: text().optional(),
});

export const mentorSchema = z.strictObject({
  name: shortText(),
  /** How the letter addresses them, e.g. "Dr. Núñez" or "José"; chosen from name and title when absent. */
  salutation: shortText().optional(),
  /** The family name as the letter should use it, e.g. "Kim" in "Kim Min-jun" or "García López"; found from the name when absent. */
  family_name: shortText().optional(),
  pronouns: shortText().optional(),
  title: shortText().optional(),
  department: shortText().optional(),
  program: shortText().optional(),
  email: email().optional(),
  phone: shortText().optional(),
  linkedin: url().optional(),
});

export const organizationSchema = z.strictObject({
  name: shortText(),
  website: url().optional(),
  industry: shortText().optional(),
  location: shortText().optional(),
  mission: text().optional(),
  research: textList().optional(),
});

export const meetingSchema = z.strictObject({
  date: date().optional(),
  time: time().optional(),
  /** IANA time zone, e.g. America/New_York; the system's when absent. */
  timezone: timeZoneSchema.optional(),
  minutes: minutesSchema.default(20),
  format: z.enum(MEETING_FORMATS, { message: `must be one of: ${MEETING_FORMATS.join(', ')}` }).default('in-person'),
  location: shortText().optional(),
  link: url().optional(),
});

export const questionsSchema = z.strictObject({
  include: textList(100).optional(),
  exclude: textList(100).optional(),
  custom: textList().optional(),
});

export const notesSchema = z.strictObject({
  learned: textList().optional(),
  advice: text().optional(),
  referrals: textList().optional(),
  next_steps: textList().optional(),
  influence: text().optional(),
  business_card: z.boolean({ message: 'must be true or false' }).optional(),
});

export const interviewSchema = z.strictObject({
  student: studentSchema,
  mentor: mentorSchema,
  organization: organizationSchema,
  meeting: meetingSchema.default({ minutes: 20, format: 'in-person' }),
  questions: questionsSchema.optional(),
  notes: notesSchema.optional(),
});

/** A validated interview, defaults filled in. */
export type Interview = z.output<typeof interviewSchema>;

/** What a student wrote down in and after the meeting (`notes:`), as the thank-you letter uses it. */
export type Notes = NonNullable<Interview['notes']>;
/** An interview as a user may write it. */
export type InterviewInput = z.input<typeof interviewSchema>;
