/** PDFs written by hand, object by object, for tests of damaged and hostile files. */

/** A PDF whose objects are `objects` (numbered from 1; object 1 is the catalog), with a correct cross-reference table. */
export function handPdf(objects: readonly string[]): Uint8Array {
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const PAGES = ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>'];

/** A form whose field "advice" has a kid whose kid is the field again. */
export const CYCLIC_FORM_PDF = handPdf([
  '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>',
  ...PAGES,
  '<< /T (advice) /Kids [5 0 R] >>',
  '<< /T (x) /Parent 4 0 R /Kids [4 0 R] >>',
]);

/** A form whose field "advice" holds arrays nested `depth` deep. */
export function deepFormPdf(depth: number): Uint8Array {
  return handPdf([
    '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>',
    ...PAGES,
    `<< /T (advice) /FT /Tx /V ${'['.repeat(depth)}${']'.repeat(depth)} >>`,
  ]);
}

/** A form whose field "advice" holds a value of the wrong type (an array where text belongs). */
export const WRONG_TYPE_FORM_PDF = handPdf([
  '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>',
  ...PAGES,
  '<< /T (advice) /FT /Tx /V [1 2 3] >>',
]);
