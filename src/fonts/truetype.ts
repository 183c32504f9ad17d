/**
 * A minimal TrueType reader: what measuring and embedding need (code point →
 * glyph, advance widths, vertical metrics, names), read straight from the
 * tables. No shaping and no general font engine, so parsing a font costs
 * microseconds and nothing has to warm up in a cold process.
 */

/** Thrown when the bytes are not a TrueType font this reader understands. */
export class TrueTypeFormatError extends Error {
  constructor(detail: string) {
    super(`not a TrueType font that can be embedded (${detail})`);
    this.name = 'TrueTypeFormatError';
  }
}

/** Where a table lies in the font file. */
export interface TableRecord {
  readonly offset: number;
  readonly length: number;
}

/** A parsed TrueType font. Metrics are in font units. */
export interface TrueTypeFont {
  readonly bytes: Uint8Array;
  readonly tables: ReadonlyMap<string, TableRecord>;
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  readonly numGlyphs: number;
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly xHeight: number;
  readonly italicAngle: number;
  readonly bbox: readonly [number, number, number, number];
  readonly fixedPitch: boolean;
  readonly serif: boolean;
  readonly italic: boolean;
  /** The glyph id for a code point; 0 (.notdef) when the font has none. */
  glyphId(codePoint: number): number;
  /** Advance width of a glyph. */
  advanceWidth(glyphId: number): number;
  /** How many code points the character map covers. */
  characterCount(): number;
}

/** Reads the table directory of an sfnt. */
export function readDirectory(view: DataView): Map<string, TableRecord> {
  if (view.byteLength < 12) throw new TrueTypeFormatError('the file is too short');
  const version = view.getUint32(0);
  if (version === 0x4f54544f) throw new TrueTypeFormatError('it has PostScript (CFF) outlines, not TrueType ones');
  if (version === 0x774f4646 || version === 0x774f4632) throw new TrueTypeFormatError('it is a WOFF web font; use the .ttf file');
  if (version !== 0x00010000 && version !== 0x74727565) throw new TrueTypeFormatError('unknown file signature');
  const count = view.getUint16(4);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    if (at + 16 > view.byteLength) throw new TrueTypeFormatError('truncated table directory');
    const tag = String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (offset + length > view.byteLength) throw new TrueTypeFormatError(`table '${tag}' runs past the end of the file`);
    tables.set(tag, { offset, length });
  }
  return tables;
}

/** Parses the tables of a TrueType font. */
export function parseTrueType(bytes: Uint8Array): TrueTypeFont {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = readDirectory(view);
  const table = (tag: string): TableRecord => {
    const record = tables.get(tag);
    if (!record) throw new TrueTypeFormatError(`it has no '${tag}' table`);
    return record;
  };
  for (const tag of ['glyf', 'loca']) table(tag);
  const head = table('head').offset;
  const hhea = table('hhea').offset;
  const maxp = table('maxp').offset;
  const hmtx = table('hmtx').offset;
  const os2 = tables.get('OS/2');
  const post = tables.get('post');

  const unitsPerEm = view.getUint16(head + 18);
  if (unitsPerEm === 0) throw new TrueTypeFormatError('unitsPerEm is 0');
  const numGlyphs = view.getUint16(maxp + 4);
  const numberOfHMetrics = Math.max(1, view.getUint16(hhea + 34));
  const ascent = view.getInt16(hhea + 4);
  const os2Version = os2 ? view.getUint16(os2.offset) : 0;
  const { lookup, count } = cmapLookup(view, table('cmap'));
  const glyphIds = new Map<number, number>();

  return {
    bytes,
    tables,
    postscriptName: postscriptName(view, tables.get('name')),
    unitsPerEm,
    numGlyphs,
    ascent,
    descent: view.getInt16(hhea + 6),
    capHeight: os2 && os2Version >= 2 && os2.length >= 90 ? view.getInt16(os2.offset + 88) : ascent,
    xHeight: os2 && os2Version >= 2 && os2.length >= 88 ? view.getInt16(os2.offset + 86) : 0,
    italicAngle: post ? view.getInt16(post.offset + 4) + view.getUint16(post.offset + 6) / 65536 : 0,
    bbox: [view.getInt16(head + 36), view.getInt16(head + 38), view.getInt16(head + 40), view.getInt16(head + 42)],
    fixedPitch: post ? view.getUint32(post.offset + 12) !== 0 : false,
    serif: os2 ? isSerifClass(view.getInt16(os2.offset + 30) >> 8) : false,
    italic: (view.getUint16(head + 44) & 0b10) !== 0,
    glyphId(codePoint) {
      let gid = glyphIds.get(codePoint);
      if (gid === undefined) {
        gid = lookup(codePoint);
        if (gid >= numGlyphs) gid = 0;
        glyphIds.set(codePoint, gid);
      }
      return gid;
    },
    advanceWidth(glyphId) {
      const index = Math.min(glyphId, numberOfHMetrics - 1);
      return view.getUint16(hmtx + 4 * index);
    },
    characterCount: count,
  };
}

