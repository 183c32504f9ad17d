/** The pure-JavaScript zlib compressor: what the writers use when given none (see deflate.ts). */
import { zlibSync } from 'fflate';

/** fflate at level 6, a `Deflate`. */
export const defaultDeflate = (data: Uint8Array): Uint8Array => zlibSync(data, { level: 6 });
