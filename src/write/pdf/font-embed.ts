/**
 * Puts prepared font programs into a document (Type0 font → CIDFontType2 →
 * descriptor, font file and ToUnicode streams) and encodes text for them.
 * The program bytes are shared; only the small dictionaries are per document.
 */
import { PDFNumber, PDFString, type PDFContext, type PDFRef } from 'pdf-lib';
import { hex4, type FaceProgram } from './font-program.js';
import { ownCopy } from './cache-key.js';

/**
 * Registers the objects of a face in `context` and returns the Type0 font
 * dictionary's reference. `/W` lists only `glyphs` (those the document
 * draws), which keeps every document's dictionaries small.
 */
export function embedFace(context: PDFContext, program: FaceProgram, glyphs: Iterable<number>): PDFRef {
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
      W: widthArray(program, glyphs),
    }),
  );
  const toUnicode = context.register(context.stream(program.toUnicode, { Filter: 'FlateDecode' }));
  return context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: program.baseFont,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    }),
  );
}

const numbers = new Map<number, PDFNumber>();

/** A PDF number, shared between documents (formatting numbers is what costs). */
function pdfNumber(value: number): PDFNumber {
  let number = numbers.get(value);
  if (!number) {
    number = PDFNumber.of(value);
    numbers.set(value, number);
  }
  return number;
}

/** `[gid [w w …] gid [w …] …]` for the glyphs (and .notdef), in runs of consecutive ids. */
function widthArray(program: FaceProgram, glyphs: Iterable<number>): (PDFNumber | PDFNumber[])[] {
  const sorted = [...new Set([0, ...glyphs])].sort((a, b) => a - b);
  const out: (PDFNumber | PDFNumber[])[] = [];
  let run: PDFNumber[] = [];
  sorted.forEach((gid, i) => {
    if (i === 0 || gid !== sorted[i - 1]! + 1) {
      run = [];
      out.push(pdfNumber(gid), run);
    }
    run.push(pdfNumber(program.advances.get(gid) ?? 0));
  });
  return out;
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
    const glyphs: string[] = [];
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      glyphs.push(hex4(program.glyphIds.get(cp) ?? 0));
    }
    // One flat string (not a chain of four-character pieces), keyed by a copy of the text (see cache-key.ts).
    hex = glyphs.join('');
    if (cache.size > 5000) cache.clear();
    cache.set(ownCopy(text), hex);
  }
  return hex;
}
