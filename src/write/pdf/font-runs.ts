/**
 * Mixed-script text: a text box split into runs of one face each, in the
 * order they are drawn. Characters the family lacks go to the fallback face
 * of their script; right-to-left text is ordered by the Unicode bidi
 * algorithm (bidi-js), honouring the isolates (FSI…PDI) around values from
 * the student's file, which are never drawn; Arabic, Hebrew, Devanagari and
 * Thai runs are shaped with HarfBuzz.
 *
 * Measuring (measure.ts) and painting (paint.ts) both go through `setText`,
 * so a width layout measures is the width paint draws. Text without such
 * characters never comes here: the Latin path stays as it was.
 */
import bidiModule from 'bidi-js';
import { fallbackFor, isBidiControl, SHAPED, type FallbackId } from '../../fonts/fallback.js';
import type { ShapedGlyph, Shaper } from '../../fonts/shaper.js';
import type { TrueTypeFont } from '../../fonts/truetype.js';
import type { ParsedFontSet } from './font-cache.js';
import type { FontKey } from './layout-types.js';
import { ownCopy } from './cache-key.js';

/** The family's faces, the fallback faces a document loaded, and the shaper when a loaded face needs one. */
export interface FontStack {
  readonly main: ParsedFontSet;
  readonly fallbacks: ReadonlyMap<FallbackId, TrueTypeFont>;
  readonly shaper?: Shaper;
}

/** A glyph of a fallback face; lengths in em. */
export interface PlacedGlyph {
  readonly glyphId: number;
  /**
   * The characters it stands for, as its ToUnicode entry gives them ('' for
   * the second and later glyphs of a character, and for a glyph whose run's
   * /ActualText says them).
   */
  readonly text: string;
  readonly advance: number;
  readonly dx: number;
  readonly dy: number;
}

/** A run of text in one face, ready to draw. */
export type FaceRun =
  /** In the box's own face: `text` in visual order, drawn through the face's character map. */
  | { readonly face: 'main'; readonly text: string; readonly width: number; readonly order: number }
  /** In a fallback face: glyphs in visual order, and the characters they stand for. */
  | {
      readonly face: FallbackId;
      readonly glyphs: readonly PlacedGlyph[];
      readonly text: string;
      readonly rightToLeft: boolean;
      /**
       * True when the glyphs do not each stand for one character of `text`
       * (a letter drawn as a base glyph it shares with another letter plus a
       * mark, a cluster reordered or split): a glyph's ToUnicode entry cannot
       * then say what it stands for here, so the run is drawn inside an
       * /ActualText span holding `text`.
       */
      readonly actualText: boolean;
      readonly width: number;
      /** Where the run comes in reading (logical) order, from 0. */
      readonly order: number;
      /** Which stretch of one face and direction the run belongs to (runs of one are cut from it), and its text in reading order. */
      readonly item: { readonly index: number; readonly text: string };
    };

/** A text set in runs. */
export interface SetText {
  /** Runs left to right as drawn. */
  readonly runs: readonly FaceRun[];
  /** Width in em. */
  readonly width: number;
}

/**
 * True when `text` has characters of a fallback script or directional
 * controls, i.e. it must be set with `setText`. One comparison per
 * character for text below U+0590.
 */
export function needsRuns(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x0590) continue;
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (isBidiControl(cp) || fallbackFor(cp) !== undefined) return true;
  }
  return false;
}

// bidi-js is CommonJS whose module.exports is the factory; its types declare an ES default export.
const bidiFactory = bidiModule as unknown as typeof bidiModule.default;
let bidi: ReturnType<typeof bidiFactory> | undefined;
/** Strong right-to-left characters and the controls that open right-to-left text. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200f\u202b\u202e\u2067]/;
/** Marks and joiners belong to the face of the character before them. */
const MARK = /[\p{M}\u200c\u200d]/u;

interface Item {
  face: 'main' | FallbackId;
  level: number;
  text: string;
  order: number;
}

const caches = new WeakMap<FontStack, Map<string, SetText>>();
const CACHE_LIMIT = 5000;

