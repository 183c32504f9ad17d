/**
 * What every page carries once the page count is known: the running footer
 * (document footer left, "Page X of Y" right, thin rule above, small grey
 * type) and, for a career office, a header with its logo and name. Fields
 * that do not fit are dropped whole (fields are separated by " · "); a
 * field is shortened only when it cannot fit alone, and that is reported.
 * A letter carries none of this, except page numbers from its second page.
 */
import type { Box, LayoutPage } from './layout-types.js';
import type { Finding } from './preflight.js';
import type { Metrics } from './measure.js';
import type { Typography } from './typography.js';
import type { ImageSize } from './image-size.js';

/** What the furniture shows. */
export interface FurnitureContent {
  /** Left part of the footer. */
  readonly footer: string;
  /** A letter: no header or footer, page numbers only on a second page and later. */
  readonly letter?: boolean;
  /** The office header, when the theme names an office. */
  readonly office?: {
    readonly name: string;
    readonly contact: readonly string[];
    /** Pixel size of the logo, when there is one. */
    readonly logo?: ImageSize;
  };
}

/** Pages with their header and footer, and what had to be cut to fit. */
export interface Furnished {
  readonly pages: LayoutPage[];
  readonly findings: Finding[];
}

/** Separator of fields in the footer and the office's contact line. */
const FIELD_SEPARATOR = ' \u00b7 ';

/**
 * Adds header and footer boxes to every page, marked as furniture. The logo
 * on the first page is content instead: the structure element `logoTag`.
 */
export function addPageFurniture(
  pages: readonly Box[][],
  content: FurnitureContent,
  typography: Typography,
  metrics: Metrics,
  logoTag?: number,
): Furnished {
  const findings: Finding[] = [];
  // Reported once per field, not once per page.
  const cut: ReportCut = (what, text) => {
    if (findings.some((f) => f.message.startsWith(`the ${what} `))) return;
    findings.push({
      code: 'furniture-cut',
      page: 1,
      message: `the ${what} "${text}" is too long for the page and was shortened`,
      hint: "shorten it (kit.yaml for the office, the document's footer otherwise)",
    });
  };
  const header = content.office ? headerBoxes(content.office, typography, metrics, cut).map((box) => ({ ...box, furniture: 'header' as const })) : [];
  const firstHeader = header.map((box) => (box.kind === 'image' && logoTag !== undefined ? { kind: box.kind, image: box.image, x: box.x, y: box.y, width: box.width, height: box.height, tag: logoTag } : box));
  const furnished = pages.map((boxes, i) => {
    if (content.letter && i === 0) return { boxes: [...boxes] };
    const footer = footerBoxes(content.letter ? '' : content.footer, i + 1, pages.length, typography, metrics, cut).map((box) => ({ ...box, furniture: 'footer' as const }));
    return { boxes: [...(i === 0 ? firstHeader : header), ...boxes, ...footer] };
  });
  return { pages: furnished, findings };
}

/** "Page 2 of 5". */
export function pageLabel(page: number, total: number): string {
  return `Page ${page} of ${total}`;
}

type ReportCut = (what: string, text: string) => void;

function footerBoxes(text: string, page: number, total: number, t: Typography, metrics: Metrics, cut: ReportCut): Box[] {
  const style = t.footer;
  const ruleY = t.bottom + style.ruleGap;
  const baseline = round(ruleY + 11);
  const label = pageLabel(page, total);
  const labelWidth = metrics.widthOf(label, 'regular', style.size);
  const room = t.right - t.left - labelWidth - 24;
  const left = fitFields(text, room, style.size, metrics, 'regular', (shown) => cut('footer', shown));
  const boxes: Box[] = [
    { kind: 'line', x1: t.left, y1: round(ruleY), x2: t.right, y2: round(ruleY), thickness: 0.5, color: t.colors.rule },
  ];
  if (left !== '') {
    boxes.push({ kind: 'text', x: t.left, y: baseline, width: round(metrics.widthOf(left, 'regular', style.size)), text: left, font: 'regular', size: style.size, color: style.color });
  }
  boxes.push({ kind: 'text', x: round(t.right - labelWidth), y: baseline, width: round(labelWidth), text: label, font: 'regular', size: style.size, color: style.color });
  return boxes;
}

function headerBoxes(office: NonNullable<FurnitureContent['office']>, t: Typography, metrics: Metrics, cut: ReportCut): Box[] {
  const style = t.header;
  const ruleY = t.top - style.ruleGap;
  const boxes: Box[] = [
    { kind: 'line', x1: t.left, y1: round(ruleY), x2: t.right, y2: round(ruleY), thickness: 0.5, color: t.colors.rule },
  ];
  let x = t.left;
  let baseline = ruleY - 6;
  if (office.logo) {
    const height = style.logoHeight;
    const width = (office.logo.width / office.logo.height) * height;
    const bottom = ruleY - 5;
    boxes.push({ kind: 'image', image: 'logo', x: t.left, y: round(bottom - height), width: round(width), height });
    x = t.left + width + 8;
    baseline = bottom - height / 2 + style.size * 0.35;
  }
  const nameWidth = metrics.widthOf(office.name, 'bold', style.size);
  // The name comes first; the contact fields take what it leaves, and those that do not fit are dropped.
  const contactRoom = t.right - x - nameWidth - 16;
  const contact = dropFields(office.contact, contactRoom, style.size, metrics, 'regular');
  const contactWidth = contact === '' ? 0 : metrics.widthOf(contact, 'regular', style.size);
  const nameRoom = t.right - x - (contactWidth > 0 ? contactWidth + 16 : 0);
  const name = fitFields(office.name, nameRoom, style.size, metrics, 'bold', (shown) => cut('office name', shown));
  if (name !== '') {
    boxes.push({ kind: 'text', x: round(x), y: round(baseline), width: round(metrics.widthOf(name, 'bold', style.size)), text: name, font: 'bold', size: style.size, color: style.color });
  }
  if (contact !== '') {
    boxes.push({ kind: 'text', x: round(t.right - contactWidth), y: round(baseline), width: round(contactWidth), text: contact, font: 'regular', size: style.size, color: t.colors.muted });
  }
  return boxes;
}

type FurnitureFont = 'regular' | 'bold';

/** As many whole fields, from the first, as fit `width`, joined by " · ". */
function dropFields(fields: readonly string[], width: number, size: number, metrics: Metrics, font: FurnitureFont): string {
  let shown = '';
  for (const field of fields) {
    const next = shown === '' ? field : shown + FIELD_SEPARATOR + field;
    if (metrics.widthOf(next, font, size) > width) break;
    shown = next;
  }
  return shown;
}

/**
 * `text` with its " · "-separated fields dropped from the end until it fits
 * `width`. When even the first field does not fit, its last words are dropped
 * for an ellipsis and `onCut` is told — a word is never cut in half.
 */
export function fitFields(text: string, width: number, size: number, metrics: Metrics, font: FurnitureFont, onCut: (shown: string) => void): string {
  if (metrics.widthOf(text, font, size) <= width) return text;
  const fields = text.split(FIELD_SEPARATOR);
  const shown = dropFields(fields, width, size, metrics, font);
  if (shown !== '') return shown;
  const words = fields[0]!.split(' ');
  while (words.length > 0 && metrics.widthOf(`${words.join(' ')}\u2026`, font, size) > width) words.pop();
  const cut = words.length === 0 ? '' : `${words.join(' ')}\u2026`;
  onCut(text);
  return cut;
}

function round(value: number): number {
  return Math.round(value * 100) / 100 + 0;
}
