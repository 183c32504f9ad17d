/**
 * Pixel size of the logo, so layout can scale it without decoding it (read
 * by the shared header reader, src/image-size.ts).
 */
import { readImageInfo, type ImageSize } from '../../image-size.js';

export type { ImageSize } from '../../image-size.js';

/** Thrown when the logo bytes are not the PNG or JPEG they claim to be. */
export class LogoFormatError extends Error {
  constructor(type: string) {
    super(`the office logo is not a readable ${type.toUpperCase()} file; export it again as PNG or JPEG`);
    this.name = 'LogoFormatError';
  }
}

/** Reads the pixel size of a PNG or JPEG image; throws {@link LogoFormatError} when it is not of `type`. */
export function readImageSize(bytes: Uint8Array, type: 'png' | 'jpeg'): ImageSize {
  const info = readImageInfo(bytes);
  if (!info || info.type !== type) throw new LogoFormatError(type);
  return { width: info.width, height: info.height };
}