/** `text` in `font` (the face layout chose) as runs of faces, cached per stack. */
export function setText(stack: FontStack, text: string, font: FontKey): SetText {
  let cache = caches.get(stack);
  if (!cache) {
    cache = new Map();
    caches.set(stack, cache);
  }
  const key = font + '\u0000' + text;
  let set = cache.get(key);
  if (!set) {
    set = build(stack, text, font);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(ownCopy(key), set);
  }
  return set;
}

function build(stack: FontStack, text: string, font: FontKey): SetText {
  const main = stack.main[font];
  let levels: Uint8Array | undefined;
  if (RIGHT_TO_LEFT.test(text)) {
    bidi ??= bidiFactory();
    levels = bidi.getEmbeddingLevels(text, 'ltr').levels;
  }
  const items: Item[] = [];
  let current: Item | undefined;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    const at = i;
    if (cp > 0xffff) i++;
    if (isBidiControl(cp)) continue;
    const ch = String.fromCodePoint(cp);
    const face = faceFor(stack, main, cp, ch, current?.face);
    const level = levels ? levels[at]! : 0;
    if (current && current.face === face && current.level === level) current.text += ch;
    else {
      current = { face, level, text: ch, order: items.length };
      items.push(current);
    }
  }
  const runs = numberInReadingOrder(reorder(items).map((item) => ({ item, runs: toRuns(stack, main, item) })));
  let width = 0;
  for (const run of runs) width += run.width;
  return { runs, width };
}

/**
 * The face for a character, given the face of the one before it: its
 * script's fallback face, else the box's own face; marks stay with their
 * letter, and a character the own face lacks stays in the fallback face
 * before it.
 */
function faceFor(stack: FontStack, main: TrueTypeFont, cp: number, ch: string, previous: Item['face'] | undefined): Item['face'] {
  const id = fallbackFor(cp);
  if (id !== undefined) return stack.fallbacks.get(id)?.glyphId(cp) ? id : 'main';
  if (previous === undefined || previous === 'main') return 'main';
  if (MARK.test(ch)) return previous;
  return main.glyphId(cp) === 0 && stack.fallbacks.get(previous)!.glyphId(cp) !== 0 ? previous : 'main';
}

/** A run before it knows its place in reading order. */
type Unnumbered = FaceRun extends infer R ? (R extends FaceRun ? Omit<R, 'order' | 'item'> : never) : never;

/**
 * The runs of items in visual order, each numbered with its place in reading
 * order: items by their logical order, and within a right-to-left item (whose
 * runs come in visual order) from its last run to its first.
 */
function numberInReadingOrder(visual: readonly { item: Item; runs: Unnumbered[] }[]): FaceRun[] {
  const placed = visual.flatMap(({ item, runs }) =>
    runs.map((run, i) => ({ run, item: item.order, source: { index: item.order, text: item.text }, within: item.level % 2 === 1 ? runs.length - 1 - i : i })),
  );
  const reading = [...placed].sort((a, b) => a.item - b.item || a.within - b.within);
  const orderOf = new Map(reading.map((p, i) => [p, i]));
  return placed.map((p) => ({ ...p.run, order: orderOf.get(p)!, ...('glyphs' in p.run ? { item: p.source } : {}) }) as FaceRun);
}

/** Items in visual order (rule L2 of the bidi algorithm, on whole items). */
function reorder(items: Item[]): Item[] {
  let highest = 0;
  let lowestOdd = Infinity;
  for (const item of items) {
    highest = Math.max(highest, item.level);
    if (item.level % 2 === 1) lowestOdd = Math.min(lowestOdd, item.level);
  }
  const out = [...items];
  for (let level = highest; level >= lowestOdd; level--) {
    for (let start = 0; start < out.length; start++) {
      if (out[start]!.level < level) continue;
      let end = start;
      while (end + 1 < out.length && out[end + 1]!.level >= level) end++;
      const reversed = out.slice(start, end + 1).reverse();
      out.splice(start, reversed.length, ...reversed);
      start = end;
    }
  }
  return out;
}

