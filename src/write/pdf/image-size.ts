/**
 * Pixel size of a PNG or JPEG from its header, so layout can scale the logo
 * without decoding it.
 */

/** Width and height in pixels. */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/** Thrown when the logo bytes are not the PNG or JPEG they claim to be. */
export class LogoFormatError extends Error {
  constructor(type: string) {
    super(`the office logo is not a readable ${type.toUpperCase()} file; export it again as PNG or JPEG`);
    this.name = 'LogoFormatError';
  }
}

/** Reads the pixel size of a PNG or JPEG image. */
export function readImageSize(bytes: Uint8Array, type: 'png' | 'jpeg'): ImageSize {
  const size = type === 'png' ? pngSize(bytes) : jpegSize(bytes);
  if (!size || size.width <= 0 || size.height <= 0) throw new LogoFormatError(type);
  return size;
}

function pngSize(b: Uint8Array): ImageSize | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 24 || signature.some((v, i) => b[i] !== v)) return undefined;
  return { width: readU32(b, 16), height: readU32(b, 20) };
}

function jpegSize(b: Uint8Array): ImageSize | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const length = (b[i + 2]! << 8) | b[i + 3]!;
    // Start-of-frame markers carry the size (not DHT C4, JPG C8, DAC CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]! };
    }
    i += 2 + length;
  }
  return undefined;
}

function readU32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
}
