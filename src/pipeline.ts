/**
 * buildKit: one interview in, a student's documents out. Bytes in, bytes
 * out: no files, no clock, no console (the CLI does those).
 *
 * The steps:
 *  1. view    — kits/packet-view: escape the interview's values, compute dates,
 *               research checklist, question selection, time plan; warn when
 *               the questions don't fit the minutes.
 *  2. render  — render/: Handlebars templates → Markdown (data already escaped).
 *  3. parse   — parse/: Markdown → document tree (one tree per document).
 *  4. write   — write/pdf (layout → paint, fillable fields) and write/docx,
 *               plus the Markdown itself when asked for `md`.
 *  5. calendar — follow-up.ics (meeting, thank-you deadline, progress
 *               updates) when asked for `ics` and the meeting has a date.
 *
 * @example
 * const { files, diagnostics } = await buildKit({ interview, guide, renderer, theme, fonts, formats: ['pdf', 'docx'] });
 */
import type { Deflate } from './write/deflate.js';
import { InputError, hasErrors, type Diagnostic } from './diagnostics.js';
import { renderKitMarkdown, type KitDocument, KIT_DOCUMENTS } from './kits/build-documents.js';
import type { Guide } from './load/content-schema.js';
import type { Interview } from './load/schema.js';
import { parseHere, type MarkdownParser } from './parse/parser.js';
import type { Renderer } from './render/render.js';
import type { Theme } from './theme.js';
import type { FontSet } from './write/pdf/index.js';
import { stringsOf } from './write/pdf/preflight.js';

/** Output formats of the packet and question sheet. */
export const KIT_FORMATS = ['pdf', 'docx', 'ics', 'md'] as const;
export type KitFormat = (typeof KIT_FORMATS)[number];

export interface KitRequest {
  readonly interview: Interview;
  readonly guide: Guide;
  /** Compiled templates; create once with createRenderer and reuse across kits. */
  readonly renderer: Renderer;
  readonly theme: Theme;
  readonly fonts: FontSet;
  readonly formats: readonly KitFormat[];
  /** Which documents; both by default. */
  readonly documents?: readonly KitDocument[];
  /** Seconds since the epoch for document dates (SOURCE_DATE_EPOCH). */
  readonly timestamp?: number;
  /** zlib compressor for PDF streams and DOCX entries (the CLI passes Node's native zlib). */
  readonly deflate?: Deflate;
  /** IANA time zone of the meeting when interview.yaml names none (the system's, from the CLI). */
  readonly timezone?: string;
  /** Months after the meeting for progress-update reminders (default 1 and 3). */
  readonly progressMonths?: readonly number[];
  /** Markdown → tree (the CLI passes its parse thread); parseHere by default. */
  readonly parse?: MarkdownParser;
}

/** One output file, named relative to the student's folder. */
export interface KitFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Page count, for PDFs. */
  readonly pages?: number;
}

export interface KitResult {
  readonly files: readonly KitFile[];
  readonly diagnostics: readonly Diagnostic[];
}

const encoder = new TextEncoder();

async function importWriters() {
  const [pdf, docx, calendar] = await Promise.all([import('./write/pdf/index.js'), import('./write/docx/index.js'), import('./schedule/follow-up-calendar.js')]);
  return { writePdf: pdf.writePdf, writeDocx: docx.writeDocx, buildFollowUpCalendar: calendar.buildFollowUpCalendar };
}

/** The writers and the calendar, imported once, on first use. */
let writers: ReturnType<typeof importWriters> | undefined;
const loadWriters = () => (writers ??= importWriters());

/** Builds the packet and question sheet of one interview in the requested formats. */
export async function buildKit(request: KitRequest): Promise<KitResult> {
  const { documents: rendered, warnings } = renderKitMarkdown(request.interview, request.guide, request.renderer, request.documents ?? KIT_DOCUMENTS, {
    timezone: request.timezone,
  });
  const diagnostics: Diagnostic[] = [...warnings];
  if (hasErrors(diagnostics)) throw new InputError(diagnostics);
  // Every document goes to the parser before any is awaited: a parse thread
  // works on them while this one makes the calendar and writes the first.
  // Markdown and the calendar need no tree.
  const needsTree = request.formats.includes('pdf') || request.formats.includes('docx');
  const parse = needsTree ? (request.parse ?? parseHere) : undefined;
  const trees = rendered.map((doc) => parse?.(doc.markdown, doc.meta));
  // The writers and the calendar load now, while the documents are parsed
  // (pdf-lib, docx's XML helpers and ics cost a cold start ~15 ms to load).
  const { writePdf, writeDocx, buildFollowUpCalendar } = await loadWriters();
  const calendar = request.formats.includes('ics')
    ? buildFollowUpCalendar(request.interview, { timezone: request.timezone, progressMonths: request.progressMonths, timestamp: request.timestamp })
    : undefined;
  if (calendar && hasErrors(calendar.diagnostics)) throw new InputError(calendar.diagnostics);
  const files: KitFile[] = [];
  const options = { theme: request.theme, timestamp: request.timestamp, deflate: request.deflate };
  for (const [i, doc] of rendered.entries()) {
    const tree = await trees[i]; // set whenever a format below needs it
    for (const format of request.formats) {
      switch (format) {
        case 'pdf': {
          const pdf = await writePdf(tree!, { ...options, fonts: request.fonts, forms: true, values: stringsOf(request.interview) });
          files.push({ name: `${doc.name}.pdf`, bytes: pdf.bytes, pages: pdf.pages });
          for (const w of pdf.warnings) if (!diagnostics.some((d) => d.message === w.message)) diagnostics.push(w);
          break;
        }
        case 'docx':
          files.push({ name: `${doc.name}.docx`, bytes: await writeDocx(tree!, options) });
          break;
        case 'md':
          files.push({ name: `${doc.name}.md`, bytes: encoder.encode(doc.markdown) });
          break;
        case 'ics':
          break;
      }
    }
  }
  if (calendar) {
    for (const d of calendar.diagnostics) if (!diagnostics.some((x) => x.message === d.message)) diagnostics.push(d);
    if (calendar.bytes) files.push({ name: 'follow-up.ics', bytes: calendar.bytes });
  }
  return { files, diagnostics };
}
