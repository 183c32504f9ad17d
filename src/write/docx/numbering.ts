/**
 * Numbering definitions for bulleted and numbered lists.
 *
 * Every list of the tree becomes its own numbering instance, so two separate
 * numbered lists each count from their own `start` instead of carrying on
 * from each other. Lists that start at a number other than 1 get a
 * definition of their own (`ordered-from-N`); the level definitions are built
 * once and shared.
 */
import { AlignmentType, LevelFormat, type ILevelsOptions, type INumberingOptions } from 'docx';
import { LIST_LEVEL_STEP, LIST_MARKER_HANGING } from './units.js';

/**
 * Deepest list level defined (0-based). Word allows 8; four levels cover every
 * packet, keep numbering.xml small, and deeper lists stay at the fourth level.
 */
export const MAX_LIST_LEVEL = 3;

const BULLET_REFERENCE = 'bullet';
const ORDERED_PREFIX = 'ordered-from-';
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
  format: LevelFormat.BULLET,
  text: BULLETS[level % BULLETS.length]!,
  alignment: AlignmentType.LEFT,
  style: { paragraph: levelParagraph(level) },
}));

const orderedLevelsByStart = new Map<number, readonly ILevelsOptions[]>();

function orderedLevels(start: number): readonly ILevelsOptions[] {
  let levels = orderedLevelsByStart.get(start);
  if (!levels) {
    levels = Array.from({ length: MAX_LIST_LEVEL + 1 }, (_, level) => ({
      level,
      format: LevelFormat.DECIMAL,
      text: `%${level + 1}.`,
      start,
      alignment: AlignmentType.LEFT,
      style: { paragraph: levelParagraph(level) },
    }));
    orderedLevelsByStart.set(start, levels);
  }
  return levels;
}

/** Which numbering a list's paragraphs refer to. */
export interface ListNumberingRef {
  readonly reference: string;
  readonly instance: number;
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
      if (!ordered) return { reference: BULLET_REFERENCE, instance: instances };
      const from = Number.isInteger(start) && start >= 0 ? start : 1;
      return { reference: `${ORDERED_PREFIX}${from}`, instance: instances };
    },
  };
}

/** The `numbering` option of a document whose paragraphs use these lists: the definitions they refer to. */
export function numberingOptions(lists: readonly { readonly reference: string }[]): INumberingOptions {
  const references = new Set(lists.map((list) => list.reference));
  const config: { reference: string; levels: readonly ILevelsOptions[] }[] = [];
  if (references.has(BULLET_REFERENCE)) config.push({ reference: BULLET_REFERENCE, levels: bulletLevels });
  const starts = [...references].filter((r) => r.startsWith(ORDERED_PREFIX)).map((r) => Number(r.slice(ORDERED_PREFIX.length)));
  for (const start of starts.sort((a, b) => a - b)) config.push({ reference: `${ORDERED_PREFIX}${start}`, levels: orderedLevels(start) });
  return { config };
}
