/**
 * buildDocuments: the one path from input to documents, for every command
 * and the batch. Bytes in, bytes out: no files, no clock, no console (the
 * CLI does those).
 *
 * Each spec names what to build — a student's kit (packet and question
 * sheet), the thank-you letter, or the generic handout — and in which
 * formats. The steps:
 *  1. view    — kits/: escape the values, compute dates, choose questions,
 *               plan the time; warn when the questions don't fit the minutes.
 *  2. render  — render/: Handlebars templates → Markdown (data already escaped).
 *  3. parse   — parse/: Markdown → document tree (one tree per document).
 *  4. write   — write/pdf (layout → paint, fillable fields on the kit's
 *               documents) and write/docx, plus the Markdown itself for `md`.
 *  5. calendar — follow-up.ics (meeting, thank-you deadline, progress
 *               updates) when asked for `ics` and the meeting has a date.
 * The thank-you letter goes the same steps in kits/thank-you-kit, which adds
 * its email forms (.txt, .eml).
 *
 * @example
 * const { files, diagnostics } = await buildDocuments([{ kind: 'kit', interview, formats: ['pdf', 'docx'] }], { guide, renderer, theme, fonts });
 */
import type { PDFDocument } from 'pdf-lib';
import type { Deflate } from './write/deflate.js';
import { InputError, hasErrors, type Diagnostic } from './diagnostics.js';
import { renderKitMarkdown, type KitDocument, KIT_DOCUMENTS } from './kits/build-documents.js';
import { buildHandoutView, handoutMeta, type HandoutFormat } from './kits/handout-view.js';
import type { ThankYouFormat, ThankYouTone } from './kits/thank-you.js';
import type { CalendarRevision } from './kits/follow-up-calendar.js';
import type { Guide } from './load/content-schema.js';
import type { Interview } from './load/schema.js';
import { parseMarkdown } from './parse/parse-markdown.js';
import type { Renderer } from './render/render.js';
import type { Theme } from './theme.js';
import type { DocumentMeta } from './tree/types.js';
import type { FontSet } from './write/pdf/index.js';
import { stringsOf } from './write/pdf/preflight.js';

/** Output formats of the packet and question sheet. */
export const KIT_FORMATS = ['pdf', 'docx', 'ics', 'md'] as const;
export type KitFormat = (typeof KIT_FORMATS)[number];

/** What to build: one of the product's documents, in the formats asked for. */
export type DocumentSpec =
  /** A student's packet and question sheet (both unless `documents` says), and follow-up.ics. */
  | { readonly kind: 'kit'; readonly interview: Interview; readonly formats: readonly KitFormat[]; readonly documents?: readonly KitDocument[] }
  /** The thank-you letter draft of an interview with its notes, and follow-up.ics. */
  | { readonly kind: 'thank-you'; readonly interview: Interview; readonly formats: readonly ThankYouFormat[]; readonly tone?: ThankYouTone }
  /** The generic guide with a blank question sheet; `minutes` sets its time plan. */
  | { readonly kind: 'handout'; readonly formats: readonly HandoutFormat[]; readonly minutes?: number };

/** What every spec shares: content, templates, look, and the run's settings. */
export interface BuildOptions {
  /** The guide; kits and the handout need it. */
  readonly guide?: Guide;
  /** Compiled templates; create once with createRenderer and reuse across builds. */
  readonly renderer: Renderer;
  readonly theme: Theme;
  /** The font family's faces; required for `pdf`. */
  readonly fonts?: FontSet;
  /** Seconds since the epoch for document dates (SOURCE_DATE_EPOCH). */
  readonly timestamp?: number;
  /** zlib compressor for PDF streams and DOCX entries (the CLI passes Node's native zlib). */
  readonly deflate?: Deflate;
  /** IANA time zone of the meeting when interview.yaml names none (the system's, from the CLI). */
  readonly timezone?: string;
  /** Months after the meeting for progress-update reminders (default 1 and 3). */
  readonly progressMonths?: readonly number[];
  /** SEQUENCE and DTSTAMP of follow-up.ics, given its events' hash (see buildFollowUpCalendar). */
  readonly reviseCalendar?: (content: string) => CalendarRevision;
}

