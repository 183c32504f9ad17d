/**
 * Checks the bytes of an office logo: a PNG or JPEG file with a readable
 * pixel size, recognised by its header (not its name), and not absurdly large.
 *
 * @example
 * const { logo, diagnostics } = checkLogo(bytes, 'kit.yaml', 'seal.png');
 */
import type { Diagnostic } from '../diagnostics.js';
import { checkImageData } from '../image-check.js';
import { readImageInfo } from '../image-size.js';
import type { Logo } from '../theme.js';
import type { Position } from './yaml-source.js';

/** A logo larger than this is refused (4 MiB); a print logo needs far less. */
export const MAX_LOGO_BYTES = 4 * 1024 * 1024;

/** A logo of more pixels than this is refused before it is decoded (16 megapixels, e.g. 4000 × 4000); a print logo needs far fewer. */
export const MAX_LOGO_PIXELS = 16_000_000;

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
  if (image.width * image.height > MAX_LOGO_PIXELS) {
    return {
      diagnostics: [
        {
          severity: 'error',
          message: `office.logo "${logoPath}" has too many pixels (${image.width} × ${image.height}; the limit is ${MAX_LOGO_PIXELS / 1e6} megapixels)`,
          ...where,
          hints: ['scale the image down; 600 pixels wide is plenty for print'],
        },
      ],
    };
  }
  const damage = checkImageData(bytes, image.type);
  if (damage) {
    return {
      diagnostics: [
        {
          severity: 'error',
          message: `office.logo "${logoPath}" is a damaged ${image.type === 'png' ? 'PNG' : 'JPEG'} image: ${damage}`,
          ...where,
          hints: ['open the logo in an image editor and export it again as .png or .jpg'],
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
