/**
 * Numbering definitions for bulleted and numbered lists.
 *
 * Bullets have one definition; numbered lists have one per first number
 * ("ordered-1", "ordered-3" …), since Word restarts a list instance at its
 * definition's start. Every list of the tree is its own instance, so two
 * separate lists each count from their own start. Numbers are set bold in
 * the accent colour and hang from one indent wide enough for "99.", as the
 * PDF sets question numbers; bullets are in the accent colour.
 */
import type { ILevelsOptions, INumberingOptions } from 'docx';
import { BULLET_INDENT, NUMBER_INDENT } from './units.js';

/**
 * Deepest list level (0-based). Word allows 8; four levels cover every
 * packet, and deeper lists stay at the fourth level. A document defines the
 * levels its lists reach, no more.
 */
export const MAX_LIST_LEVEL = 3;

const BULLET_REFERENCE = 'bullet';
// Bullet, en dash, bullet: characters Noto Sans and Noto Serif both have.
const BULLETS = ['\u2022', '\u2013', '\u2022'];

/** Left edge of a list level's text when the list is not inside anything else. */
export function listTextIndent(level: number, ordered: boolean): number {
  return level * BULLET_INDENT + (ordered ? NUMBER_INDENT : BULLET_INDENT);
}

/** Room left of an item's text for its number or bullet. */
export function markerHanging(ordered: boolean): number {
  return ordered ? NUMBER_INDENT : BULLET_INDENT;
}

/** Which numbering a list's paragraphs refer to. */
export interface ListNumberingRef {
  readonly reference: string;
  readonly instance: number;
  readonly ordered: boolean;
}

/** Hands out one numbering instance per list of a document, and the definitions they use. */
export interface ListNumbering {
  /** A fresh instance for a new list at `level`; each call starts a new count. */
  readonly startList: (ordered: boolean, start: number, level: number) => ListNumberingRef;
  /** The `numbering` option of the document, for the lists started so far. */
  readonly options: (accent: string) => INumberingOptions;
}

/** Creates the list numbering of one document. */
export function createListNumbering(): ListNumbering {
  let instances = 0;
  const starts = new Set<number>();
  let bullets = false;
  let deepest = 0;
  return {
    startList(ordered, start, level) {
      instances += 1;
      deepest = Math.max(deepest, Math.min(level, MAX_LIST_LEVEL));
      if (!ordered) {
        bullets = true;
        return { reference: BULLET_REFERENCE, instance: instances, ordered };
      }
      const first = Number.isInteger(start) && start >= 0 ? start : 1;
      starts.add(first);
      return { reference: `ordered-${first}`, instance: instances, ordered };
    },
    options(accent) {
      const config: { reference: string; levels: readonly ILevelsOptions[] }[] = [];
      if (bullets) config.push({ reference: BULLET_REFERENCE, levels: bulletLevels(accent, deepest) });
      for (const start of [...starts].sort((a, b) => a - b)) config.push({ reference: `ordered-${start}`, levels: orderedLevels(accent, start, deepest) });
      return { config };
    },
  };
}

const levels = <T>(deepest: number, make: (level: number) => T): T[] => Array.from({ length: deepest + 1 }, (_, level) => make(level));

function bulletLevels(accent: string, deepest: number): ILevelsOptions[] {
  return levels(deepest, (level) => ({
    level,
    format: 'bullet',
    text: BULLETS[level % BULLETS.length]!,
    alignment: 'left',
    style: {
      paragraph: { indent: { left: listTextIndent(level, false), hanging: BULLET_INDENT } },
      run: { color: accent },
    },
  }));
}

function orderedLevels(accent: string, start: number, deepest: number): ILevelsOptions[] {
  return levels(deepest, (level) => ({
    level,
    format: 'decimal',
    text: `%${level + 1}.`,
    start: level === 0 ? start : 1,
    alignment: 'left',
    style: {
      paragraph: { indent: { left: listTextIndent(level, true), hanging: NUMBER_INDENT } },
      run: { color: accent, bold: true },
    },
  }));
}
