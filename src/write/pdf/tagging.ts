/**
 * Tagged PDF (PDF 32000-1, 14.7–14.8; PDF/UA-1): the logical structure a
 * screen reader follows. Layout hands over the structure elements in
 * reading order and marks each box with the element it belongs to; paint
 * asks this module for a marked-content id (MCID) for each tagged box it
 * draws, and for a key for each annotation (links, form fields). `write`
 * then builds the structure tree, the parent tree that maps content back to
 * its element, and the catalog and page entries that declare the file tagged.
 *
 * An element's children — its own content and its child elements — are put
 * in the order they are painted, which is the order they are read: a link in
 * the middle of a paragraph stays in the middle of it.
 */
import { PDFHexString, PDFName, PDFObject, PDFNumber, PDFString, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import type { StructElement, StructRole } from './layout-types.js';
import type { FallbackId } from '../../fonts/fallback.js';

/** What an element holds: content on a page, or an annotation. */
type Kid = { readonly seq: number; readonly page: number; readonly mcid: number } | { readonly seq: number; readonly page: number; readonly annotation: PDFRef };

interface Element {
  readonly role: StructRole | 'Span';
  readonly parent: number;
  readonly alt: string | undefined;
  readonly scope: 'Column' | 'Row' | undefined;
  readonly lang: string | undefined;
  readonly actualText: string | undefined;
  readonly kids: Kid[];
}

/** Cells and rows are kept when empty, so every row of a table has all its cells. */
const KEEP_EMPTY = new Set<string>(['Document', 'TR', 'TH', 'TD']);

/** The language of a fallback face's text, by its script. */
const SCRIPT_LANGUAGE: Record<FallbackId, string> = {
  arabic: 'ar',
  hebrew: 'he',
  devanagari: 'hi',
  thai: 'th',
  chinese: 'zh',
  korean: 'ko',
};

/** Kana: Han text with kana in it is Japanese. */
const KANA = /[\u3040-\u30ff]/;

/** The language to mark text of a fallback face with (a BCP 47 primary tag). */
export function languageOfRun(face: FallbackId, text: string): string {
  return face === 'chinese' && KANA.test(text) ? 'ja' : SCRIPT_LANGUAGE[face];
}

/** The structure of one document while it is painted. */
export class StructureTree {
  private readonly elements: Element[];
  /** Per page: the element of each MCID. */
  private readonly mcids: number[][];
  private readonly annotations: { key: number; element: number }[] = [];
  private seq = 0;
  private readonly primaryLanguage: string;

  /**
   * @param structure the layout's structure elements
   * @param pageCount pages of the document; annotation keys follow the pages' own
   * @param language the document's language (a run in it needs no span of its own)
   */
  constructor(structure: readonly StructElement[], private readonly pageCount: number, language: string) {
    this.elements = structure.map((e) => ({ role: e.role, parent: e.parent, alt: e.alt, scope: e.scope, lang: undefined, actualText: undefined, kids: [] }));
    this.mcids = Array.from({ length: pageCount }, () => []);
    this.primaryLanguage = language.split('-')[0]!.toLowerCase();
  }

  /**
   * The operator opening a new marked-content sequence on `page` for content
   * of `element`, read next — or at `seq`, a place taken with `reserve`.
   */
  begin(page: number, element: number, seq = this.seq++): string {
    const onPage = this.mcids[page]!;
    const mcid = onPage.length;
    onPage.push(element);
    const e = this.elements[element]!;
    e.kids.push({ seq, page, mcid });
    return `/${e.role} <</MCID ${mcid}>> BDC`;
  }

  /** Takes `count` places in reading order for content painted in another order (runs of bidi text); returns the first. */
  reserve(count: number): number {
    const first = this.seq;
    this.seq += count;
    return first;
  }

  /**
   * The element for a run of `element`'s text set in a fallback face: a Span
   * with the run's `/Lang` when it differs from the document's, and with the
   * run's characters in reading order as `/ActualText` when they are drawn
   * right to left; else `element` itself.
   */
  span(element: number, lang: string, actualText?: string): number {
    const other = lang !== this.primaryLanguage;
    if (!other && actualText === undefined) return element;
    this.elements.push({ role: 'Span', parent: element, alt: undefined, scope: undefined, lang: other ? lang : undefined, actualText, kids: [] });
    return this.elements.length - 1;
  }

  /** Records an annotation (a link or a form field's widget) of `element` and returns its `/StructParent` key. */
  annotation(page: number, element: number, ref: PDFRef): number {
    const key = this.pageCount + this.annotations.length;
    this.annotations.push({ key, element });
    this.elements[element]!.kids.push({ seq: this.seq++, page, annotation: ref });
    return key;
  }

  /**
   * Writes the structure tree and declares the document tagged. The tree's
   * objects — hundreds of small dictionaries — are written as finished PDF
   * text, which costs a fraction of building them as pdf-lib objects.
   */
  write(doc: PDFDocument, pages: readonly PDFPage[]): void {
    const context = doc.context;
    const children = this.elements.map((): number[] => []);
    this.elements.forEach((e, id) => {
      if (e.parent >= 0) children[e.parent]!.push(id);
    });
    // Where each element is first read: the earliest content in it (NaN: none).
    const first = new Array<number>(this.elements.length).fill(Number.NaN);
    for (let id = this.elements.length - 1; id >= 0; id--) {
      let least = Number.POSITIVE_INFINITY;
      for (const kid of this.elements[id]!.kids) least = Math.min(least, kid.seq);
      for (const child of children[id]!) if (!Number.isNaN(first[child]!)) least = Math.min(least, first[child]!);
      if (least !== Number.POSITIVE_INFINITY) first[id] = least;
    }
    const kept = (id: number): boolean => !Number.isNaN(first[id]!) || KEEP_EMPTY.has(this.elements[id]!.role);
    const refs = this.elements.map((_, id) => (kept(id) ? context.nextRef() : undefined));
    const refText = refs.map((ref) => (ref ? ref.toString() : ''));
    const rootRef = context.nextRef();
    const pageRef = pages.map((page) => page.ref.toString());

    this.elements.forEach((e, id) => {
      const ref = refs[id];
      if (!ref) return;
      // Own content and child elements, in the order they are read; an empty cell keeps its place.
      const items: (Kid | number)[] = [];
      if (children[id]!.length === 0) {
        items.push(...e.kids);
        if (!inOrder(e.kids)) items.sort((a, b) => (a as Kid).seq - (b as Kid).seq);
      } else {
        const entries: { seq: number; item: Kid | number }[] = e.kids.map((kid) => ({ seq: kid.seq, item: kid }));
        let last = Number.NEGATIVE_INFINITY;
        for (const child of children[id]!) {
          if (!refs[child]) continue;
          const seq = Number.isNaN(first[child]!) ? last : first[child]!;
          entries.push({ seq, item: child });
          last = seq;
        }
        entries.sort((a, b) => a.seq - b.seq);
        for (const entry of entries) items.push(entry.item);
      }
      const ownPage = e.kids.length > 0 ? e.kids[0]!.page : undefined;
      const kids: string[] = [];
      for (const item of items) {
        if (typeof item === 'number') kids.push(refText[item]!);
        else if ('mcid' in item) kids.push(item.page === ownPage ? String(item.mcid) : `<</Type/MCR/Pg ${pageRef[item.page]}/MCID ${item.mcid}>>`);
        else kids.push(`<</Type/OBJR/Obj ${item.annotation.toString()}/Pg ${pageRef[item.page]}>>`);
      }
      let dict = `<</Type/StructElem/S/${e.role}/P ${e.parent >= 0 ? refText[e.parent]! : rootRef.toString()}/K[${kids.join(' ')}]`;
      if (ownPage !== undefined) dict += `/Pg ${pageRef[ownPage]}`;
      if (e.alt !== undefined) dict += `/Alt${PDFHexString.fromText(e.alt).toString()}`;
      if (e.lang !== undefined) dict += `/Lang${PDFString.of(e.lang).toString()}`;
      if (e.actualText !== undefined) dict += `/ActualText${PDFHexString.fromText(e.actualText).toString()}`;
      if (e.scope !== undefined) dict += `/A<</O/Table/Scope/${e.scope}>>`;
      context.assign(ref, raw(`${dict}>>`));
    });

    let nums = '';
    this.mcids.forEach((onPage, page) => {
      nums += `${page}[${onPage.map((element) => refText[element]!).join(' ')}]`;
    });
    for (const { key, element } of this.annotations) nums += ` ${key} ${refText[element]!}`;
    const parentTree = context.register(raw(`<</Nums[${nums}]>>`));
    context.assign(
      rootRef,
      raw(`<</Type/StructTreeRoot/K ${refText[0]!}/ParentTree ${parentTree.toString()}/ParentTreeNextKey ${this.pageCount + this.annotations.length}>>`),
    );
    pages.forEach((page, i) => {
      page.node.set(PDFName.of('StructParents'), PDFNumber.of(i));
      page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    });
    doc.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
    doc.catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  }
}

/**
 * A finished object, written as it is: its text is ASCII (names, numbers,
 * references, hex strings). pdf-lib packs it into an object stream like any
 * dictionary of its own.
 */
class FinishedObject extends PDFObject {
  constructor(private readonly text: string) {
    super();
  }

  override clone(): FinishedObject {
    return new FinishedObject(this.text);
  }

  override toString(): string {
    return this.text;
  }

  override sizeInBytes(): number {
    return this.text.length;
  }

  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    for (let i = 0; i < this.text.length; i++) buffer[offset + i] = this.text.charCodeAt(i);
    return this.text.length;
  }
}

function raw(text: string): FinishedObject {
  return new FinishedObject(text);
}

function inOrder(kids: readonly Kid[]): boolean {
  for (let i = 1; i < kids.length; i++) if (kids[i]!.seq < kids[i - 1]!.seq) return false;
  return true;
}

/** The operator that opens an artifact: page furniture is a pagination artifact. */
export function beginArtifact(furniture: 'header' | 'footer' | undefined): string {
  if (furniture === 'header') return '/Artifact <</Type /Pagination /Subtype /Header>> BDC';
  if (furniture === 'footer') return '/Artifact <</Type /Pagination /Subtype /Footer>> BDC';
  return '/Artifact BMC';
}
