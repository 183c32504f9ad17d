/**
 * Inline nodes → runs: text, bold, italic (nesting combines them), external
 * hyperlinks in the Hyperlink style, and line breaks.
 */
import { ExternalHyperlink, TextRun, type ParagraphChild } from 'docx';
import { assertNever, type Inline } from '../../tree/types.js';
import { STYLE } from './styles.js';

/** Formatting inherited from the inline nodes around a run. */
export interface RunFormat {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly style?: string;
}

// Characters XML 1.0 does not allow; Word refuses a file that holds them.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Removes characters that would make the document XML invalid. */
export function cleanText(value: string): string {
  return value.replace(INVALID_XML_CHARS, '');
}

/** Converts inline nodes to paragraph children. */
export function convertInlines(nodes: readonly Inline[], format: RunFormat = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of nodes) appendInline(node, format, out);
  return out;
}

function appendInline(node: Inline, format: RunFormat, out: ParagraphChild[]): void {
  switch (node.type) {
    case 'text':
      if (node.value !== '') out.push(new TextRun({ ...format, text: cleanText(node.value) }));
      return;
    case 'strong':
      for (const child of node.children) appendInline(child, { ...format, bold: true }, out);
      return;
    case 'emphasis':
      for (const child of node.children) appendInline(child, { ...format, italics: true }, out);
      return;
    case 'link': {
      const children: ParagraphChild[] = [];
      for (const child of node.children) appendInline(child, { ...format, style: STYLE.hyperlink }, children);
      if (children.length === 0) children.push(new TextRun({ ...format, style: STYLE.hyperlink, text: node.url }));
      out.push(new ExternalHyperlink({ link: node.url, children }));
      return;
    }
    case 'break':
      out.push(new TextRun({ ...format, break: 1 }));
      return;
    default:
      assertNever(node);
  }
}
