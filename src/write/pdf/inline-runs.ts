/**
 * Flattens a tree's inline nodes (text, strong, emphasis, link, break) into
 * styled runs: plain strings with a face and, for links, a URL.
 */
import { assertNever, type Inline } from '../../tree/types.js';
import type { FontKey } from './layout-types.js';

/** A piece of text in one face; `text === '\n'` is a forced line break. */
export interface StyledRun {
  readonly text: string;
  readonly font: FontKey;
  readonly link?: string;
}

/** The weight and slant inherited by inline content. */
export interface InlineStyle {
  readonly bold: boolean;
  readonly italic: boolean;
}

/** The marker run for a forced line break. */
export const LINE_BREAK = '\n';

const PLAIN: InlineStyle = { bold: false, italic: false };

// Control and invisible format characters that have no business in print:
// C0/C1 controls, soft hyphen, zero-width spaces and joiners, bidi marks, BOM.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
const WHITESPACE = /[\t\n\r\u2028\u2029]+/g;

/** NFC-normalises text, turns tabs and newlines into spaces and drops invisible characters. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(WHITESPACE, ' ').replace(INVISIBLE, '');
}

/** Face key of a weight/slant combination. */
export function fontKeyOf(style: InlineStyle): FontKey {
  if (style.bold) return style.italic ? 'boldItalic' : 'bold';
  return style.italic ? 'italic' : 'regular';
}

/** Flattens inline nodes into runs, normalising the text on the way. */
export function flattenInlines(
  nodes: readonly Inline[],
  base: InlineStyle = PLAIN,
  link?: string,
): StyledRun[] {
  const runs: StyledRun[] = [];
  collect(nodes, base, link, runs);
  return runs;
}

function collect(nodes: readonly Inline[], style: InlineStyle, link: string | undefined, out: StyledRun[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text': {
        const text = normalizeText(node.value);
        if (text !== '') out.push(link ? { text, font: fontKeyOf(style), link } : { text, font: fontKeyOf(style) });
        break;
      }
      case 'strong':
        collect(node.children, { ...style, bold: true }, link, out);
        break;
      case 'emphasis':
        collect(node.children, { ...style, italic: true }, link, out);
        break;
      case 'link': {
        const before = out.length;
        collect(node.children, style, node.url, out);
        // A link with no text shows its address.
        if (out.length === before) out.push({ text: normalizeText(node.url), font: fontKeyOf(style), link: node.url });
        break;
      }
      case 'break':
        out.push({ text: LINE_BREAK, font: fontKeyOf(style) });
        break;
      default:
        assertNever(node);
    }
  }
}

