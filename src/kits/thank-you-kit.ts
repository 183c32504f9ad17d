/**
 * The thank-you kit: one interview (with its notes) in, the letter draft out as
 * DOCX, PDF, plain text and an unsent .eml — plus, on request, its Markdown and
 * follow-up.ics. Bytes in, bytes out: no files, clock or console.
 *
 * Steps: view (kits/thank-you) → render (`thank-you-<tone>` template) → parse
 * → writers. The letter (PDF, DOCX, md) has the sender's block, date and
 * recipient and room to sign; the drafts the student edits (DOCX, md, .txt,
 * .eml) open with a note on when to send it, which the print PDF leaves out.
 *
 * @example
 * const { files, diagnostics } = await buildThankYou({
 *   interview, renderer, theme, fonts, formats: ['docx', 'pdf', 'txt', 'eml'], tone: 'warm', timezone: 'America/New_York',
 * });
 */
import type { Deflate } from '../write/deflate.js';
import { InputError, hasErrors, type Diagnostic } from '../diagnostics.js';
import type { Interview } from '../load/schema.js';
import { parseMarkdown } from '../parse/parse-markdown.js';
import type { Renderer } from '../render/render.js';
import type { Theme } from '../theme.js';
import type { Root } from '../tree/types.js';
import { writeDocx } from '../write/docx/index.js';
import { FIXED_TIMESTAMP } from '../write/options.js';
import type { FontSet } from '../write/pdf/index.js';
import { writePdf } from '../write/pdf/index.js';
import { stringsOf } from '../write/pdf/preflight.js';
import { writeText } from '../write/text/index.js';
import { DEFAULT_TONE, thankYouFileStem, buildThankYouView, thankYouMeta, thankYouSubject, thankYouTemplate, type ThankYouFormat, type ThankYouMode, type ThankYouTone } from './thank-you.js';
import { buildFollowUpCalendar, type CalendarRevision } from './follow-up-calendar.js';
import { interviewFingerprint } from '../schedule/ids.js';
import { planFollowUp } from '../schedule/follow-up-plan.js';

export { THANK_YOU_FORMATS, DEFAULT_THANK_YOU_FORMATS, type ThankYouFormat } from './thank-you.js';

export interface ThankYouRequest {
  /** A validated interview; merge notes read from a filled PDF in first (see load/merge-notes). */
  readonly interview: Interview;
  readonly renderer: Renderer;
  readonly theme: Theme;
  /** Required for `pdf`. */
  readonly fonts?: FontSet;
  readonly formats: readonly ThankYouFormat[];
  readonly tone?: ThankYouTone;
  /** IANA zone for a meeting whose YAML names none (the CLI passes --timezone or the system's). */
  readonly timezone?: string;
  /** Months after the meeting for progress reminders in follow-up.ics (default 1 and 3). */
  readonly progressMonths?: readonly number[];
  /** SEQUENCE and DTSTAMP of follow-up.ics, given its events' hash. */
  readonly reviseCalendar?: (content: string) => CalendarRevision;
  /** Seconds since the epoch (SOURCE_DATE_EPOCH) for document dates. */
  readonly timestamp?: number;
  /** zlib compressor for PDF streams and DOCX entries (the CLI passes Node's native zlib). */
  readonly deflate?: Deflate;
}

/** One output file, named relative to the student's folder. */
export interface ThankYouFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly pages?: number;
}

