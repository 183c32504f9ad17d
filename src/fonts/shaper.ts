/**
 * Shaping with HarfBuzz (harfbuzzjs, HarfBuzz compiled to WebAssembly): the
 * glyphs, advances and mark offsets of a run of Arabic, Hebrew, Devanagari
 * or Thai. Loaded with a dynamic import, so only a document that has such a
 * run pays for it (some 35 ms, once per process); Latin, Greek, Cyrillic and
 * CJK text is set from the character map alone.
 */
import type { TrueTypeFont } from './truetype.js';

/** One shaped glyph, in font units. `cluster` is the UTF-16 offset of its first character in the run. */
export interface ShapedGlyph {
  readonly glyphId: number;
  readonly cluster: number;
  readonly advance: number;
  readonly dx: number;
  readonly dy: number;
}

/** Shapes runs of text in a face. */
export interface Shaper {
  /** The glyphs of `text` in visual order (right to left runs come out reversed, as drawn). */
  shape(font: TrueTypeFont, text: string, rightToLeft: boolean): readonly ShapedGlyph[];
}

/** The harfbuzzjs module. */
export type HarfBuzz = typeof import('harfbuzzjs');

let loading: Promise<Shaper> | undefined;

/** The shaper, loading HarfBuzz on first use. */
export function loadShaper(): Promise<Shaper> {
  loading ??= import('harfbuzzjs').then(createShaper);
  return loading;
}

const RESULT_CACHE_LIMIT = 2000;

function createShaper(hb: HarfBuzz): Shaper {
  const fonts = new WeakMap<TrueTypeFont, InstanceType<HarfBuzz['Font']>>();
  const results = new WeakMap<TrueTypeFont, Map<string, readonly ShapedGlyph[]>>();
  const fontOf = (font: TrueTypeFont) => {
    let hbFont = fonts.get(font);
    if (!hbFont) {
      hbFont = new hb.Font(new hb.Face(new hb.Blob(font.bytes)));
      fonts.set(font, hbFont);
    }
    return hbFont;
  };
  return {
    shape(font, text, rightToLeft) {
      let cache = results.get(font);
      if (!cache) {
        cache = new Map();
        results.set(font, cache);
      }
      const key = (rightToLeft ? 'r' : 'l') + text;
      let glyphs = cache.get(key);
      if (!glyphs) {
        const buffer = new hb.Buffer();
        buffer.addText(text);
        buffer.guessSegmentProperties();
        buffer.setDirection(rightToLeft ? hb.Direction.RTL : hb.Direction.LTR);
        // Marks get clusters of their own, so each glyph stands for as few characters as possible.
        buffer.setClusterLevel(rightToLeft ? hb.ClusterLevel.MONOTONE_GRAPHEMES : hb.ClusterLevel.MONOTONE_CHARACTERS);
        hb.shape(fontOf(font), buffer);
        glyphs = buffer.getGlyphInfosAndPositions().map((g) => ({
          glyphId: g.codepoint,
          cluster: g.cluster,
          advance: g.xAdvance ?? 0,
          dx: g.xOffset ?? 0,
          dy: g.yOffset ?? 0,
        }));
        if (cache.size >= RESULT_CACHE_LIMIT) cache.clear();
        cache.set(key, glyphs);
      }
      return glyphs;
    },
  };
}
