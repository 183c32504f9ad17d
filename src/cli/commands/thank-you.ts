/**
 * `interview-kit thank-you <interview.yaml>`: the thank-you letter draft after
 * the meeting, as DOCX, PDF, plain text and an unsent .eml (and, on request,
 * Markdown and follow-up.ics), from the interview's notes and, with
 * --from-notes, the notes typed into the question sheet's PDF fields.
 */
import { Option, type Command } from 'commander';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, hasErrors, type Diagnostic } from '../../diagnostics.js';
import { DEFAULT_THANK_YOU_FORMATS, DEFAULT_TONE, THANK_YOU_FORMATS, THANK_YOU_TONES, tonesOf, type ThankYouTone } from '../../kits/thank-you.js';
import { suggestClosest } from '../../load/suggest.js';
import { loadInterview } from '../../load/load-interview.js';
import type { Interview } from '../../load/schema.js';
import { safeFileName } from '../../kits/safe-file-name.js';
import { mergeNotes, type NoteSource } from '../../load/merge-notes.js';
import { buildDocuments } from '../../pipeline.js';
import { displayPath, readFontSet, createTemplateRenderer, sourceDateEpoch } from '../../node/assets.js';
import { addCommonOptions, addForceOption, addStrictOption, addTimezoneOption, applyStrict, chooseTimezone, guessedZoneWarning, parseFormats, readProgressMonths, themeFromOptions, type CommonOptions } from '../common-options.js';
import { readInputFile } from '../io/index.js';
import { isSheetOf, type SheetOwner } from '../../load/sheet-owner.js';
import { runAction } from '../report.js';
import { writeOutputs } from '../write-outputs.js';
import { calendarReviser } from '../output-manifest.js';
import { readKitConfig } from '../kit-config.js';
import { nativeDeflate } from '../../node/native-deflate.js';
import { terminalText } from '../terminal-text.js';

interface ThankYouOptions extends CommonOptions {
  readonly fromNotes?: string;
  readonly tone: ThankYouTone;
  readonly timezone?: string;
  readonly progressMonths?: string;
}

/** Largest filled question sheet accepted: a few pages with fonts are well under this. */
const MAX_NOTES_PDF_BYTES = 50 * 1024 * 1024;

const NOTE_LABELS: Record<string, string> = {
  learned: 'what you learned',
  advice: 'advice',
  referrals: 'referrals',
  next_steps: 'next steps',
  influence: 'influence',
  business_card: 'business card',
};

/** Registers the `thank-you` command. */
export function registerThankYou(program: Command): void {
  addTimezoneOption(addForceOption(addStrictOption(addCommonOptions(
    program
      .command('thank-you')
      .description('draft the thank-you letter (DOCX, PDF, text, .eml) from the meeting notes')
      .argument('<interview.yaml>', 'the interview file, with notes: written after the meeting')
      .option('--from-notes <filled.pdf>', 'the question sheet (questions.pdf) with your notes typed into its fields; notes in the YAML win')
      .option('--tone <tone>', `wording of the letter: ${THANK_YOU_TONES.join(', ')}, or any tone with a thank-you-<tone>.md.hbs in --templates; files of a tone other than ${DEFAULT_TONE} carry it in their names (thank-you-warm.pdf)`, DEFAULT_TONE)
      .option('--progress-months <list>', 'months after the meeting for progress reminders in follow-up.ics (with --format ics)', '1,3'),
    THANK_YOU_FORMATS,
    DEFAULT_THANK_YOU_FORMATS,
  ))))
    .addHelpText(
      'after',
      '\nExamples:\n  interview-kit thank-you maya.yaml\n  interview-kit thank-you maya.yaml --from-notes questions-filled.pdf --tone warm\n\nExit codes: 0 written (warnings allowed), 1 some documents failed or --strict found layout problems, 2 bad input or options (nothing written).',
    )
    .action(async (file: string, opts: ThankYouOptions) => {
    await runAction(async () => {
      const formats = parseFormats(opts.format, THANK_YOU_FORMATS, DEFAULT_THANK_YOU_FORMATS);
      const progressMonths = readProgressMonths(opts.progressMonths);
      const loaded = loadInterview(readInputFile(file), displayPath(file));
      const diagnostics: Diagnostic[] = [...loaded.diagnostics];
      if (!loaded.value || hasErrors(diagnostics)) throw new InputError(diagnostics);

      let interview: Interview = loaded.value;
      if (opts.fromNotes) {
        const sheet = await readNotesPdf(opts.fromNotes);
        diagnostics.push(...checkSheetOwner(sheet.owner, interview, opts.fromNotes, opts.force));
        const merged = mergeNotes(interview, sheet);
        interview = merged.interview;
        process.stdout.write(terminalText(describeSources(opts.fromNotes, merged.sources)));
      }

      const kit = opts.config ? await readKitConfig(opts.config) : undefined;
      const theme = themeFromOptions(opts, kit?.theme);
      const zone = chooseTimezone(opts.timezone, kit?.config.meeting?.timezone);
      if (formats.includes('ics') && interview.meeting.time && !interview.meeting.timezone) diagnostics.push(...guessedZoneWarning(zone, 1, displayPath(file)));
      const renderer = await createTemplateRenderer(opts.templates);
      checkTone(opts.tone, renderer.names);
      const dir = join(opts.out, safeFileName(interview.student.name) || 'student');
      const result = await buildDocuments([{ kind: 'thank-you', interview, formats, tone: opts.tone }], {
        renderer,
        theme,
        fonts: formats.includes('pdf') ? readFontSet(theme.fontFamily) : undefined,
        timezone: zone.zone,
        progressMonths,
        timestamp: sourceDateEpoch(),
        reviseCalendar: calendarReviser(dir, sourceDateEpoch()),
        deflate: nativeDeflate,
      });
      const checked = applyStrict([...diagnostics, ...result.diagnostics], opts.strict);
      await writeOutputs(dir, result.files, checked.diagnostics, { force: opts.force });
      return checked.exitCode;
    }, opts.debug);
  });
}

