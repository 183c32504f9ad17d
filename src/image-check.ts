/**
 * Checks that the bytes of a PNG or JPEG are whole and sound before a writer
 * decodes them: a PNG's chunks, header and compressed pixels (inflated once
 * by fflate, never past the size the header declares); a JPEG's markers up to
 * its frame header. A corrupt image then fails here, with a message, instead
 * of inside a writer's decoder (pdf-lib's PNG decoder can loop forever on a
 * damaged IDAT). Pure: runs in a browser too.
 *
 * @example
 * checkImageData(bytes, 'png'); // undefined when sound, else "the pixel data is damaged"
 */
import { Unzlib } from 'fflate';
import type { ImageType } from './image-size.js';

/** Why the image is unusable, in a few words; undefined when it is sound. */
export function checkImageData(bytes: Uint8Array, type: ImageType): string | undefined {
  return type === 'png' ? checkPng(bytes) : checkJpeg(bytes);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Bits per pixel sample allowed for each PNG colour type, and its samples per pixel. */
const PNG_COLOUR_TYPES: Record<number, { depths: readonly number[]; samples: number }> = {
  0: { depths: [1, 2, 4, 8, 16], samples: 1 },
  2: { depths: [8, 16], samples: 3 },
  3: { depths: [1, 2, 4, 8], samples: 1 },
  4: { depths: [8, 16], samples: 2 },
  6: { depths: [8, 16], samples: 4 },
};
/** Adam7 passes: first column and row, column and row step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

function checkPng(bytes: Uint8Array): string | undefined {
  if (bytes.length < 8 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return 'not a PNG file';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | undefined;
  let palette = false;
  let ended = false;
  const data: Uint8Array[] = [];
  while (pos + 12 <= bytes.length) {
    const length = view.getUint32(pos);
    const name = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8));
    const start = pos + 8;
    if (length > bytes.length - start - 4) return `the ${name} chunk runs past the end of the file`;
    const body = bytes.subarray(start, start + length);
    pos = start + length + 4;
    if (!header && name !== 'IHDR') return 'the IHDR chunk is not first';
    if (name === 'IHDR') {
      if (header || length !== 13) return 'the IHDR chunk is damaged';
      const h = new DataView(body.buffer, body.byteOffset, 13);
      header = { width: h.getUint32(0), height: h.getUint32(4), depth: body[8]!, colour: body[9]!, interlace: body[12]! };
      const kind = PNG_COLOUR_TYPES[header.colour];
      if (!kind || !kind.depths.includes(header.depth)) return 'the header names an unknown colour type or bit depth';
      if (body[10] !== 0 || body[11] !== 0 || header.interlace > 1) return 'the header names an unknown compression, filter or interlace method';
      if (header.width === 0 || header.height === 0) return 'the header gives no pixel size';
    } else if (name === 'PLTE') palette = true;
    else if (name === 'IDAT') data.push(body);
    else if (name === 'IEND') {
      ended = true;
      break;
    }
  }
  if (!header) return 'the IHDR chunk is missing';
  if (!ended) return 'the file is cut short (no IEND chunk)';
  if (data.length === 0) return 'it has no pixel data (no IDAT chunk)';
  if (header.colour === 3 && !palette) return 'a palette image without its palette (no PLTE chunk)';
  return checkPngPixels(data, header);
}

/** Inflates the IDAT stream once, counting bytes (never keeping them) and checking every row's filter byte. */
function checkPngPixels(
  data: readonly Uint8Array[],
  header: { width: number; height: number; depth: number; colour: number; interlace: number },
): string | undefined {
  const bitsPerPixel = header.depth * PNG_COLOUR_TYPES[header.colour]!.samples;
  const rows: number[] = []; // bytes per row (filter byte included), pass by pass
  const passes = header.interlace ? ADAM7 : ([[0, 0, 1, 1]] as const);
  for (const [x0, y0, dx, dy] of passes) {
    const w = Math.ceil((header.width - x0) / dx);
    const h = Math.ceil((header.height - y0) / dy);
    if (w <= 0 || h <= 0) continue;
    const rowBytes = 1 + Math.ceil((w * bitsPerPixel) / 8);
    for (let y = 0; y < h; y++) rows.push(rowBytes);
  }
  const expected = rows.reduce((n, r) => n + r, 0);
  let seen = 0;
  let row = 0;
  let nextRowAt = 0;
  let problem: string | undefined;
  let done = false;
  const inflater = new Unzlib((chunk, final) => {
    if (problem) return;
    for (; nextRowAt < seen + chunk.length && row < rows.length; nextRowAt += rows[row++]!) {
      if (chunk[nextRowAt - seen]! > 4) {
        problem = 'the pixel data is damaged (an unknown row filter)';
        return;
      }
    }
    seen += chunk.length;
    if (seen > expected) problem = 'the pixel data is larger than the header says';
    if (final) done = true;
  });
  try {
    // In slices of 4 KB, which inflate to 4 MB at most, so that a bomb stops soon after it outgrows the header.
    const SLICE = 4096;
    for (let i = 0; i < data.length && !problem; i++) {
      const chunk = data[i]!;
      for (let at = 0; at < chunk.length && !problem; at += SLICE) {
        inflater.push(chunk.subarray(at, at + SLICE), i === data.length - 1 && at + SLICE >= chunk.length);
      }
    }
  } catch {
    return 'the pixel data is damaged (it does not decompress)';
  }
  if (problem) return problem;
  if (!done || seen < expected) return 'the pixel data is cut short';
  return undefined;
}

function checkJpeg(bytes: Uint8Array): string | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return 'not a JPEG file';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 2;
  while (pos + 4 <= bytes.length) {
    if (bytes[pos] !== 0xff) return 'the JPEG markers are damaged';
    const marker = bytes[pos + 1]!;
    if (marker === 0xff) {
      pos += 1;
      continue;
    }
    const length = view.getUint16(pos + 2);
    if (length < 2 || pos + 2 + length > bytes.length) return 'the JPEG markers are damaged';
    // Start-of-frame markers (C0–CF except C4 Huffman, C8 reserved, CC arithmetic): precision, height, width, components.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (length < 8) return 'the JPEG frame header is damaged';
      const components = bytes[pos + 9]!;
      if (![1, 3, 4].includes(components)) return `a JPEG with ${components} colour components (1, 3 or 4 are usable)`;
      if (view.getUint16(pos + 5) === 0 || view.getUint16(pos + 7) === 0) return 'the JPEG frame header gives no pixel size';
      return undefined;
    }
    pos += 2 + length;
  }
  return 'the JPEG has no frame header';
}
