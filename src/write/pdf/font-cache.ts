/**
 * Parses each TrueType face once per process, cached by the identity of its
 * byte array, so a batch of documents shares one parse (and the caches of
 * measure.ts and font-program.ts that hang off it).
 */
import type { FontSet } from './pdf-options.js';
import type { FontKey } from './layout-types.js';
import { parseTrueType, type TrueTypeFont } from '../../fonts/truetype.js';

/** The four parsed faces of a family. */
export type ParsedFontSet = { readonly [K in FontKey]: TrueTypeFont };

/** Every face key, in a fixed order. */
export const FONT_KEYS: readonly FontKey[] = ['regular', 'bold', 'italic', 'boldItalic'];

const parsedByBytes = new WeakMap<Uint8Array, TrueTypeFont>();

/** Thrown when the bytes given as a face are not a TrueType font that can be embedded. */
export class FontParseError extends Error {
  constructor(face: FontKey, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`the ${face} font is not a TrueType font that can be embedded (${detail}); pass the .ttf files of the bundled Noto fonts`);
    this.name = 'FontParseError';
  }
}

/** Returns the parsed faces of a set, parsing each byte array only the first time it is seen. */
export function parseFontSet(fonts: FontSet): ParsedFontSet {
  return {
    regular: parseFont(fonts.regular, 'regular'),
    bold: parseFont(fonts.bold, 'bold'),
    italic: parseFont(fonts.italic, 'italic'),
    boldItalic: parseFont(fonts.boldItalic, 'boldItalic'),
  };
}

/** Parses one face (cached by the byte array's identity). */
export function parseFont(bytes: Uint8Array, face: FontKey = 'regular'): TrueTypeFont {
  let font = parsedByBytes.get(bytes);
  if (!font) {
    try {
      font = parseTrueType(bytes);
    } catch (error) {
      throw new FontParseError(face, error);
    }
    parsedByBytes.set(bytes, font);
  }
  return font;
}
