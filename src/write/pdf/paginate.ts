/**
 * Pagination: places strips on pages top to bottom. When a strip does not
 * fit, the page ends before the latest strip that may start a page (one not
 * kept with its predecessor); if the whole page is one kept chain, it
 * breaks right where the page is full, so a unit taller than a page is split
 * rather than looping forever. A strip that starts a page brings the strips it repeats
 * (a table's header row). Gaps before a strip vanish at the top of a page;
 * forced breaks never produce blank pages.
 */
import type { Bookmark, Box, FieldBox } from './layout-types.js';
import type { Strip } from './flow.js';

/** The text column's vertical extent, in top-down points. */
export interface PageArea {
  readonly top: number;
  readonly bottom: number;
}

/** A strip on a page: `index` into the strips, or -1 for a repeated header. */
export interface Placement {
  readonly strip: Strip;
  readonly index: number;
  readonly top: number;
}

/** Pages of absolutely positioned boxes, the outline entries found on them, and where each strip went. */
export interface Pagination {
  readonly pages: Box[][];
  readonly bookmarks: Bookmark[];
  readonly placements: Placement[][];
  /** Per page: true when the page ended at a forced page break. */
  readonly forcedBreakAfter: boolean[];
}

const EPSILON = 1e-6;

/** Distributes strips over as many pages as they need (at least one). */
export function paginate(strips: readonly Strip[], area: PageArea): Pagination {
  const pages: Placement[][] = [[]];
  const forcedBreakAfter: boolean[] = [false];
  let page = pages[0]!;
  let y = area.top;
  const newPage = (forced: boolean): void => {
    forcedBreakAfter[forcedBreakAfter.length - 1] = forced;
    page = [];
    pages.push(page);
    forcedBreakAfter.push(false);
    y = area.top;
  };
  const place = (index: number): void => {
    const strip = strips[index]!;
    if (page.length === 0) {
      for (const repeated of strip.repeatOnNewPage ?? []) {
        page.push({ strip: repeated, index: -1, top: y });
        y += repeated.height;
      }
    }
    const gap = page.length === 0 ? 0 : strip.spaceBefore;
    page.push({ strip, index, top: y + gap });
    y += gap + strip.height;
  };

  let i = 0;
  while (i < strips.length) {
    const strip = strips[i]!;
    if (strip.forceBreakBefore) {
      if (page.length > 0) newPage(true);
      i++;
      continue;
    }
    if (page.length === 0 || y + strip.spaceBefore + strip.height <= area.bottom + EPSILON) {
      place(i);
      i++;
      continue;
    }
    // Does not fit: end the page before the latest strip allowed to start one.
    const placed = page.filter((p) => p.index >= 0);
    const pageStart = placed[0]!.index;
    let breakAt = i;
    while (breakAt > pageStart && strips[breakAt]!.keepWithPrevious) breakAt--;
    if (breakAt === pageStart) breakAt = i; // one unbreakable chain: split it here
    while (page.length > 0 && page[page.length - 1]!.index >= breakAt) page.pop();
    newPage(false);
    i = breakAt;
  }
  while (pages.length > 1 && pages[pages.length - 1]!.length === 0) {
    pages.pop();
    forcedBreakAfter.pop();
  }
  forcedBreakAfter[forcedBreakAfter.length - 1] = false;

  const bookmarks: Bookmark[] = [];
  const boxes = pages.map((placements, pageIndex) => {
    const out: Box[] = [];
    for (const { strip, index, top } of placements) {
      if (strip.bookmark && index >= 0) bookmarks.push({ ...strip.bookmark, page: pageIndex, y: round(top) });
      for (const box of strip.boxes) out.push(placeBox(box, top));
    }
    return out;
  });
  return { pages: mergeFieldParts(boxes), bookmarks, placements: pages, forcedBreakAfter };
}

/** Moves a strip-relative box to its page position, rounding to 1/100 pt. */
export function placeBox(box: Box, top: number): Box {
  switch (box.kind) {
    case 'line':
      return { ...box, x1: round(box.x1), x2: round(box.x2), y1: round(box.y1 + top), y2: round(box.y2 + top), thickness: round(box.thickness) };
    case 'text':
      return { ...box, x: round(box.x), y: round(box.y + top), width: round(box.width) };
    case 'checkbox':
      return { ...box, x: round(box.x), y: round(box.y + top), size: round(box.size) };
    default:
      return { ...box, x: round(box.x), y: round(box.y + top), width: round(box.width), height: round(box.height) };
  }
}

/** Rounds to 1/100 point (keeps the layout JSON readable and stable). */
export function round(value: number): number {
  return Math.round(value * 100) / 100 + 0;
}

/**
 * A named answer space is laid out as one field part per rule; join the
 * parts of each name into one field on the first page it appears on.
 */
function mergeFieldParts(pages: Box[][]): Box[][] {
  const seen = new Set<string>();
  return pages.map((boxes) => {
    const merged = new Map<string, FieldBox>();
    const out: Box[] = [];
    for (const box of boxes) {
      if (box.kind !== 'field') {
        out.push(box);
        continue;
      }
      if (seen.has(box.name) && !merged.has(box.name)) continue;
      const existing = merged.get(box.name);
      if (!existing) {
        seen.add(box.name);
        merged.set(box.name, box);
        out.push(box);
        continue;
      }
      const top = Math.min(existing.y, box.y);
      const bottom = Math.max(existing.y + existing.height, box.y + box.height);
      const union: FieldBox = { ...existing, y: top, height: round(bottom - top) };
      merged.set(box.name, union);
      out[out.indexOf(existing)] = union;
    }
    return out;
  });
}
