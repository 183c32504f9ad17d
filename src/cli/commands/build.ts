/** `interview-kit build <interview.yaml>`: the student's packet and question sheet. */
import type { Command } from 'commander';
import { join } from 'node:path';
import { InputError, hasErrors, type Diagnostic } from '../../diagnostics.js';
import { loadInterview } from '../../load/load-interview.js';
import { safeFileName } from '../../kits/safe-file-name.js';
import { buildDocuments, KIT_FORMATS, type KitFormat } from '../../pipeline.js';
import { readFontSet, readGuide, createTemplateRenderer, sourceDateEpoch, displayPath } from '../../node/assets.js';
import { addCommonOptions, addForceOption, addStrictOption, addTimezoneOption, applyStrict, chooseTimezone, guessedZoneWarning, parseFormats, readProgressMonths, themeFromOptions, type CommonOptions } from '../common-options.js';
import { readKitConfig } from '../kit-config.js';
import { readInputFile } from '../io/index.js';
import { runAction } from '../report.js';
import { writeOutputs } from '../write-outputs.js';
import { calendarReviser } from '../output-manifest.js';
import { nativeDeflate } from '../../node/native-deflate.js';

const DEFAULT_FORMATS: readonly KitFormat[] = ['pdf', 'docx', 'ics'];

export function registerBuild(program: Command): void {
  addTimezoneOption(addForceOption(addStrictOption(addCommonOptions(
    program
      .command('build')
      .description('build the prep packet and question sheet for one interview')
      .argument('<interview.yaml>', 'the interview file (see `interview-kit init`)'),
    KIT_FORMATS,
    DEFAULT_FORMATS,
  ))))
    .option('--progress-months <list>', 'months after the meeting for progress-update reminders in follow-up.ics (default: 1,3)')
    .addHelpText(
      'after',
      '\nExamples:\n  interview-kit build maya.yaml\n  interview-kit build maya.yaml --format pdf --timezone "New York" --out kits\n\nExit codes: 0 written (warnings allowed), 1 some documents failed or --strict found layout problems, 2 bad input or options (nothing written).',
    )
    .action(async (file: string, opts: CommonOptions & { timezone?: string; progressMonths?: string }) => {
      await runAction(async () => {
      const formats = parseFormats(opts.format, KIT_FORMATS, DEFAULT_FORMATS);
      const text = readInputFile(file);
      const guide = await readGuide(opts.content);
      const loaded = loadInterview(text, displayPath(file), { guide });
      const diagnostics: Diagnostic[] = [...loaded.diagnostics];
      if (!loaded.value || hasErrors(diagnostics)) throw new InputError(diagnostics);
      const interview = loaded.value;

      const kit = opts.config ? await readKitConfig(opts.config) : undefined;
      const theme = themeFromOptions(opts, kit?.theme);
      const zone = chooseTimezone(opts.timezone, kit?.config.meeting?.timezone);
      if (formats.includes('ics') && interview.meeting.time && !interview.meeting.timezone) diagnostics.push(...guessedZoneWarning(zone, 1, displayPath(file)));
      const dir = join(opts.out, safeFileName(interview.student.name) || 'student');
      const result = await buildDocuments([{ kind: 'kit', interview, formats }], {
        guide,
        renderer: await createTemplateRenderer(opts.templates),
        theme,
        fonts: readFontSet(theme.fontFamily),
        timestamp: sourceDateEpoch(),
        reviseCalendar: calendarReviser(dir, sourceDateEpoch()),
        deflate: nativeDeflate,
        timezone: zone.zone,
        progressMonths: readProgressMonths(opts.progressMonths),
      });
      const checked = applyStrict([...diagnostics, ...result.diagnostics], opts.strict);
      await writeOutputs(dir, result.files, checked.diagnostics, { force: opts.force });
      return checked.exitCode;
    }, opts.debug);
  });
}
