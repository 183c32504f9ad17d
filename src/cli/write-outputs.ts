/** Writing a command's documents and telling the user what was written. */
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { displayPath } from './assets.js';
import type { DocumentFile } from '../pipeline.js';
import { writeFilesAtomically } from './io/index.js';
import { printDiagnostics } from './report.js';
import { terminalText } from './terminal-text.js';

/**
 * Writes `files` into `dir` atomically, then prints the run's diagnostics
 * and one "wrote …" line per file (with its page count for PDFs).
 */
export async function writeOutputs(dir: string, files: readonly DocumentFile[], diagnostics: readonly Diagnostic[]): Promise<void> {
  await writeFilesAtomically(dir, files);
  printDiagnostics(diagnostics);
  for (const f of files) {
    const pages = f.pages ? ` (${f.pages} ${f.pages === 1 ? 'page' : 'pages'})` : '';
    process.stdout.write(terminalText(`wrote ${displayPath(join(dir, f.name))}${pages}\n`));
  }
}
