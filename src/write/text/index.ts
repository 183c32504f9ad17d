/**
 * The plain-text writer: document tree → text to paste into an email.
 *
 * Paragraphs are not wrapped: Gmail, Outlook and Apple Mail reflow pasted text
 * themselves, and hard breaks at 72 columns turn into ragged lines on a phone.
 * Blocks are separated by one blank line; a forced break inside a paragraph (a
 * signature) stays a line break. Bold and italic lose their marks, a link shows
 * its address in parentheses unless the text already is the address, lists use
 * "- " and "1. ", check boxes "[ ]" and "[x]", writing space a row of underscores,
 * a callout (the draft's note) is quoted with "> ".
 *
 * @example
 * writeText(parseMarkdown('Dear Dr. Núñez,\n\nThank you.', meta)); // "Dear Dr. Núñez,\n\nThank you.\n"
 */
import { assertNever, type Block, type Inline, type ListItem, type Root, type Table } from '../../tree/types.js';

/** Line ending and the characters of the plain-text output. */
export interface TextOptions {
  /** "\n" (default) or "\r\n". */
  readonly newline?: '\n' | '\r\n';
}

/** Writes the tree as plain text, ending with one newline. */
export function writeText(tree: Root, options: TextOptions = {}): string {
  const text = blocksToText(tree.children).join('\n\n').replace(/\n{3,}/g, '\n\n').trim();
  const newline = options.newline ?? '\n';
  return (text + '\n').replace(/\n/g, newline);
}

/** Each block as a chunk of lines; chunks are joined by blank lines. */
function blocksToText(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    const text = blockToText(block);
    if (text !== '') out.push(text);
  }
  return out;
}

function blockToText(block: Block): string {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return paragraphText(block.children);
    case 'list':
      return block.children.map((item, i) => listItemText(item, block.ordered ? `${block.start + i}. ` : '- ')).join('\n');
    case 'checkbox':
      return `[${block.checked ? 'x' : ' '}] ${paragraphText(block.children)}`;
    case 'answerLines':
      return Array.from({ length: block.count }, () => '_'.repeat(60)).join('\n');
    case 'table':
      return tableText(block);
    case 'callout':
      // Quoted, as mail quotes: the draft's note stands apart from the message.
      return blocksToText(block.children)
        .join('\n\n')
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    case 'pageBreak':
      return '';
    default:
      return assertNever(block);
  }
}

/** An item's first line after its marker, further lines indented to line up with it. */
function listItemText(item: ListItem, marker: string): string {
  const body = blocksToText(item.children).join('\n');
  const indent = ' '.repeat(marker.length);
  return marker + body.split('\n').map((line, i) => (i === 0 || line === '' ? line : indent + line)).join('\n');
}

/** Cells separated by " | ", one row a line; the header row underlined. */
function tableText(table: Table): string {
  const rows = table.rows.map((row) => row.map((cell) => inlineText(cell.children).replace(/\n/g, ' ').trim()));
  const lines = rows.map((cells) => cells.join(' | ').trim());
  if (table.header && lines.length > 1) lines.splice(1, 0, '-'.repeat(Math.min(72, lines[0]!.length)));
  return lines.join('\n');
}

/** Inline content with the spaces around forced breaks and at both ends removed. */
function paragraphText(children: readonly Inline[]): string {
  return inlineText(children).replace(/[ \t]*\n[ \t]*/g, '\n').trim();
}

function inlineText(children: readonly Inline[]): string {
  let out = '';
  for (const node of children) out += inlineToText(node);
  return out;
}

function inlineToText(node: Inline): string {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'strong':
    case 'emphasis':
      return inlineText(node.children);
    case 'link': {
      const text = inlineText(node.children);
      if (text.trim() === '') return node.url.replace(/^mailto:/, '');
      return linkShowsAddress(text, node.url) ? text : `${text} (${node.url.replace(/^mailto:/, '')})`;
    }
    case 'break':
      return '\n';
    default:
      return assertNever(node);
  }
}

/** True when the link text already is the address (with or without scheme and trailing slash). */
function linkShowsAddress(text: string, url: string): boolean {
  const bare = (s: string) => s.trim().toLowerCase().replace(/^(https?:\/\/|mailto:)/, '').replace(/^www\./, '').replace(/\/$/, '');
  return bare(text) === bare(url);
}
