/**
 * The command-line tools the tests check outputs with — poppler (pdftotext,
 * pdfinfo, pdftoppm, pdffonts), qpdf, mutool, LibreOffice — run so that a
 * missing one fails the test with its name and how to install it, not with
 * a bare "spawnSync ENOENT".
 */
import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';

/** How to install each tool: Debian/Ubuntu package, Homebrew formula. */
const INSTALL: Readonly<Record<string, { readonly apt: string; readonly brew: string }>> = {
  pdftotext: { apt: 'poppler-utils', brew: 'poppler' },
  pdfinfo: { apt: 'poppler-utils', brew: 'poppler' },
  pdftoppm: { apt: 'poppler-utils', brew: 'poppler' },
  pdffonts: { apt: 'poppler-utils', brew: 'poppler' },
  pdfimages: { apt: 'poppler-utils', brew: 'poppler' },
  qpdf: { apt: 'qpdf', brew: 'qpdf' },
  mutool: { apt: 'mupdf-tools', brew: 'mupdf-tools' },
  soffice: { apt: 'libreoffice-writer', brew: '--cask libreoffice' },
};

/** Thrown when a tool the tests need is not on PATH. */
export class MissingToolError extends Error {
  constructor(tool: string) {
    const how = INSTALL[tool];
    super(
      `${tool} is not installed, and this test checks the output with it. ` +
        (how ? `Install it: sudo apt-get install ${how.apt} (Debian, Ubuntu) or brew install ${how.brew} (macOS).` : 'Install it and put it on PATH.'),
    );
    this.name = 'MissingToolError';
  }
}

/** execFileSync for a checking tool; a missing tool throws {@link MissingToolError}. */
export function runTool(tool: string, args: readonly string[], options: ExecFileSyncOptions & { encoding: BufferEncoding }): string;
export function runTool(tool: string, args: readonly string[], options?: ExecFileSyncOptions): Buffer | string;
export function runTool(tool: string, args: readonly string[], options: ExecFileSyncOptions = {}): Buffer | string {
  try {
    return execFileSync(tool, args, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new MissingToolError(tool);
    throw error;
  }
}
