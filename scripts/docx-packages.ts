/**
 * Prepares the Word packages (styles, numbering, header, footer, document
 * properties) of the bundled documents in the default themes, Letter and A4:
 * every example's packet and question sheet, the thank-you letter and the
 * handout. It writes them as they are built in a normal run, so a cold
 * `interview-kit build` fills in a prepared package instead of running docx
 * (see src/write/docx/package.ts). Documents of another theme (a kit.yaml)
 * or another shape still get theirs built on first use.
 *
 * Run by scripts/build.mjs: `node docx-packages.mjs ROOT OUT_DIR`.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProgram } from '../src/cli/main.js';
import { takeExitCode } from '../src/cli/report.js';
import { preparePackages } from '../src/write/docx/package.js';

const [root, outDir] = process.argv.slice(2) as [string, string];
const examples = join(root, 'content', 'examples');
const interviews = readdirSync(examples).filter((name) => name.endsWith('.yaml') && name !== 'kit.yaml' && name !== 'roster.yaml');

const scratch = mkdtempSync(join(tmpdir(), 'ik-docx-packages-'));
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = () => true; // the commands report every file they write
try {
  for (const pageSize of ['letter', 'a4']) {
    const common = ['--out', scratch, '--format', 'docx', '--page-size', pageSize];
    const runs = [
      ...interviews.map((name) => ['build', join(examples, name), ...common]),
      ['thank-you', join(examples, 'maya-after.yaml'), ...common],
      ['handout', ...common],
    ];
    for (const args of runs) {
      // The program itself, not main(): main() would hand the writer the packages of the last build.
      await createProgram().parseAsync(['node', 'interview-kit', ...args]);
      const code = takeExitCode();
      if (code !== 0) throw new Error(`interview-kit ${args.join(' ')} exited with ${code}`);
    }
  }
} finally {
  process.stdout.write = write;
  rmSync(scratch, { recursive: true, force: true });
}
writeFileSync(join(outDir, 'docx-packages.json'), JSON.stringify(preparePackages()));
