/**
 * Typesetting of values from the student's file, applied once where they
 * enter the Markdown (escapeMarkdown):
 *
 * - a no-break space after an honorific, so "Dr." never ends a line away from
 *   the name it belongs to;
 * - a bidi isolate (FSI … PDI) around any value holding right-to-left text, so
 *   an Arabic or Hebrew name inside an English sentence keeps both orders
 *   right. The writers never draw the isolates; Latin-only values are left
 *   exactly as they are.
 *
 * @example
 * typesetValue('Dr. José Núñez') // 'Dr.\u00a0José Núñez'
 * typesetValue('ليلى حداد')      // '\u2068ليلى حداد\u2069'
 */

/** First strong isolate (U+2068) and pop directional isolate (U+2069). */
export const FSI = '\u2068';
export const PDI = '\u2069';

/** Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation forms. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|\ud802[\udc00-\udfff]|\ud83a[\udc00-\udfff]/;

const HONORIFIC = /(?<![\p{L}\p{N}])(Dr|Mr|Mrs|Ms|Mx|Prof)\. (?=\p{L})/gu;

/** True when `text` holds a right-to-left character. */
export function hasRightToLeft(text: string): boolean {
  return RIGHT_TO_LEFT.test(text);
}

/** Binds honorifics to the name after them with U+00A0. */
export function bindHonorifics(text: string): string {
  return text.includes('. ') ? text.replace(HONORIFIC, '$1.\u00a0') : text;
}

/** Wraps `text` in a first-strong isolate when it holds right-to-left characters. */
export function isolateBidi(text: string): string {
  return hasRightToLeft(text) ? `${FSI}${text}${PDI}` : text;
}

/** Both of the above. */
export function typesetValue(text: string): string {
  return isolateBidi(bindHonorifics(text));
}
