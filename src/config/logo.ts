/**
 * Checks the bytes of an office logo: a PNG or JPEG file, recognised by its
 * signature (not its name), and not absurdly large.
 *
 * @example
 * const { logo, diagnostics } = checkLogo(bytes, 'kit.yaml', 'seal.png');
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Logo } from '../theme.js';
import type { Position } from './yaml-source.js';

/** A logo larger than this is refused (4 MiB); a print logo needs far less. */
export const MAX_LOGO_BYTES = 4 * 1024 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** 'png' or 'jpeg' from the file's first bytes, or undefined for anything else. */
export function detectImageType(bytes: Uint8Array): Logo['type'] | undefined {
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return undefined;
}

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
  const type = detectImageType(bytes);
  if (!type) {
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
  return { logo: { bytes, type }, diagnostics: [] };
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
