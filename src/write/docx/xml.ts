/**
 * WordprocessingML for the document body, written as text.
 *
 * The body is most of a packet's XML. Building it as docx objects and
 * letting docx serialise them cost more than twice as much as the rest of
 * the writer, so the body's paragraphs, runs and tables are written here
 * directly, element for element as docx writes them; docx still builds the
 * package around the body (styles, numbering, relationships, header, footer,
 * properties). See `index.ts` for how the two are joined.
 *
 * List numbering ids and hyperlink relationship ids belong to that package,
 * so the body refers to them through markers that `index.ts` replaces once
 * docx has assigned them.
 */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// Characters XML 1.0 does not allow; Word refuses a file that holds them, so they are dropped.
const INVALID = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF';
const INVALID_XML_CHARS = new RegExp(`[${INVALID}]`, 'g');
const NEEDS_ESCAPE = new RegExp(`[&"'<>${INVALID}]`, 'g');
const NEEDS_ESCAPE_TEST = new RegExp(`[&"'<>${INVALID}]`);

/** Removes characters that would make the document XML invalid (for text handed to docx, which escapes it). */
export function cleanText(value: string): string {
  return value.replace(INVALID_XML_CHARS, '');
}

/** Text or an attribute value, escaped for XML (quotes too, as docx does); invalid characters dropped. */
export function escapeXml(value: string): string {
  return NEEDS_ESCAPE_TEST.test(value) ? value.replace(NEEDS_ESCAPE, (c) => ESCAPES[c] ?? '') : value;
}

/** Marks where the numbering id of the `index`-th list instance goes. */
export const numIdMarker = (index: number): string => `\u0001${index}\u0001`;

/** Marks where the relationship id of the `index`-th hyperlink goes. */
export const linkIdMarker = (index: number): string => `\u0002${index}\u0002`;

/** Replaces the markers with the ids docx assigned. */
export function fillMarkers(xml: string, numIds: readonly string[], linkIds: readonly string[]): string {
  return xml.replace(/([\u0001\u0002])(\d+)\1/g, (_, kind: string, index: string) => {
    const id = (kind === '\u0001' ? numIds : linkIds)[Number(index)];
    if (id === undefined) throw new Error(`DOCX writer: no ${kind === '\u0001' ? 'numbering' : 'hyperlink'} id for marker ${index}`);
    return id;
  });
}

/** Formatting of a run, inherited from the inline nodes around it. */
export interface RunFormat {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly style?: string;
}

function runProperties(format: RunFormat): string {
  if (!format.bold && !format.italics && format.style === undefined) return '';
  let out = '<w:rPr>';
  if (format.style !== undefined) out += `<w:rStyle w:val="${escapeXml(format.style)}"/>`;
  if (format.bold) out += '<w:b/><w:bCs/>';
  if (format.italics) out += '<w:i/><w:iCs/>';
  return `${out}</w:rPr>`;
}

