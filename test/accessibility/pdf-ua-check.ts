/**
 * The machine-checkable conditions of PDF/UA-1 (the Matterhorn Protocol's
 * checkpoints) that apply to the documents interview-kit writes, checked by
 * reading the file back with pdf-lib's low-level API, and poppler for the
 * text. Each failed condition is returned as one line naming its checkpoint.
 */
import { execFileSync } from 'node:child_process';
import {
  decodePDFRawStream,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFObject,
} from 'pdf-lib';

/** A structure element as read back. */
export interface ReadElement {
  readonly role: string;
  readonly dict: PDFDict;
  readonly children: ReadElement[];
  /** MCIDs and annotations it holds directly. */
  readonly mcids: { page: PDFRef; mcid: number }[];
  readonly annotations: PDFRef[];
}

/** What `checkPdfUa` found. */
export interface PdfUaReport {
  readonly failures: string[];
  /** The structure tree, from the Document element down. */
  readonly root: ReadElement | undefined;
  /** Every element in reading order (depth first). */
  readonly elements: ReadElement[];
}

const PAINTING = new Set(['Tj', 'TJ', "'", '"', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'Do', 'sh', 'BI']);

function text(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return undefined;
}

function name(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFName ? value.decodeText() : undefined;
}

/** Checks a PDF file against the PDF/UA conditions that apply to these documents. */
export async function checkPdfUa(bytes: Uint8Array): Promise<PdfUaReport> {
  const failures: string[] = [];
  const fail = (checkpoint: string, message: string): void => {
    failures.push(`${checkpoint}: ${message}`);
  };
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const context = doc.context;
  const lookup = (value: PDFObject | undefined): PDFObject | undefined => (value instanceof PDFRef ? context.lookup(value) : value);
  const dictOf = (value: PDFObject | undefined): PDFDict | undefined => {
    const v = lookup(value);
    return v instanceof PDFDict ? v : undefined;
  };
  const catalog = doc.catalog;

  // 01-001..: the document is tagged and says so.
  const markInfo = dictOf(catalog.get(PDFName.of('MarkInfo')));
  if (!(markInfo?.get(PDFName.of('Marked')) instanceof PDFBool) || markInfo.get(PDFName.of('Marked'))!.toString() !== 'true') {
    fail('06-001', 'MarkInfo /Marked is not true');
  }
  // 11-006: the document's natural language.
  const lang = text(catalog.get(PDFName.of('Lang')));
  if (!lang) fail('11-006', 'the catalog has no /Lang');
  // 07-001/07-002: DisplayDocTitle and a title.
  const prefs = dictOf(catalog.get(PDFName.of('ViewerPreferences')));
  if (prefs?.get(PDFName.of('DisplayDocTitle'))?.toString() !== 'true') fail('07-001', 'ViewerPreferences /DisplayDocTitle is not true');
  const title = doc.getTitle();
  if (!title) fail('06-003', 'the document has no title');
  // 06-002: XMP metadata with the PDF/UA identifier.
  const metadata = lookup(catalog.get(PDFName.of('Metadata')));
  const xmp = metadata instanceof PDFRawStream ? new TextDecoder().decode(metadata.contents) : '';
  if (!/<pdfuaid:part>1<\/pdfuaid:part>/.test(xmp)) fail('06-002', 'the XMP metadata has no pdfuaid:part 1');
  if (!/<dc:title>/.test(xmp)) fail('06-003', 'the XMP metadata has no dc:title');

  // The structure tree.
  const treeRoot = dictOf(catalog.get(PDFName.of('StructTreeRoot')));
  const elements: ReadElement[] = [];
  const pageRefs = doc.getPages().map((p) => p.ref);
  const refKey = (ref: PDFRef): string => ref.toString();
  /** Element dict of each MCID per page, and of each annotation, as the structure tree says. */
  const mcidOwner = new Map<string, PDFDict>();
  const annotationOwner = new Map<string, ReadElement>();
  const read = (dict: PDFDict, inheritedPage: PDFRef | undefined): ReadElement => {
    const page = (dict.get(PDFName.of('Pg')) as PDFRef | undefined) ?? inheritedPage;
    const element: ReadElement = { role: name(dict.get(PDFName.of('S'))) ?? '?', dict, children: [], mcids: [], annotations: [] };
    elements.push(element);
    const k = lookup(dict.get(PDFName.of('K')));
    const kids = k instanceof PDFArray ? k.asArray() : k === undefined ? [] : [k];
    for (const kid of kids) {
      const value = lookup(kid);
      if (value instanceof PDFNumber) {
        if (!page) fail('structure', `an MCID of a ${element.role} has no page`);
        else element.mcids.push({ page, mcid: value.asNumber() });
      } else if (value instanceof PDFDict) {
        const type = name(value.get(PDFName.of('Type')));
        if (type === 'MCR') {
          element.mcids.push({ page: (value.get(PDFName.of('Pg')) as PDFRef | undefined) ?? page!, mcid: (value.get(PDFName.of('MCID')) as PDFNumber).asNumber() });
        } else if (type === 'OBJR') {
          const obj = value.get(PDFName.of('Obj')) as PDFRef;
          element.annotations.push(obj);
          annotationOwner.set(refKey(obj), element);
        } else {
          element.children.push(read(value, page));
        }
      }
    }
    for (const { page: p, mcid } of element.mcids) mcidOwner.set(`${refKey(p)}#${mcid}`, dict);
    return element;
  };
  let root: ReadElement | undefined;
  if (!treeRoot) {
    fail('01-006', 'the catalog has no StructTreeRoot');
  } else {
    const top = dictOf(treeRoot.get(PDFName.of('K')));
    if (top) root = read(top, undefined);
    if (root?.role !== 'Document') fail('structure', `the root element is ${root?.role}, not Document`);
  }

  // The parent tree: MCID → element and annotation → element, as the tree says.
  const parentTree = new Map<number, PDFObject>();
  const collectNums = (node: PDFDict | undefined): void => {
    if (!node) return;
    const nums = lookup(node.get(PDFName.of('Nums')));
    if (nums instanceof PDFArray) for (let i = 0; i < nums.size(); i += 2) parentTree.set((lookup(nums.get(i)) as PDFNumber).asNumber(), nums.get(i + 1));
    const kids = lookup(node.get(PDFName.of('Kids')));
    if (kids instanceof PDFArray) for (const kid of kids.asArray()) collectNums(dictOf(kid));
  };
  collectNums(dictOf(treeRoot?.get(PDFName.of('ParentTree'))));

  // Headings: H1 first, no level skipped (14-002, 14-003).
  let level = 0;
  for (const e of elements) {
    const m = /^H([1-6])$/.exec(e.role);
    if (!m) continue;
    const depth = Number(m[1]);
    if (level === 0 && depth !== 1) fail('14-002', `the first heading is ${e.role}, not H1`);
    else if (depth > level + 1) fail('14-003', `a heading skips from H${level} to ${e.role}`);
    level = depth;
  }
  for (const e of elements) {
    const roles = e.children.map((c) => c.role);
    switch (e.role) {
      case 'L':
        if (roles.some((r) => r !== 'LI' && r !== 'Caption')) fail('16-001', `an L holds ${roles.join(', ')}`);
        break;
      case 'LI':
        if (roles.some((r) => r !== 'Lbl' && r !== 'LBody')) fail('16-002', `an LI holds ${roles.join(', ')}`);
        break;
      case 'Table': {
        if (roles.some((r) => r !== 'TR' && r !== 'THead' && r !== 'TBody' && r !== 'TFoot')) fail('15-001', `a Table holds ${roles.join(', ')}`);
        const cells = e.children.map((tr) => tr.children);
        if (cells.some((row) => row.some((c) => c.role !== 'TH' && c.role !== 'TD'))) fail('15-001', 'a TR holds something other than TH and TD');
        if (new Set(cells.map((row) => row.length)).size > 1) fail('15-001', 'the rows of a table have different numbers of cells');
        const headers = cells.flat().filter((c) => c.role === 'TH');
        if (headers.length === 0) fail('15-003', 'a table has no TH');
        for (const th of headers) {
          const scope = name(dictOf(th.dict.get(PDFName.of('A')))?.get(PDFName.of('Scope')));
          if (scope !== 'Column' && scope !== 'Row' && scope !== 'Both') fail('15-003', 'a TH has no /Scope');
        }
        break;
      }
      case 'Figure':
        if (!text(e.dict.get(PDFName.of('Alt')))) fail('13-004', 'a Figure has no Alt');
        break;
      case 'Span':
        break;
    }
  }

  // Pages: every painted thing is tagged content or an artifact (01-001, 01-002);
  // every MCID belongs to the element the parent tree names; Tabs /S; annotations tagged; fonts with ToUnicode.
  doc.getPages().forEach((page, index) => {
    const node = page.node;
    const key = (lookup(node.get(PDFName.of('StructParents'))) as PDFNumber | undefined)?.asNumber();
    const fromTree = key === undefined ? undefined : lookup(parentTree.get(key));
    const mcids = scanContent(page.node, context, (message) => fail('01-001', `page ${index + 1}: ${message}`));
    for (const mcid of mcids) {
      const owner = mcidOwner.get(`${refKey(pageRefs[index]!)}#${mcid}`);
      if (!owner) fail('01-001', `page ${index + 1}: MCID ${mcid} is in no structure element`);
      const listed = fromTree instanceof PDFArray ? lookup(fromTree.get(mcid)) : undefined;
      if (listed !== owner) fail('structure', `page ${index + 1}: the parent tree does not name the element of MCID ${mcid}`);
    }
    if (name(node.get(PDFName.of('Tabs'))) !== 'S') fail('28-002', `page ${index + 1} has no /Tabs /S`);
    const annots = lookup(node.get(PDFName.of('Annots')));
    for (const ref of annots instanceof PDFArray ? annots.asArray() : []) {
      const annot = dictOf(ref)!;
      const subtype = name(annot.get(PDFName.of('Subtype')));
      const owner = ref instanceof PDFRef ? annotationOwner.get(refKey(ref)) : undefined;
      const expected = subtype === 'Link' ? 'Link' : subtype === 'Widget' ? 'Form' : undefined;
      if (!owner) fail('28-011', `page ${index + 1}: a ${subtype} annotation is in no structure element`);
      else if (expected && owner.role !== expected) fail('28-011', `page ${index + 1}: a ${subtype} annotation is in a ${owner.role}, not a ${expected}`);
      const structParent = (lookup(annot.get(PDFName.of('StructParent'))) as PDFNumber | undefined)?.asNumber();
      if (structParent === undefined || lookup(parentTree.get(structParent)) !== owner?.dict) fail('28-011', `page ${index + 1}: a ${subtype} annotation's /StructParent does not lead to its element`);
      if (subtype === 'Widget' && !text(annot.get(PDFName.of('TU')))) fail('28-005', `page ${index + 1}: a form field has no /TU`);
      if (subtype === 'Link' && !text(annot.get(PDFName.of('Contents')))) fail('28-009', `page ${index + 1}: a link has no /Contents`);
    }
    const fonts = dictOf(dictOf(node.Resources()?.get(PDFName.of('Font'))) ?? undefined);
    for (const [fontName, fontRef] of fonts?.entries() ?? []) {
      const font = dictOf(fontRef)!;
      if (!font.get(PDFName.of('ToUnicode'))) fail('31-027', `page ${index + 1}: font ${fontName.decodeText()} has no ToUnicode map`);
    }
  });
  return { failures, root, elements };
}