/** Reads the filled question sheet, turning every failure into a diagnostic on that file. */
async function readNotesPdf(path: string) {
  const shown = displayPath(path);
  let bytes: Uint8Array;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new InputError([{ severity: 'error', file: shown, field: '--from-notes', message: 'not a file', hints: ['give the path of the filled questions.pdf'] }]);
    if (stats.size > MAX_NOTES_PDF_BYTES) {
      throw new InputError([{ severity: 'error', file: shown, field: '--from-notes', message: `is ${Math.round(stats.size / 1048576)} MB, too large for a question sheet`, hints: ['give the filled questions.pdf from `interview-kit build`'] }]);
    }
    bytes = new Uint8Array(readFileSync(path));
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError([
      {
        severity: 'error',
        file: shown,
        field: '--from-notes',
        message: code === 'ENOENT' ? 'no such file' : `cannot be read (${(error as Error).message})`,
        hints: ['give the path of the question sheet you filled in, e.g. out/maya-patel/questions.pdf'],
      },
    ]);
  }
  // pdf-lib's reader loads only for --from-notes.
  const { NotesPdfError, readNotesFromPdf } = await import('../../load/read-filled-pdf.js');
  try {
    return await readNotesFromPdf(bytes);
  } catch (error) {
    if (error instanceof NotesPdfError) throw new InputError([{ severity: 'error', file: shown, field: '--from-notes', message: error.message }]);
    throw error;
  }
}

/** A usage error for a tone without a template, naming the tones there are. */
function checkTone(tone: string, templateNames: readonly string[]): void {
  const tones = tonesOf(templateNames);
  if (tones.includes(tone)) return;
  const guess = suggestClosest(tone, tones);
  throw new InputError([
    {
      severity: 'error',
      field: '--tone',
      message: `there is no "${tone}" tone: no template thank-you-${tone}.md.hbs`,
      hints: [
        ...(guess ? [`did you mean "${guess}"?`] : []),
        `the tones are: ${tones.join(', ')}; to add one, put thank-you-${/^[a-z0-9][a-z0-9-]*$/i.test(tone) ? tone : 'casual'}.md.hbs in a folder and pass it with --templates`,
      ],
    },
  ]);
}

/**
 * An error when the filled sheet was made for another interview (a warning
 * with --force); a warning when the sheet does not say whose it is.
 */
function checkSheetOwner(owner: SheetOwner | undefined, interview: Interview, path: string, force: boolean | undefined): Diagnostic[] {
  const file = displayPath(path);
  if (!owner) {
    return [{ severity: 'warning', file, field: '--from-notes', message: 'the question sheet does not say whose it is (made by an older interview-kit, or re-saved without its properties)', hints: [`check that these are ${interview.student.name}'s notes from meeting ${interview.mentor.name}`] }];
  }
  if (isSheetOf(owner, interview)) return [];
  const diagnostic: Diagnostic = {
    severity: force ? 'warning' : 'error',
    file,
    field: '--from-notes',
    message: `this question sheet is ${owner.student}'s for meeting ${owner.mentor} (${owner.organization}), not ${interview.student.name}'s for meeting ${interview.mentor.name}`,
    hints: force ? ['used anyway, as --force asks'] : [`pass the questions.pdf built from this interview file, or --force to use this one anyway`],
  };
  if (!force) throw new InputError([diagnostic]);
  return [diagnostic];
}

/** "notes from filled.pdf: advice, referrals (YAML kept for: learned)". */
function describeSources(path: string, sources: Partial<Record<string, NoteSource>>): string {
  const from = (kind: NoteSource) => Object.entries(sources).filter(([, s]) => s === kind).map(([k]) => NOTE_LABELS[k] ?? k);
  const pdf = from('pdf');
  const answers = from('answers');
  const yaml = from('yaml');
  const parts = [
    pdf.length > 0 ? pdf.join(', ') : 'no closing notes',
    ...(answers.length > 0 ? ['your answers as what you learned'] : []),
  ];
  return `notes from ${displayPath(path)}: ${parts.join('; ')}${yaml.length > 0 ? ` (the interview file's notes kept for: ${yaml.join(', ')})` : ''}\n`;
}
