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
import type { Font } from '@pdf-lib/fontkit';
import { deflateAscii, deflateBytes } from './deflate.js';

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
  /** The /W array: glyph widths in 1/1000 em. */
  readonly widths: readonly (number | readonly number[])[];
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

const subsetCache = new WeakMap<Font, Map<string, Promise<FaceProgram>>>();

/** The 128-code-point page of a code point. */
export function pageOf(codePoint: number): number {
  return codePoint >> PAGE_BITS;
}

/**
 * The subset program of `font` covering the base pages and `pages`
 * (cached: each distinct page set is built once per process).
 */
export function prepareSubset(font: Font, pages: Iterable<number>): Promise<FaceProgram> {
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
    program = buildSubset(font, all);
    byKey.set(key, program);
    program.catch(() => byKey.delete(key));
  }
  return program;
}

async function buildSubset(font: Font, pages: readonly number[]): Promise<FaceProgram> {
  const subset = font.createSubset();
  const glyphIds = new Map<number, number>();
  const unicodeOf = new Map<number, number>();
  for (const page of pages) {
    for (let cp = page << PAGE_BITS, end = (page + 1) << PAGE_BITS; cp < end; cp++) {
      if (!font.hasGlyphForCodePoint(cp)) continue;
      const gid = subset.includeGlyph(font.glyphForCodePoint(cp));
      glyphIds.set(cp, gid);
      if (!unicodeOf.has(gid)) unicodeOf.set(gid, cp);
    }
  }
  const program = await encodeSubset(subset);
  // Components of composite glyphs are appended by the subsetter; widths for all.
  const subsetGlyphs = (subset as unknown as { glyphs: number[] }).glyphs;
  const scale = 1000 / font.unitsPerEm;
  const widths = subsetGlyphs.map((gid) => Math.round(font.getGlyph(gid).advanceWidth * scale));
  return {
    baseFont: `${subsetTag(program)}+${font.postscriptName ?? 'Font'}`,
    fontFile: deflateBytes(program),
    fontFileLength: program.length,
    toUnicode: deflateAscii(toUnicodeCMap(unicodeOf)),
    widths: [0, widths],
    glyphIds,
    descriptor: describe(font),
  };
}

/** fontkit's encode stream (a Node-style readable). */
interface EncodeStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): EncodeStream;
  on(event: 'end', listener: () => void): EncodeStream;
  on(event: 'error', listener: (error: unknown) => void): EncodeStream;
}

function encodeSubset(subset: ReturnType<Font['createSubset']>): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = [];
    (subset.encodeStream() as unknown as EncodeStream)
      .on('data', (chunk: Uint8Array) => parts.push(chunk))
      .on('end', () => {
        const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of parts) {
          out.set(p, at);
          at += p.length;
        }
        resolve(out);
      })
      .on('error', reject);
  });
}

/** Six capital letters derived from the program's bytes: the same subset always gets the same tag. */
function subsetTag(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i]!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (hash % 26));
    hash = Math.floor(hash / 26);
  }
  return tag;
}

function describe(font: Font): FaceDescriptor {
  const scale = 1000 / font.unitsPerEm;
  const f = font as unknown as {
    'OS/2'?: { sFamilyClass?: number };
    post: { isFixedPitch?: number | boolean };
    head: { macStyle: { italic?: boolean } };
  };
  const familyClass = f['OS/2']?.sFamilyClass ?? 0;
  let flags = 1 << 2; // symbolic, as CID fonts with Identity encoding are
  if (f.post.isFixedPitch) flags |= 1;
  if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
  if (f.head.macStyle.italic) flags |= 1 << 6;
  const round = (v: number): number => Math.round(v * scale);
  return {
    flags,
    bbox: [round(font.bbox.minX), round(font.bbox.minY), round(font.bbox.maxX), round(font.bbox.maxY)],
    italicAngle: font.italicAngle,
    ascent: round(font.ascent),
    descent: round(font.descent),
    capHeight: round(font.capHeight || font.ascent),
    xHeight: round(font.xHeight || 0),
  };
}

/** A ToUnicode CMap mapping glyph ids to code points (bfchar blocks of at most 100). */
function toUnicodeCMap(unicodeOf: ReadonlyMap<number, number>): string {
  const entries = [...unicodeOf].sort((a, b) => a[0] - b[0]);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(
      `${chunk.length} beginbfchar\n` +
        chunk.map(([gid, cp]) => `<${hex4(gid)}> <${utf16Hex(cp)}>`).join('\n') +
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

function utf16Hex(codePoint: number): string {
  if (codePoint < 0x10000) return hex4(codePoint);
  const v = codePoint - 0x10000;
  return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
}
