/** Writing a command's documents and telling the user what was written. */
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { displayPath } from '../node/assets.js';
import type { DocumentFile } from '../pipeline.js';
import { writeGuardedFiles } from './output-manifest.js';
import { printDiagnostics } from './report.js';
import { terminalText } from './terminal-text.js';

/** How {@link writeOutputs} may treat files already in the folder. */
export interface WriteOutputsOptions {
  /** Replace files the user changed or made (--force). */
  readonly force?: boolean;
}

/**
 * Writes `files` into `dir` atomically — never over a file the user changed
 * unless forced — then prints the run's diagnostics and one "wrote …" line
 * per file (with its page count for PDFs).
 */
export async function writeOutputs(dir: string, files: readonly DocumentFile[], diagnostics: readonly Diagnostic[], options: WriteOutputsOptions = {}): Promise<void> {
  await writeGuardedFiles(dir, files, options);
  printDiagnostics(diagnostics);
  for (const f of files) {
    const pages = f.pages ? ` (${f.pages} ${f.pages === 1 ? 'page' : 'pages'})` : '';
    process.stdout.write(terminalText(`wrote ${displayPath(join(dir, f.name))}${pages}\n`));
  }
}
