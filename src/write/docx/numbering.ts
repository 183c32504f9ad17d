/**
 * Numbering definitions for bulleted and numbered lists.
 *
 * There are two definitions, `bullet` and `ordered`. Every list of the tree
 * becomes its own numbering instance of one of them, so two separate
 * numbered lists each count from their own `start` instead of carrying on
 * from each other: the instance restarts its first level at the list's
 * start (w:startOverride), as Word does for "Restart numbering".
 */
import type { ILevelsOptions, INumberingOptions } from 'docx';
import { LIST_LEVEL_STEP, LIST_MARKER_HANGING } from './units.js';

/**
 * Deepest list level defined (0-based). Word allows 8; four levels cover every
 * packet, keep numbering.xml small, and deeper lists stay at the fourth level.
 */
export const MAX_LIST_LEVEL = 3;

const BULLET_REFERENCE = 'bullet';
const ORDERED_REFERENCE = 'ordered';
// Bullet, en dash, bullet: characters Noto Sans and Noto Serif both have (they lack ◦ and ▪).
const BULLETS = ['\u2022', '\u2013', '\u2022'];

/** Left indent of a list level's text when the list is not inside anything else. */
export function listLevelIndent(level: number): number {
  return (level + 1) * LIST_LEVEL_STEP;
}

function levelParagraph(level: number) {
  return { indent: { left: listLevelIndent(level), hanging: LIST_MARKER_HANGING } };
}

const bulletLevels: readonly ILevelsOptions[] = Array.from({ length: MAX_LIST_LEVEL + 1 }, (_, level) => ({
  level,
  format: 'bullet',
  text: BULLETS[level % BULLETS.length]!,
  alignment: 'left',
  style: { paragraph: levelParagraph(level) },
}));

const orderedLevels: readonly ILevelsOptions[] = Array.from({ length: MAX_LIST_LEVEL + 1 }, (_, level) => ({
  level,
  format: 'decimal',
  text: `%${level + 1}.`,
  start: 1,
  alignment: 'left',
  style: { paragraph: levelParagraph(level) },
}));

/** Which numbering a list's paragraphs refer to. */
export interface ListNumberingRef {
  readonly reference: string;
  readonly instance: number;
  /** The number of the list's first item (1 for bullets). */
  readonly start: number;
}

/** Hands out one numbering instance per list of a document. */
export interface ListNumbering {
  /** A fresh instance for a new list; each call starts a new count. */
  readonly startList: (ordered: boolean, start: number) => ListNumberingRef;
}

/** Creates the list numbering of one document. */
export function createListNumbering(): ListNumbering {
  let instances = 0;
  return {
    startList(ordered, start) {
      instances += 1;
      if (!ordered) return { reference: BULLET_REFERENCE, instance: instances, start: 1 };
      return { reference: ORDERED_REFERENCE, instance: instances, start: Number.isInteger(start) && start >= 0 ? start : 1 };
    },
  };
}

/** The `numbering` option of a document whose lists are of these kinds (references). */
export function numberingOptions(references: Iterable<string>): INumberingOptions {
  const used = new Set(references);
  const config: { reference: string; levels: readonly ILevelsOptions[] }[] = [];
  if (used.has(BULLET_REFERENCE)) config.push({ reference: BULLET_REFERENCE, levels: bulletLevels });
  if (used.has(ORDERED_REFERENCE)) config.push({ reference: ORDERED_REFERENCE, levels: orderedLevels });
  return { config };
}
