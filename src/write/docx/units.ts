/**
 * Measures of the DOCX writer. WordprocessingML counts lengths in twips
 * (1/20 point), font sizes in half-points and border widths in eighths of a point.
 */

/** Points (the theme's unit) → twips. */
export function pointsToTwips(points: number): number {
  return Math.round(points * 20);
}

/** Height of one ruled writing line: 0.3 inch, comfortable for handwriting. */
export const ANSWER_LINE_PITCH = 432;

/** How far each list level moves its text to the right. */
export const LIST_LEVEL_STEP = 432;

/** Room left of a list item's text for its bullet or number. */
export const LIST_MARKER_HANGING = 360;

/** Room left of a checklist line's text for its check box. */
export const CHECKBOX_HANGING = 360;

/** How far a callout is set in from the text around it. */
export const CALLOUT_INDENT = 216;

/** "#1f4e79" → "1F4E79", the form WordprocessingML wants. */
export function toDocxColor(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  return m ? m[1]!.toUpperCase() : '000000';
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
