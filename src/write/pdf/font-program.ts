/**
 * Font programs ready to embed, built once per process and shared by every
 * document: the subsetting and compression that would otherwise cost most
 * of a document's time happen once.
 *
 * A face is embedded as a subset holding a fixed base repertoire (Basic
 * Latin, Latin-1, Latin Extended-A, General Punctuation) plus every other
 * 128-code-point page the document draws from (e.g. all of Greek when a name
 * is Greek). The subset depends only on which pages a document uses, so
 * output stays reproducible while most documents share one cached program.
 */
import { sha256 } from '../../hash.js';
import { deflateText, type Deflate } from '../deflate.js';
import { subsetTrueType } from '../../fonts/ttf-subset.js';
import type { TrueTypeFont } from '../../fonts/truetype.js';

/** A face compiled for embedding as a CIDFontType2 with Identity-H encoding. */
export interface FaceProgram {
  /** PostScript name with subset tag, e.g. "QWERTY+NotoSans-Regular". */
  readonly baseFont: string;
  /** The TrueType program, zlib-compressed. */
  readonly fontFile: Uint8Array;
  /** Uncompressed length of the TrueType program (/Length1). */
  readonly fontFileLength: number;
  /** The ToUnicode CMap, zlib-compressed (makes text searchable and copyable). */
  readonly toUnicode: Uint8Array;
  /** Advance width in 1/1000 em of every glyph kept in the program. */
  readonly advances: ReadonlyMap<number, number>;
  /** Code point → glyph id in the embedded program (absent: no glyph, drawn as .notdef). */
  readonly glyphIds: ReadonlyMap<number, number>;
  readonly descriptor: FaceDescriptor;
}

/** The /FontDescriptor numbers. */
export interface FaceDescriptor {
  readonly flags: number;
  readonly bbox: readonly [number, number, number, number];
  readonly italicAngle: number;
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly xHeight: number;
}

/** 128-code-point pages every subset contains. */
export const BASE_PAGES: readonly number[] = [0, 1, 2, 0x2000 >> 7];
const PAGE_BITS = 7;
const CACHE_LIMIT = 32;

const subsetCache = new WeakMap<TrueTypeFont, Map<string, FaceProgram>>();

/** The 128-code-point page of a code point. */
export function pageOf(codePoint: number): number {
  return codePoint >> PAGE_BITS;
}

/**
 * The subset program of `font` covering the base pages and `pages` (cached:
 * each distinct page set is built once per process).
 */
export function prepareSubset(font: TrueTypeFont, pages: Iterable<number>, deflate: Deflate): FaceProgram {
  const all = [...new Set([...BASE_PAGES, ...pages])].sort((a, b) => a - b);
  const key = all.join(',');
  let byKey = subsetCache.get(font);
  if (!byKey) {
    byKey = new Map();
    subsetCache.set(font, byKey);
  }
  let program = byKey.get(key);
  if (!program) {
    if (byKey.size >= CACHE_LIMIT) byKey.delete(byKey.keys().next().value!);
    program = buildSubset(font, all, deflate);
    byKey.set(key, program);
  }
  return program;
}

function buildSubset(font: TrueTypeFont, pages: readonly number[], deflate: Deflate): FaceProgram {
  const glyphIds = new Map<number, number>();
  for (const page of pages) {
    for (let cp = page << PAGE_BITS, end = (page + 1) << PAGE_BITS; cp < end; cp++) {
      const gid = font.glyphId(cp);
      if (gid !== 0) glyphIds.set(cp, gid);
    }
  }
  const unicodeOf = new Map<number, string>();
  for (const [cp, gid] of glyphIds) if (!unicodeOf.has(gid)) unicodeOf.set(gid, String.fromCodePoint(cp));
  return buildProgram(font, unicodeOf, glyphIds.values(), glyphIds, deflate);
}

const glyphSubsetCache = new WeakMap<TrueTypeFont, Map<string, FaceProgram>>();

/**
 * The subset program of a fallback face holding the glyphs of `unicodeOf`
 * (from the character map or from shaping: the subset keeps glyph ids), whose
 * ToUnicode maps each glyph to the characters it stands for. Cached per
 * mapping.
 */
