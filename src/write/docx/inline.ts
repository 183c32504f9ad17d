/**
 * Inline nodes → runs: text, bold, italic (nesting combines them), external
 * hyperlinks in the Hyperlink style, and line breaks (two in a row leave a
 * blank line). Text in East Asian and complex scripts gets its fonts,
 * language and direction (scripts.ts).
 */
import { ExternalHyperlink, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import { assertNever, type Inline } from '../../tree/types.js';
import { splitScripts } from './scripts.js';
import { STYLE } from './styles.js';

/** Formatting of a run, inherited from the inline nodes around it. */
export interface RunFormat {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly style?: string;
  readonly color?: string;
}

// Characters XML 1.0 does not allow (Word refuses a file that holds them), and
// the bidi isolates around values from the student's file: Word orders text by
// its runs' direction (see scripts.ts), so the isolates are not needed.
const DROPPED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\u2066-\u2069]/g;

/** Text as it may go into a run. */
export function cleanText(value: string): string {
  return value.replace(DROPPED, '');
}

/** The runs of a text in the document's language: one per script it changes to. */
export function textRuns(value: string, language: string, format: RunFormat = {}): TextRun[] {
  const text = cleanText(value);
  if (text === '') return [];
  return splitScripts(text, language).map(({ text, script }) => {
    const options: IRunOptions = { text, ...format };
    if (!script) return new TextRun(options);
    return new TextRun({
      ...options,
      font: script.font,
      language: { value: language, ...script.language },
      ...(script.rightToLeft ? { rightToLeft: true } : {}),
    });
  });
}

/** Converts inline nodes to runs and hyperlinks. */
export function convertInlines(nodes: readonly Inline[], language: string, format: RunFormat = {}): ParagraphChild[] {
  return nodes.flatMap((node) => convertInline(node, language, format));
}

function convertInline(node: Inline, language: string, format: RunFormat): ParagraphChild[] {
  switch (node.type) {
    case 'text':
      return textRuns(node.value, language, format);
    case 'strong':
      return convertInlines(node.children, language, { ...format, bold: true });
    case 'emphasis':
      return convertInlines(node.children, language, { ...format, italics: true });
    case 'link': {
      const { color: _own, ...rest } = format;
      const linkFormat = { ...rest, style: STYLE.hyperlink };
      const runs = convertInlines(node.children, language, linkFormat);
      return [new ExternalHyperlink({ link: node.url, children: runs.length > 0 ? runs : textRuns(node.url, language, linkFormat) })];
    }
    case 'break':
      return [new TextRun({ break: 1, ...format })];
    default:
      return assertNever(node);
  }
}
