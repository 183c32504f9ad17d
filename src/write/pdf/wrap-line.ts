/**
 * Greedy word wrap of styled inline runs into lines that fit a width.
 *
 * Lines break where Unicode line breaking (UAX #14, line-breaks.ts) allows:
 * after spaces and hyphens, between Chinese and Japanese characters, never
 * at a no-break space — but not inside an e-mail address, a URL or a link.
 * In prose, a lowercase word that leaves more than the hyphenation zone
 * empty is hyphenated (hyphenation.ts), at most two lines in a row. A word
 * wider than the whole line (a long URL, a long name) is broken between
 * characters — after `/ - . ? & = _` when such a point fills at least half
 * of the room — so nothing ever runs past the margin. Widths come from
 * `Metrics`, whose word cache makes re-measuring free.
 */
import type { FontKey } from './layout-types.js';
import { LINE_BREAK, type StyledRun } from './inline-runs.js';
import type { Metrics } from './measure.js';
import { breakOpportunities } from './line-breaks.js';
import { hyphenationPoints } from './hyphenation.js';

/** A stretch of one line in one face; `x` is the offset from the line start. */
export interface LineFragment {
  readonly text: string;
  readonly font: FontKey;
  readonly x: number;
  readonly width: number;
  readonly link?: string;
}

/** One wrapped line. */
export interface WrappedLine {
  readonly fragments: readonly LineFragment[];
  readonly width: number;
}

/** How to wrap. */
export interface WrapOptions {
  /** Hyphenate long lowercase words (prose only: not headings, tables or furniture). */
  readonly hyphenate?: boolean;
}

interface Piece {
  readonly text: string;
  readonly font: FontKey;
  readonly link?: string;
  readonly width: number;
}

type Item =
  | { readonly kind: 'word'; readonly pieces: Piece[]; readonly width: number }
  | { readonly kind: 'space'; readonly piece: Piece }
  | { readonly kind: 'break' };

/** Characters after which a long word (mostly URLs) is best broken. */
const PREFERRED_BREAK_AFTER = new Set(['/', '-', '.', '?', '&', '=', '_', '\u2010', '\u2013']);
/** A word that will not fit starts on the current line only if this much of it is left. */
const MIN_ROOM_TO_START_LONG_WORD = 0.25;
/** Hyphenate only when the line would otherwise end this far short of the margin (Word's default zone, 0.25 in). */
const HYPHENATION_ZONE = 18;
/** At most this many hyphenated lines in a row. */
const CONSECUTIVE_HYPHENS = 2;
/** Tokens that are addresses: never broken at their hyphens or slashes, never hyphenated. */
const ADDRESS = /@|:\/\/|^www\./i;
/** Hyphens that join the parts of a double-barrelled name, and a part's capital. */
const NAME_HYPHEN = /[-\u2010]/;
const CAPITAL = /^\p{Lu}/u;
const EPSILON = 1e-6;

/**
 * Wraps runs into lines no wider than `maxWidth` at font size `size`.
 * Returns no lines for empty input; a forced break yields an empty line, so
 * two breaks in a row leave a blank line.
 *
 * @example
 * wrapRuns([{ text: 'Hello world', font: 'regular' }], 40, 10.5, metrics)
 * // → two lines: "Hello", "world"
 */
