/**
 * Every size, colour and distance of the PDF design in one place, derived
 * from the theme. Layout reads these; nothing else hard-codes a number.
 */
import { PAGE_SIZES, TABLE_HEADER_TINT, tint, type Theme } from '../../theme.js';

/** Type size and line pitch of a text style. */
export interface TextStyle {
  readonly size: number;
  readonly leading: number;
  readonly color: string;
}

/** The resolved design of one document. */
export interface Typography {
  readonly pageWidth: number;
  readonly pageHeight: number;
  /** Left edge of the text column. */
  readonly left: number;
  /** Right edge of the text column. */
  readonly right: number;
  /** Top of the text column (below the header, when there is one). */
  readonly top: number;
  /** Bottom of the text column. */
  readonly bottom: number;
  readonly colors: {
    readonly text: string;
    readonly muted: string;
    readonly accent: string;
    readonly calloutFill: string;
    readonly tableHeaderFill: string;
    readonly zebraFill: string;
    readonly rule: string;
    readonly answerRule: string;
    readonly checkbox: string;
  };
  readonly body: TextStyle;
  readonly headings: {
    readonly 1: TextStyle & { readonly spaceBefore: number; readonly ruleGap: number; readonly ruleThickness: number; readonly spaceAfter: number };
    readonly 2: TextStyle & { readonly spaceBefore: number; readonly spaceAfter: number };
    readonly 3: TextStyle & { readonly spaceBefore: number; readonly spaceAfter: number };
  };
  /** Gap between blocks of running text. */
  readonly paragraphSpace: number;
  readonly list: {
    /** Distance from the list's left edge to its text. */
    readonly indent: number;
    /** Gap between the marker and the text. */
    readonly markerGap: number;
    readonly itemSpace: number;
    readonly bullets: readonly string[];
  };
  readonly checkbox: { readonly size: number; readonly textIndent: number; readonly space: number };
  readonly answerLines: { readonly pitch: number; readonly thickness: number; readonly spaceBefore: number };
  readonly table: TextStyle & { readonly padX: number; readonly padY: number; readonly space: number; readonly ruleThickness: number };
  readonly callout: { readonly padX: number; readonly padY: number; readonly bar: number; readonly space: number };
  readonly link: { readonly underlineOffset: number; readonly underlineThickness: number };
  readonly footer: TextStyle & { readonly ruleGap: number };
  readonly header: TextStyle & { readonly logoHeight: number; readonly ruleGap: number };
}

/** Height the office header needs above the text column. */
const HEADER_HEIGHT = 48;

/**
 * The widest text column: 5 inches, about 68 characters of body text — the
 * 60–75 character measure of docs/typesetting.md. Margins are minimums; a
 * page with more room centres the column.
 */
export const MAX_MEASURE = 360;

/** Resolves the design for a theme. */
export function createTypography(theme: Theme): Typography {
  const page = PAGE_SIZES[theme.pageSize] ?? PAGE_SIZES.letter;
  const accent = normalizeHex(theme.accent);
  const m = theme.margins;
  const top = theme.office ? Math.max(m.top, HEADER_HEIGHT) : m.top;
  const room = page.width - m.left - m.right;
  const measure = Math.min(room, MAX_MEASURE);
  const left = m.left + (room - measure) / 2;
  return {
    pageWidth: page.width,
    pageHeight: page.height,
    left,
    right: left + measure,
    top,
    bottom: page.height - m.bottom,
    colors: {
      text: '#1f2328',
      muted: '#5f6873',
      accent,
      calloutFill: tint(accent, 0.07),
      tableHeaderFill: tint(accent, TABLE_HEADER_TINT),
      zebraFill: '#f4f5f7',
      rule: '#d3d7dd',
      answerRule: '#c4c9d1',
      checkbox: '#5f6873',
    },
    // One vertical rhythm: every distance below is a multiple of 4 pt (docs/typesetting.md).
    body: { size: 11.5, leading: 16, color: '#1f2328' },
    headings: {
      1: { size: 18, leading: 24, color: accent, spaceBefore: 32, ruleGap: 4, ruleThickness: 0.75, spaceAfter: 12 },
      2: { size: 13.5, leading: 20, color: accent, spaceBefore: 20, spaceAfter: 4 },
      3: { size: 12, leading: 16, color: '#1f2328', spaceBefore: 12, spaceAfter: 4 },
    },
    paragraphSpace: 8,
    list: { indent: 18, markerGap: 6, itemSpace: 4, bullets: ['\u2022', '\u2013', '\u00b7'] },
    checkbox: { size: 9, textIndent: 18, space: 4 },
    answerLines: { pitch: 24, thickness: 0.5, spaceBefore: 4 },
    table: { size: 10, leading: 14, color: '#1f2328', padX: 7, padY: 4, space: 12, ruleThickness: 0.5 },
    callout: { padX: 12, padY: 8, bar: 3, space: 12 },
    link: { underlineOffset: 1.6, underlineThickness: 0.6 },
    footer: { size: 8, leading: 10, color: '#6b7480', ruleGap: 16 },
    header: { size: 8.5, leading: 11, color: '#4a535e', logoHeight: 24, ruleGap: 10 },
  };
}

/** "#ABC123" / "abc123" → "#abc123"; anything else → the default accent. */
function normalizeHex(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  return m ? `#${m[1]!.toLowerCase()}` : '#1f4e79';
}
