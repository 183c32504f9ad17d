/**
 * The view of the generic handout: the guide itself (trusted Markdown), the
 * questions numbered through all groups, a time plan for a default-length
 * meeting, and the career office's name and contact lines (escaped: they
 * come from kit.yaml, not from the guide).
 *
 * @example
 * const view = buildHandoutView(guide, theme.office);
 * renderer.render('handout', view);
 */
import type { Guide } from '../load/content-schema.js';
import { escapeView, trustView } from '../render/escape-markdown.js';
import type { DocumentMeta } from '../tree/types.js';
import type { Office } from '../theme.js';
import { withMeetingLength } from './guide-minutes.js';

/** Output formats of the handout. */
export const HANDOUT_FORMATS = ['pdf', 'docx', 'md'] as const;
/** One of {@link HANDOUT_FORMATS}. */
export type HandoutFormat = (typeof HANDOUT_FORMATS)[number];

/** Options of {@link buildHandoutView}. */
export interface HandoutViewOptions {
  /** Meeting length for the time plan (default 20 minutes). */
  readonly minutes?: number;
  /** Ruled lines under each question of the bank (default 2). */
  readonly lines?: number;
  /** Blank questions on the question sheet (default 6). */
  readonly sheetQuestions?: number;
}

/** Builds the handout's view model. */
export function buildHandoutView(guide: Guide, office?: Office, options: HandoutViewOptions = {}): object {
  const minutes = options.minutes ?? 20;
  let number = 0;
  const groups = guide.question_groups.map((group) => ({
    ...group,
    questions: group.questions.map((q) => ({ ...q, number: ++number })),
  }));
  const plan = guide.time_plan;
  const opening = Math.min(plan.opening_minutes, minutes);
  const closing = Math.min(plan.closing_minutes, Math.max(0, minutes - opening));
  const rows: [number, string][] = [
    [opening, plan.opening],
    [minutes - opening - closing, plan.questions],
    [closing, plan.closing],
  ];
  let at = 0;
  const timePlan = rows
    .filter(([m]) => m > 0)
    .map(([m, what]) => {
      const range = `${clock(at)}–${clock(at + m)}`;
      at += m;
      return { range, minutes: m, what };
    });
  return {
    guide: trustView({ ...withMeetingLength(guide, minutes), question_groups: groups }),
    timePlan: trustView(timePlan),
    office: office ? escapeView({ name: office.name, contact: [...office.contact] }) : undefined,
    minutes,
    lines: options.lines ?? 2,
    sheetQuestions: Array.from({ length: options.sheetQuestions ?? 6 }, (_, i) => i + 1),
  };
}

/** Title, author and footer of the handout. */
export function handoutMeta(guide: Guide, office?: Office): DocumentMeta {
  return {
    title: guide.subtitle ? `${guide.title}: ${guide.subtitle}` : guide.title,
    author: office?.name ?? 'interview-kit',
    subject: 'A guide to informational interviews, with a question sheet',
    language: 'en-US',
    footer: office?.name ? `${guide.title} · ${office.name}` : guide.title,
  };
}

/** "0:00", "1:05": minutes into the meeting. */
function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
