/**
 * zlib (FlateDecode) compression for PDF streams, in pure JavaScript so the
 * writer runs in a browser too.
 */
import { zlibSync } from 'fflate';

/** Compresses bytes in the zlib format PDF's FlateDecode filter reads. */
export function deflateBytes(bytes: Uint8Array): Uint8Array {
  return zlibSync(bytes, { level: 6 });
}

const encoder = new TextEncoder();

/** Compresses an ASCII string (content streams, CMaps). */
export function deflateAscii(text: string): Uint8Array {
  return deflateBytes(encoder.encode(text));
}
