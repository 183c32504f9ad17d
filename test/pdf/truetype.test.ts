import { describe, expect, it } from 'vitest';
import fontkit from '@pdf-lib/fontkit';
import { parseTrueType, readDirectory, TrueTypeFormatError } from '../../src/fonts/truetype.js';
import { subsetTrueType } from '../../src/fonts/ttf-subset.js';
import { loadNotoFonts } from './pdf-test-kit.js';

const families = { 'noto-sans': loadNotoFonts('noto-sans'), 'noto-serif': loadNotoFonts('noto-serif') };

describe('the TrueType reader', () => {
  for (const [family, set] of Object.entries(families)) {
    for (const [face, bytes] of Object.entries(set)) {
      it(`maps code points to the same glyphs and widths as fontkit (${family} ${face})`, () => {
        const ours = parseTrueType(bytes);
        const reference = fontkit.create(bytes);
        expect(ours.characterCount()).toBe(reference.characterSet.length);
        for (const cp of reference.characterSet) {
          const glyph = reference.glyphForCodePoint(cp);
          expect(ours.glyphId(cp), `U+${cp.toString(16)}`).toBe(glyph.id);
          expect(ours.advanceWidth(glyph.id)).toBe(glyph.advanceWidth);
        }
        expect(ours.unitsPerEm).toBe(reference.unitsPerEm);
        expect([ours.ascent, ours.descent]).toEqual([reference.ascent, reference.descent]);
        expect([ours.capHeight, ours.xHeight]).toEqual([reference.capHeight, reference.xHeight]);
        expect(ours.italicAngle).toBe(reference.italicAngle);
        expect(ours.postscriptName).toBe(reference.postscriptName);
        expect(ours.numGlyphs).toBe(reference.numGlyphs);
      });
    }
  }

  it('gives glyph 0 for characters the font lacks', () => {
    const font = parseTrueType(families['noto-sans'].regular);
    expect(font.glyphId(0x4e2d)).toBe(0); // 中
    expect(font.glyphId(0x1f600)).toBe(0); // 😀
    expect(font.glyphId('Ω'.codePointAt(0)!)).not.toBe(0);
  });

  it('refuses files that are not TrueType fonts, saying what they are', () => {
    expect(() => parseTrueType(new TextEncoder().encode('wOF2 pretending to be a font'))).toThrow(/WOFF web font/);
    expect(() => parseTrueType(new TextEncoder().encode('OTTO and some CFF bytes'))).toThrow(/PostScript \(CFF\) outlines/);
    expect(() => parseTrueType(new Uint8Array([1, 2, 3]))).toThrow(TrueTypeFormatError);
  });
});

describe('the TrueType subsetter', () => {
  const bytes = families['noto-sans'].regular;
  const before = new Uint8Array(bytes);
  const font = parseTrueType(bytes);
  const wanted = [...'Aé Ωж'].map((ch) => font.glyphId(ch.codePointAt(0)!));
  const { bytes: subset, kept } = subsetTrueType(font, wanted);

  it('keeps the outlines of the requested glyphs, with the components of composite glyphs', () => {
    const original = fontkit.create(bytes);
    const reduced = fontkit.create(subset);
    expect(reduced.numGlyphs).toBe(original.numGlyphs);
    for (const gid of kept) expect(reduced.getGlyph(gid).path.toSVG(), `glyph ${gid}`).toBe(original.getGlyph(gid).path.toSVG());
    for (const gid of wanted) expect(kept).toContain(gid);
    // "é" is a composite of "e" and an accent in Noto Sans: both come along.
    expect(kept.length).toBeGreaterThan(new Set(wanted).size);
    const dropped = font.glyphId('Z'.codePointAt(0)!);
    expect(reduced.getGlyph(dropped).path.toSVG()).toBe('');
    expect(subset.length).toBeLessThan(bytes.length / 5);
  });

  it('leaves the font bytes it was given untouched', () => {
    expect(Buffer.from(bytes).equals(Buffer.from(before))).toBe(true);
  });

  it('pads glyph records to 4 bytes and writes long loca offsets', () => {
    const view = new DataView(subset.buffer, subset.byteOffset, subset.byteLength);
    const tables = readDirectory(view);
    const head = tables.get('head')!;
    expect(view.getInt16(head.offset + 50)).toBe(1);
    const loca = tables.get('loca')!;
    for (let i = 0; i <= font.numGlyphs; i++) expect(view.getUint32(loca.offset + 4 * i) % 4).toBe(0);
    const required = ['glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp'];
    const optional = ['cvt ', 'fpgm', 'prep'].filter((tag) => font.tables.has(tag));
    expect([...tables.keys()].sort()).toEqual([...required, ...optional].sort());
  });

  it('writes correct table checksums and the whole-file checksum adjustment', () => {
    const view = new DataView(subset.buffer, subset.byteOffset, subset.byteLength);
    const sum = (from: number, length: number): number => {
      let total = 0;
      for (let at = from; at < from + length; at += 4) {
        let word = 0;
        for (let k = 0; k < 4; k++) word = word * 256 + (at + k < subset.length ? subset[at + k]! : 0);
        total = (total + word) % 2 ** 32;
      }
      return total;
    };
    for (const [tag, record] of readDirectory(view)) {
      const stored = view.getUint32(12 + 16 * [...readDirectory(view).keys()].indexOf(tag) + 4);
      const expected = tag === 'head' ? (sum(record.offset, record.length) - view.getUint32(record.offset + 8) + 2 ** 32) % 2 ** 32 : sum(record.offset, record.length);
      expect(stored, tag).toBe(expected);
    }
    expect(sum(0, subset.length)).toBe(0xb1b0afba);
  });
});
