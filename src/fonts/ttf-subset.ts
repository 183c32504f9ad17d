/**
 * A small TrueType subsetter for embedding in PDF (CIDFontType2 with an
 * identity CID-to-glyph map). It keeps glyph ids unchanged and empties every
 * glyph that is not needed, so no id remapping is necessary and composite
 * glyphs keep working; the tables PDF needs (ISO 32000-1, 9.9: glyf, head,
 * hhea, hmtx, loca, maxp, cvt, fpgm, prep) are written, nothing else.
 *
 * Plain byte copying, so a subset costs a few milliseconds even in a cold
 * process; glyph records are padded to 4 bytes (the defect that makes
 * fontkit's own subsetter produce blank glyphs).
 */
import { readDirectory, TrueTypeFormatError, type TableRecord, type TrueTypeFont } from './truetype.js';

/** Composite glyph flags (OpenType `glyf` table). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/**
 * The font program with only `glyphIds` (and .notdef, and the components of
 * composite glyphs) left in it. Returns the program and the glyph ids kept.
 */
export function subsetTrueType(parsed: TrueTypeFont, glyphIds: Iterable<number>): { bytes: Uint8Array; kept: number[] } {
  const font = parsed.bytes;
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = parsed.tables;
  const table = (tag: string): TableRecord => {
    const record = tables.get(tag);
    if (!record) throw new TrueTypeFormatError(`it has no '${tag}' table`);
    return record;
  };
  const head = table('head');
  const maxp = table('maxp');
  const loca = table('loca');
  const glyf = table('glyf');
  const hhea = table('hhea');
  const hmtx = table('hmtx');
  const numGlyphs = parsed.numGlyphs;
  const longOffsets = view.getInt16(head.offset + 50) === 1;
  const glyphStart = (gid: number): number =>
    longOffsets ? view.getUint32(loca.offset + 4 * gid) : view.getUint16(loca.offset + 2 * gid) * 2;

  // Which glyphs to keep: the requested ones, .notdef, and composite components.
  const keep = new Set<number>([0]);
  const pending = [...glyphIds].filter((gid) => gid > 0 && gid < numGlyphs);
  while (pending.length > 0) {
    const gid = pending.pop()!;
    if (keep.has(gid)) continue;
    keep.add(gid);
    for (const component of componentsOf(view, glyf.offset + glyphStart(gid), glyphStart(gid + 1) - glyphStart(gid))) {
      if (component < numGlyphs && !keep.has(component)) pending.push(component);
    }
  }
  const kept = [...keep].sort((a, b) => a - b);

  // New glyf and (long) loca: kept records padded to 4 bytes, the rest empty.
  let glyfLength = 0;
  for (const gid of kept) glyfLength += pad4(glyphStart(gid + 1) - glyphStart(gid));
  const newGlyf = new Uint8Array(glyfLength);
  const newLoca = new Uint8Array(4 * (numGlyphs + 1));
  const locaView = new DataView(newLoca.buffer);
  let at = 0;
  let next = 0;
  for (let gid = 0; gid < numGlyphs; gid++) {
    locaView.setUint32(4 * gid, at);
    if (kept[next] === gid) {
      next++;
      const start = glyf.offset + glyphStart(gid);
      const length = glyphStart(gid + 1) - glyphStart(gid);
      newGlyf.set(font.subarray(start, start + length), at);
      at += pad4(length);
    }
  }
  locaView.setUint32(4 * numGlyphs, at);

  // hmtx: metrics of glyphs not kept are zeroed (they compress to nothing).
  const numberOfHMetrics = view.getUint16(hhea.offset + 34);
  const newHmtx = new Uint8Array(hmtx.length);
  for (const gid of kept) {
    if (gid < numberOfHMetrics) {
      newHmtx.set(font.subarray(hmtx.offset + 4 * gid, hmtx.offset + 4 * gid + 4), 4 * gid);
    } else {
      const lsb = hmtx.offset + 4 * numberOfHMetrics + 2 * (gid - numberOfHMetrics);
      if (lsb + 2 <= hmtx.offset + hmtx.length) newHmtx.set(font.subarray(lsb, lsb + 2), lsb - hmtx.offset);
    }
  }
  // The last advance also applies to every glyph after it: keep it.
  if (numberOfHMetrics > 0) {
    const last = 4 * (numberOfHMetrics - 1);
    newHmtx.set(font.subarray(hmtx.offset + last, hmtx.offset + last + 2), last);
  }

  // A copy (Buffer#slice would share memory with the caller's font bytes).
  const newHead = new Uint8Array(font.subarray(head.offset, head.offset + head.length));
  const headView = new DataView(newHead.buffer, newHead.byteOffset, newHead.byteLength);
  headView.setUint32(8, 0); // checkSumAdjustment, set below
  headView.setInt16(50, 1); // indexToLocFormat: long offsets

  const contents = new Map<string, Uint8Array>([
    ['glyf', newGlyf],
    ['head', newHead],
    ['hhea', font.subarray(hhea.offset, hhea.offset + hhea.length)],
    ['hmtx', newHmtx],
    ['loca', newLoca],
    ['maxp', font.subarray(maxp.offset, maxp.offset + maxp.length)],
  ]);
  for (const tag of ['cvt ', 'fpgm', 'prep']) {
    const record = tables.get(tag);
    if (record) contents.set(tag, font.subarray(record.offset, record.offset + record.length));
  }
  const bytes = writeFont(contents);
  const headOffset = tableOffsetIn(bytes, 'head');
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).setUint32(headOffset + 8, (0xb1b0afba - checksum(bytes)) >>> 0);
  return { bytes, kept };
}

