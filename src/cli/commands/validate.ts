/**
 * `interview-kit validate <file…>`: every problem of each file at once, as
 * file:line:col with a hint, errors before warnings; "ok" when a file is
 * clean. Exit 0 when all are clean, 2 when any has an error.
 *
 * A file named kit.yaml is checked as office settings and guide.yaml as guide
 * content; anything else as an interview (question ids against the guide).
 */
import { Option, type Command } from 'commander';
import { basename } from 'node:path';
import { hasErrors, type Diagnostic } from '../../diagnostics.js';
import { loadInterview } from '../../load/load-interview.js';
import { displayPath, readGuide } from '../assets.js';
import { readInputFile } from '../io/index.js';
import { logoReaderFor } from '../kit-config.js';
import { EXIT, printDiagnostics, runAction } from '../report.js';
import { terminalText } from '../terminal-text.js';

type Kind = 'interview' | 'guide' | 'kit';

function kindOf(file: string, forced?: string): Kind {
  if (forced === 'interview' || forced === 'guide' || forced === 'kit') return forced;
  const name = basename(file).toLowerCase();
  if (/^kit\.ya?ml$/.test(name)) return 'kit';
  if (/^guide\.ya?ml$/.test(name)) return 'guide';
  return 'interview';
}

/** Registers `validate` on the program. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check interview files (or kit.yaml, guide.yaml) and list every problem with its line and column')
    .argument('<file...>', 'the files to check')
    .addOption(new Option('--kind <kind>', 'check as an interview, guide or kit file (default: from the file name)').choices(['interview', 'guide', 'kit']))
    .option('--content <dir>', 'folder with your own guide.yaml, for question ids (default: the bundled guide)')
    .option('--debug', 'show stack traces for internal errors')
    .action(async (files: string[], opts: { kind?: string; content?: string; debug?: boolean }) => {
      await runAction(async () => {
        let worst: number = EXIT.ok;
        for (const file of files) {
          const code = await runAction(async () => {
            const display = displayPath(file);
            const kind = kindOf(file, opts.kind);
            const text = readInputFile(file, { what: kind === 'interview' ? 'an interview file' : `a ${kind} file`, maxBytes: kind === 'guide' ? 4 * 1024 * 1024 : undefined });
            let diagnostics: Diagnostic[];
            // The kit and guide schemas load only for the files that need them.
            if (kind === 'kit') diagnostics = [...(await import('../../load/load-kit-config.js')).loadKitTheme(text, display, logoReaderFor(file)).diagnostics];
            else if (kind === 'guide') diagnostics = (await import('../../load/load-guide.js')).loadGuide(text, display).diagnostics;
            else diagnostics = loadInterview(text, display, { guide: await readGuide(opts.content) }).diagnostics;
            printDiagnostics(diagnostics);
            if (hasErrors(diagnostics)) return EXIT.badInput;
            process.stdout.write(terminalText(`${display}: ok\n`));
            return EXIT.ok;
          }, opts.debug);
          worst = Math.max(worst, code);
        }
        return worst;
      }, opts.debug);
    });
}
