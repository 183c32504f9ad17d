/**
 * File and folder names made from people's names, safe on Linux, macOS and
 * Windows: lower-case words joined by hyphens, accents removed, Greek and
 * Cyrillic spelt in Latin letters, other scripts kept readable; never a
 * path separator, `..`, a control character, a reserved Windows name or a
 * leading or trailing dot or space.
 *
 * @example
 * safeFileName('Dr. José Núñez');      // 'dr-jose-nunez'
 * safeFileName('Σοφία Παπαδοπούλου');  // 'sofia-papadopoulou'
 * safeFileName('Дмитрий Иванов');      // 'dmitrii-ivanov'
 * safeFileName('王小明');               // '王小明'
 */
import { transliterate } from './transliterate.js';

/** Longest name returned, in characters. */
export const MAX_NAME_LENGTH = 64;

/** Names Windows reserves for devices, with or without an extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/** True for a name Windows reserves (CON, PRN, AUX, NUL, COM1…, LPT1…), with or without extension. */
export function isReservedName(name: string): boolean {
  return WINDOWS_RESERVED.test(name.split('.')[0]!.trim());
}

/**
 * A safe file name for `name`; '' when nothing usable is left (only
 * punctuation or symbols), so callers choose their own fallback.
 */
export function safeFileName(name: string): string {
  const words = transliterate(name.normalize('NFKC').toLowerCase().replace(/['’ʼ‘]/gu, ''))
    // Letters (with their marks, for scripts such as Devanagari) and digits only; everything else separates words.
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^[-\p{M}]+|-+$/gu, '');
  const out = truncate(words, MAX_NAME_LENGTH);
  return isReservedName(out) ? `${out}_` : out;
}

/** Cuts `slug` to at most `max` characters, at a hyphen when one is near the end. */
export function truncate(slug: string, max: number): string {
  const chars = [...slug];
  if (chars.length <= max) return slug;
  let cut = chars.slice(0, max).join('');
  const hyphen = cut.lastIndexOf('-');
  // Cut at a word boundary unless the cut already is one, or the last word would take most of the name.
  if (chars[max] !== '-' && hyphen >= max / 2) cut = cut.slice(0, hyphen);
  return cut.replace(/-+$/u, '');
}