export function wrapRuns(
  runs: readonly StyledRun[],
  maxWidth: number,
  size: number,
  metrics: Metrics,
  options: WrapOptions = {},
): WrappedLine[] {
  const items = tokenize(runs, size, metrics);
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  let lineWidth = 0;
  let pendingSpace: Piece | null = null;
  let hyphenRun = 0;

  const flush = (hyphenated = false): void => {
    lines.push(line);
    line = [];
    lineWidth = 0;
    pendingSpace = null;
    hyphenRun = hyphenated ? hyphenRun + 1 : 0;
  };
  const place = (pieces: readonly Piece[], width: number): void => {
    if (pendingSpace && line.length > 0) {
      line.push(pendingSpace);
      lineWidth += pendingSpace.width;
    }
    pendingSpace = null;
    for (const p of pieces) line.push(p);
    lineWidth += width;
  };

  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (item.kind === 'space') {
      if (line.length > 0) pendingSpace = item.piece;
      continue;
    }
    if (item.kind === 'break') {
      flush();
      continue;
    }
    const spaceWidth = line.length > 0 && pendingSpace ? pendingSpace.width : 0;
    if (line.length === 0 && item.width <= maxWidth + EPSILON) {
      place(item.pieces, item.width);
    } else if (line.length > 0 && lineWidth + spaceWidth + item.width <= maxWidth + EPSILON) {
      place(item.pieces, item.width);
    } else if (item.width <= maxWidth + EPSILON) {
      const room = maxWidth - lineWidth - spaceWidth;
      const split = options.hyphenate && hyphenRun < CONSECUTIVE_HYPHENS && room > HYPHENATION_ZONE
        ? hyphenate(item, room, size, metrics)
        : undefined;
      if (split) {
        place([split.head], split.head.width);
        flush(true);
        items[k--] = split.tail; // the rest of the word starts the next line
        continue;
      }
      flush();
      place(item.pieces, item.width);
    } else {
      // Longer than a whole line: break it between characters.
      const room = maxWidth - lineWidth - spaceWidth;
      if (line.length > 0 && room < maxWidth * MIN_ROOM_TO_START_LONG_WORD) flush();
      let chars = explode(item.pieces, size, metrics);
      while (chars.length > 0) {
        const available = line.length > 0 ? maxWidth - lineWidth - (pendingSpace ? pendingSpace.width : 0) : maxWidth;
        const end = chooseBreak(chars, available, line.length === 0);
        if (end === 0) {
          flush();
          continue;
        }
        const chunk = chars.slice(0, end);
        place(mergePieces(chunk), sumWidths(chunk));
        chars = chars.slice(end);
        if (chars.length > 0) flush();
      }
    }
  }
  if (line.length > 0) flush();
  return lines.map(toWrappedLine);
}

/**
 * The longest head of a one-face word that fits `room` with its hyphen, and
 * the rest; undefined when the word may not be hyphenated there.
 */
function hyphenate(
  word: Extract<Item, { kind: 'word' }>,
  room: number,
  size: number,
  metrics: Metrics,
): { head: Piece; tail: Item } | undefined {
  if (word.pieces.length !== 1) return undefined;
  const piece = word.pieces[0]!;
  if (piece.link !== undefined) return undefined;
  for (const [head, tail] of hyphenationPoints(piece.text)) {
    const headPiece = makePiece(`${head}-`, piece.font, undefined, size, metrics);
    if (headPiece.width > room + EPSILON) continue;
    const tailPiece = makePiece(tail, piece.font, undefined, size, metrics);
    return { head: headPiece, tail: { kind: 'word', pieces: [tailPiece], width: tailPiece.width } };
  }
  return undefined;
}

/** Splits runs into words (possibly spanning faces), single spaces and forced breaks. */
function tokenize(runs: readonly StyledRun[], size: number, metrics: Metrics): Item[] {
  const items: Item[] = [];
  let start = 0;
  for (let k = 0; k <= runs.length; k++) {
    if (k < runs.length && runs[k]!.text !== LINE_BREAK) continue;
    tokenizeSegment(runs.slice(start, k), size, metrics, items);
    if (k < runs.length) items.push({ kind: 'break' });
    start = k + 1;
  }
  return items;
}

/** Tokenizes runs with no forced break between them, appending to `items`. */
function tokenizeSegment(runs: readonly StyledRun[], size: number, metrics: Metrics, items: Item[]): void {
  if (runs.length === 0) return;
  const text = runs.map((run) => run.text).join('');
  const ends: number[] = []; // where each run ends in `text`
  runs.reduce((end, run) => (ends.push(end + run.text.length), end + run.text.length), 0);
  const runAt = (offset: number): number => {
    let r = 0;
    while (ends[r]! <= offset) r++;
    return r;
  };
  const bounds = [0, ...breakOpportunities(text).filter((p) => keepsBreak(text, p, runs, runAt)), text.length];
  for (let b = 0; b + 1 < bounds.length; b++) {
    const from = bounds[b]!;
    const to = bounds[b + 1]!;
    let wordEnd = to;
    while (wordEnd > from && text.charCodeAt(wordEnd - 1) === 32) wordEnd--;
    if (wordEnd > from) {
      const pieces: Piece[] = [];
      let width = 0;
      for (let at = from; at < wordEnd; ) {
        const r = runAt(at);
        const end = Math.min(ends[r]!, wordEnd);
        const run = runs[r]!;
        const piece = makePiece(text.slice(at, end), run.font, run.link, size, metrics);
        pieces.push(piece);
        width += piece.width;
        at = end;
      }
      items.push({ kind: 'word', pieces, width });
    }
    if (wordEnd < to && items[items.length - 1]?.kind !== 'space') {
      const run = runs[runAt(wordEnd)]!;
      items.push({ kind: 'space', piece: makePiece(' ', run.font, run.link, size, metrics) });
    }
  }
}

