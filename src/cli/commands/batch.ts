/**
 * `interview-kit batch <roster.csv|roster.yaml>`: one folder per student
 * (packet + question sheet, PDF and DOCX), a duplex-safe print.pdf,
 * manifest.json, report.txt and report.json in out/batch-<roster-name>/.
 * Rows that fail are reported (exit 1); the others are built. A re-run
 * rebuilds only rows whose input changed, unless --force.
 *
 * The command itself (batch-run.ts) and what only it needs (worker pool,
 * roster readers, progress bar) load when it runs, not with every other
 * command.
 */
import { Option, type Command } from 'commander';
import { KIT_FORMATS } from '../../pipeline.js';
import { addCommonOptions, addTimezoneOption, wholeNumber } from '../common-options.js';
import { runAction } from '../report.js';
import { withJsonErrors } from '../json-report.js';
import { DEFAULT_BATCH_FORMATS, type BatchCliOptions } from './batch-options.js';

/** Registers `batch` on the program. */
export function registerBatch(program: Command): void {
  addTimezoneOption(addCommonOptions(
    program
      .command('batch')
      .description('build a kit for every student of a roster, plus one print file, a manifest and a report')
      .argument('<roster>', 'roster.csv (header row names fields: student.name, mentor.name, ...) or roster.yaml (a list of interviews)')
      .addOption(new Option('-j, --jobs <n>', 'worker threads (default: one per CPU core)').argParser(wholeNumber(1, 256)))
      .option('--simplex', 'no blank pages in print.pdf (for one-sided printing; print.pdf needs the pdf format)')
      .option('--force', 'rebuild every row, even those that did not change')
      .option('--no-progress', 'no progress output')
      .option('--json', 'print the outcome (counts, folder, every error and warning with its row and column) as one JSON document on stdout'),
    KIT_FORMATS,
    DEFAULT_BATCH_FORMATS,
  ))
    .addHelpText(
      'after',
      '\nThe batch folder is <out>/batch-<roster name>/.\n\nExamples:\n  interview-kit batch roster.xlsx --config kit.yaml\n  interview-kit batch roster.csv --timezone Eastern --jobs 2 --json > result.json\n\nExit codes: 0 all rows built, 1 some rows failed (the rest were built), 2 bad roster or options.',
    )
    .action(async (file: string, opts: BatchCliOptions) => {
      await runAction(async () => withJsonErrors(opts.json, async () => (await import('./batch-run.js')).batchCommand(file, opts)), opts.debug);
    });
}
