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

/** Hands out one numbering instance per list of a document and collects the definitions used. */
export interface ListNumbering {
  /** A fresh instance for a new list; each call starts a new count. */
  readonly startList: (ordered: boolean, start: number) => ListNumberingRef;
  /** The `numbering` option of the document. */
  readonly toOptions: () => INumberingOptions;
}

/** Creates the list numbering of one document. */
export function createListNumbering(): ListNumbering {
  const starts = new Set<number>();
  let bullets = false;
  let instances = 0;
  return {
    startList(ordered, start) {
      instances += 1;
      if (!ordered) {
        bullets = true;
        return { reference: BULLET_REFERENCE, instance: instances };
      }
      const from = Number.isInteger(start) && start >= 0 ? start : 1;
      starts.add(from);
      return { reference: `ordered-from-${from}`, instance: instances };
    },
    toOptions() {
      const config = bullets ? [{ reference: BULLET_REFERENCE, levels: bulletLevels }] : [];
      for (const start of [...starts].sort((a, b) => a - b)) {
        config.push({ reference: `ordered-from-${start}`, levels: orderedLevels(start) });
      }
      return { config };
    },
  };
}
