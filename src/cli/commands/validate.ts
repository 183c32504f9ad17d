/**
 * `interview-kit validate <file…>`: every problem of each file at once, as
 * file:line:col with a hint, errors before warnings; "ok" when a file is
 * clean. Exit 0 when all are clean, 2 when any has an error. With --json,
 * one JSON document on stdout instead.
 *
 * A file named kit.yaml is checked as office settings, guide.yaml as guide
 * content, a .csv or .xlsx file as a roster (row by row, as `batch` would,
 * without building); anything else as an interview (question ids against
 * the guide).
 */
import { Option, type Command } from 'commander';
import { basename } from 'node:path';
import { InputError, hasErrors, type Diagnostic } from '../../diagnostics.js';
import { loadInterview } from '../../load/load-interview.js';
import { displayPath, readGuide } from '../../node/assets.js';
import { readInputBytes, readInputFile } from '../io/index.js';
import { diagnosticJson, rowErrorJson, type JsonDiagnostic } from '../json-report.js';
import { logoReaderFor, readKitConfig } from '../kit-config.js';
import { EXIT, printDiagnostics, runAction } from '../report.js';
import { terminalText } from '../terminal-text.js';

type Kind = 'interview' | 'guide' | 'kit' | 'roster';

interface ValidateOptions {
  readonly kind?: Kind;
  readonly content?: string;
  readonly config?: string;
  readonly json?: boolean;
  readonly debug?: boolean;
}

function kindOf(file: string, forced?: Kind): Kind {
  if (forced) return forced;
  const name = basename(file).toLowerCase();
  if (/^kit\.ya?ml$/.test(name)) return 'kit';
  if (/^guide\.ya?ml$/.test(name)) return 'guide';
  if (/\.(csv|xlsx)$/.test(name)) return 'roster';
  return 'interview';
}

/** What one file's check found: diagnostics as printed, and as JSON. */
interface FileCheck {
  readonly diagnostics: readonly Diagnostic[];
  readonly json: readonly JsonDiagnostic[];
  /** For a roster: how many student rows it has and how many would fail. */
  readonly rows?: { readonly total: number; readonly failing: number };
}

async function checkFile(file: string, kind: Kind, opts: ValidateOptions): Promise<FileCheck> {
  const display = displayPath(file);
  if (kind === 'roster') return checkRoster(file, display, opts);
  const text = readInputFile(file, { what: kind === 'interview' ? 'an interview file' : `a ${kind} file`, maxBytes: kind === 'guide' ? 4 * 1024 * 1024 : undefined });
  let diagnostics: Diagnostic[];
  // The kit and guide schemas load only for the files that need them.
  if (kind === 'kit') diagnostics = [...(await import('../../load/load-kit-config.js')).loadKitTheme(text, display, logoReaderFor(file)).diagnostics];
  else if (kind === 'guide') diagnostics = (await import('../../load/load-guide.js')).loadGuide(text, display).diagnostics;
  else diagnostics = loadInterview(text, display, { guide: await readGuide(opts.content) }).diagnostics;
  return { diagnostics, json: diagnostics.map(diagnosticJson) };
}

/** Reads a roster as `batch` does (kit.yaml's defaults and date order included) and checks every row. */
async function checkRoster(file: string, display: string, opts: ValidateOptions): Promise<FileCheck> {
  const { readRosterBytes } = await import('../../batch/roster-bytes.js');
  const { rowProblems } = await import('../../batch/row-problems.js');
  const { rowErrorDiagnostic } = await import('../../batch/roster-types.js');
  const config = opts.config ? (await readKitConfig(opts.config)).config : {};
  const roster = await readRosterBytes(readInputBytes(file, { maxBytes: 64 * 1024 * 1024, what: 'a roster' }), display, {
    minutes: config.meeting?.minutes,
    timezone: config.meeting?.timezone,
    dateOrder: config.date_order,
  });
  const guide = await readGuide(opts.content);
  const diagnostics: Diagnostic[] = [...roster.diagnostics];
  const json: JsonDiagnostic[] = roster.diagnostics.map(diagnosticJson);
  let failing = 0;
  for (const row of roster.rows) {
    const problems = rowProblems(row, guide);
    if (problems.length > 0) failing++;
    diagnostics.push(...problems.map((e) => rowErrorDiagnostic(display, e)));
    json.push(...problems.map((e) => rowErrorJson(display, e)));
  }
  return { diagnostics, json, rows: { total: roster.rows.length, failing } };
}

/** Registers `validate` on the program. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check interview files, rosters (.csv, .xlsx), kit.yaml or guide.yaml, and list every problem with its line (or row) and column')
    .argument('<file...>', 'the files to check')
    .addOption(new Option('--kind <kind>', 'check as an interview, guide, kit or roster file (default: from the file name)').choices(['interview', 'guide', 'kit', 'roster']))
    .option('--content <dir>', 'folder with your own guide.yaml, for question ids (default: the bundled guide)')
    .option('-c, --config <kit.yaml>', "office settings a roster is read with (date_order, meeting defaults)")
    .option('--json', 'print the findings as one JSON document on stdout')
    .option('--debug', 'show stack traces for internal errors')
    .addHelpText(
      'after',
      '\nExamples:\n  interview-kit validate maya.yaml\n  interview-kit validate roster.xlsx --config kit.yaml --json\n\nExit codes: 0 every file is clean (warnings allowed), 2 a file has an error, 1 an internal error.',
    )
    .action(async (files: string[], opts: ValidateOptions) => {
      await runAction(async () => {
        let worst: number = EXIT.ok;
        const report: { file: string; kind: Kind; ok: boolean; rows?: FileCheck['rows']; diagnostics: readonly JsonDiagnostic[] }[] = [];
        for (const file of files) {
          const kind = kindOf(file, opts.kind);
          let check: FileCheck;
          try {
            check = await checkFile(file, kind, opts);
          } catch (error) {
            if (!(error instanceof InputError)) throw error;
            check = { diagnostics: error.diagnostics, json: error.diagnostics.map(diagnosticJson) };
          }
          const ok = !hasErrors(check.diagnostics);
          report.push({ file: displayPath(file), kind, ok, ...(check.rows ? { rows: check.rows } : {}), diagnostics: check.json });
          if (!opts.json) {
            printDiagnostics(check.diagnostics);
            if (ok) process.stdout.write(terminalText(`${displayPath(file)}: ok${check.rows ? ` (${check.rows.total} rows)` : ''}\n`));
            else if (check.rows) process.stdout.write(terminalText(`${displayPath(file)}: ${check.rows.failing} of ${check.rows.total} rows need fixing\n`));
          }
          if (!ok) worst = EXIT.badInput;
        }
        if (opts.json) process.stdout.write(`${JSON.stringify({ ok: worst === EXIT.ok, files: report }, null, 2)}\n`);
        return worst;
      }, opts.debug);
    });
}
