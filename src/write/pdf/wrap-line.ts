/**
 * Greedy word wrap of styled inline runs into lines that fit a width.
 *
 * Lines break at spaces. A word wider than the whole line (a long URL, a long
 * name) is broken between characters — after `/ - . ? & = _` when such a
 * point fills at least half of the room — so nothing ever runs past the
 * margin. Widths come from `Metrics`, whose word cache makes re-measuring free.
 */
import type { FontKey } from './layout-types.js';
import { LINE_BREAK, type StyledRun } from './inline-runs.js';
import type { Metrics } from './measure.js';

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
const EPSILON = 1e-6;

/**
 * Wraps runs into lines no wider than `maxWidth` at font size `size`.
 * Returns no lines for empty input; a forced break yields an empty line.
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
): WrappedLine[] {
  const items = tokenize(runs, size, metrics);
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  let lineWidth = 0;
  let pendingSpace: Piece | null = null;

  const flush = (): void => {
    lines.push(line);
    line = [];
    lineWidth = 0;
    pendingSpace = null;
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

  for (const item of items) {
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

/** Splits runs into words (possibly spanning faces), single spaces and forced breaks. */
function tokenize(runs: readonly StyledRun[], size: number, metrics: Metrics): Item[] {
  const items: Item[] = [];
  let word: Piece[] = [];
  let wordWidth = 0;
  const endWord = (): void => {
    if (word.length > 0) items.push({ kind: 'word', pieces: word, width: wordWidth });
    word = [];
    wordWidth = 0;
  };
  for (const run of runs) {
    if (run.text === LINE_BREAK) {
      endWord();
      items.push({ kind: 'break' });
      continue;
    }
    for (const part of run.text.split(/( +)/)) {
      if (part === '') continue;
      if (part.charCodeAt(0) === 32) {
        endWord();
        const last = items[items.length - 1];
        if (last === undefined || last.kind !== 'space') {
          items.push({ kind: 'space', piece: makePiece(' ', run.font, run.link, size, metrics) });
        }
      } else {
        const piece = makePiece(part, run.font, run.link, size, metrics);
        word.push(piece);
        wordWidth += piece.width;
      }
    }
  }
  endWord();
  return items;
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
