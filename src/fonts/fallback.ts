/**
 * The fallback faces: which bundled face draws the characters a Latin,
 * Greek and Cyrillic family lacks, chosen by Unicode script. Chinese and
 * Japanese share Noto Sans SC (Han and Kana), Korean has Noto Sans KR
 * (Hangul); Arabic, Hebrew, Devanagari and Thai have their own Noto Sans and
 * are shaped (shaper.ts). Each face is loaded only by a document that needs it.
 */

/** A fallback face, by the script it is for. */
export type FallbackId = 'arabic' | 'hebrew' | 'devanagari' | 'thai' | 'chinese' | 'korean';

/** Every fallback face, in a fixed order (resource names and embedding follow it). */
export const FALLBACK_IDS: readonly FallbackId[] = ['arabic', 'hebrew', 'devanagari', 'thai', 'chinese', 'korean'];

/** Faces whose text needs shaping (contextual forms, reordered or stacked marks, ligatures). */
export const SHAPED: ReadonlySet<FallbackId> = new Set(['arabic', 'hebrew', 'devanagari', 'thai']);

/** [first, last, face] code point ranges, sorted by first. */
const RANGES: readonly (readonly [number, number, FallbackId])[] = [
  [0x0590, 0x05ff, 'hebrew'],
  [0x0600, 0x06ff, 'arabic'],
  [0x0750, 0x077f, 'arabic'],
  [0x0870, 0x08ff, 'arabic'],
  [0x0900, 0x097f, 'devanagari'],
  [0x0e00, 0x0e7f, 'thai'],
  [0x1100, 0x11ff, 'korean'],
  [0x2e80, 0x2fdf, 'chinese'],
  [0x3000, 0x30ff, 'chinese'], // CJK punctuation, Hiragana, Katakana
  [0x3130, 0x318f, 'korean'],
  [0x31f0, 0x31ff, 'chinese'],
  [0x3400, 0x4dbf, 'chinese'],
  [0x4e00, 0x9fff, 'chinese'],
  [0xa8e0, 0xa8ff, 'devanagari'],
  [0xa960, 0xa97f, 'korean'],
  [0xac00, 0xd7ff, 'korean'],
  [0xf900, 0xfaff, 'chinese'],
  [0xfb1d, 0xfb4f, 'hebrew'],
  [0xfb50, 0xfdff, 'arabic'],
  [0xfe70, 0xfeff, 'arabic'],
  [0xff00, 0xffef, 'chinese'], // full-width forms
  [0x20000, 0x323af, 'chinese'],
];

/** The fallback face for a code point's script, if there is one. */
export function fallbackFor(codePoint: number): FallbackId | undefined {
  if (codePoint < 0x0590) return undefined;
  let lo = 0;
  let hi = RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last, id] = RANGES[mid]!;
    if (codePoint < first) hi = mid - 1;
    else if (codePoint > last) lo = mid + 1;
    else return id;
  }
  return undefined;
}

/**
 * Directional formatting characters (isolates FSI/LRI/RLI/PDI, embeddings,
 * overrides, marks): they steer the bidi algorithm and are never drawn.
 */
export function isBidiControl(codePoint: number): boolean {
  return (
    (codePoint >= 0x2066 && codePoint <= 0x2069) ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    codePoint === 0x200e ||
    codePoint === 0x200f ||
    codePoint === 0x061c
  );
}

/** Characters of the fallback scripts and directional controls: a quick test before looking closer. */
const MAYBE_FALLBACK = /[\u0590-\u0e7f\u1100-\u11ff\u200e\u200f\u202a-\u202e\u2066-\u2069\u2e80-\ud7ff\uf900-\ufaff\ufb1d-\ufeff\uff00-\uffef\u{20000}-\u{323af}]/u;

/**
 * The fallback faces the strings of `value` (a document tree, say) need:
 * see `fallbacksNeeded`. Strings without such characters cost one regular
 * expression test each.
 */
export function fallbacksNeededIn(value: unknown, covered: (codePoint: number) => boolean, into = new Set<FallbackId>()): Set<FallbackId> {
  if (typeof value === 'string') {
    if (MAYBE_FALLBACK.test(value)) fallbacksNeeded(value, covered, into);
  } else if (Array.isArray(value)) {
    for (const item of value) fallbacksNeededIn(item, covered, into);
  } else if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
    for (const key in value) fallbacksNeededIn((value as Record<string, unknown>)[key], covered, into);
  }
  return into;
}

/**
 * The fallback faces `text` needs: those of the characters `covered` says the
 * main family cannot draw, and those of scripts that need shaping (a family
 * may have Devanagari letters, but is not shaped). Only characters from
 * U+0590 on are looked at, so a Latin text costs one comparison per character.
 */
export function fallbacksNeeded(text: string, covered: (codePoint: number) => boolean, into = new Set<FallbackId>()): Set<FallbackId> {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x0590) continue;
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const id = fallbackFor(cp);
    if (id !== undefined && !into.has(id) && (SHAPED.has(id) || !covered(cp))) into.add(id);
  }
  return into;
}