/** One output file, named relative to its folder. */
export interface DocumentFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Page count, for PDFs. */
  readonly pages?: number;
  /** For a PDF: the document as its writer left it, so that a batch's print file need not read the bytes again. */
  readonly pdf?: PDFDocument;
  /** For a calendar: its events' hash and the revision written. */
  readonly revision?: CalendarRevision & { readonly content: string };
}

export interface DocumentResult {
  readonly files: readonly DocumentFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Thrown when a spec needs what the options lack (fonts for `pdf`, the guide for a kit or the handout). */
export class MissingBuildOptionError extends Error {
  constructor(what: 'fonts' | 'guide', spec: DocumentSpec['kind']) {
    super(`building the ${spec} needs \`${what}\` in the build options`);
    this.name = 'MissingBuildOptionError';
  }
}

/** A document rendered to Markdown, to be parsed and written. */
interface Rendered {
  /** File name without extension. */
  readonly name: string;
  readonly markdown: string;
  readonly meta: DocumentMeta;
  /** Fillable fields in its PDF. */
  readonly forms: boolean;
  /** The student's own text, so the PDF's preflight can tell markup they wrote from a template's. */
  readonly values?: readonly string[];
}

const encoder = new TextEncoder();

/** A module loaded on first use, then kept: a command loads only the writers it asks for. */
const lazy = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
};
const pdfWriter = lazy(() => import('./write/pdf/index.js'));
const docxWriter = lazy(() => import('./write/docx/index.js'));
const followUpCalendar = lazy(() => import('./kits/follow-up-calendar.js'));
const thankYouKit = lazy(() => import('./kits/thank-you-kit.js'));

/** Builds every spec, in order: the files of all of them, and each diagnostic once. */
export async function buildDocuments(specs: readonly DocumentSpec[], options: BuildOptions): Promise<DocumentResult> {
  const files: DocumentFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const spec of specs) {
    const built = spec.kind === 'thank-you' ? await buildThankYouSpec(spec, options) : await buildPrintable(spec, options);
    files.push(...built.files);
    // The packet and the question sheet warn of the same things: say each once.
    for (const d of built.diagnostics) if (!diagnostics.some((seen) => seen.message === d.message)) diagnostics.push(d);
  }
  return { files, diagnostics };
}

/** A kit or the handout: rendered, parsed, written in each format; the kit's calendar. */
async function buildPrintable(spec: Exclude<DocumentSpec, { kind: 'thank-you' }>, options: BuildOptions): Promise<DocumentResult> {
  if (!options.guide) throw new MissingBuildOptionError('guide', spec.kind);
  const diagnostics: Diagnostic[] = [];
  let rendered: Rendered[];
  if (spec.kind === 'kit') {
    const kit = renderKitMarkdown(spec.interview, options.guide, options.renderer, spec.documents ?? KIT_DOCUMENTS, { timezone: options.timezone });
    if (hasErrors(kit.warnings)) throw new InputError(kit.warnings);
    diagnostics.push(...kit.warnings);
    const values = stringsOf(spec.interview);
    rendered = kit.documents.map((doc) => ({ ...doc, forms: true, values }));
  } else {
    const view = buildHandoutView(options.guide, options.theme.office, spec.minutes ? { minutes: spec.minutes } : {});
    rendered = [{ name: 'handout', markdown: options.renderer.render('handout', view), meta: handoutMeta(options.guide, options.theme.office), forms: false }];
  }
  const formats: readonly string[] = spec.formats;
  const calendar =
    spec.kind === 'kit' && formats.includes('ics')
      ? await unlessWriterFails('follow-up.ics', diagnostics, async () =>
          (await followUpCalendar()).buildFollowUpCalendar(spec.interview, {
            timezone: options.timezone,
            progressMonths: options.progressMonths,
            timestamp: options.timestamp,
            revise: options.reviseCalendar,
          }),
        )
      : undefined;
  if (calendar && hasErrors(calendar.diagnostics)) throw new InputError(calendar.diagnostics);
  const files: DocumentFile[] = [];
  for (const doc of rendered) {
    const written = await writeDocument(doc, formats, options, spec.kind);
    files.push(...written.files);
    diagnostics.push(...written.diagnostics);
  }
  if (calendar) {
    diagnostics.push(...calendar.diagnostics);
    if (calendar.bytes) files.push({ name: 'follow-up.ics', bytes: calendar.bytes, ...(calendar.revision ? { revision: calendar.revision } : {}) });
  }
  return { files, diagnostics };
}