/**
 * Scans a page's content streams: reports painting outside marked content,
 * and returns the MCIDs it marks, in order.
 */
function scanContent(page: PDFDict, context: PDFDocument['context'], report: (message: string) => void): number[] {
  const contents = context.lookup(page.get(PDFName.of('Contents')));
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => context.lookup(r)) : [contents];
  let source = '';
  for (const stream of streams) {
    if (stream instanceof PDFRawStream) source += new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode()) + '\n';
    else if (stream instanceof PDFStream) source += new TextDecoder('latin1').decode(stream.getContents()) + '\n';
  }
  const tokens = source.match(/<<|>>|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|\/[^\s/[\]<>()]*|[^\s/[\]<>()]+|\[|\]/g) ?? [];
  const stack: ('artifact' | 'content' | 'other')[] = [];
  const mcids: number[] = [];
  let unmarked = 0;
  let operands: string[] = [];
  for (const token of tokens) {
    if (/^[A-Za-z'"][A-Za-z*']*$/.test(token) && token !== 'true' && token !== 'false' && token !== 'null') {
      if (token === 'BDC') {
        const m = /\/MCID (\d+)/.exec(operands.join(' '));
        if (m) mcids.push(Number(m[1]));
        stack.push(operands[0] === '/Artifact' ? 'artifact' : m ? 'content' : 'other');
      } else if (token === 'BMC') {
        stack.push(operands[0] === '/Artifact' ? 'artifact' : 'other');
      } else if (token === 'EMC') {
        if (stack.pop() === undefined) report('EMC without BMC/BDC');
      } else if (PAINTING.has(token) && !stack.some((kind) => kind !== 'other')) {
        unmarked++;
      }
      operands = [];
    } else {
      operands.push(token);
    }
  }
  if (stack.length > 0) report('marked content left open');
  if (unmarked > 0) report(`${unmarked} painting operators are neither tagged content nor artifacts`);
  return mcids;
}

