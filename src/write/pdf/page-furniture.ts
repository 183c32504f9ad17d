/**
 * What every page carries once the page count is known: the running footer
 * (document footer left, "Page X of Y" right, thin rule above, small grey
 * type) and, for a career office, a header with its logo and name.
 */
import type { Box, LayoutPage } from './layout-types.js';
import type { Metrics } from './measure.js';
import type { Typography } from './typography.js';
import type { ImageSize } from './image-size.js';

/** What the furniture shows. */
export interface FurnitureContent {
  /** Left part of the footer. */
  readonly footer: string;
  /** The office header, when the theme names an office. */
  readonly office?: {
    readonly name: string;
    readonly contact: readonly string[];
    /** Pixel size of the logo, when there is one. */
    readonly logo?: ImageSize;
  };
}

/** Adds header and footer boxes to every page. */
export function addPageFurniture(
  pages: readonly Box[][],
  content: FurnitureContent,
  typography: Typography,
  metrics: Metrics,
): LayoutPage[] {
  const header = content.office ? headerBoxes(content.office, typography, metrics) : [];
  return pages.map((boxes, i) => ({
    boxes: [...header, ...boxes, ...footerBoxes(content.footer, i + 1, pages.length, typography, metrics)],
  }));
}

/** "Page 2 of 5". */
export function pageLabel(page: number, total: number): string {
  return `Page ${page} of ${total}`;
}

function footerBoxes(text: string, page: number, total: number, t: Typography, metrics: Metrics): Box[] {
  const style = t.footer;
  const ruleY = t.bottom + style.ruleGap;
  const baseline = round(ruleY + 11);
  const label = pageLabel(page, total);
  const labelWidth = metrics.widthOf(label, 'regular', style.size);
  const room = t.right - t.left - labelWidth - 24;
  const left = fitText(text, room, style.size, metrics);
  const boxes: Box[] = [
    { kind: 'line', x1: t.left, y1: round(ruleY), x2: t.right, y2: round(ruleY), thickness: 0.5, color: t.colors.rule },
  ];
  if (left !== '') {
    boxes.push({ kind: 'text', x: t.left, y: baseline, width: round(metrics.widthOf(left, 'regular', style.size)), text: left, font: 'regular', size: style.size, color: style.color });
  }
  boxes.push({ kind: 'text', x: round(t.right - labelWidth), y: baseline, width: round(labelWidth), text: label, font: 'regular', size: style.size, color: style.color });
  return boxes;
}

function headerBoxes(office: NonNullable<FurnitureContent['office']>, t: Typography, metrics: Metrics): Box[] {
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
  const contact = office.contact.join('  \u00b7  ');
  const contactWidth = contact === '' ? 0 : metrics.widthOf(contact, 'regular', style.size);
  const nameRoom = t.right - x - (contactWidth > 0 ? Math.min(contactWidth, (t.right - x) / 2) + 16 : 0);
  const name = fitText(office.name, nameRoom, style.size, metrics, 'bold');
  if (name !== '') {
    boxes.push({ kind: 'text', x: round(x), y: round(baseline), width: round(metrics.widthOf(name, 'bold', style.size)), text: name, font: 'bold', size: style.size, color: style.color });
  }
  if (contact !== '') {
    const shown = fitText(contact, (t.right - x) / 2, style.size, metrics);
    const width = metrics.widthOf(shown, 'regular', style.size);
    boxes.push({ kind: 'text', x: round(t.right - width), y: round(baseline), width: round(width), text: shown, font: 'regular', size: style.size, color: t.colors.muted });
  }
  return boxes;
}

/** `text` shortened with an ellipsis until it fits `width`. */
export function fitText(text: string, width: number, size: number, metrics: Metrics, font: 'regular' | 'bold' = 'regular'): string {
  if (metrics.widthOf(text, font, size) <= width) return text;
  const chars = Array.from(text);
  while (chars.length > 0 && metrics.widthOf(chars.join('') + '\u2026', font, size) > width) chars.pop();
  return chars.length === 0 ? '' : chars.join('').trimEnd() + '\u2026';
}

function round(value: number): number {
  return Math.round(value * 100) / 100 + 0;
}