/**
 * A break inside a word (not after a space) is dropped inside links, e-mail
 * addresses and URLs, and at the hyphen of a double-barrelled name
 * ("Featherstonehaugh-Cholmondeley"): names are never broken, and a reader's
 * search would lose a hyphen broken at a line end. Such a word wider than
 * the whole line is still broken between characters, after its hyphen.
 */
function keepsBreak(text: string, at: number, runs: readonly StyledRun[], runAt: (offset: number) => number): boolean {
  if (text.charCodeAt(at - 1) === 32) return true;
  if (runs[runAt(at - 1)]!.link !== undefined) return false;
  const tokenStart = text.lastIndexOf(' ', at - 1) + 1;
  const space = text.indexOf(' ', at);
  const token = text.slice(tokenStart, space === -1 ? text.length : space);
  if (ADDRESS.test(token)) return false;
  return !(NAME_HYPHEN.test(text[at - 1]!) && CAPITAL.test(token) && CAPITAL.test(text.slice(at)));
}

function makePiece(text: string, font: FontKey, link: string | undefined, size: number, metrics: Metrics): Piece {
  const width = metrics.widthOf(text, font, size);
  return link === undefined ? { text, font, width } : { text, font, link, width };
}

/** One piece per character (code point). */
function explode(pieces: readonly Piece[], size: number, metrics: Metrics): Piece[] {
  const chars: Piece[] = [];
  for (const p of pieces) {
    for (const ch of p.text) chars.push(makePiece(ch, p.font, p.link, size, metrics));
  }
  return chars;
}

/**
 * How many characters of `chars` to put in `available` width: up to the last
 * preferred break point if it fills at least half the room, else as many as
 * fit. At least one character on an empty line, so wrapping always advances.
 */
function chooseBreak(chars: readonly Piece[], available: number, lineIsEmpty: boolean): number {
  let width = 0;
  let fit = 0;
  while (fit < chars.length && width + chars[fit]!.width <= available + EPSILON) {
    width += chars[fit]!.width;
    fit++;
  }
  if (fit === chars.length) return fit;
  if (fit === 0) return lineIsEmpty ? 1 : 0;
  let prefix = width;
  for (let i = fit - 1; i > 0; i--) {
    if (prefix < available / 2) break;
    if (PREFERRED_BREAK_AFTER.has(chars[i]!.text)) return i + 1;
    prefix -= chars[i]!.width;
  }
  return fit;
}

function sumWidths(pieces: readonly Piece[]): number {
  let w = 0;
  for (const p of pieces) w += p.width;
  return w;
}

/** Joins neighbouring pieces of the same face and link. */
function mergePieces(pieces: readonly Piece[]): Piece[] {
  return toWrappedLine(pieces).fragments.map(({ x: _x, ...piece }) => piece);
}

/** Lays pieces end to end, joining neighbours of the same face and link into fragments. */
function toWrappedLine(pieces: readonly Piece[]): WrappedLine {
  const fragments: LineFragment[] = [];
  let x = 0;
  let start = 0;
  let text = '';
  let width = 0;
  let current: Piece | undefined;
  const close = (): void => {
    if (!current) return;
    fragments.push(
      current.link === undefined
        ? { text, font: current.font, x: start, width }
        : { text, font: current.font, x: start, width, link: current.link },
    );
  };
  for (const p of pieces) {
    if (current && current.font === p.font && current.link === p.link) {
      text += p.text;
      width += p.width;
    } else {
      close();
      current = p;
      start = x;
      text = p.text;
      width = p.width;
    }
    x += p.width;
  }
  close();
  return { fragments, width: x };
}
