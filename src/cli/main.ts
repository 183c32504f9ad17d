/**
 * The interview-kit command line. Thin: parse flags, call the pipeline,
 * print diagnostics, set the exit code (0 ok, 1 some outputs failed, 2 bad
 * input or usage). Each command lives in commands/<name>.ts.
 *
 * @example
 * // bin/interview-kit.js
 * main(process.argv).then((code) => { process.exitCode = code; });
 */
import { Command, CommanderError } from 'commander';
import { registerBatch } from './commands/batch.js';
import { registerBuild } from './commands/build.js';
import { registerHandout } from './commands/handout.js';
import { registerInit } from './commands/init.js';
import { registerQuestions } from './commands/questions.js';
import { registerSchema } from './commands/schema.js';
import { registerThankYou } from './commands/thank-you.js';
import { registerValidate } from './commands/validate.js';
import { EXIT, takeExitCode } from './report.js';

/** Builds the commander program with every command registered. */
export function createProgram(): Command {
  const program = new Command('interview-kit')
    .description('Prep packets, question sheets, thank-you drafts and print kits for informational interviews.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerBuild(program);
  registerBatch(program);
  registerHandout(program);
  registerInit(program);
  registerQuestions(program);
  registerSchema(program);
  registerThankYou(program);
  registerValidate(program);
  return program;
}

/** Runs the CLI with `argv` (as in process.argv) and resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit with 0; usage mistakes with 2.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    throw error;
  }
  return takeExitCode();
}
