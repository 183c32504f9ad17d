/**
 * zlib compression for PDF streams and DOCX zip entries. Writers take the
 * compressor through their options: the default is pure JavaScript (fflate,
 * in deflate-js.ts, loaded only when no compressor is given), so the writers
 * run in a browser; the CLI passes Node's native zlib, which is several times
 * faster, above all in a short-lived process.
 */

/** Compresses bytes to the zlib format (RFC 1950), as PDF's FlateDecode filter reads. */
export type Deflate = (data: Uint8Array) => Uint8Array;

/** The compressor a writer was given, or the pure-JavaScript one (fflate builds its tables as it loads). */
export async function deflateOrDefault(deflate: Deflate | undefined): Promise<Deflate> {
  return deflate ?? (await import('./deflate-js.js')).defaultDeflate;
}

const encoder = new TextEncoder();

/** Compresses an ASCII or UTF-8 string. */
export function deflateText(deflate: Deflate, text: string): Uint8Array {
  return deflate(encoder.encode(text));
}

/** Raw DEFLATE data (RFC 1951), as zip entries hold it: the zlib stream without its 2-byte header and 4-byte checksum. */
export function deflateRaw(deflate: Deflate, data: Uint8Array): Uint8Array {
  const zlib = deflate(data);
  return zlib.subarray(2, zlib.length - 4);
}
