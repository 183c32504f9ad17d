/**
 * The look of every document: page, margins, accent colour, font family and
 * the career office's branding. Writers receive it through their options; the
 * CLI fills it from `kit.yaml` (or the defaults below).
 *
 * @example
 * const theme = resolveTheme({ pageSize: 'a4', accent: '#7a1f3d' });
 */

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