/**
 * An item as the runs that draw it: one, except that a right-to-left shaped
 * item is cut so each glyph of a cluster whose glyphs do not stand for its
 * characters one to one is a run of its own, holding the characters that
 * glyph stands for ('' for a mark). Text extraction places an /ActualText
 * span's characters left to right across the glyphs of the span, so a span
 * over more than one glyph of right-to-left text would read back reversed
 * or split.
 */
function toRuns(stack: FontStack, main: TrueTypeFont, item: Item): Unnumbered[] {
  const rightToLeft = item.level % 2 === 1;
  if (item.face === 'main') {
    const chars = [...item.text];
    const shown = rightToLeft ? chars.reverse().map((ch) => bidi!.getMirroredCharacter(ch) ?? ch).join('') : item.text;
    let width = 0;
    for (const ch of chars) width += main.advanceWidth(main.glyphId(ch.codePointAt(0)!));
    return [{ face: 'main', text: shown, width: width / main.unitsPerEm }];
  }
  const face = item.face;
  const font = stack.fallbacks.get(face)!;
  const em = 1 / font.unitsPerEm;
  if (!(SHAPED.has(face) && stack.shaper)) {
    const glyphs = [...item.text].map((ch) => {
      const glyphId = font.glyphId(ch.codePointAt(0)!);
      return { glyphId, text: ch, advance: font.advanceWidth(glyphId) * em, dx: 0, dy: 0 };
    });
    if (rightToLeft) glyphs.reverse();
    return [run(face, glyphs, item.text, rightToLeft, false)];
  }
  const shaped = stack.shaper.shape(font, item.text, rightToLeft);
  const texts = clusterTexts(shaped, item.text, rightToLeft);
  const glyphs = shaped.map((g, i) => ({ glyphId: g.glyphId, text: texts[i]!, advance: g.advance * em, dx: g.dx * em, dy: g.dy * em }));
  // Clusters in visual order, each plain when it is one glyph for one character.
  const clusters: PlacedGlyph[][] = [];
  for (let i = 0; i < glyphs.length; i++) {
    if (i > 0 && shaped[i]!.cluster === shaped[i - 1]!.cluster) clusters[clusters.length - 1]!.push(glyphs[i]!);
    else clusters.push([glyphs[i]!]);
  }
  const plain = (cluster: PlacedGlyph[]): boolean => cluster.length === 1 && [...cluster[0]!.text].length === 1;
  if (!rightToLeft) return [run(face, glyphs, item.text, false, !clusters.every(plain))];
  const runs: Unnumbered[] = [];
  let pending: PlacedGlyph[] = [];
  const flush = (): void => {
    if (pending.length > 0) runs.push(run(face, pending, pending.map((g) => g.text).reverse().join(''), true, false));
    pending = [];
  };
  for (const cluster of clusters) {
    if (plain(cluster)) {
      pending.push(...cluster);
      continue;
    }
    flush();
    // The span says the characters; the glyph's own ToUnicode entry is left to its plain uses.
    for (const g of cluster) runs.push(run(face, [{ ...g, text: '' }], g.text, true, true));
  }
  flush();
  return runs;
}

function run(face: FallbackId, glyphs: PlacedGlyph[], text: string, rightToLeft: boolean, actualText: boolean): Unnumbered {
  let width = 0;
  for (const g of glyphs) width += g.advance;
  return { face, glyphs, text, rightToLeft, actualText, width };
}

/**
 * The characters each shaped glyph stands for: a cluster's characters go to
 * its first glyph in reading order, so a ligature carries both letters.
 */
function clusterTexts(glyphs: readonly ShapedGlyph[], text: string, rightToLeft: boolean): string[] {
  const starts = [...new Set(glyphs.map((g) => g.cluster))].sort((a, b) => a - b);
  const endOf = new Map(starts.map((start, i) => [start, starts[i + 1] ?? text.length]));
  const texts: string[] = new Array(glyphs.length).fill('');
  const seen = new Set<number>();
  for (let k = 0; k < glyphs.length; k++) {
    const i = rightToLeft ? glyphs.length - 1 - k : k;
    const cluster = glyphs[i]!.cluster;
    if (seen.has(cluster)) continue;
    seen.add(cluster);
    texts[i] = text.slice(cluster, endOf.get(cluster));
  }
  return texts;
}
