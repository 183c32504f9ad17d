/**
 * Checks the bytes of an office logo: a PNG or JPEG file with a readable
 * pixel size, recognised by its header (not its name), and not absurdly large.
 *
 * @example
 * const { logo, diagnostics } = checkLogo(bytes, 'kit.yaml', 'seal.png');
 */
import type { Diagnostic } from '../diagnostics.js';
import { readImageInfo } from '../image-size.js';
import type { Logo } from '../theme.js';
import type { Position } from './yaml-source.js';

/** A logo larger than this is refused (4 MiB); a print logo needs far less. */
export const MAX_LOGO_BYTES = 4 * 1024 * 1024;

/**
 * Validates logo bytes read from `logoPath` (as written in kit.yaml, for messages).
 * `configFile` and `at` place the diagnostic on the `office.logo` line.
 */
export function checkLogo(
  bytes: Uint8Array,
  configFile: string,
  logoPath: string,
  at?: Position,
): { logo?: Logo; diagnostics: Diagnostic[] } {
  const where = { file: configFile, ...(at ?? {}), field: 'office.logo' };
  if (bytes.length > MAX_LOGO_BYTES) {
    return {
      diagnostics: [
        {
          severity: 'error',
          message: `office.logo "${logoPath}" is too large (${bytes.length} bytes; the limit is ${MAX_LOGO_BYTES})`,
          ...where,
          hints: ['scale the image down; 600 pixels wide is plenty for print'],
        },
      ],
    };
  }
  const image = readImageInfo(bytes);
  if (!image) {
    return {
      diagnostics: [
        {
          severity: 'error',
          message: `office.logo "${logoPath}" is not a PNG or JPEG image`,
          ...where,
          hints: ['export the logo as .png or .jpg and point office.logo at that file'],
        },
      ],
    };
  }
  return { logo: { bytes, type: image.type }, diagnostics: [] };
}

/** The diagnostic for a logo file that cannot be read (missing, a folder, no permission). */
export function logoUnreadable(configFile: string, logoPath: string, reason: string, at?: Position): Diagnostic {
  return {
    severity: 'error',
    message: `office.logo "${logoPath}" cannot be read (${reason})`,
    file: configFile,
    ...(at ?? {}),
    field: 'office.logo',
    hints: ['the path is relative to the folder that holds kit.yaml'],
  };
}
