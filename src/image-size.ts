/**
 * The one reader of image headers: whether bytes are a PNG or JPEG, and their
 * pixel size, without decoding them (the `image-size` package, which works on
 * bytes alone and so runs in a browser too). kit.yaml's logo check and both
 * writers use it.
 *
 * @example
 * readImageInfo(bytes); // { type: 'png', width: 600, height: 200 }
 */
import { imageSize } from 'image-size';

/** The image types a logo may be. */
export type ImageType = 'png' | 'jpeg';

/** Width and height in pixels. */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/** What the header of a PNG or JPEG says. */
export interface ImageInfo extends ImageSize {
  readonly type: ImageType;
}

/** Type and pixel size of a PNG or JPEG; undefined for any other bytes, or a header without a usable size. */
export function readImageInfo(bytes: Uint8Array): ImageInfo | undefined {
  let found: { type?: string; width: number; height: number };
  try {
    found = imageSize(bytes);
  } catch {
    return undefined;
  }
  const type = found.type === 'png' ? 'png' : found.type === 'jpg' ? 'jpeg' : undefined;
  if (!type || !(found.width > 0) || !(found.height > 0)) return undefined;
  return { type, width: found.width, height: found.height };
}