/** Glyph ids referenced by a composite glyph (none for a simple or empty glyph). */
function componentsOf(view: DataView, start: number, length: number): number[] {
  if (length < 10 || view.getInt16(start) >= 0) return [];
  const components: number[] = [];
  let at = start + 10;
  const end = start + length;
  for (;;) {
    if (at + 4 > end) break;
    const flags = view.getUint16(at);
    components.push(view.getUint16(at + 2));
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
    if (!(flags & MORE_COMPONENTS)) break;
  }
  return components;
}

/** Writes an sfnt with the given tables (sorted by tag, 4-byte aligned, checksummed). */
function writeFont(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  let size = 12 + 16 * count;
  for (const tag of tags) size += pad4(tables.get(tag)!.length);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(count));
  const searchRange = 2 ** entrySelector * 16;
  view.setUint32(0, 0x00010000);
  view.setUint16(4, count);
  view.setUint16(6, searchRange);
  view.setUint16(8, entrySelector);
  view.setUint16(10, count * 16 - searchRange);
  let offset = 12 + 16 * count;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const record = 12 + 16 * i;
    for (let k = 0; k < 4; k++) view.setUint8(record + k, tag.charCodeAt(k));
    out.set(data, offset);
    view.setUint32(record + 4, checksum(out.subarray(offset, offset + pad4(data.length))));
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, data.length);
    offset += pad4(data.length);
  });
  return out;
}

function tableOffsetIn(font: Uint8Array, tag: string): number {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const record = readDirectory(view).get(tag);
  if (!record) throw new TrueTypeFormatError(`it has no '${tag}' table`);
  return record.offset;
}

/** Sum of big-endian 32-bit words (the data is 4-byte padded). */
function checksum(data: Uint8Array): number {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let sum = 0;
  const words = Math.floor(data.byteLength / 4);
  for (let i = 0; i < words; i++) sum = (sum + view.getUint32(4 * i)) >>> 0;
  const rest = data.byteLength % 4;
  if (rest > 0) {
    let last = 0;
    for (let k = 0; k < 4; k++) last = (last << 8) | (k < rest ? data[4 * words + k]! : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

function pad4(n: number): number {
  return (n + 3) & ~3;
}
