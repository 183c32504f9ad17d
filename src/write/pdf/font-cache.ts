/**
 * Parses each TrueType font once per process (cached by the byte array's
 * identity) and fixes fontkit's TrueType subsetter: it writes odd-length
 * glyph records without padding, which misaligns the `loca` table so viewers
 * draw blank glyphs; `_addGlyph` is patched once to pad every record to 4
 * bytes.
 *
 * Nothing here shapes text: layout measures with per-code-point advance
 * widths (measure.ts) and paint encodes code points to glyph ids directly
 * (font-embed.ts), so OpenType layout — ~300 ms per document in fontkit —
 * never runs.
 */
import fontkit from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';
import type { FontSet } from './pdf-options.js';
import type { FontKey } from './layout-types.js';

/** The four parsed faces of a family. */
export type ParsedFontSet = { readonly [K in FontKey]: Font };

/** Every face key, in a fixed order. */
export const FONT_KEYS: readonly FontKey[] = ['regular', 'bold', 'italic', 'boldItalic'];

const parsedByBytes = new WeakMap<Uint8Array, Font>();
const patchedSubsetters = new WeakSet<object>();

/** Thrown when the bytes given as a font are not a TrueType font fontkit can read. */
export class FontParseError extends Error {
  constructor(face: FontKey, cause: unknown) {
    super(
      `the ${face} font is not a TrueType font that can be embedded (${String(cause)}); ` +
        'pass the .ttf files of the bundled Noto fonts (WOFF/WOFF2 are not supported)',
    );
    this.name = 'FontParseError';
  }
}

/**
 * Returns the parsed fonts of a set, parsing each byte array only the first
 * time it is seen (cached by the array's identity).
 */
export function parseFontSet(fonts: FontSet): ParsedFontSet {
  return {
    regular: parseFont(fonts.regular, 'regular'),
    bold: parseFont(fonts.bold, 'bold'),
    italic: parseFont(fonts.italic, 'italic'),
    boldItalic: parseFont(fonts.boldItalic, 'boldItalic'),
  };
}

/** Parses one font (cached) and installs the subsetter fix. */
export function parseFont(bytes: Uint8Array, face: FontKey = 'regular'): Font {
  const cached = parsedByBytes.get(bytes);
  if (cached) return cached;
  let font: Font;
  try {
    font = fontkit.create(bytes);
  } catch (error) {
    throw new FontParseError(face, error);
  }
  if (!font || typeof font.glyphForCodePoint !== 'function') {
    throw new FontParseError(face, 'not a single font');
  }
  if (!(font as unknown as { loca?: unknown }).loca) {
    throw new FontParseError(face, 'it has PostScript (CFF) outlines, not TrueType ones');
  }
  patchSubsetter(font);
  parsedByBytes.set(bytes, font);
  return font;
}

interface SubsetInternals {
  _addGlyph(gid: number): number;
  glyf: { length: number; set(source: ArrayLike<number>, offset: number): void }[];
  offset: number;
}

/** Pads every glyph record the TrueType subsetter writes to a multiple of 4 bytes. */
function patchSubsetter(font: Font): void {
  const proto = Object.getPrototypeOf(font.createSubset()) as SubsetInternals;
  if (patchedSubsetters.has(proto)) return;
  const addGlyph = proto._addGlyph;
  proto._addGlyph = function padGlyph(this: SubsetInternals, gid: number): number {
    const index = addGlyph.call(this, gid);
    const record = this.glyf[index]!;
    const rest = record.length % 4;
    if (rest !== 0) {
      // Same buffer class as fontkit's own (its encoder checks the type).
      const BufferClass = record.constructor as unknown as {
        alloc(size: number): SubsetInternals['glyf'][number];
      };
      const padded = BufferClass.alloc(record.length + 4 - rest);
      padded.set(record as unknown as ArrayLike<number>, 0);
      this.glyf[index] = padded;
      this.offset += 4 - rest;
    }
    return index;
  };
  patchedSubsetters.add(proto);
}
