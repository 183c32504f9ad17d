/**
 * The HTML alternative of an email body: the tree as plain, inline-styled HTML
 * that mail clients show as written (no classes, no external resources).
 */
import { assertNever, type Block, type Inline, type Root } from '../../tree/types.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Writes the tree as a small HTML document. */
export function writeHtmlBody(tree: Root): string {
  const body = tree.children.map(blockToHtml).filter(Boolean).join('\n');
  return `<!DOCTYPE html>\n<html lang="${escapeHtml(tree.meta.language)}">\n<head><meta charset="utf-8"><title>${escapeHtml(tree.meta.title)}</title></head>\n<body>\n${body}\n</body>\n</html>\n`;
}

function blockToHtml(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `<h${block.depth}>${inlinesToHtml(block.children)}</h${block.depth}>`;
    case 'paragraph':
      return `<p>${inlinesToHtml(block.children)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : '';
      const items = block.children.map((item) => `<li>${item.children.map(listBlockToHtml).join('')}</li>`).join('\n');
      return `<${tag}${start}>\n${items}\n</${tag}>`;
    }
    case 'checkbox':
      return `<p>${block.checked ? '&#9745;' : '&#9744;'} ${inlinesToHtml(block.children)}</p>`;
    case 'answerLines':
      return `<p>${Array.from({ length: block.count }, () => '_'.repeat(40)).join('<br>')}</p>`;
    case 'table': {
      const rows = block.rows.map((row, r) => {
        const tag = block.header && r === 0 ? 'th' : 'td';
        return `<tr>${row.map((cell) => `<${tag}>${inlinesToHtml(cell.children)}</${tag}>`).join('')}</tr>`;
      });
      return `<table>\n${rows.join('\n')}\n</table>`;
    }
    case 'callout':
      return `<blockquote>\n${block.children.map(blockToHtml).join('\n')}\n</blockquote>`;
    case 'pageBreak':
      return '';
    default:
      return assertNever(block);
  }
}

/** A paragraph inside a list item without its <p>, so items stay tight. */
function listBlockToHtml(block: Block): string {
  return block.type === 'paragraph' ? inlinesToHtml(block.children) : blockToHtml(block);
}

function inlinesToHtml(children: readonly Inline[]): string {
  return children.map(inlineToHtml).join('');
}

function inlineToHtml(node: Inline): string {
  switch (node.type) {
    case 'text':
      return escapeHtml(node.value);
    case 'strong':
      return `<strong>${inlinesToHtml(node.children)}</strong>`;
    case 'emphasis':
      return `<em>${inlinesToHtml(node.children)}</em>`;
    case 'link':
      return `<a href="${escapeHtml(node.url)}">${inlinesToHtml(node.children)}</a>`;
    case 'break':
      return '<br>\n';
    default:
      return assertNever(node);
  }
}
