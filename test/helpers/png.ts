/** Small PNG files made byte by byte, for tests of damaged and hostile images. */
import { crc32 } from 'node:zlib';

/** One PNG chunk with its length and CRC. */
export function pngChunk(name: string, body: Uint8Array): Uint8Array {
  const b = Buffer.alloc(12 + body.length);
  b.writeUInt32BE(body.length, 0);
  b.write(name, 4, 'latin1');
  Buffer.from(body).copy(b, 8);
  b.writeUInt32BE(crc32(b.subarray(4, 8 + body.length)) >>> 0, 8 + body.length);
  return b;
}

/** A truecolour PNG of `width` × `height` declared pixels whose IDAT holds `idat` (a zlib stream, sound or not). */
export function makePng(width: number, height: number, idat: Uint8Array): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', idat),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/** A 1 × 1 PNG whose IDAT is a zlib header and one byte of a block that never ends: pdf-lib's decoder loops on it forever. */
export const SPINNING_PNG = makePng(1, 1, Uint8Array.from([0x78, 0x9c, 0x04]));
