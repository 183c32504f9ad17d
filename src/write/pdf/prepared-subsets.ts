/**
 * Font subsets prepared ahead of time. Building a face's subset (finding its
 * glyphs, writing the TrueType program, compressing it) is a good part of the
 * first PDF of a process. The build of the program prepares the subsets the
 * bundled documents use (scripts/prepare-documents.ts), and the command line
 * hands them to the writer with `usePreparedSubsets`; any other subset is
 * built when first needed.
 *
 * A prepared subset is used only for the very font file it was made from and
 * with the compressor it was registered with, and only while zlib is the
 * version that compressed it, so the bytes are those the writer would make.
 */
import type { Deflate } from '../deflate.js';
import type { FaceProgram } from './font-program.js';
import type { TrueTypeFont } from './truetype.js';

/** Prepared subsets as JSON carries them. */
export interface PreparedSubsets {
  /** process.versions.zlib of the process that compressed them. */
  readonly zlib: string;
  readonly subsets: Readonly<Record<string, SerializedProgram>>;
}

interface SerializedProgram {
  readonly baseFont: string;
  /** Base64. */
  readonly fontFile: string;
  readonly fontFileLength: number;
  /** Base64. */
  readonly toUnicode: string;
  /** Glyph id, advance, glyph id, advance, … */
  readonly advances: readonly number[];
  /** Code point, glyph id, code point, glyph id, … */
  readonly glyphIds: readonly number[];
  readonly descriptor: FaceProgram['descriptor'];
}

let source: (() => PreparedSubsets | undefined) | undefined;
let sourceDeflate: Deflate | undefined;
let prepared: PreparedSubsets['subsets'] | undefined;
let recorded: Map<string, FaceProgram> | undefined;

/**
 * Lets the writer take subsets prepared ahead of time, when it compresses
 * with `deflate` (the compressor they were made with). `source` is read once,
 * when the first subset is needed; it may return undefined.
 */
export function usePreparedSubsets(from: (() => PreparedSubsets | undefined) | undefined, deflate?: Deflate): void {
  source = from;
  sourceDeflate = deflate;
  prepared = undefined;
}

/** Starts keeping every subset this process builds, for `recordedSubsets`. */
export function recordSubsets(): void {
  recorded = new Map();
}

/** The subsets built since `recordSubsets`, to be written as JSON. */
export function recordedSubsets(): PreparedSubsets {
  const subsets: Record<string, SerializedProgram> = {};
  for (const key of [...(recorded ?? new Map<string, FaceProgram>()).keys()].sort()) {
    const p = recorded!.get(key)!;
    subsets[key] = {
      baseFont: p.baseFont,
      fontFile: Buffer.from(p.fontFile).toString('base64'),
      fontFileLength: p.fontFileLength,
      toUnicode: Buffer.from(p.toUnicode).toString('base64'),
      advances: [...p.advances].flat(),
      glyphIds: [...p.glyphIds].flat(),
      descriptor: p.descriptor,
    };
  }
  return { zlib: process.versions.zlib ?? '', subsets };
}

/** Which font file and which pages: the name, the length and the whole-file checksum (head.checkSumAdjustment). */
function subsetKey(font: TrueTypeFont, pages: string): string {
  const head = font.tables.get('head');
  const checksum = head ? new DataView(font.bytes.buffer, font.bytes.byteOffset, font.bytes.byteLength).getUint32(head.offset + 8) : 0;
  return `${font.postscriptName}/${font.bytes.length}/${checksum}|${pages}`;
}

/** The prepared subset of `font` for `pages` (the sorted page list, joined by commas), if there is one. */
export function preparedSubset(font: TrueTypeFont, pages: string, deflate: Deflate): FaceProgram | undefined {
  if (!source || deflate !== sourceDeflate) return undefined;
  if (!prepared) {
    const from = source();
    prepared = from?.zlib === (process.versions.zlib ?? '') && typeof from.subsets === 'object' && from.subsets ? from.subsets : {};
  }
  const key = subsetKey(font, pages);
  return Object.hasOwn(prepared, key) ? readPrepared(prepared[key]!) : undefined;
}

/** Notes a subset the writer built (kept only while recording). */
export function noteSubset(font: TrueTypeFont, pages: string, program: FaceProgram): void {
  recorded?.set(subsetKey(font, pages), program);
}

/** A prepared subset as the writer uses it; undefined when it does not read back whole (it is built instead). */
function readPrepared(p: SerializedProgram): FaceProgram | undefined {
  const pairs = (flat: readonly number[]) => {
    const map = new Map<number, number>();
    for (let i = 0; i + 1 < flat.length; i += 2) map.set(flat[i]!, flat[i + 1]!);
    return map;
  };
  const fields = [p.baseFont, p.fontFile, p.toUnicode];
  if (fields.some((f) => typeof f !== 'string') || !Array.isArray(p.advances) || !Array.isArray(p.glyphIds) || !p.descriptor) return undefined;
  return {
    baseFont: p.baseFont,
    fontFile: new Uint8Array(Buffer.from(p.fontFile, 'base64')),
    fontFileLength: p.fontFileLength,
    toUnicode: new Uint8Array(Buffer.from(p.toUnicode, 'base64')),
    advances: pairs(p.advances),
    glyphIds: pairs(p.glyphIds),
    descriptor: p.descriptor,
  };
}
