/**
 * Fillable fields for the question sheet: a borderless, transparent
 * multi-line text field over each named answer space, and a real check box
 * over each named tick box. Field names are the nodes' names exactly.
 *
 * Fields are written as plain AcroForm objects (pdf-lib reads them back as
 * PDFTextField / PDFCheckBox). Typed text uses Helvetica, the font every PDF
 * viewer has for forms: an embedded subset of the body font would lack the
 * glyphs of text typed later, and embedding the whole body font would add
 * ~370 KB to every file.
 *
 * Each field is the content of a Form structure element, and its `/TU`, the
 * name a screen reader speaks, is the question it answers (or the check box's text).
 */
import { PDFHexString, PDFName, PDFNumber, PDFString, type PDFDict, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import { hexToRgb } from '../../theme.js';
import type { Diagnostic } from '../../diagnostics.js';
import type { CheckboxBox, FieldBox, LayoutResult } from './layout-types.js';
import type { StructureTree } from './tagging.js';

/** Type size of text entered into answer fields. */
export const FIELD_FONT_SIZE = 10;

/** Field flag: multi-line text (PDF 32000-1, table 228). */
const MULTILINE = 1 << 12;
/** Annotation flag: print the field with the page. */
const PRINT = 1 << 2;
/** Colour of typed text. */
const INK = '0.12 0.14 0.16 rg';

/**
 * Adds the form fields of a laid-out document to its painted pages. Returns
 * a warning for each name used twice (only the first becomes a field).
 */
export function addFormFields(doc: PDFDocument, layout: LayoutResult, pages: readonly PDFPage[], accent: string, structure: StructureTree): Diagnostic[] {
  const context = doc.context;
  const warnings: Diagnostic[] = [];
  const used = new Set<string>();
  const fields: PDFRef[] = [];
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
  const tick = tickColor(accent);
  layout.pages.forEach((layoutPage, index) => {
    const page = pages[index]!;
    const height = page.getHeight();
    for (const box of layoutPage.boxes) {
      let dict: PDFDict | undefined;
      if (box.kind === 'field' && claim(box.name)) dict = textField(doc, page, box, height);
      else if (box.kind === 'checkbox' && box.name && claim(box.name)) dict = checkBox(doc, page, box, height, tick);
      if (!dict || (box.kind !== 'field' && box.kind !== 'checkbox')) continue;
      const ref = context.nextRef();
      dict.set(PDFName.of('TU'), PDFHexString.fromText(box.label ?? box.name!));
      if (box.tag !== undefined) dict.set(PDFName.of('StructParent'), PDFNumber.of(structure.annotation(index, box.tag, ref)));
      context.assign(ref, dict);
      fields.push(ref);
      page.node.addAnnot(ref);
    }
  });
  if (fields.length === 0) return warnings;
  const helvetica = context.register(
    context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' }),
  );
  const zapf = context.register(context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'ZapfDingbats' }));
  const acroForm = context.obj({
    Fields: fields,
    DR: { Font: { Helv: helvetica, ZaDb: zapf } },
    DA: PDFString.of(`/Helv 0 Tf ${INK}`),
  });
  doc.catalog.set(PDFName.of('AcroForm'), context.register(acroForm));
  return warnings;
}

function textField(doc: PDFDocument, page: PDFPage, box: FieldBox, pageHeight: number): PDFDict {
  const context = doc.context;
  const rect = rectOf(box.x, pageHeight - box.y - box.height, box.width, box.height);
  const empty = appearance(doc, box.width, box.height, '/Tx BMC EMC');
  return context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Tx',
      Ff: MULTILINE,
      T: PDFHexString.fromText(box.name),
      F: PRINT,
      Rect: rect,
      P: page.ref,
      DA: PDFString.of(`/Helv ${FIELD_FONT_SIZE} Tf ${INK}`),
      AP: { N: empty },
    });
}

function checkBox(doc: PDFDocument, page: PDFPage, box: CheckboxBox, pageHeight: number, tick: string): PDFDict {
  const context = doc.context;
  const s = box.size;
  const state = box.checked ? 'Yes' : 'Off';
  const mark =
    `q 1 J 1 j 1.3 w ${tick} RG ${n(0.2 * s)} ${n(0.5 * s)} m ${n(0.42 * s)} ${n(0.25 * s)} l ` +
    `${n(0.82 * s)} ${n(0.78 * s)} l S Q`;
  return context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Btn',
      T: PDFHexString.fromText(box.name!),
      F: PRINT,
      Rect: rectOf(box.x, pageHeight - box.y - s, s, s),
      P: page.ref,
      V: state,
      AS: state,
      DA: PDFString.of(`/ZaDb 0 Tf ${tick} rg`),
      MK: { CA: PDFString.of('4') },
      AP: { N: { Yes: appearance(doc, s, s, mark), Off: appearance(doc, s, s, '') } },
    });
}

/** A form XObject drawing `content` in a box of the given size. */
function appearance(doc: PDFDocument, width: number, height: number, content: string): PDFRef {
  const context = doc.context;
  return context.register(
    context.stream(content, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, n(width), n(height)] }),
  );
}

function rectOf(x: number, y: number, width: number, height: number): PDFNumber[] {
  return [x, y, x + width, y + height].map((v) => PDFNumber.of(n(v)));
}

function tickColor(accent: string): string {
  return hexToRgb(accent)
    .map((c) => String(Math.round(c * 1000) / 1000))
    .join(' ');
}

function n(value: number): number {
  return Math.round(value * 100) / 100;
}
