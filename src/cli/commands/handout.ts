/**
 * `interview-kit handout`: the generic guide and a blank question sheet, as
 * out/handout/handout.pdf and handout.docx; with --copies N also
 * handout-print.pdf holding N copies, each starting on a front side.
 */
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { HANDOUT_FORMATS, type HandoutFormat } from '../../kits/handout-view.js';
import { buildDocuments } from '../../pipeline.js';
import { displayPath, readFontSet, readGuide, createTemplateRenderer, sourceDateEpoch } from '../../node/assets.js';
import { wholeNumber, addCommonOptions, addForceOption, addStrictOption, applyStrict, parseFormats, themeFromOptions, type CommonOptions } from '../common-options.js';
import { runAction } from '../report.js';
import { writeOutputs } from '../write-outputs.js';
import { readKitConfig } from '../kit-config.js';
import { nativeDeflate } from '../../node/native-deflate.js';

const DEFAULT_FORMATS: readonly HandoutFormat[] = ['pdf', 'docx'];

/** The print file of copies. */
const PRINT_NAME = 'handout-print.pdf';

/** The most copies one print file may hold. */
const MAX_COPIES = 2000;

interface HandoutCliOptions extends CommonOptions {
  readonly copies?: number;
  readonly simplex?: boolean;
}

/** Registers `handout` on the program. */
export function registerHandout(program: Command): void {
  addForceOption(addStrictOption(addCommonOptions(
    program
      .command('handout')
      .description('the generic guide with a blank question sheet, for a career office to print')
      .addOption(new Option('--copies <n>', `also write handout-print.pdf with n copies (1-${MAX_COPIES})`).argParser(wholeNumber(1, MAX_COPIES)))
      .option('--simplex', 'no blank pages between copies (for one-sided printing)'),
    HANDOUT_FORMATS,
    DEFAULT_FORMATS,
  )))
    .addHelpText(
      'after',
      '\nFiles go to <out>/handout/. Each copy in handout-print.pdf starts on a front side unless --simplex.\n\nExamples:\n  interview-kit handout\n  interview-kit handout --config kit.yaml --copies 50\n\nExit codes: 0 written, 1 some documents failed or --strict found layout problems, 2 bad input or options.',
    )
    .action(async (opts: HandoutCliOptions) => {
      await runAction(() => handoutCommand(opts), opts.debug);
    });
}


async function handoutCommand(opts: HandoutCliOptions): Promise<number> {
  const kit = opts.config ? await readKitConfig(opts.config) : undefined;
  const theme = themeFromOptions(opts, kit?.theme);
  let formats = parseFormats(opts.format, HANDOUT_FORMATS, DEFAULT_FORMATS);
  if (opts.copies !== undefined && !formats.includes('pdf')) formats = [...formats, 'pdf'];
  const duplex = !(opts.simplex ?? kit?.config.batch?.simplex ?? false);
  const guide = await readGuide(opts.content);
  const result = await buildDocuments([{ kind: 'handout', formats, minutes: kit?.config.meeting?.minutes }], {
    guide,
    renderer: await createTemplateRenderer(opts.templates),
    theme,
    fonts: readFontSet(theme.fontFamily),
    timestamp: sourceDateEpoch(),
    deflate: nativeDeflate,
  });
  const dir = join(opts.out, 'handout');
  const checked = applyStrict(result.diagnostics, opts.strict);
  await writeOutputs(dir, result.files, checked.diagnostics, { force: opts.force });
  const pdf = result.files.find((f) => f.name === 'handout.pdf');
  if (opts.copies !== undefined && pdf) {
    // Streamed to disk: the copies share fonts, but each copy's pages are written out.
    // What only --copies needs loads when it is asked for.
    const [{ PrintFileWriter }, { preparePrintFragment }, { FolderStore }] = await Promise.all([
      import('../../batch/print-file.js'),
      import('../../batch/print-fragment.js'),
      import('../io/folder-store.js'),
    ]);
    const fragment = await preparePrintFragment(pdf.bytes);
    const stream = await new FolderStore(dir).openStream(PRINT_NAME);
    let pages: number;
    try {
      const writer = new PrintFileWriter(stream, { duplex, title: `${guide.title} (${opts.copies} copies)` });
      for (let i = 0; i < opts.copies; i++) await writer.append(fragment);
      pages = (await writer.finish()).pages;
      await stream.commit();
    } catch (error) {
      await stream.abort();
      throw error;
    }
    process.stdout.write(`wrote ${displayPath(resolve(dir, PRINT_NAME))} (${pages} pages, ${opts.copies} ${opts.copies === 1 ? 'copy' : 'copies'})\n`);
  }
  return checked.exitCode;
}
