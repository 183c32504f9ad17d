/**
 * Options every document command shares, and turning them into the pieces
 * the pipeline needs (guide, templates, theme, fonts, formats).
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { hasErrors, InputError, type Diagnostic } from '../diagnostics.js';
import { isFinding } from '../write/pdf/preflight.js';
import { EXIT } from './report.js';
import { parseProgressMonths, ProgressMonthsError } from '../schedule/follow-up-plan.js';
import { resolveTimeZone, timeZoneCandidates } from '../load/zone-names.js';
import { PAGE_SIZES, resolveTheme, type PageSizeName, type Theme } from '../theme.js';

/** What the shared options parse to. */
export interface CommonOptions {
  readonly out: string;
  readonly format?: string;
  readonly config?: string;
  readonly content?: string;
  readonly templates?: string;
  readonly pageSize?: PageSizeName;
  readonly debug?: boolean;
  readonly strict?: boolean;
  readonly force?: boolean;
}

/** Adds --out, --format, --config, --content, --templates, --page-size and --debug to a command. */
export function addCommonOptions(command: Command, formats: readonly string[], defaultFormats: readonly string[]): Command {
  return command
    .option('-o, --out <dir>', 'folder to write into', 'out')
    .option('-f, --format <list>', `comma-separated formats: ${formats.join(', ')} (default: ${defaultFormats.join(',')})`)
    .option('-c, --config <kit.yaml>', "career office settings: branding, page size, margins, font")
    .option('--content <dir>', 'folder with your own guide.yaml (default: the bundled guide)')
    .option('--templates <dir>', 'folder with your own templates; files replace the bundled ones of the same name')
    .addOption(new Option('--page-size <size>', 'paper size (overrides kit.yaml)').choices(Object.keys(PAGE_SIZES)))
    .option('--debug', 'show stack traces for internal errors');
}

/**
 * A parser for an option that takes a whole number from `min` to `max`: a
 * value out of range is a usage error (one line, exit 2) that names the range.
 */
export function wholeNumber(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value.trim());
    if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`Use a whole number from ${min} to ${max}.`);
    }
    return n;
  };
}

/** Adds --force: replace output files that were changed, or not written, by the program. */
export function addForceOption(command: Command): Command {
  return command.option('--force', 'replace output files even when you changed them since they were written, or they were not written by interview-kit');
}

/** Adds --strict: the PDF layout's preflight findings become errors. */
export function addStrictOption(command: Command): Command {
  return command.option('--strict', 'treat page-layout findings (stranded headings, split questions, …) as errors: exit 1, files still written');
}

/**
 * With --strict, the preflight's findings become errors and the exit code 1;
 * the files are written all the same.
 */
export function applyStrict(diagnostics: readonly Diagnostic[], strict: boolean | undefined): { diagnostics: Diagnostic[]; exitCode: number } {
  // An error here is a writer that failed while the other files were written: exit 1.
  if (!strict || !diagnostics.some(isFinding)) return { diagnostics: [...diagnostics], exitCode: hasErrors(diagnostics) ? EXIT.failed : EXIT.ok };
  return { diagnostics: diagnostics.map((d) => (isFinding(d) ? { ...d, severity: 'error' } : d)), exitCode: EXIT.failed };
}

/** Parses --format against the formats a command supports. */
export function parseFormats<T extends string>(value: string | undefined, allowed: readonly T[], defaults: readonly T[]): T[] {
  if (!value) return [...defaults];
  const wanted = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = wanted.filter((f) => !(allowed as readonly string[]).includes(f));
  if (unknown.length > 0 || wanted.length === 0) {
    throw new InputError([
      {
        severity: 'error',
        field: '--format',
        message: `unknown format ${unknown.map((f) => `"${f}"`).join(', ') || '(empty)'}`,
        hints: [`use a comma-separated list of: ${allowed.join(', ')}`],
      },
    ]);
  }
  return [...new Set(wanted)] as T[];
}

/** The theme from kit.yaml (when given) with --page-size applied. */
export function themeFromOptions(options: CommonOptions, fromConfig?: Theme): Theme {
  const base = fromConfig ?? resolveTheme();
  return options.pageSize ? { ...base, pageSize: options.pageSize } : base;
}

/** --progress-months ("1,3") as numbers, or a usage error naming the option. */
export function readProgressMonths(value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined;
  try {
    return parseProgressMonths(value);
  } catch (error) {
    if (error instanceof ProgressMonthsError) throw new InputError([{ severity: 'error', field: '--progress-months', message: error.message }]);
    throw error;
  }
}

/** Adds --timezone: the zone of meetings whose file names none. */
export function addTimezoneOption(command: Command): Command {
  return command.option(
    '--timezone <zone>',
    'time zone of meetings without meeting.timezone, e.g. America/New_York, Eastern, CET or "New York" (default: kit.yaml\'s meeting.timezone, else this computer\'s, with a warning)',
  );
}

/** Where the zone of a meeting without meeting.timezone came from. */
export interface ChosenTimezone {
  readonly zone: string;
  /** True when neither --timezone nor kit.yaml named it: this computer's zone. */
  readonly guessed: boolean;
}

/**
 * The zone of meetings whose file names none: --timezone (common names and
 * cities accepted, a usage error otherwise), else kit.yaml's, else this
 * computer's.
 */
export function chooseTimezone(option: string | undefined, kitTimezone: string | undefined): ChosenTimezone {
  if (option !== undefined) {
    const zone = resolveTimeZone(option);
    if (!zone) {
      const guesses = timeZoneCandidates(option);
      throw new InputError([
        {
          severity: 'error',
          field: '--timezone',
          message: `--timezone "${option}" is not a time zone`,
          hints: [
            ...(guesses.length > 0 ? [`did you mean ${guesses.map((g) => `"${g}"`).join(' or ')}?`] : []),
            'write an IANA zone name such as America/New_York or Europe/Paris',
          ],
        },
      ]);
    }
    return { zone, guessed: false };
  }
  if (kitTimezone) return { zone: kitTimezone, guessed: false };
  return { zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', guessed: true };
}

/**
 * The warning for calendar times put in this computer's zone because nothing
 * named one; none when the zone was named or no meeting needs it.
 */
export function guessedZoneWarning(chosen: ChosenTimezone, meetingsWithoutZone: number, file?: string): Diagnostic[] {
  if (!chosen.guessed || meetingsWithoutZone === 0) return [];
  const which = meetingsWithoutZone === 1 ? 'the meeting has' : `${meetingsWithoutZone} meetings have`;
  return [
    {
      severity: 'warning',
      file,
      field: 'meeting.timezone',
      message: `${which} a time but no meeting.timezone, so follow-up.ics uses this computer's time zone (${chosen.zone})`,
      hints: ['name the zone: meeting.timezone in the interview (or a roster column), meeting.timezone in kit.yaml, or --timezone, e.g. --timezone America/New_York'],
    },
  ];
}
