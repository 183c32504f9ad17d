/**
 * Errors of the DOCX writer. Each says what failed and how to fix it.
 */

/** The office logo's bytes are not an image this writer can size. */
export class DocxLogoError extends Error {
  constructor(detail: string) {
    super(`the office logo could not be read (${detail}); give a PNG or JPEG file, e.g. re-export it as PNG`);
    this.name = 'DocxLogoError';
  }
}
