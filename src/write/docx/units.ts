/**
 * Measures of the DOCX writer, matched to the PDF's design
 * (src/write/pdf/typography.ts). WordprocessingML counts lengths in twips
 * (1/20 point), font sizes in half-points and border widths in eighths of a point.
 */

/** Points (the theme's unit) → twips. */
export function pointsToTwips(points: number): number {
  return Math.round(points * 20);
}

/** The widest text column: 5 inches, about 68 characters of body text (docs/typesetting.md). */
export const MAX_MEASURE = 7200;

/** Space between blocks of running text, and after a list or a checklist (8 pt). */
export const PARAGRAPH_SPACE = 160;

/** Space before and after a table or a callout (12 pt). */
export const TABLE_SPACE = 240;

/** Height of one ruled writing line (24 pt), comfortable for handwriting. */
export const ANSWER_LINE_PITCH = 480;

/** How far each bullet level moves its text to the right (18 pt). */
export const BULLET_INDENT = 360;

/** Left edge of a numbered item's text: one hanging indent for numbers up to "99." and a 6 pt gap (28 pt). */
export const NUMBER_INDENT = 560;

/** Room left of a checklist line's text for its check box (18 pt). */
export const CHECKBOX_HANGING = 360;

/** How far a callout is set in from the text around it. */
export const CALLOUT_INDENT = 216;

/** Left edge of a callout's text, relative to the text around it. */
export const CALLOUT_TEXT_INDENT = CALLOUT_INDENT + 144;

/** "#1f4e79" → "1F4E79", the form WordprocessingML wants. */
export function toDocxColor(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  return m ? m[1]!.toUpperCase() : '1F4E79';
}

/** Mixes a colour with white: `amount` 0 keeps the colour, 1 gives white. */
export function tintColor(hex: string, amount: number): string {
  const base = toDocxColor(hex);
  let out = '';
  for (let i = 0; i < 6; i += 2) {
    const channel = parseInt(base.slice(i, i + 2), 16);
    const mixed = Math.round(channel + (255 - channel) * amount);
    out += mixed.toString(16).padStart(2, '0');
  }
  return out.toUpperCase();
}
