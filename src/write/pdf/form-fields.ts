/**
 * Fillable fields for the question sheet: a borderless, transparent
 * multi-line text field over each named answer space, and a real check box
 * over each named tick box. Field names are the nodes' names exactly.
 */
import { rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { hexToRgb } from '../../theme.js';
import type { Diagnostic } from '../../diagnostics.js';
import type { LayoutResult } from './layout-types.js';

/** Type size of text entered into answer fields. */
export const FIELD_FONT_SIZE = 10;

/**
 * Adds the form fields of a laid-out document to its painted pages. Returns
 * a warning for each name used twice (only the first becomes a field).
 */
export function addFormFields(
  doc: PDFDocument,
  layout: LayoutResult,
  pages: readonly PDFPage[],
  font: PDFFont,
  accent: string,
): Diagnostic[] {
  const form = doc.getForm();
  const warnings: Diagnostic[] = [];
  const used = new Set<string>();
  const claim = (name: string): boolean => {
    if (!used.has(name)) {
      used.add(name);
      return true;
    }
    warnings.push({
      severity: 'warning',
      message: `the field name "${name}" is used more than once; only its first use is fillable`,
      hints: ['give every `:::lines N #name` and `- [ ] … {#name}` in the template its own name'],
    });
    return false;
  };
  const [ar, ag, ab] = hexToRgb(accent);
  const inkColor = rgb(0.12, 0.14, 0.16);
  layout.pages.forEach((layoutPage, index) => {
    const page = pages[index]!;
    const height = page.getHeight();
    for (const box of layoutPage.boxes) {
      if (box.kind === 'field') {
        if (!claim(box.name)) continue;
        const field = form.createTextField(box.name);
        field.enableMultiline();
        field.addToPage(page, {
          x: box.x,
          y: height - box.y - box.height,
          width: box.width,
          height: box.height,
          font,
          textColor: inkColor,
          backgroundColor: undefined,
          borderColor: undefined,
          borderWidth: 0,
        });
        field.setFontSize(FIELD_FONT_SIZE);
      } else if (box.kind === 'checkbox' && box.name) {
        if (!claim(box.name)) continue;
        const field = form.createCheckBox(box.name);
        field.addToPage(page, {
          x: box.x,
          y: height - box.y - box.size,
          width: box.size,
          height: box.size,
          textColor: rgb(ar, ag, ab),
          backgroundColor: undefined,
          borderColor: undefined,
          borderWidth: 0,
        });
        if (box.checked) field.check();
      }
    }
  });
  form.updateFieldAppearances(font);
  return warnings;
}
