/**
 * Builds the bundled documents in the default themes, Letter and A4 (every
 * example's packet and question sheet, the thank-you letter and the handout)
 * and keeps what every later run would build again:
 * - dist/docx-packages.json: their Word packages (styles, numbering, header,
 *   footer, document properties; see src/write/docx/package.ts).
 * A cold `interview-kit build` then fills these in instead of building them.
 * Documents of another theme (a kit.yaml) or other scripts still get theirs
 * built on first use.
 *
 * Run by scripts/build.mjs: `node prepare-documents.mjs ROOT OUT_DIR`.
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

const scratch = mkdtempSync(join(tmpdir(), 'ik-prepare-'));
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = () => true; // the commands report every file they write
try {
  for (const pageSize of ['letter', 'a4']) {
    const common = ['--out', scratch, '--format', 'pdf,docx', '--page-size', pageSize];
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