/** A run of text. */
export function textRun(text: string, format: RunFormat = {}): string {
  return `<w:r>${runProperties(format)}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** A line break. */
export function breakRun(format: RunFormat = {}): string {
  return `<w:r>${runProperties(format)}<w:br/></w:r>`;
}

/** A tab. */
export const TAB_RUN = '<w:r><w:tab/></w:r>';

/** A page break, in a paragraph of its own. */
export const PAGE_BREAK_PARAGRAPH = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';

/** A hyperlink around runs, to the relationship marked by `linkIdMarker(index)`. */
export function hyperlink(index: number, runs: string): string {
  return `<w:hyperlink w:history="1" r:id="${linkIdMarker(index)}">${runs}</w:hyperlink>`;
}

/** A Word check box content control (Word 2010 and later), showing ☒ or ☐. */
export function checkBox(checked: boolean, alias?: string): string {
  const symbol = checked ? '2612' : '2610';
  return (
    '<w:sdt><w:sdtPr>' +
    (alias !== undefined ? `<w:alias w:val="${escapeXml(alias)}"/>` : '') +
    `<w14:checkbox><w14:checked w14:val="${checked ? 1 : 0}"/>` +
    '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>' +
    `</w:sdtPr><w:sdtContent><w:r><w:sym w:char="${symbol}" w:font="MS Gothic"/></w:r></w:sdtContent></w:sdt>`
  );
}

/** One side of a paragraph border. */
export interface BorderSide {
  readonly style: string;
  readonly size: number;
  readonly color: string;
  readonly space: number;
}

/** Paragraph borders (the sides a callout uses). */
export interface ParagraphBorder {
  readonly top?: BorderSide;
  readonly left?: BorderSide;
  readonly bottom?: BorderSide;
}

/** Paragraph shading. */
export interface Shading {
  readonly type: string;
  readonly fill: string;
  readonly color: string;
}

/** Indentation in twips. */
export interface Indent {
  readonly left?: number;
  readonly right?: number;
  readonly hanging?: number;
}

/** Where a list paragraph sits in its list. */
export interface NumberingRef {
  readonly reference: string;
  readonly instance: number;
  /** The number of the list's first item. */
  readonly start: number;
  readonly level: number;
}

/** Everything a body paragraph can carry. */
export interface ParagraphOptions {
  readonly style?: string;
  readonly numbering?: NumberingRef;
  readonly indent?: Indent;
  readonly border?: ParagraphBorder;
  readonly shading?: Shading;
  /** The paragraph's content: runs, hyperlinks and check boxes, as XML. */
  readonly runs: string;
}

/** Flags decided once the blocks around a paragraph are known. */
export interface ParagraphFlags {
  readonly keepNext?: boolean;
  readonly keepLines?: boolean;
  readonly pageBreakBefore?: boolean;
}

function borderSide(name: string, side: BorderSide): string {
  return `<w:${name} w:val="${side.style}" w:color="${side.color}" w:sz="${side.size}" w:space="${side.space}"/>`;
}

/**
 * A paragraph. `numId` gives the marker of the paragraph's list instance
 * (see `numIdMarker`); a list paragraph without a style of its own takes
 * List Paragraph, as in Word.
 */
export function paragraph(options: ParagraphOptions, flags: ParagraphFlags, numId?: string): string {
  let props = '';
  const style = options.style ?? (options.numbering ? 'ListParagraph' : undefined);
  if (style !== undefined) props += `<w:pStyle w:val="${escapeXml(style)}"/>`;
  if (flags.keepNext) props += '<w:keepNext/>';
  if (flags.keepLines) props += '<w:keepLines/>';
  if (flags.pageBreakBefore) props += '<w:pageBreakBefore/>';
  if (options.numbering && numId !== undefined) {
    props += `<w:numPr><w:ilvl w:val="${options.numbering.level}"/><w:numId w:val="${numId}"/></w:numPr>`;
  }
  const { border, shading, indent } = options;
  if (border && (border.top || border.left || border.bottom)) {
    props += '<w:pBdr>';
    if (border.top) props += borderSide('top', border.top);
    if (border.left) props += borderSide('left', border.left);
    if (border.bottom) props += borderSide('bottom', border.bottom);
    props += '</w:pBdr>';
  }
  if (shading) props += `<w:shd w:fill="${shading.fill}" w:color="${shading.color}" w:val="${shading.type}"/>`;
  if (indent && (indent.left !== undefined || indent.right !== undefined || indent.hanging !== undefined)) {
    props += '<w:ind';
    if (indent.left !== undefined) props += ` w:left="${indent.left}"`;
    if (indent.right !== undefined) props += ` w:right="${indent.right}"`;
    if (indent.hanging !== undefined) props += ` w:hanging="${indent.hanging}"`;
    props += '/>';
  }
  const pPr = props === '' ? '' : `<w:pPr>${props}</w:pPr>`;
  return `<w:p>${pPr}${options.runs}</w:p>`;
}
