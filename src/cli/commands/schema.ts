/** `interview-kit schema`: the JSON Schema of interview.yaml, for editors' completion and checks. */
import type { Command } from 'commander';
import { interviewJsonSchema } from '../../load/json-schema.js';
import { runAction } from '../report.js';
import { readGuide } from '../../node/assets.js';

/** Registers `schema` on the program. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of interview.yaml (save it as interview.schema.json for editor completion)')
    .option('--content <dir>', 'folder with your own guide.yaml, whose question ids the schema lists (default: the bundled guide)')
    .option('--debug', 'show stack traces for internal errors')
    .addHelpText('after', '\nExample:\n  interview-kit schema > interview.schema.json\n  # then start interview.yaml with: # yaml-language-server: $schema=./interview.schema.json\n\nExit codes: 0 printed, 1 an internal error.')
    .action(async (opts: { content?: string; debug?: boolean }) => {
      await runAction(async () => {
        process.stdout.write(`${JSON.stringify(interviewJsonSchema(await readGuide(opts.content)), null, 2)}\n`);
      }, opts.debug);
    });
}