/** The text of the structure tree in reading order, as poppler reads it (`pdfinfo -struct-text`). */
export function structureText(file: string): string {
  const out = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return out
    .split('\n')
    .map((line) => /^\s*"(.*)"\s*$/.exec(line)?.[1])
    .filter((line): line is string => line !== undefined)
    .join('\n');
}

/** Letters and digits of `text` as words, for comparing reading orders. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/-\n(?=\p{L})/gu, '') // a word broken after a hyphen at a line's end, which pdftotext joins too
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((w) => w !== '');
}

/**
 * Whether the structure reads in the order the page shows: the structure's
 * words appear in pdftotext's text in the same order (pdftotext also reads
 * the furniture, which the structure leaves out). Returns the first word out
 * of order, or undefined. `shownText` is pdftotext's, `readText` structureText's.
 */
export function outOfOrder(shownText: string, readText: string): { word: string; at: number } | undefined {
  // Poppler reads right-to-left and shaped text (Arabic, Hebrew, Devanagari, Thai)
  // through /ActualText from the page, but glyph by glyph from the structure,
  // where a screen reader takes the Span's /ActualText instead (checked in
  // the packet tests below). A stretch of such words counts as one word here.
  const complex = /[\u0590-\u0e7f]/;
  const key = (words: string[]): string[] =>
    words.map((w) => (complex.test(w) ? '\u2026' : w)).filter((w, i, all) => w !== '\u2026' || all[i - 1] !== '\u2026');
  const shown = key(wordsOf(shownText));
  const read = key(wordsOf(readText));
  let j = 0;
  for (let i = 0; i < read.length; i++) {
    while (j < shown.length && shown[j] !== read[i]) j++;
    if (j === shown.length) return { word: read[i]!, at: i };
    j++;
  }
  return undefined;
}