/** IBM font classes 1–7 are the serif families (OS/2 sFamilyClass). */
function isSerifClass(familyClass: number): boolean {
  return familyClass >= 1 && familyClass <= 7;
}

interface CharacterMap {
  /** Code point → glyph id (0 when unmapped). */
  lookup(codePoint: number): number;
  /** Number of code points mapped to a glyph other than 0. */
  count(): number;
}

/** The best Unicode subtable of `cmap` (format 12, else format 4). */
function cmapLookup(view: DataView, cmap: TableRecord): CharacterMap {
  const count = view.getUint16(cmap.offset + 2);
  const candidates: { rank: number; offset: number; format: number }[] = [];
  for (let i = 0; i < count; i++) {
    const at = cmap.offset + 4 + 8 * i;
    const platform = view.getUint16(at);
    const encoding = view.getUint16(at + 2);
    const offset = cmap.offset + view.getUint32(at + 4);
    const format = view.getUint16(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 4 && format !== 12)) continue;
    candidates.push({ rank: format === 12 ? 0 : 1, offset, format });
  }
  candidates.sort((a, b) => a.rank - b.rank);
  const best = candidates[0];
  if (!best) throw new TrueTypeFormatError('it has no Unicode character map');
  return best.format === 12 ? format12(view, best.offset) : format4(view, best.offset);
}

function format12(view: DataView, at: number): CharacterMap {
  const groups = view.getUint32(at + 12);
  const lookup = (cp: number): number => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const group = at + 16 + 12 * mid;
      const start = view.getUint32(group);
      if (cp < start) hi = mid - 1;
      else if (cp > view.getUint32(group + 4)) lo = mid + 1;
      else return view.getUint32(group + 8) + (cp - start);
    }
    return 0;
  };
  const count = (): number => {
    let n = 0;
    for (let i = 0; i < groups; i++) {
      const group = at + 16 + 12 * i;
      const start = view.getUint32(group);
      const first = view.getUint32(group + 8);
      n += view.getUint32(group + 4) - start + 1 - (first === 0 ? 1 : 0);
    }
    return n;
  };
  return { lookup, count };
}

function format4(view: DataView, at: number): CharacterMap {
  const segments = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  const lookup = (cp: number): number => {
    if (cp > 0xffff) return 0;
    let lo = 0;
    let hi = segments - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cp > view.getUint16(ends + 2 * mid)) lo = mid + 1;
      else hi = mid - 1;
    }
    if (lo >= segments) return 0;
    const start = view.getUint16(starts + 2 * lo);
    if (cp < start) return 0;
    const delta = view.getInt16(deltas + 2 * lo);
    const rangeOffset = view.getUint16(rangeOffsets + 2 * lo);
    if (rangeOffset === 0) return (cp + delta) & 0xffff;
    const glyphAt = rangeOffsets + 2 * lo + rangeOffset + 2 * (cp - start);
    if (glyphAt + 2 > view.byteLength) return 0;
    const glyph = view.getUint16(glyphAt);
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  };
  const count = (): number => {
    let n = 0;
    for (let i = 0; i < segments; i++) {
      const start = view.getUint16(starts + 2 * i);
      const end = view.getUint16(ends + 2 * i);
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) if (lookup(cp) !== 0) n++;
    }
    return n;
  };
  return { lookup, count };
}

/** The PostScript name (name id 6), e.g. "NotoSans-Regular". */
function postscriptName(view: DataView, name: TableRecord | undefined): string {
  if (!name) return 'Font';
  const count = view.getUint16(name.offset + 2);
  const strings = name.offset + view.getUint16(name.offset + 4);
  let fallback = '';
  for (let i = 0; i < count; i++) {
    const at = name.offset + 6 + 12 * i;
    if (view.getUint16(at + 6) !== 6) continue;
    const platform = view.getUint16(at);
    const length = view.getUint16(at + 8);
    const offset = strings + view.getUint16(at + 10);
    let text = '';
    if (platform === 3 || platform === 0) {
      for (let k = 0; k + 1 < length; k += 2) text += String.fromCharCode(view.getUint16(offset + k));
    } else {
      for (let k = 0; k < length; k++) text += String.fromCharCode(view.getUint8(offset + k));
    }
    text = text.replace(/[^\x21-\x7e]/g, '').replace(/[()<>[\]{}/%]/g, '');
    if (text !== '' && (platform === 3 || platform === 0)) return text;
    if (text !== '' && fallback === '') fallback = text;
  }
  return fallback || 'Font';
}
