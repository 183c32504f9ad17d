/**
 * Puts prepared font programs into a document (Type0 font → CIDFontType2 →
 * descriptor, font file and ToUnicode streams) and encodes text for them.
 * The program bytes are shared; only the small dictionaries are per document.
 */
import { PDFNumber, PDFString, type PDFContext, type PDFRef } from 'pdf-lib';
import { hex4, type FaceProgram } from './font-program.js';

/** Registers the objects of a face in `context`; the Type0 font dictionary goes to `ref`. */
export function embedFace(context: PDFContext, program: FaceProgram, ref: PDFRef = context.nextRef()): PDFRef {
  const d = program.descriptor;
  const fontFile = context.register(
    context.stream(program.fontFile, { Filter: 'FlateDecode', Length1: program.fontFileLength }),
  );
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: program.baseFont,
      Flags: d.flags,
      FontBBox: [...d.bbox],
      ItalicAngle: d.italicAngle,
      Ascent: d.ascent,
      Descent: d.descent,
      CapHeight: d.capHeight,
      XHeight: d.xHeight,
      StemV: 0,
      FontFile2: fontFile,
    }),
  );
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: program.baseFont,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      CIDToGIDMap: 'Identity',
      W: widthNumbers(program),
    }),
  );
  const toUnicode = context.register(context.stream(program.toUnicode, { Filter: 'FlateDecode' }));
  context.assign(
    ref,
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: program.baseFont,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    }),
  );
  return ref;
}

const widthCache = new WeakMap<FaceProgram, (PDFNumber | PDFNumber[])[]>();

/** The /W array as PDF numbers, built once per program (formatting numbers is the costly part). */
function widthNumbers(program: FaceProgram): (PDFNumber | PDFNumber[])[] {
  let numbers = widthCache.get(program);
  if (!numbers) {
    numbers = program.widths.map((entry) =>
      typeof entry === 'number' ? PDFNumber.of(entry) : entry.map((w) => PDFNumber.of(w)),
    );
    widthCache.set(program, numbers);
  }
  return numbers;
}

const hexCache = new WeakMap<FaceProgram, Map<string, string>>();

/** The glyph ids of `text` as a hex string for a `Tj` operand (without the angle brackets). */
export function encodeText(program: FaceProgram, text: string): string {
  let cache = hexCache.get(program);
  if (!cache) {
    cache = new Map();
    hexCache.set(program, cache);
  }
  let hex = cache.get(text);
  if (hex === undefined) {
    hex = '';
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      hex += hex4(program.glyphIds.get(cp) ?? 0);
    }
    if (cache.size > 20000) cache.clear();
    cache.set(text, hex);
  }
  return hex;
}
