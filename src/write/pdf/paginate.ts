/**
 * Pagination: places strips on pages top to bottom. When a strip does not
 * fit, the page ends before the latest strip that may start a page (one not
 * kept with its predecessor); if the whole page is one kept chain, it breaks
 * right where the page is full instead — a unit taller than a page is split
 * rather than looping forever. Gaps before a strip vanish at the top of a
 * page; forced breaks never produce blank pages.
 */
import type { Bookmark, Box, FieldBox } from './layout-types.js';
import type { Strip } from './flow.js';

/** The text column's vertical extent, in top-down points. */
export interface PageArea {
  readonly top: number;
  readonly bottom: number;
}

/** Pages of absolutely positioned boxes, and the outline entries found on them. */
export interface Pagination {
  readonly pages: Box[][];
  readonly bookmarks: Bookmark[];
}

interface Placement {
  readonly index: number;
  readonly top: number;
}

const EPSILON = 1e-6;

/** Distributes strips over as many pages as they need (at least one). */
export function paginate(strips: readonly Strip[], area: PageArea): Pagination {
  const pages: Placement[][] = [[]];
  let page = pages[0]!;
  let y = area.top;
  const newPage = (): void => {
    page = [];
    pages.push(page);
    y = area.top;
  };

  let i = 0;
  while (i < strips.length) {
    const strip = strips[i]!;
    if (strip.forceBreakBefore) {
      if (page.length > 0) newPage();
      i++;
      continue;
    }
    const atTop = page.length === 0;
    const gap = atTop ? 0 : strip.spaceBefore;
    if (atTop || y + gap + strip.height <= area.bottom + EPSILON) {
      page.push({ index: i, top: y + gap });
      y += gap + strip.height;
      i++;
      continue;
    }
    // Does not fit: end the page before the latest strip allowed to start one.
    const pageStart = page[0]!.index;
    let breakAt = i;
    while (breakAt > pageStart && strips[breakAt]!.keepWithPrevious) breakAt--;
    if (breakAt === pageStart) breakAt = i; // one unbreakable chain: split it here
    while (page.length > 0 && page[page.length - 1]!.index >= breakAt) page.pop();
    newPage();
    i = breakAt;
  }
  while (pages.length > 1 && pages[pages.length - 1]!.length === 0) pages.pop();

  const bookmarks: Bookmark[] = [];
  const boxes = pages.map((placements, pageIndex) => {
    const out: Box[] = [];
    for (const { index, top } of placements) {
      const strip = strips[index]!;
      if (strip.bookmark) bookmarks.push({ ...strip.bookmark, page: pageIndex, y: round(top) });
      for (const box of strip.boxes) out.push(placeBox(box, top));
    }
    return out;
  });
  return { pages: mergeFieldParts(boxes), bookmarks };
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