export interface ThankYouResult {
  readonly files: readonly ThankYouFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The letter rendered to Markdown and parsed. */
export interface RenderedThankYou {
  readonly markdown: string;
  readonly tree: Root;
  readonly warnings: readonly Diagnostic[];
}

/** Thrown when `pdf` is asked for without fonts. */
export class MissingFontsError extends Error {
  constructor() {
    super('the thank-you PDF needs fonts: pass `fonts` (the CLI reads them with readFontSet)');
    this.name = 'MissingFontsError';
  }
}

/** Renders the letter (or the email body) of one interview. */
export function renderThankYou(
  interview: Interview,
  renderer: Renderer,
  options: { readonly tone?: ThankYouTone; readonly mode?: ThankYouMode; readonly timezone?: string } = {},
): RenderedThankYou {
  const tone = options.tone ?? 'formal';
  const { view, warnings } = buildThankYouView(interview, { ...options, tone });
  const markdown = renderer.render(thankYouTemplate(tone), view);
  return { markdown, tree: parseMarkdown(markdown, thankYouMeta(interview)), warnings };
}

const encoder = new TextEncoder();

/** Builds the thank-you documents of one interview in the requested formats. */
export async function buildThankYou(request: ThankYouRequest): Promise<ThankYouResult> {
  const { interview, renderer, formats, timezone } = request;
  const tone = request.tone ?? DEFAULT_TONE;
  const stem = thankYouFileStem(tone);
  const letter = renderThankYou(interview, renderer, { tone, mode: 'letter', timezone });
  const diagnostics: Diagnostic[] = [...letter.warnings];
  if (hasErrors(diagnostics)) throw new InputError(diagnostics);

  const wantsEmail = formats.includes('txt') || formats.includes('eml');
  const email = wantsEmail ? renderThankYou(interview, renderer, { tone, mode: 'email', timezone }) : undefined;
  const print = formats.includes('pdf') ? renderThankYou(interview, renderer, { tone, mode: 'print', timezone }) : undefined;
  const options = { theme: request.theme, timestamp: request.timestamp, deflate: request.deflate };
  const files: ThankYouFile[] = [];

  for (const format of formats) {
    switch (format) {
      case 'docx':
        files.push({ name: `${stem}.docx`, bytes: await writeDocx(letter.tree, options) });
        break;
      case 'pdf': {
        if (!request.fonts) throw new MissingFontsError();
        const pdf = await writePdf(print!.tree, { ...options, fonts: request.fonts, forms: false, values: stringsOf(interview) });
        files.push({ name: `${stem}.pdf`, bytes: pdf.bytes, pages: pdf.pages });
        diagnostics.push(...pdf.warnings);
        break;
      }
      case 'md':
        files.push({ name: `${stem}.md`, bytes: encoder.encode(letter.markdown) });
        break;
      case 'txt':
        files.push({ name: `${stem}.txt`, bytes: encoder.encode(writeText(email!.tree)) });
        break;
      case 'eml':
        files.push({ name: `${stem}.eml`, bytes: await writeThankYouEml(interview, email!.tree, request) });
        break;
      case 'ics': {
        const calendar = buildFollowUpCalendar(interview, { timezone, progressMonths: request.progressMonths, timestamp: request.timestamp, revise: request.reviseCalendar });
        // The letter already reported the time-zone problems the calendar would repeat.
        diagnostics.push(...calendar.diagnostics.filter((d) => !diagnostics.some((seen) => seen.message === d.message)));
        if (calendar.bytes) files.push({ name: 'follow-up.ics', bytes: calendar.bytes, ...(calendar.revision ? { revision: calendar.revision } : {}) });
        break;
      }
    }
  }
  return { files, diagnostics };
}

/**
 * The .eml draft: from the student, to the mentor (when their addresses are known),
 * dated by the timestamp, else the meeting's end, else a fixed date.
 */
async function writeThankYouEml(interview: Interview, body: Root, request: ThankYouRequest): Promise<Uint8Array> {
  const { plan } = planFollowUp(interview, { timezone: request.timezone });
  const seconds = request.timestamp ?? (plan.meeting ? Math.floor(plan.meeting.end.at.getTime() / 1000) : FIXED_TIMESTAMP);
  const id = interviewFingerprint(interview);
  const tone = request.tone ?? 'formal';
  // Loaded on demand: the MIME library is large and only the .eml needs it.
  const { writeEml } = await import('../write/eml/index.js');
  return writeEml(body, {
    from: { name: interview.student.name, address: interview.student.email },
    to: { name: interview.mentor.name, address: interview.mentor.email },
    subject: thankYouSubject(plan),
    date: new Date(seconds * 1000),
    messageId: `<${id}.thank-you-${tone}@interview-kit.invalid>`,
    boundary: id,
  });
}