/** One rendered document in each of `formats` that is pdf, docx or md, in that order of asking. */
async function writeDocument(doc: Rendered, formats: readonly string[], options: BuildOptions, kind: DocumentSpec['kind']): Promise<DocumentResult> {
  const files: DocumentFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const needsTree = formats.includes('pdf') || formats.includes('docx');
  const tree = needsTree ? parseMarkdown(doc.markdown, doc.meta) : undefined;
  const common = { theme: options.theme, timestamp: options.timestamp, deflate: options.deflate };
  for (const format of formats) {
    switch (format) {
      case 'pdf': {
        if (!options.fonts) throw new MissingBuildOptionError('fonts', kind);
        const fonts = options.fonts;
        const pdf = await unlessWriterFails(`${doc.name}.pdf`, diagnostics, async () =>
          (await pdfWriter()).writePdf(tree!, { ...common, fonts, forms: doc.forms, ...(doc.values ? { values: doc.values } : {}) }),
        );
        if (!pdf) break;
        files.push({ name: `${doc.name}.pdf`, bytes: pdf.bytes, pages: pdf.pages, pdf: pdf.document });
        diagnostics.push(...pdf.warnings);
        break;
      }
      case 'docx': {
        const bytes = await unlessWriterFails(`${doc.name}.docx`, diagnostics, async () => (await docxWriter()).writeDocx(tree!, common));
        if (bytes) files.push({ name: `${doc.name}.docx`, bytes });
        break;
      }
      case 'md':
        files.push({ name: `${doc.name}.md`, bytes: encoder.encode(doc.markdown) });
        break;
    }
  }
  return { files, diagnostics };
}

/**
 * Runs one writer; when it fails, records an error naming the file that was
 * not written and returns undefined, so that the other files are still
 * written (exit code 1: "some outputs failed, the rest were written").
 * Bad input (InputError) still stops the build.
 */
async function unlessWriterFails<T>(file: string, diagnostics: Diagnostic[], write: () => Promise<T>): Promise<T | undefined> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof InputError || error instanceof MissingBuildOptionError) throw error;
    diagnostics.push({
      severity: 'error',
      code: 'writer-failed',
      message: `${file} was not written: ${error instanceof Error ? error.message : String(error)}`,
      hints: ['the other files were written; if the input looks right, please report this message'],
    });
    return undefined;
  }
}

/** The thank-you letter and its email forms, as kits/thank-you-kit builds them. */
async function buildThankYouSpec(spec: Extract<DocumentSpec, { kind: 'thank-you' }>, options: BuildOptions): Promise<DocumentResult> {
  const { buildThankYou } = await thankYouKit();
  return buildThankYou({
    interview: spec.interview,
    renderer: options.renderer,
    theme: options.theme,
    fonts: options.fonts,
    formats: spec.formats,
    tone: spec.tone,
    timezone: options.timezone,
    progressMonths: options.progressMonths,
    timestamp: options.timestamp,
    reviseCalendar: options.reviseCalendar,
    deflate: options.deflate,
  });
}
