/**
 * The output of layout: pages of positioned boxes, plain JSON-serialisable
 * data that `paint` turns into pdf-lib calls and tests compare as goldens.
 *
 * Coordinates are PDF points measured from the TOP-LEFT corner of the page
 * (y grows downwards, as a reader reads); `paint` flips them. For text, `y`
 * is the baseline; for every other box, `y` is the top edge.
 */

/**
 * What every box may carry for tagged PDF: `tag`, the structure element
 * (see `StructElement`) whose content the box is; `furniture`, set on the
 * running header and footer. A box without a `tag` is an artifact: drawn,
 * but not read aloud.
 */
export interface Tagging {
  readonly tag?: number;
  readonly furniture?: 'header' | 'footer';
}

/** The four faces of the family. */
export type FontKey = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** A run of text in one font, size and colour (`color` as #rrggbb). */
export interface TextBox extends Tagging {
  readonly kind: 'text';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly text: string;
  readonly font: FontKey;
  readonly size: number;
  readonly color: string;
}

/** A straight line (rules, underlines, answer lines). */
export interface LineBox extends Tagging {
  readonly kind: 'line';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly thickness: number;
  readonly color: string;
}

/** A filled rectangle (table rows, callout backgrounds and bars). */
export interface RectBox extends Tagging {
  readonly kind: 'rect';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fill: string;
}

/** A drawn tick box; `name` is set when it may become a form check box. */
export interface CheckboxBox extends Tagging {
  readonly kind: 'checkbox';
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly checked: boolean;
  readonly color: string;
  readonly name?: string;
  /** What the check box is for, spoken by screen readers (its text). */
  readonly label?: string;
}

/** A clickable area opening `url`. */
export interface LinkBox extends Tagging {
  readonly kind: 'link';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly url: string;
}

/** Where a fillable multi-line text field goes (painted only when forms are on). */
export interface FieldBox extends Tagging {
  readonly kind: 'field';
  readonly name: string;
  /** What the field is for, spoken by screen readers (the question it answers). */
  readonly label?: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The office logo. */
export interface ImageBox extends Tagging {
  readonly kind: 'image';
  readonly image: 'logo';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Anything layout places on a page. */
export type Box = TextBox | LineBox | RectBox | CheckboxBox | LinkBox | FieldBox | ImageBox;

/** One page: boxes in painting order. */
export interface LayoutPage {
  readonly boxes: Box[];
}

/** An entry of the PDF outline. `page` is 0-based; `y` is the heading's top. */
export interface Bookmark {
  readonly title: string;
  readonly level: 1 | 2;
  readonly page: number;
  readonly y: number;
}

/** The structure types of tagged PDF the writer uses (PDF 32000-1, 14.8.4). */
export type StructRole = 'Document' | 'H1' | 'H2' | 'H3' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Table' | 'TR' | 'TH' | 'TD' | 'Link' | 'Form' | 'Figure';

/**
 * One element of the document's logical structure. Elements are listed in
 * reading order; `id` is the index in that list, and element 0 is the
 * Document, the only one whose `parent` is -1.
 */
export interface StructElement {
  readonly id: number;
  readonly role: StructRole;
  readonly parent: number;
  /** Alternate text (a Figure's description). */
  readonly alt?: string;
  /** Which cells a header cell heads. */
  readonly scope?: 'Column' | 'Row';
}

/** The kinds of finding. */
export const FINDING_CODES = [
  'markup-left',
  'missing-glyph',
  'stranded-heading',
  'question-split',
  'table-split',
  'widow-orphan',
  'short-page',
  'furniture-cut',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** One defect of the laid-out pages. `page` is 1-based. */
export interface Finding {
  readonly code: FindingCode;
  readonly page: number;
  readonly message: string;
  readonly hint: string;
}

/** What else the preflight needs to know. */
export interface PreflightOptions {
  /** The student's own values: markup inside them is theirs to print. */
  readonly values?: readonly string[];
}

/** The laid-out document. */
export interface LayoutResult {
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly pages: LayoutPage[];
  readonly bookmarks: Bookmark[];
  /** The logical structure the boxes' `tag`s point into, in reading order. */
  readonly structure: StructElement[];
  /** Characters the fonts have no glyph for, each once, in order of appearance. */
  readonly missingCharacters: string[];
  /** The preflight's findings: defects of these pages, in page order (see preflight.ts). */
  readonly findings: Finding[];
}
