/**
 * Text measurement for layout: widths from cached per-code-point advance
 * widths of the parsed fonts (no shaping, no kerning — exactly what `paint`
 * draws), plus vertical metrics and glyph coverage. Text with characters of
 * a fallback script or directional controls is measured as `paint` sets it
 * (font-runs.ts: fallback faces, bidi order, shaping).
 */
import type { ParsedFontSet } from './font-cache.js';
import type { TrueTypeFont } from '../../fonts/truetype.js';
import { fallbackFor, isBidiControl } from '../../fonts/fallback.js';
import { needsRuns, setText, type FontStack } from './font-runs.js';
import type { FontKey } from './layout-types.js';
import { ownCopy } from './cache-key.js';

/** What layout needs to know about the fonts. */
export interface Metrics {
  /** Width in points of `text` set in `font` at `size`. */
  widthOf(text: string, font: FontKey, size: number): number;
  /** Height above the baseline, as a fraction of the font size. */
  ascent(font: FontKey): number;
  /** Depth below the baseline (positive), as a fraction of the font size. */
  descent(font: FontKey): number;
  /** True when `font` has a glyph for the code point. */
  hasGlyph(codePoint: number, font: FontKey): boolean;
  /** True when `font` has a glyph for every character of `text` (cached per string). */
  coversText(text: string, font: FontKey): boolean;
}

/** Per-font caches that live as long as the parsed font (across documents). */
interface FontMeasurer {
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  /** Advance width per code point, in em. */
  readonly advances: Map<number, number>;
  /** Width per string (words, mostly), in em. */
  readonly words: Map<string, number>;
  readonly coverage: Map<number, boolean>;
  /** Strings known to be fully covered. */
  readonly coveredTexts: Set<string>;
}

const measurers = new WeakMap<TrueTypeFont, FontMeasurer>();
/** Words kept per face: a packet has ~2,500, so a few packets fit; small enough that a long batch stays flat. */
const WORD_CACHE_LIMIT = 10000;

/**
 * Builds `Metrics` over the parsed faces of a family and, when given, the
 * fallback faces of `stack` (whose `main` is `fonts`).
 */
export function createFontMetrics(fonts: ParsedFontSet, stack?: FontStack): Metrics {
  const table: Record<FontKey, FontMeasurer> = {
    regular: measurerOf(fonts.regular),
    bold: measurerOf(fonts.bold),
    italic: measurerOf(fonts.italic),
    boldItalic: measurerOf(fonts.boldItalic),
  };
  const fontOf: Record<FontKey, TrueTypeFont> = fonts;
  const mainHasGlyph = (codePoint: number, font: FontKey): boolean => {
    const m = table[font];
    let has = m.coverage.get(codePoint);
    if (has === undefined) {
      has = fontOf[font].glyphId(codePoint) !== 0;
      m.coverage.set(codePoint, has);
    }
    return has;
  };
  /** Drawn by a fallback face of this document, or a control that is never drawn. */
  const stackHasGlyph = (codePoint: number): boolean => {
    if (!stack || codePoint < 0x0590) return false;
    if (isBidiControl(codePoint)) return true;
    const id = fallbackFor(codePoint);
    return id !== undefined && (stack.fallbacks.get(id)?.glyphId(codePoint) ?? 0) !== 0;
  };
  const hasGlyph = (codePoint: number, font: FontKey): boolean => mainHasGlyph(codePoint, font) || stackHasGlyph(codePoint);
  return {
    widthOf(text, font, size) {
      const m = table[font];
      let em = m.words.get(text);
      if (em === undefined) {
        // Kept out of the word cache, which outlives the document and its fallback faces.
        if (stack && needsRuns(text)) return setText(stack, text, font).width * size;
        em = 0;
        for (let i = 0; i < text.length; i++) {
          const cp = text.codePointAt(i)!;
          if (cp > 0xffff) i++;
          let advance = m.advances.get(cp);
          if (advance === undefined) {
            const face = fontOf[font];
            advance = face.advanceWidth(face.glyphId(cp)) / m.unitsPerEm;
            m.advances.set(cp, advance);
          }
          em += advance;
        }
        if (m.words.size > WORD_CACHE_LIMIT) m.words.clear();
        m.words.set(ownCopy(text), em);
      }
      return em * size;
    },
    ascent: (font) => table[font].ascent,
    descent: (font) => table[font].descent,
    hasGlyph,
    coversText(text, font) {
      const m = table[font];
      if (m.coveredTexts.has(text)) return true;
      let byFallback = false;
      for (let i = 0; i < text.length; i++) {
        const cp = text.codePointAt(i)!;
        if (cp > 0xffff) i++;
        if (cp === 32 || mainHasGlyph(cp, font)) continue;
        if (!stackHasGlyph(cp)) return false;
        byFallback = true;
      }
      if (byFallback) return true;
      if (m.coveredTexts.size > WORD_CACHE_LIMIT) m.coveredTexts.clear();
      m.coveredTexts.add(ownCopy(text));
      return true;
    },
  };
}

function measurerOf(font: TrueTypeFont): FontMeasurer {
  let m = measurers.get(font);
  if (!m) {
    m = {
      unitsPerEm: font.unitsPerEm,
      ascent: font.ascent / font.unitsPerEm,
      descent: Math.abs(font.descent) / font.unitsPerEm,
      advances: new Map(),
      words: new Map(),
      coverage: new Map(),
      coveredTexts: new Set(),
    };
    measurers.set(font, m);
  }
  return m;
}