export function prepareGlyphSubset(font: TrueTypeFont, unicodeOf: ReadonlyMap<number, string>, deflate: Deflate): FaceProgram {
  const entries = [...unicodeOf].sort((a, b) => a[0] - b[0]);
  const key = entries.map(([gid, text]) => `${gid}:${text}`).join('\u0000');
  let byKey = glyphSubsetCache.get(font);
  if (!byKey) {
    byKey = new Map();
    glyphSubsetCache.set(font, byKey);
  }
  let program = byKey.get(key);
  if (!program) {
    if (byKey.size >= CACHE_LIMIT) byKey.delete(byKey.keys().next().value!);
    const glyphIds = new Map<number, number>();
    for (const [gid, text] of entries) {
      const cp = text.codePointAt(0);
      if (cp !== undefined && text.length === String.fromCodePoint(cp).length && font.glyphId(cp) === gid) glyphIds.set(cp, gid);
    }
    program = buildProgram(font, new Map(entries), entries.map(([gid]) => gid), glyphIds, deflate);
    byKey.set(key, program);
  }
  return program;
}

/** A program of `glyphs` whose ToUnicode is `unicodeOf` (glyph → characters) and character map `glyphIds`. */
function buildProgram(
  font: TrueTypeFont,
  unicodeOf: ReadonlyMap<number, string>,
  glyphs: Iterable<number>,
  glyphIds: Map<number, number>,
  deflate: Deflate,
): FaceProgram {
  const { bytes: program, kept } = subsetTrueType(font, glyphs);
  const scale = 1000 / font.unitsPerEm;
  return {
    baseFont: `${subsetTag(font.postscriptName, kept)}+${font.postscriptName}`,
    fontFile: deflate(program),
    fontFileLength: program.length,
    toUnicode: deflateText(deflate, toUnicodeCMap(unicodeOf)),
    advances: new Map(kept.map((gid) => [gid, Math.round(font.advanceWidth(gid) * scale)])),
    glyphIds,
    descriptor: describe(font),
  };
}

/**
 * Six capital letters derived from the face and the glyphs its subset keeps:
 * the same subset always gets the same tag, and different subsets of a face
 * different tags. (Hashing the glyph list, not the program's bytes, keeps a
 * first PDF from hashing some 200 KB of font programs.)
 */
function subsetTag(postscriptName: string, kept: readonly number[]): string {
  const digest = sha256(`${postscriptName}:${kept.join(',')}`);
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (digest[i]! % 26));
  return tag;
}

function describe(font: TrueTypeFont): FaceDescriptor {
  const scale = 1000 / font.unitsPerEm;
  let flags = 1 << 2; // symbolic, as CID fonts with Identity encoding are
  if (font.fixedPitch) flags |= 1;
  if (font.serif) flags |= 1 << 1;
  if (font.italic) flags |= 1 << 6;
  const round = (v: number): number => Math.round(v * scale);
  const [minX, minY, maxX, maxY] = font.bbox;
  return {
    flags,
    bbox: [round(minX), round(minY), round(maxX), round(maxY)],
    italicAngle: Math.round(font.italicAngle * 100) / 100,
    ascent: round(font.ascent),
    descent: round(font.descent),
    capHeight: round(font.capHeight),
    xHeight: round(font.xHeight),
  };
}

/** A ToUnicode CMap mapping glyph ids to characters (bfchar blocks of at most 100). */
function toUnicodeCMap(unicodeOf: ReadonlyMap<number, string>): string {
  const entries = [...unicodeOf].filter(([, text]) => text !== '').sort((a, b) => a[0] - b[0]);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(
      `${chunk.length} beginbfchar\n` +
        chunk.map(([gid, text]) => `<${hex4(gid)}> <${utf16Hex(text)}>`).join('\n') +
        '\nendbfchar',
    );
  }
  return (
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n' +
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
    '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n' +
    '1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n' +
    blocks.join('\n') +
    '\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend'
  );
}

/** Four upper-case hex digits. */
export function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}

/** UTF-16BE hex digits of a string. */
export function utf16Hex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += hex4(text.charCodeAt(i));
  return hex;
}
