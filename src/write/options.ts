/**
 * Options every writer takes. Writers are pure: the clock, fonts and theme
 * come in here; no writer reads files or the time.
 */
import type { Theme } from '../theme.js';
import type { Deflate } from './deflate.js';

export interface WriteOptions {
  readonly theme: Theme;
  /**
   * Seconds since the Unix epoch for the document's creation/modification
   * dates (from SOURCE_DATE_EPOCH). When absent, a fixed date is written so
   * the same input always gives the same bytes.
   */
  readonly timestamp?: number;
  /** zlib compressor for streams and zip entries (default: pure JavaScript; the CLI passes Node's zlib). */
  readonly deflate?: Deflate;
}

/** 2000-01-01T00:00:00Z: the date written when no timestamp is given. */
export const FIXED_TIMESTAMP = 946684800;

/** The document date to write, as a Date. */
export function documentDate(options: WriteOptions): Date {
  return new Date((options.timestamp ?? FIXED_TIMESTAMP) * 1000);
}
