/**
 * The output of layout: pages of positioned boxes, plain JSON-serialisable
 * data that `paint` turns into pdf-lib calls and tests compare as goldens.
 *
 * Coordinates are PDF points measured from the TOP-LEFT corner of the page
 * (y grows downwards, as a reader reads); `paint` flips them. For text, `y`
 * is the baseline; for every other box, `y` is the top edge.
 */

/** The four faces of the family. */
export type FontKey = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** A run of text in one font, size and colour (`color` as #rrggbb). */
export interface TextBox {
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
export interface LineBox {
  readonly kind: 'line';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly thickness: number;
  readonly color: string;
}

/** A filled rectangle (table rows, callout backgrounds and bars). */
export interface RectBox {
  readonly kind: 'rect';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fill: string;
}

/** A drawn tick box; `name` is set when it may become a form check box. */
export interface CheckboxBox {
  readonly kind: 'checkbox';
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly checked: boolean;
  readonly color: string;
  readonly name?: string;
}

/** A clickable area opening `url`. */
export interface LinkBox {
  readonly kind: 'link';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly url: string;
}

/** Where a fillable multi-line text field goes (painted only when forms are on). */
export interface FieldBox {
  readonly kind: 'field';
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The office logo. */
export interface ImageBox {
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

import type { Finding } from './preflight.js';

/** The laid-out document. */
export interface LayoutResult {
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly pages: LayoutPage[];
  readonly bookmarks: Bookmark[];
  /** Characters the fonts have no glyph for, each once, in order of appearance. */
  readonly missingCharacters: string[];
  /** The preflight's findings: defects of these pages, in page order (see preflight.ts). */
  readonly findings: Finding[];
}
