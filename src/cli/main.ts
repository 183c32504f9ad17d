/**
 * The interview-kit command line. Thin: parse flags, call the pipeline,
 * print diagnostics, set the exit code (0 ok, 1 some outputs failed, 2 bad
 * input or usage). Each command lives in commands/<name>.ts and loads when it runs.
 *
 * @example
 * // bin/interview-kit.js
 * main(process.argv).then((code) => { process.exitCode = code; });
 */
import { Command, CommanderError } from 'commander';
import { EXIT, takeExitCode } from './report.js';

/**
 * Each command's module, in the order help lists them. Only the module of
 * the command being run is loaded; help and usage mistakes load them all.
 */
const COMMANDS: Readonly<Record<string, () => Promise<(program: Command) => void>>> = {
  build: async () => (await import('./commands/build.js')).registerBuild,
  batch: async () => (await import('./commands/batch.js')).registerBatch,
  handout: async () => (await import('./commands/handout.js')).registerHandout,
  init: async () => (await import('./commands/init.js')).registerInit,
  questions: async () => (await import('./commands/questions.js')).registerQuestions,
  schema: async () => (await import('./commands/schema.js')).registerSchema,
  'thank-you': async () => (await import('./commands/thank-you.js')).registerThankYou,
  validate: async () => (await import('./commands/validate.js')).registerValidate,
  web: async () => (await import('./commands/web.js')).registerWeb,
};

/** The commander program with command `name` registered, or every command when `name` is none of them. */
export async function createProgram(name?: string): Promise<Command> {
  const program = new Command('interview-kit')
    .description('Prep packets, question sheets, thank-you drafts and print kits for informational interviews.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const names = name !== undefined && Object.hasOwn(COMMANDS, name) ? [name] : Object.keys(COMMANDS);
  for (const register of await Promise.all(names.map((n) => COMMANDS[n]!()))) register(program);
  return program;
}

/** Runs the CLI with `argv` (as in process.argv) and resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = await createProgram(argv[2]);
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
