/** The pure-JavaScript zlib compressor: what the writers use when given none. */
import { zlibSync } from 'fflate';
import type { Deflate } from './deflate.js';

/** fflate at level 6. */
export const defaultDeflate: Deflate = (data) => zlibSync(data, { level: 6 });
