/**
 * The PDF outline (bookmarks panel): one entry per H1, with its H2s nested
 * under it, each jumping to the heading's page and height.
 */
import { PDFHexString, PDFName, PDFNull, PDFNumber, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import type { Bookmark } from './layout-types.js';

interface OutlineNode {
  readonly bookmark: Bookmark;
  readonly children: OutlineNode[];
  readonly ref: PDFRef;
}

/** Writes the outline into the catalog and asks viewers to show it. No-op without bookmarks. */
export function addOutline(doc: PDFDocument, bookmarks: readonly Bookmark[], pages: readonly PDFPage[]): void {
  if (bookmarks.length === 0) return;
  const context = doc.context;
  const roots: OutlineNode[] = [];
  let parent: OutlineNode | undefined;
  for (const bookmark of bookmarks) {
    const node: OutlineNode = { bookmark, children: [], ref: context.nextRef() };
    if (bookmark.level === 2 && parent) {
      parent.children.push(node);
    } else {
      roots.push(node);
      if (bookmark.level === 1) parent = node;
    }
  }
  const outlinesRef = context.nextRef();
  const writeLevel = (nodes: readonly OutlineNode[], parentRef: PDFRef): number => {
    let count = 0;
    nodes.forEach((node, i) => {
      const page = pages[node.bookmark.page]!;
      const top = page.getHeight() - node.bookmark.y;
      const descendants = writeLevel(node.children, node.ref);
      const dict = context.obj({
        Title: PDFHexString.fromText(node.bookmark.title),
        Parent: parentRef,
        Dest: [page.ref, PDFName.of('XYZ'), PDFNull, PDFNumber.of(Math.round(top * 100) / 100), PDFNull],
      });
      if (i > 0) dict.set(PDFName.of('Prev'), nodes[i - 1]!.ref);
      if (i < nodes.length - 1) dict.set(PDFName.of('Next'), nodes[i + 1]!.ref);
      if (node.children.length > 0) {
        dict.set(PDFName.of('First'), node.children[0]!.ref);
        dict.set(PDFName.of('Last'), node.children[node.children.length - 1]!.ref);
        dict.set(PDFName.of('Count'), PDFNumber.of(descendants)); // positive: open
      }
      context.assign(node.ref, dict);
      count += 1 + descendants;
    });
    return count;
  };
  const total = writeLevel(roots, outlinesRef);
  context.assign(
    outlinesRef,
    context.obj({
      Type: 'Outlines',
      First: roots[0]!.ref,
      Last: roots[roots.length - 1]!.ref,
      Count: total,
    }),
  );
  doc.catalog.set(PDFName.of('Outlines'), outlinesRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
