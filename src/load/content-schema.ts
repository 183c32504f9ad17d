/**
 * The contract of `content/guide.yaml`: the informational-interview guide itself.
 *
 * Strings may use inline Markdown (**bold**, *italic*, [links](https://…)):
 * guide content is trusted, unlike interview data, which is escaped.
 * A career office can point `--content` at its own folder with a file of this shape.
 */
import { z } from 'zod';

const md = () => z.string().trim().min(1);
const mdList = () => z.array(md()).min(1);

/** A stable id: lowercase words joined by hyphens. */
const id = () => z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');

export const questionSchema = z.strictObject({
  id: id(),
  text: md(),
  /** Why it is worth asking, or what to listen for. */
  why: md().optional(),
  /** Part of the short default selection when `questions.include` is absent. */
  starter: z.boolean().default(false),
  /** Minutes the answer usually takes. */
  minutes: z.number().positive().default(2),
});

export const questionGroupSchema = z.strictObject({
  id: id(),
  title: md(),
  intro: md().optional(),
  questions: z.array(questionSchema).min(1),
});

export const guideSchema = z.strictObject({
  title: md(),
  subtitle: md().optional(),
  /** What an informational interview is. */
  what_it_is: mdList(),
  /** Where and how it can happen. */
  settings: mdList(),
  reasons: z.strictObject({ title: md(), items: mdList() }),
  preparation: z.strictObject({
    title: md(),
    /** It is for information, not to ask for a job. */
    purpose: md(),
    know_yourself: z.strictObject({ title: md(), intro: md(), steps: mdList() }),
    know_mentor: z.strictObject({ title: md(), intro: md(), steps: mdList() }),
    know_organization: z.strictObject({
      title: md(),
      intro: md(),
      sources: z.array(z.strictObject({ name: md(), tip: md() })).min(1),
    }),
    /**
     * A research task for each interview field the student left empty, keyed by
     * the field's dotted path. `{mentor}` and `{organization}` are replaced by the names.
     */
    research_prompts: z.record(z.string(), md()),
  }),
  professional: z.strictObject({ title: md(), intro: md().optional(), reminders: mdList() }),
  time_plan: z.strictObject({
    title: md(),
    /** Minutes kept for greetings and purpose at the start. */
    opening_minutes: z.number().positive(),
    /** Minutes kept for the close at the end. */
    closing_minutes: z.number().positive(),
    opening: md(),
    questions: md(),
    closing: md(),
  }),
  question_groups: z.array(questionGroupSchema).min(1),
  closing: z.strictObject({ title: md(), intro: md().optional(), steps: mdList() }),
  after: z.strictObject({ title: md(), intro: md().optional(), steps: mdList() }),
});

/** The validated guide content. */
export type Guide = z.output<typeof guideSchema>;
/** One question of the bank. */
export type Question = z.output<typeof questionSchema>;
/** One group of the question bank. */
export type QuestionGroup = z.output<typeof questionGroupSchema>;
