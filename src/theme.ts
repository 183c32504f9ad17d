/**
 * The look of every document: page, margins, accent colour, font family and
 * the career office's branding. Writers receive it through their options; the
 * CLI fills it from `kit.yaml` (or the defaults below).
 *
 * @example
 * const theme = resolveTheme({ pageSize: 'a4', accent: '#7a1f3d' });
 */
import { clampChroma, formatHex, oklch, wcagContrast } from 'culori';

/** Paper sizes in PDF points (1/72 inch). */
export const PAGE_SIZES = {
  letter: { width: 612, height: 792 },
  a4: { width: 595.28, height: 841.89 },
} as const;

export type PageSizeName = keyof typeof PAGE_SIZES;

/** Font families shipped with the package (see src/fonts). */
export const FONT_FAMILIES = ['noto-sans', 'noto-serif'] as const;
export type FontFamilyName = (typeof FONT_FAMILIES)[number];

/** An image to place on the cover and in the page header. */
export interface Logo {
  readonly bytes: Uint8Array;
  readonly type: 'png' | 'jpeg';
}

/** The career office behind a kit, printed on covers and footers. */
export interface Office {
  readonly name: string;
  readonly contact: readonly string[];
  readonly logo?: Logo;
}

/** Margins in points. */
export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export interface Theme {
  readonly pageSize: PageSizeName;
  readonly margins: Margins;
  /** Accent colour as #rrggbb. */
  readonly accent: string;
  readonly fontFamily: FontFamilyName;
  readonly office?: Office;
}

/** Default margins: 0.75 inch all round. */
export const DEFAULT_MARGINS: Margins = { top: 54, right: 54, bottom: 54, left: 54 };

export const DEFAULT_THEME: Theme = {
  pageSize: 'letter',
  margins: DEFAULT_MARGINS,
  accent: '#1f4e79',
  fontFamily: 'noto-sans',
};

/** Fills in defaults for whatever the caller did not set. */
export function resolveTheme(partial: Partial<Theme> = {}): Theme {
  return { ...DEFAULT_THEME, ...partial, margins: partial.margins ?? DEFAULT_MARGINS };
}

/** "#1f4e79" → [0.12, 0.31, 0.47] for pdf-lib's rgb(). */
export function hexToRgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return [0, 0, 0];
  return [parseInt(m[1]!, 16) / 255, parseInt(m[2]!, 16) / 255, parseInt(m[3]!, 16) / 255];
}

/** The accent mixed with white: `amount` 0 = white, 1 = the colour (tints for backgrounds). */
export function tint(hex: string, amount: number): string {
  const [r, g, b] = hexToRgb(hex);
  const channel = (c: number): string =>
    Math.round((1 - amount + amount * c) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(r)}${channel(g)}${channel(b)}`;
}

/** The least contrast of text with its background (WCAG 2.1 AA, 1.4.3, for text below 18 pt). */
export const MIN_CONTRAST = 4.5;

/** The tint of the accent behind a table's header row, whose text is set in the accent itself. */
export const TABLE_HEADER_TINT = 0.12;

/** WCAG contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrastRatio(foreground: string, background: string): number {
  return wcagContrast(foreground, background);
}

/**
 * How well the accent reads where it is used as text: the least contrast of
 * headings and links on white and of a table's header text on its tinted band.
 */
export function accentContrast(accent: string): number {
  return Math.min(contrastRatio(accent, '#ffffff'), contrastRatio(accent, tint(accent, TABLE_HEADER_TINT)));
}

/**
 * The nearest accent that reads at {@link MIN_CONTRAST}: the same hue and
 * chroma, darkened step by step in OKLCH (a perceptual space) until it passes.
 *
 * @example
 * accessibleAccent('#ff9900'); // → a darker orange, e.g. "#a65a00"
 */
export function accessibleAccent(accent: string): string {
  const start = oklch(accent);
  if (!start) return DEFAULT_THEME.accent;
  let candidate = formatHex(accent)!;
  for (let l = start.l; l > 0 && accentContrast(candidate) < MIN_CONTRAST; l -= 0.005) {
    candidate = formatHex(clampChroma({ ...start, l }, 'oklch'))!;
  }
  return candidate;
}

/**
 * A warning for an accent that does not reach {@link MIN_CONTRAST} as text,
 * naming the nearest colour that does; undefined when it passes.
 */
export function accentContrastWarning(accent: string): { message: string; hints: string[] } | undefined {
  const ratio = accentContrast(accent);
  if (ratio >= MIN_CONTRAST) return undefined;
  const better = accessibleAccent(accent);
  return {
    message: `accent "${accent}" is too light for text: ${ratio.toFixed(2)}:1 against the page and table headers; accessible documents need ${MIN_CONTRAST}:1`,
    hints: [`the nearest colour that passes is "${better}" (the same hue, darker): write accent: "${better}"`],
  };
}
