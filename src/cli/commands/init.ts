/** `interview-kit init [dir]`: a commented sample interview.yaml to start from. */
import type { Command } from 'commander';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { InputError } from '../../diagnostics.js';
import { interviewJsonSchema } from '../../load/json-schema.js';
import { displayPath, packageRoot, readGuide } from '../../node/assets.js';
import { runAction } from '../report.js';

/** The sample interview file `init` writes, with the editor schema line. */
export function sampleInterview(): string {
  const example = readFileSync(join(packageRoot, 'content', 'examples', 'maya.yaml'), 'utf8');
  const body = example.replace(/^# yaml-language-server:.*\n/m, '');
  return `# yaml-language-server: $schema=./interview.schema.json\n${body}`;
}

/**
 * The command that starts this program from the working directory: `interview-kit`
 * when it is installed (on the PATH), `npx interview-kit` inside a clone of its
 * repository, else the launcher's path.
 */
export function howToRun(): string {
  if (packageRoot.split(sep).includes('node_modules')) return 'interview-kit';
  const fromHere = relative(process.cwd(), packageRoot);
  if (!fromHere.startsWith('..')) return 'npx interview-kit';
  return `node ${join(packageRoot, 'bin', 'interview-kit.js')}`;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write a commented sample interview.yaml, its JSON Schema for editor completion, and a sample kit.yaml')
    .argument('[dir]', 'folder to write into', '.')
    .option('--force', 'overwrite existing files')
    .option('--debug', 'show stack traces for internal errors')
    .addHelpText('after', '\nExamples:\n  interview-kit init\n  interview-kit init my-interview\n\nExit codes: 0 written, 2 a file is already there (--force replaces it) or the folder cannot be written.')
    .action(async (dir: string, opts: { force?: boolean; debug?: boolean }) => {
      await runAction(async () => {
        const target = resolve(dir);
        mkdirSync(target, { recursive: true });
        const files: [string, string][] = [
          ['interview.yaml', sampleInterview()],
          ['interview.schema.json', `${JSON.stringify(interviewJsonSchema(await readGuide()), null, 2)}\n`],
        ];
        const kit = join(packageRoot, 'content', 'examples', 'kit.yaml');
        if (existsSync(kit)) files.push(['kit.yaml', readFileSync(kit, 'utf8')]);
        const clashes = files.filter(([name]) => existsSync(join(target, name)));
        if (clashes.length > 0 && !opts.force) {
          throw new InputError(
            clashes.map(([name]) => ({
              severity: 'error' as const,
              file: displayPath(join(target, name)),
              message: 'already exists; not overwritten',
              hints: ['pass --force to replace it, or choose another folder: interview-kit init my-interview'],
            })),
          );
        }
        for (const [name, text] of files) {
          writeFileSync(join(target, name), text);
          process.stdout.write(`wrote ${displayPath(join(target, name))}\n`);
        }
        process.stdout.write(`next: edit interview.yaml, then run: ${howToRun()} build ${displayPath(join(target, 'interview.yaml'))}\n`);
      }, opts.debug);
    });
}
