/** `interview-kit questions`: the question bank with ids and groups. */
import type { Command } from 'commander';
import { readGuide } from '../../node/assets.js';
import { runAction } from '../report.js';

/** Strips the light Markdown of guide text for the terminal. */
function plain(text: string): string {
  return text.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/\*([^*]+)\*/g, '$1').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
}

export function registerQuestions(program: Command): void {
  program
    .command('questions')
    .description('list the question bank: groups and question ids to use in questions.include / exclude')
    .option('--content <dir>', 'folder with your own guide.yaml')
    .option('--json', 'print as JSON')
    .option('--debug', 'show stack traces for internal errors')
    .addHelpText('after', '\nExamples:\n  interview-kit questions\n  interview-kit questions --json\n\nExit codes: 0 printed, 2 the guide cannot be read.')
    .action(async (opts: { content?: string; json?: boolean; debug?: boolean }) => {
      await runAction(async () => {
        const guide = await readGuide(opts.content);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(guide.question_groups, null, 2)}\n`);
          return;
        }
        const lines: string[] = [];
        for (const group of guide.question_groups) {
          lines.push(`${group.id}  (${plain(group.title)}, ${group.questions.length} questions)`);
          const width = Math.max(...group.questions.map((q) => q.id.length));
          for (const q of group.questions) {
            lines.push(`  ${q.id.padEnd(width)}  ${q.starter ? '*' : ' '} ${plain(q.text)}`);
          }
          lines.push('');
        }
        lines.push('* = in the default selection when questions.include is not set');
        lines.push('Use group ids or question ids in questions.include and questions.exclude.');
        process.stdout.write(`${lines.join('\n')}\n`);
      }, opts.debug);
    });
}
