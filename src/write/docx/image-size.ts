/**
 * Pixel size of the logo, so it can be scaled without distortion (read by
 * the shared header reader, src/image-size.ts).
 */
import { readImageInfo, type ImageSize } from '../../image-size.js';
import type { Logo } from '../../theme.js';
import { DocxLogoError } from './errors.js';

export type { ImageSize } from '../../image-size.js';

/** Reads the pixel size of a logo; throws DocxLogoError when the bytes are not the declared type. */
export function readImageSize(logo: Logo): ImageSize {
  const info = readImageInfo(logo.bytes);
  if (!info || info.type !== logo.type) throw new DocxLogoError(`not a valid ${logo.type.toUpperCase()} image`);
  return { width: info.width, height: info.height };
}
